/**
 * An in-memory faceted index: every document gets an ordinal, every (facet, value) a bitset of the
 * documents that have it. Filters are alternatives within a facet (OR) and all apply across facets
 * (AND); the counts of each facet apply every filter except its own (disjunctive faceting), so a
 * ticked value never hides the other values of its facet. Counting is word-wise AND + popcount:
 * about (number of values) × (documents / 32) operations, a millisecond for 100 000 documents.
 *
 * Documents are added, replaced and removed one at a time; freed ordinals are reused.
 */

export type FacetValues<F extends string> = Readonly<Record<F, readonly string[]>>;

export type Filters<F extends string> = Partial<Record<F, readonly string[]>>;

export type SortKey = readonly (number | string)[];

export class Bitset {
  words: Uint32Array;
  constructor(capacity: number) {
    this.words = new Uint32Array(Math.max(1, Math.ceil(capacity / 32)));
  }
  static ofWords(words: Uint32Array): Bitset {
    const b = new Bitset(0);
    b.words = words;
    return b;
  }
  grow(capacity: number): void {
    const need = Math.ceil(capacity / 32);
    if (need <= this.words.length) return;
    const next = new Uint32Array(Math.max(need, this.words.length * 2));
    next.set(this.words);
    this.words = next;
  }
  set(i: number): void {
    this.grow(i + 1);
    this.words[i >>> 5]! |= 1 << (i & 31);
  }
  clear(i: number): void {
    if (i >>> 5 < this.words.length) this.words[i >>> 5]! &= ~(1 << (i & 31));
  }
  has(i: number): boolean {
    return i >>> 5 < this.words.length && (this.words[i >>> 5]! & (1 << (i & 31))) !== 0;
  }
  count(): number {
    let n = 0;
    for (const w of this.words) n += popcount(w);
    return n;
  }
}

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Words of a AND b over `length` words (missing words count as zero). */
function andInto(target: Uint32Array, other: Uint32Array): void {
  const n = target.length;
  const m = Math.min(n, other.length);
  for (let i = 0; i < m; i++) target[i]! &= other[i]!;
  for (let i = m; i < n; i++) target[i] = 0;
}

function orInto(target: Uint32Array, other: Uint32Array): void {
  const m = Math.min(target.length, other.length);
  for (let i = 0; i < m; i++) target[i]! |= other[i]!;
}

function andCount(a: Uint32Array, b: Uint32Array): number {
  const m = Math.min(a.length, b.length);
  let n = 0;
  for (let i = 0; i < m; i++) {
    const w = a[i]! & b[i]!;
    if (w !== 0) n += popcount(w);
  }
  return n;
}

export type FacetIndexOptions<F extends string> = {
  facets: readonly F[];
  /** The sort orders documents can be listed in; each key is compared element by element. */
  sorts: Record<string, (doc: { id: string; values: FacetValues<F> }) => SortKey>;
  /** How counts and pages walk the matches; 'auto' picks the cheaper way (tests force each). */
  strategy?: 'auto' | 'sparse' | 'dense';
};

type Doc<F extends string> = {
  id: string;
  values: FacetValues<F>;
  keys: Record<string, SortKey>;
};

export type FacetCounts<F extends string> = Record<F, Map<string, number>>;

export function compareKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/** Rough cost of tallying one document's values (sparse) against one word of one value (dense). */
const VALUES_PER_DOC = 16;

/**
 * The position of the first item whose key comes after `after` in items sorted by key: where a
 * keyset page starts (binary search).
 */
