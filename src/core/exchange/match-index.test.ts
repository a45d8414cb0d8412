import { describe, expect, it } from 'vitest';
import { createRng, randomInt, type Rng } from '../network/prng.ts';
import { compareMatches, MatchIndex, type TopMatchesOptions } from './match-index.ts';
import { ExchangeSideError, kindMatch, scoreMatch } from './score.ts';
import { RESOURCE_KINDS, type ExchangeItem, type PartyKind, type Side } from './types.ts';

const TODAY = '2026-03-01';
const DAY_MS = 86_400_000;
const TODAY_MS = Date.UTC(2026, 2, 1);

// A small world, so that terms, places, parties and exact ties recur often.
const WORDS = (
  'bookkeeping finance garden library school water energy housing youth care data ' +
  'mobility waste repair food bank mentor coding design legal advice event venue ' +
  'training volunteers research survey network climate health'
).split(' ');
const COUNTRIES = ['NL', 'BE', 'DE', 'DK', null];
const PARTY_KINDS: PartyKind[] = ['public_body', 'company', 'civil_society', 'person'];

function pick<T>(rng: Rng, values: readonly T[]): T {
  return values[randomInt(rng, values.length)]!;
}

function isoDay(offset: number): string {
  return new Date(TODAY_MS + offset * DAY_MS).toISOString().slice(0, 10);
}

function randomItem(rng: Rng, side: Side, id: string): ExchangeItem {
  const kind = pick(rng, RESOURCE_KINDS);
  const country = pick(rng, COUNTRIES);
  const words = (n: number) => Array.from({ length: n }, () => pick(rng, WORDS)).join(' ');
  const from = rng() < 0.4 ? null : isoDay(randomInt(rng, 120) - 60);
  const until = rng() < 0.4 ? null : isoDay(randomInt(rng, 160) - 40);
  const maybe = (x: number) => (rng() < 0.75 ? x : null);
  return {
    id,
    side,
    kind,
    title: words(1 + randomInt(rng, 3)),
    description: words(randomInt(rng, 8)),
    sectors: rng() < 0.3 ? [] : [`0${1 + randomInt(rng, 3)}`],
    country,
    region: country === null || rng() < 0.2 ? null : `${country}-${randomInt(rng, 2)}`,
    remote: rng() < 0.25,
    availableFrom: from,
    availableUntil: from !== null && until !== null && until < from ? from : until,
    hoursPerWeek: maybe(1 + randomInt(rng, 4) * 4),
    durationWeeks: maybe(1 + randomInt(rng, 4) * 5),
    amount: maybe(1000 * (1 + randomInt(rng, 5))),
    currency: rng() < 0.85 ? 'EUR' : 'DKK',
    capacity: maybe(10 * (1 + randomInt(rng, 5))),
    partyKey: `party-${randomInt(rng, 25)}`,
    partyKind: pick(rng, PARTY_KINDS),
    partyCountry: rng() < 0.8 ? country : pick(rng, COUNTRIES),
  };
}

function randomItems(rng: Rng, side: Side, n: number, prefix = side[0]!): ExchangeItem[] {
  // Ids are not in insertion order, so that the id tie-break is tested.
  return Array.from({ length: n }, (_, i) => randomItem(rng, side, `${prefix}${(i * 7919) % n}`));
}

/** Scores every item with scoreMatch and sorts: what the index must reproduce. */
function bruteForce(
  index: MatchIndex,
  items: Iterable<ExchangeItem>,
  query: ExchangeItem,
  { limit, today, visible, minScore }: TopMatchesOptions,
) {
  const ctx = { today, idf: index.idf };
  const results = [];
  for (const item of items) {
    if (visible !== undefined && !visible(item.id)) continue;
    const result =
      query.side === 'request' ? scoreMatch(query, item, ctx) : scoreMatch(item, query, ctx);
    if (result === null || result.score < (minScore ?? -Infinity)) continue;
    results.push({ item, score: result.score, parts: result.parts });
  }
  return results.sort(compareMatches).slice(0, limit);
}

