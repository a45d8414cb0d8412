/**
 * An in-memory index of the items of one side of the exchange (all offers, or all requests) that
 * answers "the best k matches for this item" without scoring every item, and returns exactly
 * what scoring every item with `scoreMatch` and sorting would (score descending, then id).
 *
 * What it keeps, updated on every upsert and remove:
 * - the document frequency of each term, for the idf that `scoreMatch` is given (`index.idf`);
 * - per kind, an inverted index term → (item, count), so a query only reads the postings of its
 *   own terms, and only in the kinds that match its kind;
 * - per kind, the items grouped by (country, remote), the unit of pruning;
 * - per item, its places, dates, quantity and party as numbers, so that the parts other than
 *   text can be computed without touching strings.
 *
 * How a query prunes. Every bound below is an upper bound on an item's true score (with a margin
 * for rounding), so nothing that belongs in the top k is skipped:
 * 1. Walking the query's postings gives every item that shares a term its tf-idf dot product,
 *    hence its text part; items that share none have text 0. Each group's best text is noted.
 * 2. A group's bound is its kind's points + its best text + its geography at best (from its
 *    country and remote flag) + the full points of availability, capacity and bridge. Groups are
 *    visited best bound first; the walk stops at the first group that cannot reach the current
 *    k-th best. Within a group, an item is skipped on the same bound with its own text;
 *    otherwise its other parts are computed from the numbers and it becomes a candidate when
 *    the estimate can still reach the k-th best estimate.
 * 3. Candidates are scored with `scoreMatch` itself, best estimate first, until the next
 *    estimate cannot reach the k-th best exact score. `scoreMatch` decides every returned score.
 *
 * Every upsert and remove changes every idf (N changes); the idf table is recomputed, and each
 * item's tf-idf norm lazily, when the next query needs them.
 */

import {
  BRIDGE_VALUES,
  ExchangeSideError,
  GEOGRAPHY_VALUES,
  KIND_MEASURES,
  KIND_VALUES,
  MATCH_WEIGHTS,
  dayNumber,
  kindMatch,
  optionalDay,
  overlapDays,
  quantityOf,
  requestedDays,
  scoreMatch,
  type MatchContext,
  type MatchPart,
} from './score.ts';
import { compareCodeUnits, termVector, type TermVector } from './text.ts';
import { RESOURCE_KINDS, type ExchangeItem, type Side } from './types.ts';

export interface TopMatchesOptions {
  /** How many matches to return at most (a non-negative integer). */
  limit: number;
  /** Today, ISO `YYYY-MM-DD`. */
  today: string;
  /** Leaves out the items for which it returns false (e.g. those the viewer may not see). */
  visible?: (id: string) => boolean;
  /** Leaves out matches that score below it. */
  minScore?: number;
}

export interface RankedMatch {
  item: ExchangeItem;
  score: number;
  parts: MatchPart[];
}

/**
 * Margin on every comparison of a bound or estimate with a score: rounding to 4 decimals moves
 * a score by at most 0.00005, and estimates differ from `scoreMatch` by float noise only.
 */
const SLACK = 2e-4;
const W = MATCH_WEIGHTS;
/** The most availability, capacity and bridge can add (geography is bounded per group). */
const MAX_TAIL_POINTS = W.availability + W.capacity + W.bridge;
const KIND_COUNT = RESOURCE_KINDS.length;
const KIND_INDEX: ReadonlyMap<string, number> = new Map(RESOURCE_KINDS.map((k, i) => [k, i]));
/** Measures by kind index: 0 not measured, 1 amount, 2 hours, 3 places. */
const MEASURE_CODES = Int8Array.from(RESOURCE_KINDS, (k) => {
  const m = KIND_MEASURES[k];
  return m === null ? 0 : m === 'amount' ? 1 : m === 'hours' ? 2 : 3;
});
const AMOUNT = 1;
/** Symbol id of a missing value (null), and of a value the index has never seen. */
const NONE = -1;
const UNSEEN = -2;

