/**
 * `npm run bench:needs`: the needs list and the responsiveness figures on 100 000 synthetic needs
 * (generated deterministically in SQL, answered by 200 councils), against the real server on each
 * engine, 32 connections in a closed loop, each scenario a rotating set of different queries.
 * Prints p50/p95/p99 per scenario, with the servers' answer caches on and off. Not a test:
 * nothing here asserts. Settings: NEEDS (100000), NEEDS_SECONDS (10), BENCH_ENGINES
 * (pglite,postgres).
 */
import os from 'node:os';
import { sql } from 'drizzle-orm';
import type { Database } from '../src/server/db/client.ts';
import { rows as select } from '../src/server/db/rows.ts';
import { onEngines, scenarioRow, withServer } from './support.ts';

const NEEDS = Number(process.env.NEEDS ?? 100_000);
const SECONDS = Number(process.env.NEEDS_SECONDS ?? 10);
const CONNECTIONS = 32;
const COUNTRIES = ['NL', 'BE', 'DE', 'FR', 'DK', 'EE', 'IT', 'ES', 'SK', 'GB', 'IE'];
const COUNCILS = 200;

/**
 * Councils, and needs spread over five years: each gets a pseudo-random (hash-based, so the
 * same every run) country, sector, council, support count and answer times.
 */
async function generate(database: Database) {
  const { db } = database;
  const countries = `array[${COUNTRIES.map((c) => `'${c}'`).join(',')}]`;
  await db.execute(
    sql.raw(`insert into organisations (name, kind, country, level)
             select 'Bench council ' || g, 'public_body', (${countries})[1 + g % ${COUNTRIES.length}], 'local'
             from generate_series(1, ${COUNCILS}) g`),
  );
  const [author] = await select<{ id: string }>(
    db,
    sql`insert into users (name, email) values ('Bench author', 'bench-author@example.org') returning id`,
  );
  for (let start = 1; start <= NEEDS; start += 20_000) {
    const end = Math.min(NEEDS, start + 19_999);
    await db.execute(
      sql.raw(`
      with councils as (select array_agg(id order by name) as ids from organisations where name like 'Bench council %'),
      g as (
        select g, abs(hashtext(g::text)) as h, abs(hashtext('x' || g)) as h2,
               timestamptz '2021-01-01' + (abs(hashtext('t' || g)) % (5 * 365)) * interval '1 day' as created
        from generate_series(${start}, ${end}) g)
      insert into needs (title, description, place, country, sector, responsible_organisation_id,
                         author_id, status, supports, created_at, acknowledged_at, addressed_at,
                         resolved_at, declined_at)
      select 'Need ' || g || ' for ' || (array['a playground','street lights','a community garden','benches','a meeting place','safer crossings','repair café','youth work'])[1 + h % 8],
             'Residents ask for it in district ' || (h % 50),
             'District ' || (h % 50),
             (${countries})[1 + h % ${COUNTRIES.length}],
             lpad((1 + h2 % 10)::text, 2, '0'),
             (select ids[1 + h % ${COUNCILS}] from councils),
             '${author!.id}',
             (array['open','acknowledged','being_addressed','resolved','declined'])[1 + h2 % 5],
             (h2 / 7) % 500,
             created,
             case when h2 % 5 in (1, 2, 3) then created + (h % 60) * interval '1 day' end,
             case when h2 % 5 in (2, 3) then created + (h % 60 + 10) * interval '1 day' end,
             case when h2 % 5 = 3 then created + (h % 60 + 40) * interval '1 day' end,
             case when h2 % 5 = 4 then created + (h % 20) * interval '1 day' end
      from g`),
    );
  }
  // What autovacuum does to a settled table (the visibility map allows index-only counts).
  await db.execute(sql`vacuum analyze needs`);
  const councils = await select<{ id: string }>(
    db,
    sql`select id from organisations where name like 'Bench council %' order by name limit 20`,
  );
  return councils.map((c) => c.id);
}

function scenarios(councils: string[]) {
  const filters = Array.from(
    { length: 20 },
    (_, k) =>
      `country=${COUNTRIES[k % COUNTRIES.length]}&sector=${String(1 + (k % 10)).padStart(2, '0')}`,
  );
  const words = [
    'playground',
    'lights',
    'garden',
    'benches',
    'meeting',
    'crossings',
    'repair',
    'youth',
  ];
  return [
    { name: 'list by supports, 2 filters', paths: filters.map((f) => `/api/needs?${f}`) },
    {
      name: 'list newest, status + country',
      paths: filters.map(
        (f, k) =>
          `/api/needs?sort=newest&status=${['open', 'acknowledged', 'resolved'][k % 3]}&country=${COUNTRIES[k % COUNTRIES.length]}`,
      ),
    },
    { name: 'list by supports, page 5', paths: filters.map((f) => `/api/needs?${f}&page=5`) },
    {
      name: 'search words + country',
      paths: words.map((w, k) => `/api/needs?q=${w}&country=${COUNTRIES[k]}`),
    },
    {
      name: 'responsiveness, one organisation',
      paths: councils.map((c) => `/api/organisations/${c}/responsiveness`),
    },
    { name: 'responsiveness, overall and ranking', paths: ['/api/responsiveness'] },
  ];
}

type Row = Record<string, string>;
const table: Row[] = [];

async function run(engine: string, env: Record<string, string>, database: Database) {
  await database.migrate();
  const t0 = performance.now();
  const councils = await generate(database);
  console.error(
    `${engine}: ${NEEDS} needs generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  await database.close();
  // With the servers' answer caches (the default) and without them (every request computed).
  for (const cache of ['on', 'off']) {
    const off = { SEARCH_CACHE_SIZE: '0', RESPONSIVENESS_CACHE_SECONDS: '0' };
    await withServer({ ...env, ...(cache === 'off' ? off : {}) }, async (server) => {
      for (const s of scenarios(councils))
        table.push({
          engine,
          cache,
          ...(await scenarioRow(server.baseUrl, s, SECONDS, CONNECTIONS)),
        });
    });
  }
}

await onEngines('needs', run);
console.log(
  `\nConnective needs — ${os.cpus().length} cores, Node ${process.version}, ${NEEDS} needs, ${COUNCILS} councils, ${CONNECTIONS} connections, ${SECONDS} s per scenario\n`,
);
console.table(table);
