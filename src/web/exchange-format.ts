/**
 * How the exchange pages show quantities, windows, scores and groups of pledges: plain functions
 * that return numbers in the interface language, or a catalogue key with its parameters for the
 * page to translate. No React, no DOM.
 */
import {
  PLEDGE_STATUSES,
  type ExchangeItem,
  type KindTotals,
  type MatchPart,
  type Party,
  type Pledge,
  type PledgeStatus,
} from '../shared/exchange.ts';

/** A catalogue key under `exchange.` with its parameters. */
export interface Phrase {
  key:
    | 'quantity.hoursForWeeks'
    | 'quantity.hoursPerWeek'
    | 'quantity.forWeeks'
    | 'quantity.money'
    | 'quantity.capacity'
    | 'quantity.hours'
    | 'quantity.days'
    | 'window.fromUntil'
    | 'window.from'
    | 'window.until'
    | 'window.any';
  params: Record<string, string | number>;
}

/** A number in the interface language (at most two decimals). */
export function formatNumber(n: number, lang: string): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(n);
}

/**
 * An amount of money in its currency (a code the browser does not know is written after it).
 *
 * @example
 * formatMoney(8000, 'EUR', 'en'); // '€8,000'
 * formatMoney(12.5, 'EUR', 'nl'); // '€ 12,50'
 */
export function formatMoney(amount: number, currency: string, lang: string): string {
  try {
    return new Intl.NumberFormat(lang, {
      style: 'currency',
      currency,
      minimumFractionDigits: Number.isInteger(amount) ? 0 : 2,
      maximumFractionDigits: 2,
    }).format(amount);
  } catch {
    return `${formatNumber(amount, lang)} ${currency}`;
  }
}

/**
 * The quantity that says most about an item: hours a week (and for how many weeks), an amount,
 * how many people a space holds; null for kinds that are not measured, or when none was given.
 *
 * @example
 * keyQuantity({ kind: 'expertise', hoursPerWeek: 4, durationWeeks: 26, … }, 'en');
 * // { key: 'quantity.hoursForWeeks', params: { hours: '4', weeks: '26', count: 4 } }
 */
export function keyQuantity(
  item: Pick<
    ExchangeItem,
    'kind' | 'hoursPerWeek' | 'durationWeeks' | 'amount' | 'currency' | 'capacity'
  >,
  lang: string,
): Phrase | null {
  switch (item.kind) {
    case 'expertise':
    case 'people': {
      const { hoursPerWeek: h, durationWeeks: w } = item;
      if (h !== null && w !== null)
        return {
          key: 'quantity.hoursForWeeks',
          params: { hours: formatNumber(h, lang), weeks: formatNumber(w, lang), count: w },
        };
      if (h !== null)
        return { key: 'quantity.hoursPerWeek', params: { hours: formatNumber(h, lang), count: h } };
      if (w !== null)
        return { key: 'quantity.forWeeks', params: { weeks: formatNumber(w, lang), count: w } };
      return null;
    }
    case 'money':
      return item.amount !== null && item.currency !== null
        ? {
            key: 'quantity.money',
            params: { money: formatMoney(item.amount, item.currency, lang) },
          }
        : null;
    case 'space':
      return item.capacity !== null
        ? {
            key: 'quantity.capacity',
            params: { people: formatNumber(item.capacity, lang), count: item.capacity },
          }
        : null;
    default:
      return null;
  }
}

/**
 * What a pledge gives: hours, an amount or days; null for kinds without a quantity.
 *
 * @example
 * pledgeQuantity({ hours: 104, amount: null, currency: null, days: null }, 'en');
 * // { key: 'quantity.hours', params: { hours: '104', count: 104 } }
 */
export function pledgeQuantity(
  pledge: Pick<Pledge, 'hours' | 'amount' | 'currency' | 'days'>,
  lang: string,
): Phrase | null {
  if (pledge.hours !== null)
    return {
      key: 'quantity.hours',
      params: { hours: formatNumber(pledge.hours, lang), count: pledge.hours },
    };
  if (pledge.amount !== null && pledge.currency !== null)
    return {
      key: 'quantity.money',
      params: { money: formatMoney(pledge.amount, pledge.currency, lang) },
    };
  if (pledge.days !== null)
    return {
      key: 'quantity.days',
      params: { days: formatNumber(pledge.days, lang), count: pledge.days },
    };
  return null;
}

/** The item's window of availability in words (dates in the interface language). */
export function itemWindow(
  item: Pick<ExchangeItem, 'availableFrom' | 'availableUntil'>,
  formatDate: (iso: string) => string,
): Phrase {
  const { availableFrom: from, availableUntil: until } = item;
  if (from && until)
    return {
      key: 'window.fromUntil',
      params: { from: formatDate(from), until: formatDate(until) },
    };
  if (from) return { key: 'window.from', params: { from: formatDate(from) } };
  if (until) return { key: 'window.until', params: { until: formatDate(until) } };
  return { key: 'window.any', params: {} };
}

/** Money per currency, in the interface language, joined by commas ('' for none). */
export function formatAmounts(amounts: KindTotals['amounts'], lang: string): string {
  return amounts.map((a) => formatMoney(a.amount, a.currency, lang)).join(', ');
}

/**
 * A match score (0..1) as a whole percentage.
 *
 * @example
 * scorePercent(0.6783); // 68
 */
export function scorePercent(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 100);
}

/**
 * A share (0..1) as a percentage in the interface language, or null when there is none.
 *
 * @example
 * formatShare(0.5, 'en'); // '50%'
 */
export function formatShare(share: number | null, lang: string): string | null {
  if (share === null) return null;
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/**
 * The points a part of a match earned and the most it could earn, out of 100 for the whole score.
 *
 * @example
 * partPoints({ weight: 0.35, points: 0.0883, … }, 'en'); // { points: '8.8', weight: '35' }
 */
export function partPoints(
  part: Pick<MatchPart, 'weight' | 'points'>,
  lang: string,
): { points: string; weight: string } {
  const f = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  return { points: f.format(part.points * 100), weight: f.format(part.weight * 100) };
}

/** Who stands behind one side of a pledge: an organisation's name, a person's, or null (erased). */
export function partyName(party: Party): string | null {
  return party.organisation?.name ?? party.person ?? null;
}

/**
 * Pledges by status, in the order of the statuses (proposed first), leaving out empty groups;
 * within a group the order they came in.
 *
 * @example
 * groupByStatus([{ status: 'confirmed', … }, { status: 'proposed', … }]).map((g) => g.status);
 * // ['proposed', 'confirmed']
 */
export function groupByStatus<P extends { status: PledgeStatus }>(
  pledges: readonly P[],
): { status: PledgeStatus; pledges: P[] }[] {
  return PLEDGE_STATUSES.values
    .map((status) => ({ status, pledges: pledges.filter((p) => p.status === status) }))
    .filter((g) => g.pledges.length > 0);
}

/** The totals of one kind, or zeros when there are none. */
export function totalsOf(totals: readonly KindTotals[], kind: KindTotals['kind']): KindTotals {
  return (
    totals.find((t) => t.kind === kind) ?? { kind, pledges: 0, hours: 0, days: 0, amounts: [] }
  );
}

/** The kinds that occur in any of the lists, in the order of the vocabulary. */
export function kindsIn(
  order: readonly KindTotals['kind'][],
  ...lists: readonly (readonly KindTotals[])[]
): KindTotals['kind'][] {
  const present = new Set(lists.flatMap((l) => l.map((t) => t.kind)));
  return order.filter((k) => present.has(k));
}
