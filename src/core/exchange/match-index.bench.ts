/**
 * The match index on 100 000 synthetic offers. Run:
 *   node --import tsx src/core/exchange/match-index.bench.ts
 *
 * Offers and requests are seeded random: 7 kinds, 30 countries of 6 regions each, 6 party kinds,
 * titles of 6 and descriptions of 34 words drawn from a vocabulary of 2 000 made-up words
 * (uniformly; VOCAB=zipf draws them with Zipf's law, s = 1, for a corpus with very common
 * words), 1–2 sectors, windows around today (some open, some ended), quantities by kind.
 * Prints the build time, the heap (the offers themselves included), and p50/p95 of `topMatches` (limit 10) over 1 000 random
 * requests after a warm-up, then the cost of the first query after a write (which recomputes
 * the norms it touches), and, for scale, the time to score every offer with `scoreMatch` for 3
 * requests (and whether the index returned the same top 10). OFFERS and QUERIES override the
 * sizes. Not a test: nothing asserts.
 */
import { createRng, randomInt, type Rng } from '../network/prng.ts';
import { compareMatches, MatchIndex } from './match-index.ts';
import { scoreMatch } from './score.ts';
import { RESOURCE_KINDS, type ExchangeItem, type PartyKind, type Side } from './types.ts';

const OFFERS = Number(process.env.OFFERS ?? 100_000);
const QUERIES = Number(process.env.QUERIES ?? 1_000);
const BRUTE_QUERIES = 3;
const ZIPF = process.env.VOCAB === 'zipf';
const TODAY = '2026-03-01';
const TODAY_MS = Date.UTC(2026, 2, 1);

const PARTY_KINDS: PartyKind[] = [
  'public_body',
  'company',
  'civil_society',
  'academic',
  'community_group',
  'person',
];
// The EU-27 and three neighbours.
const COUNTRIES = `AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE
  NO CH GB`.split(/\s+/);

function makeVocabulary(rng: Rng, size: number): string[] {
  const syllables = 'ka lo mi ne ru sa to vi de po ber gan tis mon dru fel'.split(' ');
  const words = new Set<string>();
  while (words.size < size) {
    let w = '';
    const n = 2 + randomInt(rng, 3);
    for (let i = 0; i < n; i++) w += syllables[randomInt(rng, syllables.length)];
    words.add(w);
  }
  return [...words];
}

function makeWordPicker(rng: Rng, vocabulary: string[]): () => string {
  if (!ZIPF) return () => vocabulary[randomInt(rng, vocabulary.length)]!;
  const cumulative: number[] = [];
  let sum = 0;
  for (let r = 1; r <= vocabulary.length; r++) cumulative.push((sum += 1 / r));
  return () => {
    const x = rng() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return vocabulary[lo]!;
  };
}

function isoDay(offset: number): string {
  return new Date(TODAY_MS + offset * 86_400_000).toISOString().slice(0, 10);
}