function indexOf(side: Side, items: readonly ExchangeItem[]): MatchIndex {
  const index = new MatchIndex(side);
  for (const item of items) index.upsert(item);
  return index;
}

describe('MatchIndex.topMatches equals scoring every item', () => {
  it('on random offers, for random requests, limits and score floors', () => {
    const rng = createRng(11);
    const offers = randomItems(rng, 'offer', 400);
    const index = indexOf('offer', offers);
    for (let q = 0; q < 150; q++) {
      const request = randomItem(rng, 'request', `q${q}`);
      const options = {
        limit: pick(rng, [1, 3, 10, 25, 500]),
        today: TODAY,
        minScore: rng() < 0.3 ? 0.3 + rng() * 0.4 : undefined,
      };
      expect(index.topMatches(request, options)).toEqual(
        bruteForce(index, offers, request, options),
      );
    }
  });

  it('on random requests, for random offers (the index holding requests)', () => {
    const rng = createRng(12);
    const requests = randomItems(rng, 'request', 300);
    const index = indexOf('request', requests);
    for (let q = 0; q < 100; q++) {
      const offer = randomItem(rng, 'offer', `q${q}`);
      const options = { limit: pick(rng, [1, 5, 10]), today: TODAY };
      expect(index.topMatches(offer, options)).toEqual(bruteForce(index, requests, offer, options));
    }
  });

  it('after items are updated, removed and added', () => {
    const rng = createRng(13);
    const live = new Map(randomItems(rng, 'offer', 300).map((o) => [o.id, o]));
    const index = indexOf('offer', [...live.values()]);
    let next = 0;
    for (let round = 0; round < 20; round++) {
      for (let change = 0; change < 25; change++) {
        const ids = [...live.keys()];
        const roll = rng();
        if (roll < 0.4 && ids.length > 0) {
          // An update: same id, new content (possibly another kind, place or window).
          const id = pick(rng, ids);
          const updated = randomItem(rng, 'offer', id);
          live.set(id, updated);
          index.upsert(updated);
        } else if (roll < 0.7 && ids.length > 0) {
          const id = pick(rng, ids);
          live.delete(id);
          expect(index.remove(id)).toBe(true);
        } else {
          const added = randomItem(rng, 'offer', `new${next++}`);
          live.set(added.id, added);
          index.upsert(added);
        }
      }
      expect(index.size).toBe(live.size);
      // The reference idf comes from an index built afresh, so the kept frequencies are checked.
      const fresh = indexOf('offer', [...live.values()]);
      for (let q = 0; q < 10; q++) {
        const request = randomItem(rng, 'request', `q${round}-${q}`);
        const options = { limit: pick(rng, [1, 10, 40]), today: TODAY };
        expect(index.topMatches(request, options)).toEqual(
          bruteForce(fresh, live.values(), request, options),
        );
      }
    }
  });

  it('after heavy churn on few items (the packed term store is compacted)', () => {
    const rng = createRng(15);
    const live = new Map(randomItems(rng, 'offer', 150).map((o) => [o.id, o]));
    const index = indexOf('offer', [...live.values()]);
    const ids = [...live.keys()];
    for (let change = 0; change < 2000; change++) {
      const updated = randomItem(rng, 'offer', pick(rng, ids));
      live.set(updated.id, updated);
      index.upsert(updated);
    }
    for (let q = 0; q < 30; q++) {
      const request = randomItem(rng, 'request', `q${q}`);
      const options = { limit: 10, today: TODAY };
      expect(index.topMatches(request, options)).toEqual(
        bruteForce(index, live.values(), request, options),
      );
    }
  });

  it('with a visibility filter, which excludes the hidden items', () => {
    const rng = createRng(14);
    const offers = randomItems(rng, 'offer', 300);
    const index = indexOf('offer', offers);
    const hidden = new Set(offers.filter(() => rng() < 0.5).map((o) => o.id));
    const visible = (id: string) => !hidden.has(id);
    for (let q = 0; q < 60; q++) {
      const request = randomItem(rng, 'request', `q${q}`);
      const options = { limit: 10, today: TODAY, visible };
      const results = index.topMatches(request, options);
      expect(results).toEqual(bruteForce(index, offers, request, options));
      for (const r of results) expect(hidden.has(r.item.id)).toBe(false);
    }
  });
});

