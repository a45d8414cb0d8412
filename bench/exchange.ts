/**
 * `npm run bench:exchange`: ranked matching on 100 000 synthetic offers (and 5 000 requests),
 * generated deterministically in SQL with titles and descriptions drawn from a 2 000-word
 * vocabulary, seven kinds, eleven countries, some organisation-only and some expired; against the
 * real server on each engine, 32 connections in a closed loop over hundreds of different items.
 * Prints p50/p95/p99 per scenario with the servers' answer caches on and off, the latency of
 * one connection alone, and how long the first request (loading the index) took.
 * Not a test: nothing here asserts. Settings: OFFERS (100000), REQUESTS (5000),
 * EXCHANGE_SECONDS (10), BENCH_ENGINES (pglite,postgres).
 */
import os from 'node:os';
import { sql } from 'drizzle-orm';
import type { Database } from '../src/server/db/client.ts';
import { rows as select } from '../src/server/db/rows.ts';
import { measure, onEngines, scenarioRow, withServer } from './support.ts';

const OFFERS = Number(process.env.OFFERS ?? 100_000);
const REQUESTS = Number(process.env.REQUESTS ?? 5_000);
const SECONDS = Number(process.env.EXCHANGE_SECONDS ?? 10);
const CONNECTIONS = 32;
const COUNTRIES = ['NL', 'BE', 'DE', 'FR', 'DK', 'EE', 'IT', 'ES', 'SK', 'GB', 'IE'];
const KINDS = ['knowledge', 'information', 'expertise', 'people', 'money', 'contacts', 'space'];
const ORGANISATIONS = 500;

/** 2 000 pronounceable pseudo-words, the same every run. */
function vocabulary(): string[] {
  const consonants = 'bdfgklmnprstvz';
  const vowels = 'aeiou';
  const words = new Set<string>();
  let x = 12345;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648);
  while (words.size < 2000) {
    let w = '';
    const syllables = 2 + (next() % 3);
    for (let s = 0; s < syllables; s++)
      w += consonants[next() % consonants.length]! + vowels[next() % vowels.length]!;
    words.add(w);
  }
  return [...words];
}

const WORDS = vocabulary();

/** SQL for `n` words picked by hashing `seed` and the position (Zipf-like: low ranks more often). */
const phrase = (n: number, seed: string) =>
  `(select string_agg((${'$words'})[1 + (abs(hashtext(${seed} || ':' || k)) % 2000) * (abs(hashtext(${seed} || '/' || k)) % 2000) / 2000], ' ')
    from generate_series(1, ${n}) k)`;

