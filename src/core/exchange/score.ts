/**
 * How well an offer answers a request: a score from 0 to 1, the weighted sum of six parts, each
 * with a machine-readable reason (the web app words the reasons, in English and Dutch).
 *
 * Some pairs are no match at all and are never ranked, whatever their text: kinds that are
 * neither the same nor related, a party matched with itself, a window that has ended, windows
 * that do not overlap. See docs/matching.md.
 */

import { compareCodeUnits, termVector, type TermVector } from './text.ts';
import type { ExchangeItem, ResourceKind } from './types.ts';

export type MatchPartName = 'kind' | 'text' | 'geography' | 'availability' | 'capacity' | 'bridge';

/**
 * The weight of each part in the score; they sum to 1.
 *
 * | part         | weight | value                                                          |
 * |--------------|--------|----------------------------------------------------------------|
 * | kind         | 0.25   | same kind 1, related kind 0.5 (otherwise no match)              |
 * | text         | 0.35   | cosine similarity of the tf-idf term vectors                   |
 * | geography    | 0.15   | same region 1, same country 0.7, remote 0.6, no country 0.5    |
 * | availability | 0.10   | share of the requested days the offer covers (both open: 1)    |
 * | capacity     | 0.10   | offered / needed quantity, at most 1 (unknown: 0.5)            |
 * | bridge       | 0.05   | other party kind and country 1, one of the two 0.6             |
 *
 * @example
 * MATCH_WEIGHTS.text; // 0.35
 */
export const MATCH_WEIGHTS: Readonly<Record<MatchPartName, number>> = Object.freeze({
  kind: 0.25,
  text: 0.35,
  geography: 0.15,
  availability: 0.1,
  capacity: 0.1,
  bridge: 0.05,
});

/**
 * Kinds that can stand in for each other, at half the kind value. Symmetric: if A lists B, B
 * lists A. Money and space have no related kind.
 *
 * | kind        | related kinds          |
 * |-------------|------------------------|
 * | knowledge   | information, expertise |
 * | information | knowledge              |
 * | expertise   | knowledge, people      |
 * | people      | expertise, contacts    |
 * | money       | —                      |
 * | contacts    | people                 |
 * | space       | —                      |
 *
 * @example
 * RELATED_KINDS.people; // ['expertise', 'contacts']
 */
export const RELATED_KINDS: Readonly<Record<ResourceKind, readonly ResourceKind[]>> = Object.freeze(
  {
    knowledge: Object.freeze(['information', 'expertise'] as const),
    information: Object.freeze(['knowledge'] as const),
    expertise: Object.freeze(['knowledge', 'people'] as const),
    people: Object.freeze(['expertise', 'contacts'] as const),
    money: Object.freeze([] as const),
    contacts: Object.freeze(['people'] as const),
    space: Object.freeze([] as const),
  },
);

/** Why a part has its value: a code and its parameters, never a sentence. */
export type MatchReason =
  | { code: 'same_kind' }
  | { code: 'related_kind'; offer: ResourceKind; request: ResourceKind }
  | { code: 'shared_terms'; terms: string[] }
  | { code: 'no_shared_terms' }
  | { code: GeographyCode }
  | { code: 'no_window' }
  | { code: 'overlap_days'; days: number }
  | { code: 'covers'; share: number }
  | { code: 'currency_differs' }
  | { code: 'unknown_quantity' }
  | { code: BridgeCode };

export type MatchReasonCode = MatchReason['code'];

export interface MatchPart {
  part: MatchPartName;
  weight: number;
  /** 0..1 */
  value: number;
  /** weight × value */
  points: number;
  reason: MatchReason;
}

export interface MatchResult {
  /** The sum of the parts' points, 0..1, rounded to 4 decimals for a stable order. */
  score: number;
  parts: MatchPart[];
}

export interface MatchContext {
  /** Today, ISO `YYYY-MM-DD`: windows that ended before it are no match. */
  today: string;
  /** Inverse document frequency of a term; without it every term weighs 1 (plain tf cosine). */
  idf?: (term: string) => number;
}

/**
 * A request passed where an offer belongs, or the other way round.
 *
 * @example
 * throw new ExchangeSideError('expected a request as the first argument, got an offer');
 */
export class ExchangeSideError extends Error {
  override name = 'ExchangeSideError';
}

/** The most terms a `shared_terms` reason lists. */
export const MAX_REASON_TERMS = 5;

