/**
 * The matcher's reasons in words: each part of a match carries a machine-readable reason (a code
 * and its parameters, see src/core/exchange/score.ts); here it becomes a catalogue key under
 * `exchange.reasons` and the parameters that sentence needs, in the interface language.
 */
import type { MatchReasonCode } from '../core/exchange/score.ts';
import { RESOURCE_KINDS, type MatchPart, type ResourceKind } from '../shared/exchange.ts';

/**
 * Every reason code the matcher gives. Typed as a record over the matcher's union, so a code
 * added there and not here is a type error; the catalogue test checks each has both languages.
 */
const REASONS: Record<MatchReasonCode, true> = {
  same_kind: true,
  related_kind: true,
  shared_terms: true,
  no_shared_terms: true,
  same_region: true,
  same_country: true,
  remote: true,
  no_country: true,
  far: true,
  no_window: true,
  overlap_days: true,
  covers: true,
  currency_differs: true,
  unknown_quantity: true,
  cross_sector_and_border: true,
  cross_sector: true,
  cross_border: true,
  no_bridge: true,
};
export const REASON_CODES = Object.keys(REASONS) as MatchReasonCode[];

/** The parts of a score, in the order the matcher gives them. */
export const MATCH_PARTS = [
  'kind',
  'text',
  'geography',
  'availability',
  'capacity',
  'bridge',
] as const satisfies readonly MatchPart['part'][];

export type ReasonKey = `reasons.${MatchReasonCode}` | 'reasons.unknown';

export interface ReasonLabels {
  /** The name of a resource kind. */
  kind: (kind: ResourceKind) => string;
  /** The name of a COFOG sector ('07' → 'Health'). */
  sector: (code: string) => string;
}

function isCode(code: string): code is MatchReasonCode {
  return Object.hasOwn(REASONS, code);
}

function isKind(value: unknown): value is ResourceKind {
  return typeof value === 'string' && (RESOURCE_KINDS.values as readonly string[]).includes(value);
}

const SECTOR_TERM = /^sector:(\d{2})$/;

/**
 * The key and parameters of the sentence that explains one part of a match. Parameters the
 * sentence needs are formatted for `lang`: kinds named, the shared words listed ("bookkeeping,
 * invoice and accounts", a subject `sector:10` by its name), shares as percentages. An unknown
 * code (a newer server) gets a neutral sentence rather than none.
 *
 * @example
 * reasonPhrase({ code: 'overlap_days', days: 30 }, labels, 'en');
 * // { key: 'reasons.overlap_days', params: { days: '30', count: 30 } }
 */
export function reasonPhrase(
  reason: MatchPart['reason'],
  labels: ReasonLabels,
  lang: string,
): { key: ReasonKey; params: Record<string, string | number> } {
  const code = reason.code;
  if (!isCode(code)) return { key: 'reasons.unknown', params: {} };
  const key: ReasonKey = `reasons.${code}`;
  switch (code) {
    case 'related_kind': {
      const name = (v: unknown) => (isKind(v) ? labels.kind(v) : String(v ?? ''));
      return { key, params: { offer: name(reason.offer), request: name(reason.request) } };
    }
    case 'shared_terms': {
      const terms = Array.isArray(reason.terms)
        ? reason.terms.filter((x): x is string => typeof x === 'string')
        : [];
      const words = terms.map((term) => {
        const sector = SECTOR_TERM.exec(term);
        return sector ? labels.sector(sector[1]!) : term;
      });
      const list = new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' });
      return { key, params: { terms: list.format(words), count: words.length } };
    }
    case 'overlap_days': {
      const days = typeof reason.days === 'number' ? reason.days : 0;
      return {
        key,
        params: { days: new Intl.NumberFormat(lang).format(days), count: days },
      };
    }
    case 'covers': {
      const share = typeof reason.share === 'number' ? reason.share : 0;
      const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });
      return { key, params: { share: percent.format(share) } };
    }
    default:
      return { key, params: {} };
  }
}
