/**
 * `npm run bench`: throughput and latency of the real server on PGlite and on PostgreSQL
 * (32 connections, autocannon), and start-up time of `npm start` on an existing data folder.
 * Prints a table; docs/benchmarks.md records the figures. Not a test: nothing here asserts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase, type Database } from '../src/server/db/client.ts';
import { organisations } from '../src/server/db/schema/index.ts';
import { COUNTRY_CODES } from '../src/shared/countries.ts';
import { ORGANISATION_KINDS } from '../src/shared/organisations.ts';
import { exited, freePort, startServerProcess } from '../test/server-process.ts';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 32;
const ORGANISATIONS = 10_000;
/** BENCH_ENGINES=postgres (or pglite) limits the run; start-up is measured when pglite runs. */
const ENGINES = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');

type Row = { engine: string; what: string; rps: string; p50: string; p99: string; errors: string };
const rows: Row[] = [];

async function seedOrganisations(database: Database) {
  const words = [
    'Gemeente',
    'Stadt',
    'Ville',
    'Kommune',
    'Comune',
    'Agency',
    'Lab',
    'Institute',
    'Forum',
    'Coop',
  ];
  for (let start = 0; start < ORGANISATIONS; start += 1000) {
    const batch = Array.from({ length: 1000 }, (_, j) => {
      const i = start + j;
      return {
        name: `${words[i % words.length]} ${i.toString(36)} ${Math.floor(i / 7)}`,
        kind: ORGANISATION_KINDS[i % ORGANISATION_KINDS.length]!,
        country: COUNTRY_CODES[i % 40]!,
        description: `Benchmark organisation number ${i}`,
      };
    });
    await database.db.insert(organisations).values(batch);
  }
}

async function load(engine: string, baseUrl: string, what: string, url: string) {
  const result = await autocannon({
    url: `${baseUrl}${url}`,
    connections: CONNECTIONS,
    duration: DURATION_S,
  });
  rows.push({
    engine,
    what,
    rps: result.requests.average.toFixed(0),
    p50: `${result.latency.p50} ms`,
    p99: `${result.latency.p99} ms`,
    errors: String(result.errors + result.non2xx),
  });
}

async function benchEngine(
  engine: 'pglite' | 'postgres',
  env: Record<string, string>,
  database: Database,
) {
  await database.migrate();
  await seedOrganisations(database);
  await database.close();
  const server = await startServerProcess({ ...env, LOG_LEVEL: 'error', NODE_ENV: 'production' });
  try {
    await load(engine, server.baseUrl, 'GET /api/health', '/api/health');
    await load(
      engine,
      server.baseUrl,
      `GET /api/organisations?limit=50 (${ORGANISATIONS} orgs)`,
      '/api/organisations?limit=50',
    );
  } finally {
    server.child.kill('SIGTERM');
    await exited(server.child);
  }
}

async function postgresAvailable(): Promise<string | null> {
  const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const u = new URL(url);
  const ok = await new Promise<boolean>((resolve) => {
    const s = net.connect({ host: u.hostname, port: Number(u.port || 5432), timeout: 1000 });
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
  return ok ? url : null;
}

async function startupTime(dataDir: string) {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      DATABASE_URL: '',
    },
    stdio: 'ignore',
    detached: true, // its own process group: npm does not pass SIGTERM on to the server
  });
  for (;;) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (r.ok) break;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const ms = performance.now() - t0;
  process.kill(-child.pid!, 'SIGTERM');
  await exited(child);
  return ms;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'connective-bench-'));
try {
  const pgliteDir = path.join(tmp, 'pglite-data');
  if (ENGINES.includes('pglite')) {
    await benchEngine(
      'pglite',
      { DATA_DIR: pgliteDir, DATABASE_URL: '' },
      await openDatabase({ dataDir: pgliteDir }),
    );
  }

  const admin = ENGINES.includes('postgres') ? await postgresAvailable() : null;
  if (admin) {
    const name = `connective_bench_${process.pid}`;
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`create database ${name}`);
    const u = new URL(admin);
    u.pathname = `/${name}`;
    try {
      await benchEngine(
        'postgres',
        { DATABASE_URL: u.toString() },
        await openDatabase({ dataDir: '', databaseUrl: u.toString() }),
      );
    } finally {
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    }
  } else if (ENGINES.includes('postgres')) {
    console.warn('No PostgreSQL server reachable: PostgreSQL figures skipped.');
  }

  const runs = [];
  if (ENGINES.includes('pglite')) {
    for (let i = 0; i < 3; i++) runs.push(await startupTime(pgliteDir));
    runs.sort((a, b) => a - b);
    rows.push({
      engine: 'pglite',
      what: 'start-up: `npm start` to first answer, existing data (median of 3)',
      rps: '',
      p50: `${runs[1]!.toFixed(0)} ms`,
      p99: '',
      errors: '',
    });
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}

console.log(
  `\nConnective benchmarks — ${os.cpus().length} cores, Node ${process.version}, ${CONNECTIONS} connections, ${DURATION_S} s each\n`,
);
console.table(rows);