/**
 * How well `offer` answers `request`, or null when the pair is no match at all: the same party,
 * kinds that are neither the same nor related, a window that ended before `ctx.today`, or windows
 * that do not overlap. `vectors` may pass the items' term vectors when the caller keeps them
 * (the match index does); they must be `termVector(request)` and `termVector(offer)`, except
 * that the offer's `words` are not used (reasons name the request's words).
 *
 * @throws ExchangeSideError when `request` is not a request or `offer` not an offer.
 * @throws RangeError when a date is not `YYYY-MM-DD`.
 * @example
 * const result = scoreMatch(request, offer, { today: '2026-03-01', idf });
 * result?.score; // e.g. 0.8123
 * result?.parts.find((p) => p.part === 'text')?.reason; // { code: 'shared_terms', terms: [...] }
 */
export function scoreMatch(
  request: ExchangeItem,
  offer: ExchangeItem,
  ctx: MatchContext,
  vectors?: { request: TermVector; offer: TermVector },
): MatchResult | null {
  assertSides(request, offer);
  if (request.partyKey === offer.partyKey) return null;
  const kind = kindMatch(request.kind, offer.kind);
  if (kind === null) return null;

  const today = dayNumber(ctx.today);
  const rf = optionalDay(request.availableFrom);
  const ru = optionalDay(request.availableUntil);
  const overlap = overlapDays(
    rf,
    ru,
    optionalDay(offer.availableFrom),
    optionalDay(offer.availableUntil),
    today,
  );
  if (overlap <= 0) return null;

  const parts: MatchPart[] = [];
  const add = (part: MatchPartName, value: number, reason: MatchReason) => {
    const weight = MATCH_WEIGHTS[part];
    parts.push({ part, weight, value, points: weight * value, reason });
  };

  add(
    'kind',
    KIND_VALUES[kind],
    kind === 'same_kind'
      ? { code: kind }
      : { code: kind, offer: offer.kind, request: request.kind },
  );

  const text = textSimilarity(
    vectors?.request ?? termVector(request),
    vectors?.offer ?? termVector(offer),
    ctx.idf,
  );
  add(
    'text',
    text.value,
    text.terms.length > 0
      ? { code: 'shared_terms', terms: text.terms }
      : { code: 'no_shared_terms' },
  );

  const geography = geographyMatch(request, offer);
  add('geography', GEOGRAPHY_VALUES[geography], { code: geography });

  if (overlap === Infinity) add('availability', 1, { code: 'no_window' });
  else {
    add('availability', Math.min(1, overlap / requestedDays(rf, ru, today)), {
      code: 'overlap_days',
      days: overlap,
    });
  }

  const share = capacityShare(request, offer);
  if (typeof share === 'number') add('capacity', share, { code: 'covers', share: round4(share) });
  else add('capacity', 0.5, { code: share });

  const bridge = bridgeMatch(request, offer);
  add('bridge', BRIDGE_VALUES[bridge], { code: bridge });

  let total = 0;
  for (const p of parts) total += p.points;
  return { score: round4(total), parts };
}

/** Throws unless the first item is a request and the second an offer. */
export function assertSides(request: ExchangeItem, offer: ExchangeItem): void {
  if (request.side !== 'request' || offer.side !== 'offer') {
    throw new ExchangeSideError(
      `scoreMatch takes (request, offer); got (${request.side} ${request.id}, ${offer.side} ${offer.id})`,
    );
  }
}

/**
 * Rounds to 4 decimals, so that scores that differ only by floating-point noise sort by id.
 *
 * @example
 * round4(0.123456); // 0.1235
 */
export function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

// --- kind -------------------------------------------------------------------------------------

export const KIND_VALUES = Object.freeze({ same_kind: 1, related_kind: 0.5 });

/**
 * Whether two kinds match: the same kind, a related kind (see RELATED_KINDS), or null.
 *
 * @example
 * kindMatch('expertise', 'knowledge'); // 'related_kind'
 * kindMatch('money', 'space'); // null
 */
export function kindMatch(
  request: ResourceKind,
  offer: ResourceKind,
): 'same_kind' | 'related_kind' | null {
  if (request === offer) return 'same_kind';
  return RELATED_KINDS[request].includes(offer) ? 'related_kind' : null;
}

// --- text -------------------------------------------------------------------------------------

/**
 * Cosine similarity of two term vectors weighted by tf × idf (Salton & Buckley 1988), with the
 * shared terms that contribute most (at most five, strongest first, ties in code-unit order),
 * named by the request's words. Without `idf` every term weighs 1.
 *
 * @example
 * textSimilarity(termVector(request), termVector(offer)); // { value: 0.42, terms: ['bookkeeping'] }
 */