interface Posting {
  slots: Int32Array;
  counts: Int32Array;
  length: number;
}

interface Group {
  id: number;
  kind: number;
  country: string | null;
  remote: boolean;
  slots: number[];
}

interface Entry {
  item: ExchangeItem;
  group: Group;
  /** Where the entry sits in `group.slots`. */
  groupPosition: number;
}

/** The fields of an item the non-text parts use, as numbers (symbol ids, day numbers). */
interface Facts {
  country: number;
  region: number;
  remote: boolean;
  partyKey: number;
  partyKind: number;
  partyCountry: number;
  from: number;
  until: number;
  quantity: number;
  currency: number;
}

/**
 * The items of one side, indexed for ranked matching; see the module comment.
 *
 * @example
 * const offers = new MatchIndex('offer');
 * for (const offer of allOffers) offers.upsert(offer);
 * offers.topMatches(request, { limit: 10, today: '2026-03-01' }); // [{ item, score, parts }, …]
 */
export class MatchIndex {
  readonly side: Side;
  private readonly entries: (Entry | undefined)[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  private count = 0;
  /** Bumped by every change; the idf table and norms computed under another version are stale. */
  private version = 1;

  private readonly termIds = new Map<string, number>();
  private readonly termNames: string[] = [];
  private readonly df: number[] = [];
  private idfTable = new Float64Array(0);
  private idfVersion = 0;
  private readonly wordIds = new Map<string, number>();
  private readonly wordNames: string[] = [];
  /** Ids of countries, regions, parties, party kinds and currencies (prefixed by type). */
  private readonly symbols = new Map<string, number>();

  private readonly postings: Map<number, Posting>[] = RESOURCE_KINDS.map(() => new Map());
  private readonly groups: Map<string, Group>[] = RESOURCE_KINDS.map(() => new Map());
  private readonly groupList: Group[] = [];
  /** By group id: the best text part among its items, during a query. */
  private bestText = new Float64Array(64);

  // By slot: the facts of each item, and scratch space for a query.
  private capacity = 0;
  private kindOf = new Uint8Array(0);
  private country = new Int32Array(0);
  private region = new Int32Array(0);
  private remote = new Uint8Array(0);
  private partyKey = new Int32Array(0);
  private partyKind = new Int32Array(0);
  private partyCountry = new Int32Array(0);
  private from = new Float64Array(0);
  private until = new Float64Array(0);
  private quantity = new Float64Array(0);
  private currency = new Int32Array(0);
  private groupOf = new Int32Array(0);
  /** Each item's tf-idf norm under the current idf; NaN until computed. */
  private norms = new Float64Array(0);
  private normsStale = false;
  /** During a query: the tf-idf dot product with the query, then the text part; else 0. */
  private text = new Float64Array(0);
  private touched = new Int32Array(0);

  /**
   * The term vectors, packed: item `slot` has `termLength[slot]` terms from `termStart[slot]` in
   * the pool arrays, in the vector's (code-unit) order: term id, count, word id, and where it
   * sits in that term's posting list. Removed items leave holes until the pool is compacted.
   * Reasons name the request's words, never the offer's, so an offer index keeps no word ids.
   */
  private termStart = new Int32Array(0);
  private termLength = new Int32Array(0);
  private poolTerms = new Int32Array(1024);
  private poolCounts = new Int32Array(1024);
  private poolWords = new Int32Array(1024);
  private poolPositions = new Int32Array(1024);
  private poolEnd = 0;
  private poolHoles = 0;

  private readonly keepsWords: boolean;

  constructor(side: Side) {
    this.side = side;
    this.keepsWords = side === 'request';
  }

  /** How many items the index holds. */
  get size(): number {
    return this.count;
  }

  /** The item with this id, if the index holds it. */
  get(id: string): ExchangeItem | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.entries[slot]!.item;
  }

