/**
 * The ledger of what was shared: sums of confirmed pledges by kind, and an organisation's
 * connective-capacity profile — what it gave and received, with whom, and how many of its ties
 * cross a sector (another kind of party) or a border (another country).
 */
import type { PartyKind, ResourceKind } from './types.ts';

export interface LedgerParty {
  /** `o:<id>` for an organisation, `u:<id>` for a person. */
  key: string;
  kind: PartyKind;
  country: string | null;
}

export interface LedgerPledge {
  kind: ResourceKind;
  giver: LedgerParty;
  receiver: LedgerParty;
  hours: number | null;
  amount: number | null;
  currency: string | null;
  days: number | null;
}

export interface KindTotal {
  kind: ResourceKind;
  pledges: number;
  hours: number;
  days: number;
  amounts: { currency: string; amount: number }[];
}

/** Money is summed in cents, so sums of amounts with cents come out exact. */
const cents = (amount: number) => Math.round(amount * 100);

/**
 * Sums pledges by kind: how many, hours, days, and money per currency (never converted).
 * Kinds come in the order of first appearance sorted by name; currencies by code.
 *
 * @example
 * totalsByKind([{ kind: 'money', amount: 10.5, currency: 'EUR', hours: null, days: null, … }])
 * // [{ kind: 'money', pledges: 1, hours: 0, days: 0, amounts: [{ currency: 'EUR', amount: 10.5 }] }]
 */
export function totalsByKind(pledges: readonly LedgerPledge[]): KindTotal[] {
  const byKind = new Map<
    ResourceKind,
    { pledges: number; hours: number; days: number; cents: Map<string, number> }
  >();
  for (const p of pledges) {
    let t = byKind.get(p.kind);
    if (!t) byKind.set(p.kind, (t = { pledges: 0, hours: 0, days: 0, cents: new Map() }));
    t.pledges += 1;
    t.hours += p.hours ?? 0;
    t.days += p.days ?? 0;
    if (p.amount !== null && p.currency !== null)
      t.cents.set(p.currency, (t.cents.get(p.currency) ?? 0) + cents(p.amount));
  }
  return [...byKind.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, t]) => ({
      kind,
      pledges: t.pledges,
      hours: Math.round(t.hours * 100) / 100,
      days: t.days,
      amounts: [...t.cents.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([currency, c]) => ({ currency, amount: c / 100 })),
    }));
}

export interface CapacitySummary {
  given: KindTotal[];
  received: KindTotal[];
  partnersByKind: { kind: PartyKind; partners: number }[];
  partnersByCountry: { country: string; partners: number }[];
  /** Distinct partners it gave to or received from. */
  ties: number;
  /** Share of those partners of another kind of party; null without partners. */
  crossSectorShare: number | null;
  /** Share of the partners with a known country whose country differs; null when none known. */
  crossBorderShare: number | null;
}

/**
 * The connective-capacity profile of one party from the confirmed pledges it took part in
 * (pledges of others are ignored). A tie is a distinct partner, however many pledges it holds.
 *
 * @example
 * const council = { key: 'o:1', kind: 'public_body', country: 'NL' };
 * capacityOf(council, pledges).crossSectorShare // 0.5 when one of two partners is a company
 */
export function capacityOf(party: LedgerParty, pledges: readonly LedgerPledge[]): CapacitySummary {
  const given = pledges.filter((p) => p.giver.key === party.key && p.receiver.key !== party.key);
  const received = pledges.filter((p) => p.receiver.key === party.key && p.giver.key !== party.key);
  const partners = new Map<string, LedgerParty>();
  for (const p of given) partners.set(p.receiver.key, p.receiver);
  for (const p of received) partners.set(p.giver.key, p.giver);
  const list = [...partners.values()];
  const count = <K extends string>(keys: K[]) => {
    const m = new Map<K, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  };
  const withCountry = list.filter((p) => p.country !== null);
  return {
    given: totalsByKind(given),
    received: totalsByKind(received),
    partnersByKind: count(list.map((p) => p.kind)).map(([kind, partners]) => ({ kind, partners })),
    partnersByCountry: count(withCountry.map((p) => p.country!)).map(([country, partners]) => ({
      country,
      partners,
    })),
    ties: list.length,
    crossSectorShare: list.length
      ? list.filter((p) => p.kind !== party.kind).length / list.length
      : null,
    crossBorderShare:
      withCountry.length && party.country !== null
        ? withCountry.filter((p) => p.country !== party.country).length / withCountry.length
        : null,
  };
}