export function textSimilarity(
  request: TermVector,
  offer: TermVector,
  idf: (term: string) => number = () => 1,
): { value: number; terms: string[] } {
  const requestNorm = weightedNorm(request, idf);
  const offerNorm = weightedNorm(offer, idf);
  const shared: { word: string; term: string; points: number }[] = [];
  let dot = 0;
  let i = 0;
  let j = 0;
  while (i < request.terms.length && j < offer.terms.length) {
    const a = request.terms[i]!;
    const b = offer.terms[j]!;
    if (a < b) i++;
    else if (a > b) j++;
    else {
      const w = idf(a);
      const points = request.counts[i]! * w * (offer.counts[j]! * w);
      dot += points;
      shared.push({ word: request.words[i]!, term: a, points });
      i++;
      j++;
    }
  }
  if (dot === 0 || requestNorm === 0 || offerNorm === 0) return { value: 0, terms: [] };
  shared.sort((x, y) => y.points - x.points || compareCodeUnits(x.term, y.term));
  return {
    value: Math.min(1, dot / (requestNorm * offerNorm)),
    terms: shared.slice(0, MAX_REASON_TERMS).map((s) => s.word),
  };
}

/** The length of a vector weighted by idf: √Σ (count × idf)², in the vector's term order. */
export function weightedNorm(vector: TermVector, idf: (term: string) => number): number {
  let sum = 0;
  for (let i = 0; i < vector.terms.length; i++) {
    const w = vector.counts[i]! * idf(vector.terms[i]!);
    sum += w * w;
  }
  return Math.sqrt(sum);
}

// --- geography --------------------------------------------------------------------------------

export type GeographyCode = 'same_region' | 'same_country' | 'remote' | 'no_country' | 'far';

/** The value of each geography code; a pair takes the highest that applies. */
export const GEOGRAPHY_VALUES: Readonly<Record<GeographyCode, number>> = Object.freeze({
  same_region: 1,
  same_country: 0.7,
  remote: 0.6,
  no_country: 0.5,
  far: 0,
});

type Place = Pick<ExchangeItem, 'country' | 'region' | 'remote'>;

/**
 * Where the two items stand: the same region of the same country, the same country, either one
 * remote (usable at a distance), either one without a country, or far apart.
 *
 * @example
 * geographyMatch({ country: 'NL', region: 'Utrecht', remote: false },
 *                { country: 'NL', region: 'Zeeland', remote: true }); // 'same_country'
 */
export function geographyMatch(request: Place, offer: Place): GeographyCode {
  if (request.country !== null && request.country === offer.country) {
    return request.region !== null && request.region === offer.region
      ? 'same_region'
      : 'same_country';
  }
  if (request.remote || offer.remote) return 'remote';
  if (request.country === null || offer.country === null) return 'no_country';
  return 'far';
}

// --- availability -----------------------------------------------------------------------------

/** How many days an open-ended request is taken to run, from its start (or from today). */
export const OPEN_REQUEST_DAYS = 365;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/**
 * Days since 1970-01-01 of an ISO `YYYY-MM-DD` date.
 *
 * @throws RangeError when the string is not such a date.
 * @example
 * dayNumber('1970-01-02'); // 1
 */
export function dayNumber(iso: string): number {
  const m = ISO_DATE.exec(iso);
  if (m === null) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(iso)}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  if (mo < 1 || mo > 12 || d < 1 || new Date(ms).getUTCDate() !== d) {
    throw new RangeError(`not a calendar date: ${iso}`);
  }
  return ms / MS_PER_DAY;
}

/**
 * `dayNumber`, or NaN for a missing date.
 *
 * @example
 * optionalDay(null); // NaN
 */
export function optionalDay(iso: string | null): number {
  return iso === null ? NaN : dayNumber(iso);
}

/**
 * Days (inclusive) in which the offer can serve the request, counted from today on, given as
 * day numbers with NaN for a missing date. Infinity when both windows are open-ended (neither
 * has an end date: they overlap for good, whatever their starts); 0 when either window ended
 * before today or the windows do not overlap.
 *
 * The past no longer counts: both windows start at today at the earliest. The request's open
 * end is taken as OPEN_REQUEST_DAYS from its start (so that its days can be counted); the
 * offer's open end is not cut, since the offer stays available.
 *
 * @example
 * overlapDays(20_100, NaN, NaN, NaN, 20_000); // Infinity
 * overlapDays(20_000, 20_009, 20_005, NaN, 20_000); // 5
 */
export function overlapDays(
  requestFrom: number,
  requestUntil: number,
  offerFrom: number,
  offerUntil: number,
  today: number,
): number {
  if (Number.isNaN(requestUntil) && Number.isNaN(offerUntil)) return Infinity;
  if (requestUntil < today || offerUntil < today) return 0;
  const requestStart = Number.isNaN(requestFrom) ? today : Math.max(requestFrom, today);
  const requestEnd = Number.isNaN(requestUntil)
    ? requestStart + OPEN_REQUEST_DAYS - 1
    : requestUntil;
  const offerStart = Number.isNaN(offerFrom) ? today : Math.max(offerFrom, today);
  const offerEnd = Number.isNaN(offerUntil) ? Infinity : offerUntil;
  return Math.max(0, Math.min(requestEnd, offerEnd) - Math.max(requestStart, offerStart) + 1);
}

