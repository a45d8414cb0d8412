import { CASE_SECTORS } from '../../../shared/case-vocabulary.ts';
import {
  EXCHANGE_SIDES,
  ITEM_STATUSES,
  PLEDGE_STATUSES,
  RESOURCE_FORMATS,
  RESOURCE_KINDS,
  type ExchangeItem,
  type MatchPart,
  type Party,
} from '../../../shared/exchange.ts';
import { useLabels } from '../../case-labels.ts';
import { itemWindow, keyQuantity, partyName, type Phrase } from '../../exchange-format.ts';
import { reasonPhrase } from '../../exchange-reasons.ts';
import { formatDate } from '../../format.ts';
import { useExchangeTranslation } from './exchange-i18n.ts';

/**
 * The exchange's words for the values it shows, in the interface language: vocabulary labels,
 * quantities, windows, places, parties and the matcher's reasons.
 */
export function useExchangeLabels() {
  const { t, lang } = useExchangeTranslation();
  const labels = useLabels();
  const phrase = (p: Phrase) => t(p.key, p.params);
  const kind = (k: string) => labels.label(RESOURCE_KINDS, k);
  const sector = (code: string) => labels.label(CASE_SECTORS, code);
  return {
    lang,
    kind,
    side: (s: string) => labels.label(EXCHANGE_SIDES, s),
    itemStatus: (s: string) => labels.label(ITEM_STATUSES, s),
    pledgeStatus: (s: string) => labels.label(PLEDGE_STATUSES, s),
    format: (f: string) => labels.label(RESOURCE_FORMATS, f),
    sector,
    country: labels.country,
    phrase,
    date: (iso: string) => formatDate(iso, lang),
    /** Hours a week, an amount, room for people… or null. */
    quantity: (item: ExchangeItem) => {
      const q = keyQuantity(item, lang);
      return q ? phrase(q) : null;
    },
    window: (item: ExchangeItem) => phrase(itemWindow(item, (iso) => formatDate(iso, lang))),
    /** Region and country, and whether it also works at a distance; null when none is said. */
    place: (item: ExchangeItem) => {
      const where = [item.region, item.country ? labels.country(item.country) : null].filter(
        (s): s is string => !!s,
      );
      if (item.remote) where.push(t('list.remote'));
      return where.length ? where.join(', ') : null;
    },
    /** The organisation or person behind an item. */
    who: (item: ExchangeItem) =>
      item.organisation?.name ?? item.person ?? t('pledge.formerAccount'),
    party: (p: Party) => partyName(p) ?? t('pledge.formerAccount'),
    reason: (reason: MatchPart['reason']) => {
      const r = reasonPhrase(reason, { kind, sector }, lang);
      return t(r.key, r.params);
    },
  };
}

/** The exchange's `t` and its labels, with the one-line summary of an item for lists. */
export function useExchangeI18n() {
  const { t, lang } = useExchangeTranslation();
  const base = useExchangeLabels();
  const labels = {
    ...base,
    /** Who · where · when · how much, for a line under an item's title. */
    about: (item: ExchangeItem) =>
      [base.who(item), base.place(item), base.window(item), base.quantity(item)]
        .filter((s): s is string => s !== null)
        .join(' · '),
  };
  return { t, lang, labels };
}