export function firstAfter<T>(
  items: readonly T[],
  key: (item: T) => SortKey,
  after: SortKey,
): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareKeys(key(items[mid]!), after) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class FacetIndex<F extends string> {
  readonly facets: readonly F[];
  private readonly sortFns: FacetIndexOptions<F>['sorts'];
  /** facet → value → value id; value ids index the arrays below. */
  private readonly vids = new Map<F, Map<string, number>>();
  private readonly vidFacet: number[] = [];
  private readonly vidValue: string[] = [];
  private readonly vidBits: Bitset[] = [];
  /** Documents with each value, kept up to date (the counts when nothing is filtered). */
  private readonly vidTotal: number[] = [];
  private readonly docs: (Doc<F> | undefined)[] = [];
  /**
   * Each document's value ids, packed in one array (a document's run starts at vidStart[ordinal]
   * and is vidCount[ordinal] long): counting walks memory in order instead of chasing objects.
   * A replaced run is left behind and the pool is compacted when half of it is garbage.
   */
  private pool = new Int32Array(1024);
  private poolUsed = 0;
  private poolGarbage = 0;
  private vidStart = new Int32Array(1024);
  private vidCount = new Int32Array(1024);
  private readonly ordinalOf = new Map<string, number>();
  private readonly free: number[] = [];
  private readonly alive = new Bitset(1024);
  private readonly orders = new Map<string, number[] | null>();
  private readonly strategy: 'auto' | 'sparse' | 'dense';

  constructor(options: FacetIndexOptions<F>) {
    this.facets = options.facets;
    this.strategy = options.strategy ?? 'auto';
    this.sortFns = options.sorts;
    for (const f of options.facets) this.vids.set(f, new Map());
    for (const name of Object.keys(options.sorts)) this.orders.set(name, null);
  }

  get size(): number {
    return this.ordinalOf.size;
  }

  /** One past the highest ordinal given out (the size a bitset of documents needs). */
  get capacity(): number {
    return this.docs.length;
  }

  has(id: string): boolean {
    return this.ordinalOf.has(id);
  }

  ordinal(id: string): number | undefined {
    return this.ordinalOf.get(id);
  }

  values(id: string): FacetValues<F> | undefined {
    const o = this.ordinalOf.get(id);
    return o === undefined ? undefined : this.docs[o]?.values;
  }

  private vidOf(facetIndex: number, value: string): number {
    const byValue = this.vids.get(this.facets[facetIndex]!)!;
    let vid = byValue.get(value);
    if (vid === undefined) {
      vid = this.vidValue.length;
      byValue.set(value, vid);
      this.vidFacet.push(facetIndex);
      this.vidValue.push(value);
      this.vidBits.push(new Bitset(this.docs.length + 1));
      this.vidTotal.push(0);
    }
    return vid;
  }

  /** Adds a document, or replaces the one with the same id. */
  put(id: string, values: FacetValues<F>): void {
    this.remove(id);
    const ordinal = this.free.pop() ?? this.docs.length;
    const keys: Record<string, SortKey> = {};
    for (const [name, fn] of Object.entries(this.sortFns)) keys[name] = fn({ id, values });
    const vids: number[] = [];
    this.facets.forEach((f, fi) => {
      for (const v of new Set(values[f])) vids.push(this.vidOf(fi, v));
    });
    this.docs[ordinal] = { id, values, keys };
    this.store(ordinal, vids);
    this.ordinalOf.set(id, ordinal);
    this.alive.set(ordinal);
    for (const vid of vids) {
      this.vidBits[vid]!.set(ordinal);
      this.vidTotal[vid]! += 1;
    }
    for (const name of this.orders.keys()) this.orders.set(name, null);
  }

  remove(id: string): void {
    const ordinal = this.ordinalOf.get(id);
    if (ordinal === undefined) return;
    const start = this.vidStart[ordinal]!;
    const end = start + this.vidCount[ordinal]!;
    for (let j = start; j < end; j++) {
      const vid = this.pool[j]!;
      this.vidBits[vid]!.clear(ordinal);
      this.vidTotal[vid]! -= 1;
    }
    this.poolGarbage += this.vidCount[ordinal]!;
    this.vidCount[ordinal] = 0;
    this.alive.clear(ordinal);
    this.docs[ordinal] = undefined;
    this.ordinalOf.delete(id);
    this.free.push(ordinal);
    for (const name of this.orders.keys()) this.orders.set(name, null);
  }

  private store(ordinal: number, vids: readonly number[]): void {
    if (ordinal >= this.vidStart.length) {
      const size = Math.max(ordinal + 1, this.vidStart.length * 2);
      const start = new Int32Array(size);
      start.set(this.vidStart);
      const count = new Int32Array(size);
      count.set(this.vidCount);
      this.vidStart = start;
      this.vidCount = count;
    }
    if (this.poolGarbage > 1024 && this.poolGarbage * 2 > this.poolUsed) this.compact();
    if (this.poolUsed + vids.length > this.pool.length) {
      const pool = new Int32Array(Math.max(this.poolUsed + vids.length, this.pool.length * 2));
      pool.set(this.pool.subarray(0, this.poolUsed));
      this.pool = pool;
    }
    this.vidStart[ordinal] = this.poolUsed;
    this.vidCount[ordinal] = vids.length;
    this.pool.set(vids, this.poolUsed);
    this.poolUsed += vids.length;
  }

  /** Rewrites the pool without the runs of replaced and removed documents, in ordinal order. */
  private compact(): void {
    const pool = new Int32Array(Math.max(1024, (this.poolUsed - this.poolGarbage) * 2));
    let used = 0;
    for (let o = 0; o < this.docs.length; o++) {
      const n = this.vidCount[o]!;
      if (n === 0) continue;
      const start = this.vidStart[o]!;
      pool.set(this.pool.subarray(start, start + n), used);
      this.vidStart[o] = used;
      used += n;
    }
    this.pool = pool;
    this.poolUsed = used;
    this.poolGarbage = 0;
  }

  /** A bitset of the given document ids (unknown ids are ignored). */
  bitsetOf(ids: Iterable<string>): Bitset {
    const b = new Bitset(this.docs.length);
    for (const id of ids) {
      const o = this.ordinalOf.get(id);
      if (o !== undefined) b.set(o);
    }
    return b;
  }

  private words(): number {
    return Math.max(1, Math.ceil(this.docs.length / 32));
  }

  /** OR of a facet's selected values, or null when the facet is not filtered. */
  private facetMask(facet: F, selected: readonly string[] | undefined): Uint32Array | null {
    if (!selected || selected.length === 0) return null;
    const mask = new Uint32Array(this.words());
    const byValue = this.vids.get(facet)!;
    for (const v of selected) {
      const vid = byValue.get(v);
      if (vid !== undefined) orInto(mask, this.vidBits[vid]!.words);
    }
    return mask;
  }

  private baseMask(base: Bitset | null): Uint32Array {
    const mask = new Uint32Array(this.words());
    mask.set(this.alive.words.subarray(0, mask.length));
    if (base) andInto(mask, base.words);
    return mask;
  }

  /** The documents that pass every filter (and `base`, e.g. the text matches, when given). */
  match(filters: Filters<F>, base: Bitset | null = null): Bitset {
    const mask = this.baseMask(base);
    for (const f of this.facets) {
      const m = this.facetMask(f, filters[f]);
      if (m) andInto(mask, m);
    }
    return Bitset.ofWords(mask);
  }

  /**
   * Tallies the values of the given facets over the documents in `mask`: by walking those
   * documents when they are few, by AND + popcount against each value's bitset when many.
   */
  private tally(mask: Uint32Array, facetIndexes: readonly number[], into: Int32Array): void {
    const wanted = new Uint8Array(this.facets.length);
    for (const fi of facetIndexes) wanted[fi] = 1;
    let values = 0;
    for (const fi of this.vidFacet) values += wanted[fi]!;
    const vidFacet = this.vidFacet;
    let n = 0;
    for (let w = 0; w < mask.length; w++) if (mask[w] !== 0) n += popcount(mask[w]!);
    const sparse =
      this.strategy === 'auto'
        ? n * VALUES_PER_DOC < mask.length * values
        : this.strategy === 'sparse';
    if (sparse) {
      const pool = this.pool;
      const starts = this.vidStart;
      const counts = this.vidCount;
      for (let w = 0; w < mask.length; w++) {
        let word = mask[w]! | 0;
        while (word !== 0) {
          const o = (w << 5) + (31 - Math.clz32(word & -word));
          word &= word - 1;
          const end = starts[o]! + counts[o]!;
          for (let j = starts[o]!; j < end; j++) {
            const vid = pool[j]!;
            if (wanted[vidFacet[vid]!] === 1) into[vid]! += 1;
          }
        }
      }
    } else {
      for (let vid = 0; vid < this.vidFacet.length; vid++) {
        if (wanted[this.vidFacet[vid]!]) into[vid] = andCount(mask, this.vidBits[vid]!.words);
      }
    }
  }

  /**
   * For each facet, the number of documents with each value among those passing every filter of
   * the *other* facets (and `base`). Values with no documents are left out unless selected.
   */
  counts(filters: Filters<F>, base: Bitset | null = null): FacetCounts<F> {
    const masks = new Map<number, Uint32Array>();
    this.facets.forEach((f, fi) => {
      const m = this.facetMask(f, filters[f]);
      if (m) masks.set(fi, m);
    });
    const tallies = new Int32Array(this.vidFacet.length);
    if (masks.size === 0 && !base) {
      for (let vid = 0; vid < tallies.length; vid++) tallies[vid] = this.vidTotal[vid]!;
    } else {
      const unfiltered = this.facets.map((_, fi) => fi).filter((fi) => !masks.has(fi));
      if (unfiltered.length) {
        const all = this.baseMask(base);
        for (const m of masks.values()) andInto(all, m);
        this.tally(all, unfiltered, tallies);
      }
      for (const fi of masks.keys()) {
        const mask = this.baseMask(base);
        for (const [g, m] of masks) if (g !== fi) andInto(mask, m);
        this.tally(mask, [fi], tallies);
      }
    }
    const out = {} as FacetCounts<F>;
    for (const f of this.facets) out[f] = new Map();
    for (let vid = 0; vid < tallies.length; vid++) {
      if (tallies[vid]! > 0)
        out[this.facets[this.vidFacet[vid]!]!].set(this.vidValue[vid]!, tallies[vid]!);
    }
    for (const f of this.facets) {
      for (const v of filters[f] ?? []) if (!out[f].has(v)) out[f].set(v, 0);
    }
    return out;
  }

  /** The values of a facet that some document has. */
  valueList(facet: F): string[] {
    return [...this.vids.get(facet)!].filter(([, vid]) => this.vidTotal[vid]! > 0).map(([v]) => v);
  }

  /** The number of documents in `within` with each value of a facet (no filter left out). */
  countWithin(within: Bitset, facet: F): Map<string, number> {
    const tallies = new Int32Array(this.vidFacet.length);
    const mask = this.baseMask(within);
    this.tally(mask, [this.facets.indexOf(facet)], tallies);
    const counts = new Map<string, number>();
    for (const [value, vid] of this.vids.get(facet)!)
      if (tallies[vid]! > 0) counts.set(value, tallies[vid]!);
    return counts;
  }

  /** The ordinals of the documents in a bitset, ascending. */
  private ordinalsOf(set: Bitset): number[] {
    const out: number[] = [];
    const words = set.words;
    for (let w = 0; w < words.length; w++) {
      let word = words[w]!;
      while (word !== 0) {
        const o = w * 32 + (31 - Math.clz32(word & -word));
        word &= word - 1;
        if (this.docs[o]) out.push(o);
      }
    }
    return out;
  }

  /** The ids of the documents in a bitset. */
  idsOf(set: Bitset): string[] {
    return this.ordinalsOf(set).map((o) => this.docs[o]!.id);
  }

  private order(name: string): number[] {
    let order = this.orders.get(name);
    if (order === undefined) throw new Error(`unknown sort ${name}`);
    if (order === null) {
      order = [];
      for (let i = 0; i < this.docs.length; i++) if (this.docs[i]) order.push(i);
      order.sort((a, b) => compareKeys(this.docs[a]!.keys[name]!, this.docs[b]!.keys[name]!));
      this.orders.set(name, order);
    }
    return order;
  }

  sortKey(id: string, sort: string): SortKey | undefined {
    const o = this.ordinalOf.get(id);
    return o === undefined ? undefined : this.docs[o]?.keys[sort];
  }

  /**
   * Up to `limit` matching ids in the order of `sort`, starting after the document whose key is
   * `after` (keyset pagination: the position is found by binary search, not by counting). Few
   * matches are sorted on their own; many are found by walking the presorted order.
   */
  page(
    matches: Bitset,
    sort: string,
    limit: number,
    after: SortKey | null = null,
  ): { ids: string[]; more: boolean } {
    const key = (o: number) => this.docs[o]!.keys[sort]!;
    let order: number[];
    const few =
      this.strategy === 'auto'
        ? matches.count() * 64 < this.ordinalOf.size
        : this.strategy === 'sparse';
    if (few) {
      order = this.ordinalsOf(matches).sort((a, b) => compareKeys(key(a), key(b)));
    } else {
      order = this.order(sort);
    }
    const start = after ? firstAfter(order, key, after) : 0;
    const ids: string[] = [];
    for (let i = start; i < order.length; i++) {
      const o = order[i]!;
      if (!matches.has(o)) continue;
      if (ids.length === limit) return { ids, more: true };
      ids.push(this.docs[o]!.id);
    }
    return { ids, more: false };
  }
}
