/**
 * `npm run bench:search`: the case search on 100 000 synthetic published cases (generated
 * deterministically in SQL), against the real server on each engine, 32 connections in a closed
 * loop, every scenario a rotating set of different queries. Prints p50/p95/p99 per scenario.
 * Not a test: nothing here asserts. Settings: SEARCH_CASES (100000), SEARCH_SECONDS (10),
 * BENCH_ENGINES (pglite,postgres).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../src/server/db/client.ts';
import { exited, startServerProcess } from '../test/server-process.ts';
import { adminDatabaseUrl, databaseUrlFor } from '../test/postgres-url.ts';
import { measure } from './support.ts';
import { COUNTRIES, LEVELS, SECTORS, STAGES, generateCases } from './synthetic-cases.ts';

const CASES = Number(process.env.SEARCH_CASES ?? 100_000);
const SECONDS = Number(process.env.SEARCH_SECONDS ?? 10);
const CONNECTIONS = 32;
const ENGINES = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');

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
    const server = await startServerProcess({
      ...env,
      LOG_LEVEL: 'error',
      NODE_ENV: 'production',
      DEMO: '0',
      SEARCH_CACHE_SIZE: cache,
    });
    try {
      const t1 = performance.now();
      await fetch(`${server.baseUrl}/api/cases?limit=1`);
      const firstSearch = performance.now() - t1;
      const rss = rssMiB(server.child.pid!);
      console.error(
        `${engine}: ${CASES} cases generated in ${(generated / 1000).toFixed(1)} s; first search (builds the index) ${firstSearch.toFixed(0)} ms; server RSS ${rss} MiB`,
      );
      const page50 = await page50Paths(server.baseUrl);
      for (const s of scenarios(page50)) {
        // Warm-up: one pass over the scenario's queries.
        for (const p of s.paths) await (await fetch(`${server.baseUrl}${p}`)).arrayBuffer();
        const r = await measure(server.baseUrl, s.paths, SECONDS, CONNECTIONS);
        rows.push({
          engine,
          cache: cache === '0' ? 'off' : 'on',
          scenario: s.name,
          queries: String(s.paths.length),
          'req/s': r.rps.toFixed(0),
          p50: `${r.p50.toFixed(1)} ms`,
          p95: `${r.p95.toFixed(1)} ms`,
          p99: `${r.p99.toFixed(1)} ms`,
          errors: String(r.errors),
        });
      }
    } finally {
      server.child.kill('SIGTERM');
      await exited(server.child);
    }
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

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'connective-search-'));
try {
  if (ENGINES.includes('pglite')) {
    const dataDir = path.join(tmp, 'data');
    await run('pglite', { DATA_DIR: dataDir, DATABASE_URL: '' }, await openDatabase({ dataDir }));
  }
  if (ENGINES.includes('postgres')) {
    const admin = adminDatabaseUrl();
    const name = `connective_search_${process.pid}`;
    const c = new pg.Client({ connectionString: admin });
    const reachable = await c.connect().then(
      () => true,
      () => false,
    );
    if (reachable) {
      await c.query(`create database ${name}`);
      try {
        const url = databaseUrlFor(admin, name);
        await run(
          'postgres',
          { DATABASE_URL: url },
          await openDatabase({ dataDir: '', databaseUrl: url }),
        );
      } finally {
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      }
    } else console.warn('No PostgreSQL server reachable: PostgreSQL figures skipped.');
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
console.log(
  `\nConnective case search — ${os.cpus().length} cores, Node ${process.version}, ${CASES} cases, ${CONNECTIONS} connections, ${SECONDS} s per scenario\n`,
);
console.table(rows);
