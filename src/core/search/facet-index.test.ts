import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { Bitset, FacetIndex, compareKeys, popcount, type Filters } from './facet-index.ts';

type F = 'colour' | 'size' | 'tag';
const FACETS: F[] = ['colour', 'size', 'tag'];
type Doc = { id: string; colour: string[]; size: string[]; tag: string[]; rank: number };

const docArb = (i: number) =>
  fc.record({
    id: fc.constant(`d${i}`),
    colour: fc.subarray(['red', 'green', 'blue'], { maxLength: 1 }),
    size: fc.subarray(['s', 'm', 'l']),
    tag: fc.subarray(['a', 'b', 'c', 'd', 'e'], { maxLength: 3 }),
    rank: fc.integer({ min: 0, max: 5 }),
  });
const docsArb = fc
  .integer({ min: 0, max: 120 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => docArb(i))));
const filtersArb = fc.record(
  {
    colour: fc.subarray(['red', 'green', 'blue', 'none']),
    size: fc.subarray(['s', 'm', 'l']),
    tag: fc.subarray(['a', 'b', 'c', 'd', 'e']),
  },
  { requiredKeys: [] },
);

let strategy: 'sparse' | 'dense' = 'dense';

function build(docs: readonly Doc[]) {
  const index = new FacetIndex<F>({
    facets: FACETS,
    strategy,
    sorts: { rank: (d) => [-(rankOf.get(d.id) ?? 0), d.id] },
  });
  const rankOf = new Map(docs.map((d) => [d.id, d.rank]));
  for (const d of docs) index.put(d.id, { colour: d.colour, size: d.size, tag: d.tag });
  return index;
}

const passes = (d: Doc, filters: Filters<F>, except?: F) =>
  FACETS.every((f) => {
    if (f === except) return true;
    const sel = filters[f];
    return !sel || sel.length === 0 || d[f].some((v) => sel.includes(v));
  });

function bruteCounts(docs: readonly Doc[], filters: Filters<F>) {
  const out: Record<string, Record<string, number>> = {};
  for (const f of FACETS) {
    const counts: Record<string, number> = {};
    for (const d of docs) {
      if (!passes(d, filters, f)) continue;
      for (const v of d[f]) counts[v] = (counts[v] ?? 0) + 1;
    }
    for (const v of filters[f] ?? []) counts[v] ??= 0;
    out[f] = counts;
  }
  return out;
}

const asObject = (m: Map<string, number>) => Object.fromEntries([...m].sort());
const sortedObject = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).sort());

describe.each(['sparse', 'dense'] as const)('FacetIndex walking matches %s', (s) => {
  beforeEach(() => {
    strategy = s;
  });

  it('counts each facet with every other filter applied, as a brute-force count does', () => {
    fc.assert(
      fc.property(docsArb, filtersArb, (docs, filters) => {
        const index = build(docs);
        const got = index.counts(filters);
        const want = bruteCounts(docs, filters);
        for (const f of FACETS) expect(asObject(got[f])).toEqual(sortedObject(want[f]!));
        const matched = docs.filter((d) => passes(d, filters));
        const set = index.match(filters);
        expect(set.count()).toBe(matched.length);
        expect(index.idsOf(set).sort()).toEqual(matched.map((d) => d.id).sort());
        const tags: Record<string, number> = {};
        for (const d of matched) for (const t of d.tag) tags[t] = (tags[t] ?? 0) + 1;
        expect(asObject(index.countWithin(set, 'tag'))).toEqual(sortedObject(tags));
      }),
      { numRuns: 200 },
    );
  });

  it('restricts everything to a base set (the text matches) when one is given', () => {
    fc.assert(
      fc.property(docsArb, filtersArb, fc.integer({ min: 2, max: 4 }), (docs, filters, k) => {
        const index = build(docs);
        const inBase = docs.filter((_, i) => i % k === 0);
        const base = index.bitsetOf(inBase.map((d) => d.id));
        const got = index.counts(filters, base);
        const want = bruteCounts(inBase, filters);
        for (const f of FACETS) expect(asObject(got[f])).toEqual(sortedObject(want[f]!));
      }),
      { numRuns: 100 },
    );
  });

  it('keeps counts right when documents are replaced and removed (ordinals are reused)', () => {
    fc.assert(
      fc.property(docsArb, docsArb, filtersArb, (first, second, filters) => {
        const index = build(first);
        // Remove every other document, then put the second set (same ids replace).
        for (const d of first.filter((_, i) => i % 2 === 0)) index.remove(d.id);
        for (const d of second) index.put(d.id, { colour: d.colour, size: d.size, tag: d.tag });
        const byId = new Map(first.filter((_, i) => i % 2 === 1).map((d) => [d.id, d]));
        for (const d of second) byId.set(d.id, d);
        const live = [...byId.values()];
        expect(index.size).toBe(live.length);
        const got = index.counts(filters);
        const want = bruteCounts(live, filters);
        for (const f of FACETS) expect(asObject(got[f])).toEqual(sortedObject(want[f]!));
      }),
      { numRuns: 100 },
    );
  });

  it('pages through the matches in sort order with keyset cursors, none lost or repeated', () => {
    fc.assert(
      fc.property(docsArb, filtersArb, fc.integer({ min: 1, max: 7 }), (docs, filters, limit) => {
        const index = build(docs);
        const matches = index.match(filters);
        const want = docs
          .filter((d) => passes(d, filters))
          .sort((a, b) => compareKeys([-a.rank, a.id], [-b.rank, b.id]))
          .map((d) => d.id);
        const got: string[] = [];
        let after = null;
        for (let guard = 0; guard < 200; guard++) {
          const p = index.page(matches, 'rank', limit, after);
          got.push(...p.ids);
          if (!p.more) break;
          after = index.sortKey(p.ids[p.ids.length - 1]!, 'rank')!;
        }
        expect(got).toEqual(want);
      }),
      { numRuns: 100 },
    );
  });
});

describe('FacetIndex under many replacements', () => {
  it('compacts its packed value ids and still counts right', () => {
    const index = new FacetIndex<F>({ facets: FACETS, sorts: { id: (d) => [d.id] } });
    const live = new Map<string, Doc>();
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 800; i++) {
        const d: Doc = {
          id: `d${i}`,
          colour: [['red', 'green', 'blue'][(i + round) % 3]!],
          size: ['s', 'm', 'l'].slice(0, 1 + ((i * round) % 3)),
          tag: [`t${(i * 7 + round) % 11}`, `u${i % 5}`],
          rank: 0,
        };
        if ((i + round) % 5 === 0) {
          index.remove(d.id);
          live.delete(d.id);
        } else {
          index.put(d.id, { colour: d.colour, size: d.size, tag: d.tag });
          live.set(d.id, d);
        }
      }
    }
    const filters = { colour: ['red'], tag: ['t3', 'u1'] };
    const got = index.counts(filters);
    const want = bruteCounts([...live.values()], filters);
    for (const f of FACETS) expect(asObject(got[f])).toEqual(sortedObject(want[f]!));
  });
});

describe('Bitset and popcount', () => {
  it('count the bits that are set', () => {
    expect(popcount(0)).toBe(0);
    expect(popcount(0xffffffff)).toBe(32);
    expect(popcount(0x80000001)).toBe(2);
    const b = new Bitset(10);
    for (const i of [0, 31, 32, 63, 64, 1000]) b.set(i);
    b.clear(63);
    expect(b.count()).toBe(5);
    expect(b.has(1000)).toBe(true);
    expect(b.has(63)).toBe(false);
    expect(b.has(5000)).toBe(false);
  });
});
