/**
 * `npm run bench:search`: the case search on 100 000 synthetic published cases (generated
 * deterministically in SQL), against the real server on each engine, 32 connections in a closed
 * loop, every scenario a rotating set of different queries. Prints p50/p95/p99 per scenario.
 * Not a test: nothing here asserts. Settings: SEARCH_CASES (100000), SEARCH_SECONDS (10),
 * BENCH_ENGINES (pglite,postgres).
 */
import fs from 'node:fs';
import os from 'node:os';
import type { Database } from '../src/server/db/client.ts';
import { onEngines, scenarioRow, withServer } from './support.ts';
import { COUNTRIES, LEVELS, SECTORS, STAGES, generateCases } from './synthetic-cases.ts';

const CASES = Number(process.env.SEARCH_CASES ?? 100_000);
const SECONDS = Number(process.env.SEARCH_SECONDS ?? 10);
const CONNECTIONS = 32;

type Scenario = { name: string; paths: string[] };

function scenarios(page50: string[]): Scenario[] {
  const q = [
    'chatbot',
    'elderly care',
    'permit',
    'blockchain registry',
    'flood',
    'youth employment',
    'digital identity',
    'climate heat',
    'library',
    'fraud prediction',
  ];
  const facetSets = Array.from({ length: 20 }, (_, k) => {
    const c = COUNTRIES[(k * 7) % COUNTRIES.length]!;
    const c2 = COUNTRIES[(k * 11 + 3) % COUNTRIES.length]!;
    return `country=${c}&country=${c2}&level=${LEVELS[k % LEVELS.length]}&sector=${SECTORS[k % SECTORS.length]}`;
  });
  return [
    { name: 'text only', paths: q.map((x) => `/api/cases?q=${encodeURIComponent(x)}`) },
    {
      name: 'text + 3 facets',
      paths: q.map((x, k) => `/api/cases?q=${encodeURIComponent(x)}&${facetSets[k]}`),
    },
    { name: 'facets only', paths: facetSets.map((f) => `/api/cases?${f}`) },
    {
      name: 'facet counts (5 facets, several values each)',
      paths: Array.from(
        { length: 20 },
        (_, k) =>
          `/api/cases?limit=1&tradition=germanic&tradition=${k % 2 ? 'napoleonic' : 'cee'}&maturity=pilot&maturity=implemented&stage=${STAGES[k % 6]}&innovationType=governance&yearFrom=${2005 + (k % 10)}&yearTo=2020`,
      ),
    },
    { name: 'page 50 by keyset', paths: page50 },
  ];
}

async function page50Paths(baseUrl: string): Promise<string[]> {
  const starts = ['sort=newest', 'sort=year', 'sort=newest&sector=04', 'sort=year&level=local'];
  const out: string[] = [];
  for (const s of starts) {
    let cursor: string | null = null;
    for (let page = 1; page < 50; page++) {
      const r = await fetch(
        `${baseUrl}/api/cases?${s}&limit=20${cursor ? `&cursor=${cursor}` : ''}`,
      );
      cursor = ((await r.json()) as { nextCursor: string | null }).nextCursor;
      if (!cursor) break;
    }
    if (cursor) out.push(`/api/cases?${s}&limit=20&cursor=${cursor}`);
  }
  return out;
}

type Row = Record<string, string>;
const rows: Row[] = [];

async function run(engine: string, env: Record<string, string>, database: Database) {
  await database.migrate();
  const t0 = performance.now();
  await generateCases(database, CASES);
  const generated = performance.now() - t0;
  await database.close();
  for (const cache of ['1000', '0']) {
    await withServer({ ...env, SEARCH_CACHE_SIZE: cache }, async (server) => {
      const t1 = performance.now();
      await fetch(`${server.baseUrl}/api/cases?limit=1`);
      const firstSearch = performance.now() - t1;
      console.error(
        `${engine}: ${CASES} cases generated in ${(generated / 1000).toFixed(1)} s; first search (builds the index) ${firstSearch.toFixed(0)} ms; server RSS ${rssMiB(server.pid)} MiB`,
      );
      const page50 = await page50Paths(server.baseUrl);
      for (const s of scenarios(page50))
        rows.push({
          engine,
          cache: cache === '0' ? 'off' : 'on',
          ...(await scenarioRow(server.baseUrl, s, SECONDS, CONNECTIONS)),
        });
    });
  }
}

/** The resident memory of a process, from /proc (Linux). */
function rssMiB(pid: number): string {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return (kib / 1024).toFixed(0);
  } catch {
    return '?';
  }
}

await onEngines('search', run, {});
console.log(
  `\nConnective case search — ${os.cpus().length} cores, Node ${process.version}, ${CASES} cases, ${CONNECTIONS} connections, ${SECONDS} s per scenario\n`,
);
console.table(rows);