/**
 * Days (inclusive) the request still asks for: from its start or today, whichever is later, to
 * its end, or OPEN_REQUEST_DAYS when it has none.
 *
 * @example
 * requestedDays(NaN, NaN, 20_000); // 365
 */
export function requestedDays(requestFrom: number, requestUntil: number, today: number): number {
  const start = Number.isNaN(requestFrom) ? today : Math.max(requestFrom, today);
  return Number.isNaN(requestUntil) ? OPEN_REQUEST_DAYS : requestUntil - start + 1;
}

// --- capacity ---------------------------------------------------------------------------------

export type Quantified = Pick<
  ExchangeItem,
  'kind' | 'amount' | 'currency' | 'hoursPerWeek' | 'durationWeeks' | 'capacity'
>;

/** What a kind is measured in. */
export type Measure = 'amount' | 'hours' | 'places';

/**
 * What each kind is measured in: money in an amount, expertise and people in hours, space in
 * places; knowledge, information and contacts are not measured (null).
 */
export const KIND_MEASURES: Readonly<Record<ResourceKind, Measure | null>> = Object.freeze({
  knowledge: null,
  information: null,
  expertise: 'hours',
  people: 'hours',
  money: 'amount',
  contacts: null,
  space: 'places',
});

/**
 * The quantity of an item in its kind's measure (hours per week × weeks for hours), or null
 * when the kind is not measured or the item does not say (or says something negative).
 *
 * @example
 * quantityOf({ kind: 'people', hoursPerWeek: 8, durationWeeks: 10, ... }); // 80
 */
export function quantityOf(item: Quantified): number | null {
  let q: number | null = null;
  switch (KIND_MEASURES[item.kind]) {
    case 'amount':
      q = item.amount;
      break;
    case 'hours':
      q =
        item.hoursPerWeek === null || item.durationWeeks === null
          ? null
          : item.hoursPerWeek * item.durationWeeks;
      break;
    case 'places':
      q = item.capacity;
      break;
    case null:
      q = null;
  }
  return q !== null && Number.isFinite(q) && q >= 0 ? q : null;
}

/**
 * The share of the request's quantity the offer covers, min(1, offered / needed): an amount of
 * money, hours (hours per week × weeks) of expertise or people, places in a space. A code when
 * it cannot be computed: `currency_differs` (no conversion is attempted) or `unknown_quantity`
 * (a side has no quantity, or the kinds are measured differently).
 *
 * @example
 * capacityShare(request, offer); // 0.75 when 300 of 400 hours are offered
 */
export function capacityShare(
  request: Quantified,
  offer: Quantified,
): number | 'currency_differs' | 'unknown_quantity' {
  const measure = KIND_MEASURES[request.kind];
  if (measure === null || measure !== KIND_MEASURES[offer.kind]) return 'unknown_quantity';
  const needed = quantityOf(request);
  const offered = quantityOf(offer);
  if (needed === null || offered === null) return 'unknown_quantity';
  if (
    measure === 'amount' &&
    request.currency !== null &&
    offer.currency !== null &&
    request.currency.toUpperCase() !== offer.currency.toUpperCase()
  ) {
    return 'currency_differs';
  }
  return needed === 0 ? 1 : Math.min(1, offered / needed);
}

// --- bridge -----------------------------------------------------------------------------------

export type BridgeCode = 'cross_sector_and_border' | 'cross_sector' | 'cross_border' | 'no_bridge';

export const BRIDGE_VALUES: Readonly<Record<BridgeCode, number>> = Object.freeze({
  cross_sector_and_border: 1,
  cross_sector: 0.6,
  cross_border: 0.6,
  no_bridge: 0,
});

type Party = Pick<ExchangeItem, 'partyKind' | 'partyCountry'>;

/**
 * Whether the match bridges sectors (the parties are of different kinds; a person and an
 * organisation count as different) and borders (both parties' countries are known and differ).
 *
 * @example
 * bridgeMatch({ partyKind: 'public_body', partyCountry: 'NL' },
 *             { partyKind: 'company', partyCountry: 'BE' }); // 'cross_sector_and_border'
 */
export function bridgeMatch(request: Party, offer: Party): BridgeCode {
  const sector = request.partyKind !== offer.partyKind;
  const border =
    request.partyCountry !== null &&
    offer.partyCountry !== null &&
    request.partyCountry !== offer.partyCountry;
  if (sector && border) return 'cross_sector_and_border';
  if (sector) return 'cross_sector';
  if (border) return 'cross_border';
  return 'no_bridge';
}