  /**
   * The inverse document frequency of a term over the items held now, smoothed so that it is at
   * least 1 and defined for unseen terms: ln((1 + N) / (1 + df)) + 1 (as scikit-learn's
   * `smooth_idf`). Pass it to `scoreMatch` as `ctx.idf` to score a pair as the index does.
   */
  readonly idf = (term: string): number => {
    const id = this.termIds.get(term);
    return id === undefined ? idfOf(this.count, 0) : this.freshIdf()[id]!;
  };

  /** Adds an item, or replaces the item with the same id. */
  upsert(item: ExchangeItem): void {
    if (item.side !== this.side) {
      throw new ExchangeSideError(`a ${this.side} index cannot hold ${item.side} ${item.id}`);
    }
    const kind = KIND_INDEX.get(item.kind);
    if (kind === undefined) throw new RangeError(`unknown resource kind: ${item.kind}`);
    const facts = this.factsOf(item, true);
    this.remove(item.id);

    const vector = termVector(item);
    const n = vector.terms.length;
    const slot = this.freeSlots.pop() ?? this.entries.length;
    if (slot >= this.capacity) this.grow(Math.max(1024, this.capacity * 2));
    const group = this.groupFor(kind, item);
    const entry: Entry = { item, group, groupPosition: group.slots.push(slot) - 1 };

    const start = this.reservePool(n);
    this.termStart[slot] = start;
    this.termLength[slot] = n;
    const lists = this.postings[kind]!;
    for (let i = 0; i < n; i++) {
      const id = this.termId(vector.terms[i]!);
      const count = vector.counts[i]!;
      this.df[id]!++;
      let list = lists.get(id);
      if (list === undefined) {
        list = { slots: new Int32Array(4), counts: new Int32Array(4), length: 0 };
        lists.set(id, list);
      }
      if (list.length === list.slots.length) {
        list.slots = resized(list.slots, list.length * 2);
        list.counts = resized(list.counts, list.length * 2);
      }
      list.slots[list.length] = slot;
      list.counts[list.length] = count;
      this.poolTerms[start + i] = id;
      this.poolCounts[start + i] = count;
      if (this.keepsWords) this.poolWords[start + i] = this.wordId(vector.words[i]!);
      this.poolPositions[start + i] = list.length++;
    }

    this.kindOf[slot] = kind;
    this.groupOf[slot] = group.id;
    this.country[slot] = facts.country;
    this.region[slot] = facts.region;
    this.remote[slot] = facts.remote ? 1 : 0;
    this.partyKey[slot] = facts.partyKey;
    this.partyKind[slot] = facts.partyKind;
    this.partyCountry[slot] = facts.partyCountry;
    this.from[slot] = facts.from;
    this.until[slot] = facts.until;
    this.quantity[slot] = facts.quantity;
    this.currency[slot] = facts.currency;

    if (slot === this.entries.length) this.entries.push(entry);
    else this.entries[slot] = entry;
    this.slotOf.set(item.id, slot);
    this.count++;
    this.version++;
    this.normsStale = true;
  }

  /** Removes the item with this id; false when the index does not hold it. */
  remove(id: string): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    const entry = this.entries[slot]!;
    const lists = this.postings[this.kindOf[slot]!]!;
    const start = this.termStart[slot]!;
    const end = start + this.termLength[slot]!;
    for (let i = start; i < end; i++) {
      const term = this.poolTerms[i]!;
      const list = lists.get(term)!;
      const at = this.poolPositions[i]!;
      const last = list.length - 1;
      if (at !== last) {
        // Move the last posting into the hole, and tell its item where it went.
        const moved = list.slots[last]!;
        list.slots[at] = moved;
        list.counts[at] = list.counts[last]!;
        const movedStart = this.termStart[moved]!;
        const movedEnd = movedStart + this.termLength[moved]!;
        let j = movedStart;
        while (j < movedEnd && this.poolTerms[j] !== term) j++;
        this.poolPositions[j] = at;
      }
      list.length = last;
      if (last === 0) lists.delete(term);
      this.df[term]!--;
    }
    this.poolHoles += end - start;
    this.termLength[slot] = 0;
    const group = entry.group;
    const lastSlot = group.slots.pop()!;
    if (lastSlot !== slot) {
      group.slots[entry.groupPosition] = lastSlot;
      this.entries[lastSlot]!.groupPosition = entry.groupPosition;
    }