async function generate(database: Database) {
  const { db } = database;
  const countries = `array[${COUNTRIES.map((c) => `'${c}'`).join(',')}]`;
  const kinds = `array[${KINDS.map((k) => `'${k}'`).join(',')}]`;
  const words = `array[${WORDS.map((w) => `'${w}'`).join(',')}]`;
  await db.execute(
    sql.raw(`insert into organisations (name, kind, country, level)
             select 'Bench organisation ' || g,
                    (array['public_body','company','civil_society','academic','community_group'])[1 + g % 5],
                    (${countries})[1 + g % ${COUNTRIES.length}], null
             from generate_series(1, ${ORGANISATIONS}) g`),
  );
  const [author] = await select<{ id: string }>(
    db,
    sql`insert into users (name, email) values ('Bench author', 'bench-exchange@example.org') returning id`,
  );
  const insert = async (side: 'offer' | 'request', count: number) => {
    for (let start = 1; start <= count; start += 10_000) {
      const end = Math.min(count, start + 9_999);
      await db.execute(
        sql.raw(`
        with orgs as (select array_agg(id order by name) as ids from organisations where name like 'Bench organisation %'),
        g as (select g, abs(hashtext('${side}' || g)) as h, abs(hashtext('${side}x' || g)) as h2
              from generate_series(${start}, ${end}) g)
        insert into exchange_items (side, kind, title, description, sectors, country, region, remote,
                                    available_from, available_until, hours_per_week, duration_weeks,
                                    amount, currency, capacity, visibility, organisation_id, created_by)
        select '${side}', k.kind,
               ${phrase(6, `'t${side}' || g`).replaceAll('$words', words)},
               ${phrase(30, `'d${side}' || g`).replaceAll('$words', words)},
               array[lpad((1 + h % 10)::text, 2, '0')],
               (${countries})[1 + h2 % ${COUNTRIES.length}],
               'Region ' || (h % 7), h % 5 = 0,
               case when h2 % 3 = 0 then date '2026-01-01' + (h % 300) end,
               case when h2 % 3 = 0 then date '2026-01-01' + (h % 300) + 30 + h2 % 700 end,
               case when k.kind in ('expertise', 'people') then 1 + h % 16 end,
               case when k.kind in ('expertise', 'people') then 1 + h2 % 52 end,
               case when k.kind = 'money' then 100 + h % 50000 end,
               case when k.kind = 'money' then 'EUR' end,
               case when k.kind = 'space' then 5 + h % 200 end,
               case when h % 20 = 0 then 'organisation' else 'public' end,
               (select ids[1 + h % ${ORGANISATIONS}] from orgs),
               '${author!.id}'
        from g cross join lateral (select (${kinds})[1 + g.h % 7] as kind) k`),
      );
    }
  };
  await insert('offer', OFFERS);
  await insert('request', REQUESTS);
  await db.execute(sql`vacuum analyze exchange_items`);
  const pick = async (side: string, n: number) =>
    (
      await select<{ id: string }>(
        db,
        sql`select id from exchange_items where side = ${side} and visibility = 'public' order by md5(id::text) limit ${n}`,
      )
    ).map((r) => r.id);
  return { requests: await pick('request', 500), offers: await pick('offer', 200) };
}

function scenarios(ids: { requests: string[]; offers: string[] }) {
  return [
    {
      name: 'top 10 offers for a request',
      paths: ids.requests.map((id) => `/api/exchange/items/${id}/matches?limit=10`),
    },
    {
      name: 'top 10 requests for an offer',
      paths: ids.offers.map((id) => `/api/exchange/items/${id}/matches?limit=10`),
    },
    {
      name: 'list offers, kind + country',
      paths: KINDS.flatMap((k, i) =>
        COUNTRIES.slice(0, 3).map(
          (c, j) => `/api/exchange/items?side=offer&kind=${k}&country=${COUNTRIES[(i + j) % 11]}`,
        ),
      ),
    },
    {
      name: 'search words',
      paths: WORDS.slice(0, 40).map((w) => `/api/exchange/items?q=${w}`),
    },
  ];
}

type Row = Record<string, string>;
const table: Row[] = [];

async function run(engine: string, env: Record<string, string>, database: Database) {
  await database.migrate();
  const t0 = performance.now();
  const ids = await generate(database);
  console.error(
    `${engine}: ${OFFERS} offers and ${REQUESTS} requests generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  await database.close();
  // With the servers' answer caches (the default) and without them (every request computed).
  for (const cache of ['on', 'off']) {
    await withServer(
      { ...env, ...(cache === 'off' ? { SEARCH_CACHE_SIZE: '0' } : {}) },
      async (server) => {
        const first = performance.now();
        await (await fetch(`${server.baseUrl}${scenarios(ids)[0]!.paths[0]}`)).arrayBuffer();
        const load = performance.now() - first;
        for (const s of scenarios(ids)) {
          const row = await scenarioRow(server.baseUrl, s, SECONDS, CONNECTIONS);
          // One connection alone: the time a request takes without queueing behind others.
          const alone = await measure(server.baseUrl, s.paths, Math.max(2, SECONDS / 4), 1);
          table.push({ engine, cache, ...row, 'alone p50': `${alone.p50.toFixed(1)} ms` });
        }
        table.push({
          engine,
          cache,
          scenario: 'first request after start',
          'alone p50': `${load.toFixed(0)} ms`,
        });
      },
    );
  }
}

await onEngines('exchange', run);
console.log(
  `\nConnective exchange — ${os.cpus().length} cores, Node ${process.version}, ${OFFERS} offers, ${REQUESTS} requests, ${CONNECTIONS} connections, ${SECONDS} s per scenario\n`,
);
console.table(table);