describe('MatchIndex.topMatches: what never appears', () => {
  const rng = createRng(21);
  const offers = randomItems(rng, 'offer', 400);
  const index = indexOf('offer', offers);
  const requests = Array.from({ length: 80 }, (_, q) => randomItem(rng, 'request', `q${q}`));
  const all = requests.flatMap((request) =>
    index.topMatches(request, { limit: 400, today: TODAY }).map((m) => ({ request, ...m })),
  );

  it('returns matches at all (the checks below are not vacuous)', () => {
    expect(all.length).toBeGreaterThan(1000);
    expect(offers.some((o) => o.availableUntil !== null && o.availableUntil < TODAY)).toBe(true);
  });

  it('never returns an expired offer', () => {
    for (const { item } of all) {
      expect(item.availableUntil === null || item.availableUntil >= TODAY).toBe(true);
    }
  });

  it('never returns an offer of an incompatible kind', () => {
    for (const { request, item } of all) {
      expect(kindMatch(request.kind, item.kind)).not.toBe(null);
    }
  });

  it("never returns the request's own party", () => {
    for (const { request, item } of all) expect(item.partyKey).not.toBe(request.partyKey);
  });
});

describe('MatchIndex', () => {
  const rng = createRng(31);

  it('prunes: with many offers it scores only a few of them', () => {
    const offers = randomItems(rng, 'offer', 5000);
    const index = indexOf('offer', offers);
    let asked = 0;
    const visible = () => (asked++, true);
    for (let q = 0; q < 20; q++) {
      index.topMatches(randomItem(rng, 'request', `q${q}`), { limit: 10, today: TODAY, visible });
    }
    expect(asked / 20).toBeLessThan(offers.length / 25);
  });

  it('keeps items by id: upsert replaces, remove deletes, get and size follow', () => {
    const index = new MatchIndex('offer');
    const [a, b] = randomItems(rng, 'offer', 2);
    index.upsert(a!);
    index.upsert(b!);
    index.upsert({ ...a!, title: 'Changed' });
    expect(index.size).toBe(2);
    expect(index.get(a!.id)?.title).toBe('Changed');
    expect(index.remove(a!.id)).toBe(true);
    expect(index.remove(a!.id)).toBe(false);
    expect(index.get(a!.id)).toBe(undefined);
    expect(index.size).toBe(1);
  });

  it('refuses items and queries of the wrong side', () => {
    const index = new MatchIndex('offer');
    const request = randomItem(rng, 'request', 'r');
    expect(() => index.upsert(request)).toThrow(ExchangeSideError);
    expect(() =>
      index.topMatches(randomItem(rng, 'offer', 'o'), { limit: 1, today: TODAY }),
    ).toThrow(ExchangeSideError);
  });

  it('uses the smoothed idf of the items it holds', () => {
    const index = new MatchIndex('offer');
    const [a, b] = randomItems(rng, 'offer', 2);
    index.upsert({ ...a!, title: 'Library', description: '', sectors: [] });
    index.upsert({ ...b!, title: 'Library garden', description: '', sectors: [] });
    expect(index.idf('library')).toBeCloseTo(Math.log(3 / 3) + 1, 12);
    expect(index.idf('gard')).toBeCloseTo(Math.log(3 / 2) + 1, 12);
    expect(index.idf('unseen')).toBeCloseTo(Math.log(3 / 1) + 1, 12);
  });
});