    this.entries[slot] = undefined;
    this.freeSlots.push(slot);
    this.slotOf.delete(id);
    this.count--;
    this.version++;
    this.normsStale = true;
    if (this.poolHoles > 4096 && this.poolHoles * 2 > this.poolEnd) this.compactPool();
    return true;
  }

  /**
   * The best matches for `query` (a request when the index holds offers, and the other way
   * round), by score descending, then id ascending (code-unit order): exactly the first `limit`
   * of the visible items that `scoreMatch` does not reject and that score at least `minScore`,
   * with `ctx = { today, idf: index.idf }`.
   *
   * @throws ExchangeSideError when `query` is on the index's own side.
   * @example
   * offers.topMatches(request, { limit: 10, today: '2026-03-01', visible: (id) => !hidden.has(id) });
   */
  topMatches(query: ExchangeItem, options: TopMatchesOptions): RankedMatch[] {
    if (query.side === this.side) {
      throw new ExchangeSideError(`a ${this.side} index is queried with a ${query.side}`);
    }
    const { limit, today, visible, minScore } = options;
    if (!Number.isInteger(limit) || limit < 0) {
      throw new RangeError(`limit must be a non-negative integer, got ${limit}`);
    }
    const todayDay = dayNumber(today);
    const q = this.factsOf(query, false);
    if (limit === 0 || this.count === 0) return [];

    const isRequest = query.side === 'request';
    const floor = minScore ?? -Infinity;
    const kinds: number[] = [];
    const kindPoints = new Float64Array(KIND_COUNT);
    for (let k = 0; k < KIND_COUNT; k++) {
      const other = RESOURCE_KINDS[k]!;
      const code = isRequest ? kindMatch(query.kind, other) : kindMatch(other, query.kind);
      if (code === null) continue;
      kinds.push(k);
      kindPoints[k] = W.kind * KIND_VALUES[code];
    }

    // 1. Text parts from the postings of the query's terms.
    const idf = this.freshIdf();
    if (this.normsStale) {
      this.norms.fill(NaN);
      this.normsStale = false;
    }
    const queryVector = termVector(query);
    const { text, touched, norms, groupOf, bestText } = this;
    let touchedCount = 0;
    let querySum = 0;
    const queryTerms: number[] = [];
    const queryWeights: number[] = [];
    for (let i = 0; i < queryVector.terms.length; i++) {
      const id = this.termIds.get(queryVector.terms[i]!);
      const weight = id === undefined ? idfOf(this.count, 0) : idf[id]!;
      const w = queryVector.counts[i]! * weight;
      querySum += w * w;
      if (id !== undefined && this.df[id]! > 0) {
        queryTerms.push(id);
        queryWeights.push(w * weight);
      }
    }
    const queryNorm = Math.sqrt(querySum);
    bestText.fill(0, 0, this.groupList.length);
    const candidates: number[] = [];
    const candidateEstimates: number[] = [];
    try {
      // Every weight and count is positive, so a 0 in `text` means "not touched yet".
      for (const k of kinds) {
        const lists = this.postings[k]!;
        for (let t = 0; t < queryTerms.length; t++) {
          const list = lists.get(queryTerms[t]!);
          if (list === undefined) continue;
          const w = queryWeights[t]!;
          const { slots, counts, length } = list;
          for (let i = 0; i < length; i++) {
            const s = slots[i]!;
            if (text[s] === 0) touched[touchedCount++] = s;
            text[s]! += w * counts[i]!;
          }
        }
      }
      for (let t = 0; t < touchedCount; t++) {
        const s = touched[t]!;
        let norm = norms[s]!;
        if (Number.isNaN(norm)) norm = this.updateNorm(s, idf);
        const value = Math.min(1, text[s]! / (queryNorm * norm));
        text[s] = value;
        const g = groupOf[s]!;
        if (value > bestText[g]!) bestText[g] = value;
      }

      // 2. Groups, best bound first; candidates whose estimate can reach the k best estimates.
      const groups: { bound: number; geography: number; group: Group }[] = [];
      for (const k of kinds) {
        for (const group of this.groups[k]!.values()) {
          if (group.slots.length === 0) continue;
          const geography = W.geography * groupGeography(query, group);
          const bound = kindPoints[k]! + W.text * bestText[group.id]! + geography + MAX_TAIL_POINTS;
          groups.push({ bound, geography, group });
        }
      }
      groups.sort((a, b) => b.bound - a.bound);

      const queryMeasure = MEASURE_CODES[KIND_INDEX.get(query.kind)!]!;
      const estimates = new TopEstimates(limit);
      let threshold = floor;
      for (const { bound, geography, group } of groups) {
        if (bound + SLACK < threshold) break;
        const kp = kindPoints[group.kind]!;
        for (const s of group.slots) {
          const head = kp + W.text * text[s]!;
          if (head + geography + MAX_TAIL_POINTS + SLACK < threshold) continue;
          const rest = this.contextPoints(
            s,
            q,
            isRequest,
            queryMeasure,
            todayDay,
            threshold - head - SLACK,
          );
          if (rest < 0) continue;
          const estimate = head + rest;
          if (estimate + SLACK < threshold) continue;
          if (visible !== undefined && !visible(this.entries[s]!.item.id)) continue;
          candidates.push(s);
          candidateEstimates.push(estimate);
          if (estimates.push(estimate)) threshold = Math.max(floor, estimates.min);
        }
      }
    } finally {
      for (let t = 0; t < touchedCount; t++) text[touched[t]!] = 0;
    }

    // 3. Exact scores, best estimate first.
    const order = candidates.map((_, i) => i);
    order.sort((a, b) => candidateEstimates[b]! - candidateEstimates[a]!);
    const ctx: MatchContext = { today, idf: this.idf };
    const top = new TopList(limit);
    for (const i of order) {
      const estimate = candidateEstimates[i]!;
      if (estimate + SLACK < floor || (top.full && estimate + SLACK < top.worst.score)) break;
      const entry = this.entries[candidates[i]!]!;
      const vector = this.vectorOf(candidates[i]!);
      const result = isRequest
        ? scoreMatch(query, entry.item, ctx, { request: queryVector, offer: vector })
        : scoreMatch(entry.item, query, ctx, { request: vector, offer: queryVector });
      if (result === null || result.score < floor) continue;
      top.offer({ item: entry.item, score: result.score, parts: result.parts });
    }
    return top.items;
  }

  /**
   * The points of geography, availability, capacity and bridge for the item in `slot` and the
   * query (facts `q`), as `scoreMatch` computes them; -1 when the pair is no match (the same
   * party, or windows that ended or do not overlap) or when its geography leaves it short of
   * `budget` whatever the rest. Kind is checked by the caller.
   */
  private contextPoints(
    slot: number,
    q: Facts,
    isRequest: boolean,
    queryMeasure: number,
    today: number,
    budget: number,
  ): number {
    // geographyMatch, on symbol ids (a region id includes its country).
    const country = this.country[slot]!;
    let geography: number;
    if (q.country >= 0 && q.country === country) {
      geography =
        q.region >= 0 && q.region === this.region[slot]
          ? GEOGRAPHY_VALUES.same_region
          : GEOGRAPHY_VALUES.same_country;
    } else if (q.remote || this.remote[slot] === 1) geography = GEOGRAPHY_VALUES.remote;
    else if (q.country === NONE || country === NONE) geography = GEOGRAPHY_VALUES.no_country;
    else geography = GEOGRAPHY_VALUES.far;
    if (W.geography * geography + MAX_TAIL_POINTS < budget) return -1;

    if (this.partyKey[slot] === q.partyKey) return -1;
    const from = this.from[slot]!;
    const until = this.until[slot]!;
    const rf = isRequest ? q.from : from;
    const ru = isRequest ? q.until : until;
    const overlap = isRequest
      ? overlapDays(q.from, q.until, from, until, today)
      : overlapDays(from, until, q.from, q.until, today);
    if (overlap <= 0) return -1;
    const availability =
      overlap === Infinity ? 1 : Math.min(1, overlap / requestedDays(rf, ru, today));

    // capacityShare: 0.5 when unknown or in another currency.
    let capacity = 0.5;
    const measure = queryMeasure;
    if (measure !== 0 && measure === MEASURE_CODES[this.kindOf[slot]!]) {
      const needed = isRequest ? q.quantity : this.quantity[slot]!;
      const offered = isRequest ? this.quantity[slot]! : q.quantity;
      const currency = this.currency[slot]!;
      const otherCurrency =
        measure === AMOUNT && q.currency !== NONE && currency !== NONE && q.currency !== currency;
      if (!Number.isNaN(needed) && !Number.isNaN(offered) && !otherCurrency) {
        capacity = needed === 0 ? 1 : Math.min(1, offered / needed);
      }
    }

    // bridgeMatch.
    const sector = q.partyKind !== this.partyKind[slot];
    const partyCountry = this.partyCountry[slot]!;
    const border =
      q.partyCountry !== NONE && partyCountry !== NONE && q.partyCountry !== partyCountry;
    const bridge =
      BRIDGE_VALUES[
        sector && border
          ? 'cross_sector_and_border'
          : sector
            ? 'cross_sector'
            : border
              ? 'cross_border'
              : 'no_bridge'
      ];

    return (
      W.geography * geography +
      W.availability * availability +
      W.capacity * capacity +
      W.bridge * bridge
    );
  }

  /** An item's facts as numbers; `add` gives new symbols ids, else unseen values are UNSEEN. */
  private factsOf(item: ExchangeItem, add: boolean): Facts {
    const sym = (key: string | null) => {
      if (key === null) return NONE;
      let id = this.symbols.get(key);
      if (id === undefined) {
        if (!add) return UNSEEN;
        id = this.symbols.size;
        this.symbols.set(key, id);
      }
      return id;
    };
    const quantity = quantityOf(item);
    return {
      country: sym(item.country === null ? null : `c:${item.country}`),
      region:
        item.country === null || item.region === null
          ? NONE
          : sym(`r:${item.country}\u0000${item.region}`),
      remote: item.remote,
      partyKey: sym(`p:${item.partyKey}`),
      partyKind: sym(`k:${item.partyKind}`),
      partyCountry: sym(item.partyCountry === null ? null : `c:${item.partyCountry}`),
      from: optionalDay(item.availableFrom),
      until: optionalDay(item.availableUntil),
      quantity: quantity ?? NaN,
      currency: sym(item.currency === null ? null : `$:${item.currency.toUpperCase()}`),
    };
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termNames.length;
      this.termIds.set(term, id);
      this.termNames.push(term);
      this.df.push(0);
    }
    return id;
  }

  private wordId(word: string): number {
    let id = this.wordIds.get(word);
    if (id === undefined) {
      id = this.wordNames.length;
      this.wordIds.set(word, id);
      this.wordNames.push(word);
    }
    return id;
  }

  /** The idf of every term id under the current version. */
  private freshIdf(): Float64Array {
    if (this.idfVersion !== this.version || this.idfTable.length < this.df.length) {
      if (this.idfTable.length < this.df.length) {
        this.idfTable = new Float64Array(Math.max(1024, this.df.length * 2));
      }
      for (let id = 0; id < this.df.length; id++) {
        this.idfTable[id] = idfOf(this.count, this.df[id]!);
      }
      this.idfVersion = this.version;
    }
    return this.idfTable;
  }

  /** Computes the item's tf-idf norm under `idf`, summed in the same order as `scoreMatch`. */
  private updateNorm(slot: number, idf: Float64Array): number {
    const { poolTerms, poolCounts } = this;
    const start = this.termStart[slot]!;
    const end = start + this.termLength[slot]!;
    let sum = 0;
    for (let i = start; i < end; i++) {
      const w = poolCounts[i]! * idf[poolTerms[i]!]!;
      sum += w * w;
    }
    const norm = Math.sqrt(sum);
    this.norms[slot] = norm;
    return norm;
  }

  /** The item's term vector, as `termVector(item)` gives it (an offer's words aside). */
  private vectorOf(slot: number): TermVector {
    const start = this.termStart[slot]!;
    const end = start + this.termLength[slot]!;
    const terms: string[] = [];
    const counts: number[] = [];
    const words: string[] = [];
    for (let i = start; i < end; i++) {
      terms.push(this.termNames[this.poolTerms[i]!]!);
      counts.push(this.poolCounts[i]!);
      words.push(this.keepsWords ? this.wordNames[this.poolWords[i]!]! : terms[terms.length - 1]!);
    }
    return { terms, counts, words };
  }

  /** Room for `n` more terms at the end of the pool; returns where they start. */
  private reservePool(n: number): number {
    const start = this.poolEnd;
    if (start + n > this.poolTerms.length) {
      const capacity = Math.max(2 * this.poolTerms.length, start + n);
      this.poolTerms = resized(this.poolTerms, capacity);
      this.poolCounts = resized(this.poolCounts, capacity);
      this.poolWords = resized(this.poolWords, capacity);
      this.poolPositions = resized(this.poolPositions, capacity);
    }
    this.poolEnd += n;
    return start;
  }

  /** Closes the holes removed items left in the pool, keeping the items in slot order. */
  private compactPool(): void {
    const live = this.poolEnd - this.poolHoles;
    const capacity = Math.max(1024, 2 * live);
    const terms = new Int32Array(capacity);
    const counts = new Int32Array(capacity);
    const words = new Int32Array(capacity);
    const positions = new Int32Array(capacity);
    let end = 0;
    for (let slot = 0; slot < this.entries.length; slot++) {
      const n = this.termLength[slot]!;
      if (n === 0) continue;
      const from = this.termStart[slot]!;
      terms.set(this.poolTerms.subarray(from, from + n), end);
      counts.set(this.poolCounts.subarray(from, from + n), end);
      words.set(this.poolWords.subarray(from, from + n), end);
      positions.set(this.poolPositions.subarray(from, from + n), end);
      this.termStart[slot] = end;
      end += n;
    }
    this.poolTerms = terms;
    this.poolCounts = counts;
    this.poolWords = words;
    this.poolPositions = positions;
    this.poolEnd = end;
    this.poolHoles = 0;
  }

  private groupFor(kind: number, item: ExchangeItem): Group {
    const key = `${item.country ?? ''}|${item.remote ? 1 : 0}`;
    const groups = this.groups[kind]!;
    let group = groups.get(key);
    if (group === undefined) {
      group = {
        id: this.groupList.length,
        kind,
        country: item.country,
        remote: item.remote,
        slots: [],
      };
      groups.set(key, group);
      this.groupList.push(group);
      if (group.id >= this.bestText.length) {
        this.bestText = resized(this.bestText, this.bestText.length * 2);
      }
    }
    return group;
  }

  private grow(capacity: number): void {
    this.kindOf = resized(this.kindOf, capacity);
    this.country = resized(this.country, capacity);
    this.region = resized(this.region, capacity);
    this.remote = resized(this.remote, capacity);
    this.partyKey = resized(this.partyKey, capacity);
    this.partyKind = resized(this.partyKind, capacity);
    this.partyCountry = resized(this.partyCountry, capacity);
    this.from = resized(this.from, capacity);
    this.until = resized(this.until, capacity);
    this.quantity = resized(this.quantity, capacity);
    this.currency = resized(this.currency, capacity);
    this.groupOf = resized(this.groupOf, capacity);
    this.termStart = resized(this.termStart, capacity);
    this.termLength = resized(this.termLength, capacity);
    this.norms = resized(this.norms, capacity);
    this.norms.fill(NaN, this.capacity);
    this.text = new Float64Array(capacity);
    this.touched = new Int32Array(capacity);
    this.capacity = capacity;
  }
}

