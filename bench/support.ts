import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase, type Database } from '../src/server/db/client.ts';
import { exited, startServerProcess } from '../test/server-process.ts';
import { adminDatabaseUrl, databaseUrlFor } from '../test/postgres-url.ts';

/** The p-th percentile (nearest rank) of ascending samples. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Closed loop (autocannon): `connections` connections, each sending its next request when the
 * previous answer is in, cycling through the scenario's queries; every latency is kept, so the
 * percentiles are exact.
 */
export async function measure(
  baseUrl: string,
  paths: string[],
  seconds: number,
  connections: number,
) {
  const latencies: number[] = [];
  // Without a callback autocannon returns its running instance, which is also a promise.
  const instance = autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    requests: paths.map((p) => ({ method: 'GET' as const, path: p })),
  }) as unknown as autocannon.Instance & Promise<autocannon.Result>;
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: result.errors + result.non2xx,
  };
}

export type EngineRun = (
  engine: 'pglite' | 'postgres',
  env: Record<string, string>,
  database: Database,
) => Promise<void>;

/**
 * Runs `run` on each engine BENCH_ENGINES names (default both): a fresh PGlite folder, and a
 * fresh database on the PostgreSQL server (dropped afterwards; skipped with a warning when no
 * server answers). `env` is what a server process needs to reach that database.
 */
export async function onEngines(
  label: string,
  run: EngineRun,
  postgresEnv: Record<string, string> = { DATABASE_POOL_SIZE: '32' },
): Promise<void> {
  const engines = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `connective-${label}-`));
  try {
    if (engines.includes('pglite')) {
      const dataDir = path.join(tmp, 'data');
      await run('pglite', { DATA_DIR: dataDir, DATABASE_URL: '' }, await openDatabase({ dataDir }));
    }
    if (engines.includes('postgres')) {
      const admin = adminDatabaseUrl();
      const name = `connective_${label}_${process.pid}`;
      const c = new pg.Client({ connectionString: admin });
      const reachable = await c.connect().then(
        () => true,
        () => false,
      );
      if (!reachable) {
        console.warn('No PostgreSQL server reachable: PostgreSQL figures skipped.');
        return;
      }
      await c.query(`create database ${name}`);
      try {
        const url = databaseUrlFor(admin, name);
        await run(
          'postgres',
          { DATABASE_URL: url, ...postgresEnv },
          await openDatabase({ dataDir: '', databaseUrl: url }),
        );
      } finally {
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Starts a production server process with `env`, gives it to `use`, and stops it after. */
export async function withServer<T>(
  env: Record<string, string>,
  use: (server: { baseUrl: string; pid: number }) => Promise<T>,
): Promise<T> {
  const server = await startServerProcess({
    LOG_LEVEL: 'error',
    NODE_ENV: 'production',
    DEMO: '0',
    ...env,
  });
  try {
    return await use({ baseUrl: server.baseUrl, pid: server.child.pid! });
  } finally {
    server.child.kill('SIGTERM');
    await exited(server.child);
  }
}

/** One pass over the paths (warm-up), then `measure`; the result as a row of the printed table. */
export async function scenarioRow(
  baseUrl: string,
  scenario: { name: string; paths: string[] },
  seconds: number,
  connections: number,
): Promise<Record<string, string>> {
  for (const p of scenario.paths) await (await fetch(`${baseUrl}${p}`)).arrayBuffer();
  const r = await measure(baseUrl, scenario.paths, seconds, connections);
  return {
    scenario: scenario.name,
    queries: String(scenario.paths.length),
    'req/s': r.rps.toFixed(0),
    p50: `${r.p50.toFixed(1)} ms`,
    p95: `${r.p95.toFixed(1)} ms`,
    p99: `${r.p99.toFixed(1)} ms`,
    errors: String(r.errors),
  };
}