function makeItem(rng: Rng, pick: () => string, side: Side, i: number): ExchangeItem {
  const kind = RESOURCE_KINDS[randomInt(rng, RESOURCE_KINDS.length)]!;
  const country = rng() < 0.05 ? null : COUNTRIES[randomInt(rng, COUNTRIES.length)]!;
  const text = (n: number) => Array.from({ length: n }, pick).join(' ');
  const from = rng() < 0.3 ? null : isoDay(randomInt(rng, 400) - 200);
  const until =
    rng() < 0.3
      ? null
      : isoDay((from === null ? 0 : randomInt(rng, 400) - 200) + 30 + randomInt(rng, 400));
  const hours = kind === 'expertise' || kind === 'people';
  return {
    id: `${side}-${i}`,
    side,
    kind,
    title: text(6),
    description: text(34),
    sectors: Array.from({ length: 1 + randomInt(rng, 2) }, () => `0${1 + randomInt(rng, 9)}`),
    country,
    region: country === null ? null : `${country}-${randomInt(rng, 6)}`,
    remote: rng() < 0.2,
    availableFrom: from,
    availableUntil: from !== null && until !== null && until < from ? null : until,
    hoursPerWeek: hours && rng() < 0.8 ? 1 + randomInt(rng, 40) : null,
    durationWeeks: hours && rng() < 0.8 ? 1 + randomInt(rng, 52) : null,
    amount: kind === 'money' && rng() < 0.8 ? 1000 * (1 + randomInt(rng, 100)) : null,
    currency: kind === 'money' ? (rng() < 0.9 ? 'EUR' : 'DKK') : null,
    capacity: kind === 'space' && rng() < 0.8 ? 5 + randomInt(rng, 200) : null,
    partyKey: `party-${randomInt(rng, 20_000)}`,
    partyKind: PARTY_KINDS[randomInt(rng, PARTY_KINDS.length)]!,
    partyCountry: rng() < 0.9 ? country : COUNTRIES[randomInt(rng, COUNTRIES.length)]!,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

const rng = createRng(2026);
const pick = makeWordPicker(rng, makeVocabulary(rng, 2_000));
const offers = Array.from({ length: OFFERS }, (_, i) => makeItem(rng, pick, 'offer', i));
const requests = Array.from({ length: QUERIES }, (_, i) => makeItem(rng, pick, 'request', i));

const index = new MatchIndex('offer');
const buildStart = performance.now();
for (const offer of offers) index.upsert(offer);
const buildMs = performance.now() - buildStart;
globalThis.gc?.();
const heapMb = process.memoryUsage().heapUsed / 2 ** 20;

// For scale: scoring every offer with scoreMatch and sorting, for a few requests.
const bruteStart = performance.now();
let same = 0;
for (const request of requests.slice(0, BRUTE_QUERIES)) {
  const ctx = { today: TODAY, idf: index.idf };
  const all = [];
  for (const offer of offers) {
    const result = scoreMatch(request, offer, ctx);
    if (result !== null) all.push({ item: offer, score: result.score });
  }
  const brute = all.sort(compareMatches).slice(0, 10);
  const fast = index.topMatches(request, { limit: 10, today: TODAY });
  if (
    JSON.stringify(brute.map((m) => [m.item.id, m.score])) ===
    JSON.stringify(fast.map((m) => [m.item.id, m.score]))
  )
    same++;
}
const bruteMs = (performance.now() - bruteStart) / BRUTE_QUERIES;

for (const request of requests.slice(0, 100))
  index.topMatches(request, { limit: 10, today: TODAY });
const times: number[] = [];
let found = 0;
for (const request of requests) {
  const start = performance.now();
  found += index.topMatches(request, { limit: 10, today: TODAY }).length;
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);

const afterWrite: number[] = [];
for (let i = 0; i < 20; i++) {
  index.upsert(makeItem(rng, pick, 'offer', OFFERS + i));
  const start = performance.now();
  index.topMatches(requests[i]!, { limit: 10, today: TODAY });
  afterWrite.push(performance.now() - start);
}
afterWrite.sort((a, b) => a - b);

const ms = (x: number) => `${x.toFixed(2)} ms`;
console.log(
  `match index: ${OFFERS} offers, ${ZIPF ? 'Zipf' : 'uniform'} vocabulary of 2 000 words`,
);
console.log(
  `  build               ${ms(buildMs)} (${((buildMs * 1000) / OFFERS).toFixed(1)} µs per offer)`,
);
console.log(`  heap after build    ${heapMb.toFixed(0)} MB`);
console.log(
  `  topMatches, top 10  p50 ${ms(percentile(times, 0.5))}  p95 ${ms(percentile(times, 0.95))}  max ${ms(times.at(-1)!)}  (${QUERIES} requests, ${(found / QUERIES).toFixed(1)} results each)`,
);
console.log(
  `  scoring every offer ${ms(bruteMs)} per request (${same} of ${BRUTE_QUERIES} top 10s identical to the index's)`,
);
console.log(
  `  first query after a write  p50 ${ms(percentile(afterWrite, 0.5))}  p95 ${ms(percentile(afterWrite, 0.95))}`,
);