function idfOf(n: number, df: number): number {
  return Math.log((1 + n) / (1 + df)) + 1;
}

/** The best geography value any item of the group can have with the query. */
function groupGeography(query: ExchangeItem, group: Group): number {
  if (query.country !== null && query.country === group.country) {
    return GEOGRAPHY_VALUES.same_region;
  }
  if (query.remote || group.remote) return GEOGRAPHY_VALUES.remote;
  if (query.country === null || group.country === null) return GEOGRAPHY_VALUES.no_country;
  return GEOGRAPHY_VALUES.far;
}

type TypedArray = Int32Array | Uint8Array | Float64Array;

/** A copy of `array` with room for `capacity` elements. */
function resized<T extends TypedArray>(array: T, capacity: number): T {
  const next = new (array.constructor as new (n: number) => T)(capacity);
  next.set(array);
  return next;
}

/** The `limit` highest estimates pushed so far (a binary min-heap). */
class TopEstimates {
  private readonly heap: Float64Array;
  private length = 0;
  constructor(private readonly limit: number) {
    this.heap = new Float64Array(limit);
  }

  /** The lowest of the kept estimates: the k-th best once `limit` are kept. */
  get min(): number {
    return this.heap[0]!;
  }

  /** Keeps the estimate if it is among the best; true when `limit` estimates are kept. */
  push(x: number): boolean {
    const heap = this.heap;
    if (this.length < this.limit) {
      let i = this.length++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (heap[parent]! <= x) break;
        heap[i] = heap[parent]!;
        i = parent;
      }
      heap[i] = x;
    } else if (x > heap[0]!) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= this.length) break;
        if (child + 1 < this.length && heap[child + 1]! < heap[child]!) child++;
        if (heap[child]! >= x) break;
        heap[i] = heap[child]!;
        i = child;
      }
      heap[i] = x;
    }
    return this.length === this.limit;
  }
}

/** The best `limit` matches seen so far, best first (score descending, then id ascending). */
class TopList {
  readonly items: RankedMatch[] = [];
  constructor(private readonly limit: number) {}

  get full(): boolean {
    return this.items.length >= this.limit;
  }

  get worst(): RankedMatch {
    return this.items[this.items.length - 1]!;
  }

  offer(match: RankedMatch): void {
    const items = this.items;
    if (this.full && compareMatches(match, this.worst) >= 0) return;
    let i = items.length;
    while (i > 0 && compareMatches(match, items[i - 1]!) < 0) i--;
    items.splice(i, 0, match);
    if (items.length > this.limit) items.pop();
  }
}

/**
 * The order of ranked matches: score descending, then id ascending (code-unit order).
 *
 * @example
 * matches.sort(compareMatches);
 */
export function compareMatches(
  a: { item: { id: string }; score: number },
  b: { item: { id: string }; score: number },
): number {
  return b.score - a.score || compareCodeUnits(a.item.id, b.item.id);
}
