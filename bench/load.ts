/**
 * `npm run bench:load`: 60 s of mixed traffic at a steady (open-loop) rate against the real server on each
 * engine — reads, searches and writes by many signed-in people — printing throughput,
 * p50/p95/p99, errors and the server's memory (RSS) in the second and the last ten seconds.
 * Not a test: nothing here asserts. Settings: LOAD_SECONDS (60), LOAD_RATE (200 req/s), LOAD_USERS (40).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { exited, startServerProcess } from '../test/server-process.ts';
import { adminDatabaseUrl, databaseUrlFor } from '../test/postgres-url.ts';
import { percentile } from './support.ts';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const RATE = Number(process.env.LOAD_RATE ?? 200);
const USERS = Number(process.env.LOAD_USERS ?? 40);

type Person = { cookie: string; csrf: string; id: string };
type Row = Record<string, string>;
const rows: Row[] = [];

function rssKiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

async function signUpMany(baseUrl: string): Promise<Person[]> {
  const people: Person[] = [];
  for (let i = 0; i < USERS; i++) {
    const r = await fetch(`${baseUrl}/api/auth/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: `Load ${i}`,
        email: `load${i}@example.org`,
        password: 'load-test-password',
      }),
    });
    const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0]!;
    const body = (await r.json()) as { user: { id: string }; csrfToken: string };
    people.push({ cookie, csrf: body.csrfToken, id: body.user.id });
  }
  return people;
}

type Planned = {
  kind: string;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
};

/**
 * Open-loop load: one request every 1/RATE s whatever the answers do (no bursts, no waiting for
 * slow answers), so latency includes any queueing a real steady stream of users would see.
 */
async function steadyLoad(baseUrl: string, next: (n: number) => Planned) {
  const latencies: number[] = [];
  const byKind: Record<string, number[]> = {};
  let errors = 0;
  const inFlight: Promise<void>[] = [];
  const start = performance.now();
  const total = RATE * SECONDS;
  for (let n = 0; n < total; n++) {
    const due = start + (n * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const req = next(n);
    const sent = performance.now();
    inFlight.push(
      fetch(`${baseUrl}${req.path}`, {
        method: req.method ?? 'GET',
        headers: req.headers,
        body: req.body,
      })
        .then(async (res) => {
          await res.arrayBuffer();
          if (res.status >= 400) errors += 1;
        })
        .catch(() => {
          errors += 1;
        })
        .finally(() => {
          const ms = performance.now() - sent;
          latencies.push(ms);
          (byKind[req.kind] ??= []).push(ms);
        }),
    );
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const summary = Object.fromEntries(
    Object.entries(byKind).map(([k, xs]) => {
      xs.sort((a, b) => a - b);
      return [
        k,
        { n: xs.length, p50: +percentile(xs, 50).toFixed(1), p99: +percentile(xs, 99).toFixed(1) },
      ];
    }),
  );
  return {
    count: latencies.length,
    rate: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors,
    byKind: summary,
  };
}

async function run(engine: string, env: Record<string, string>) {
  const server = await startServerProcess({
    ...env,
    LOG_LEVEL: 'error',
    NODE_ENV: 'production',
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
  });
  try {
    const people = await signUpMany(server.baseUrl);
    // Some organisations to read and search.
    const orgIds: string[] = [];
    for (let i = 0; i < 200; i++) {
      const p = people[i % people.length]!;
      const r = await fetch(`${server.baseUrl}/api/organisations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: p.cookie, 'x-csrf-token': p.csrf },
        body: JSON.stringify({
          name: `Load organisation ${i} ${['Gemeente', 'Stadt', 'Lab'][i % 3]}`,
          kind: 'company',
          country: 'NL',
        }),
      });
      orgIds.push(((await r.json()) as { id: string }).id);
    }
    const pid = server.child.pid!;
    const samples: { t: number; kib: number }[] = [];
    const t0 = Date.now();
    const sampler = setInterval(
      () => samples.push({ t: (Date.now() - t0) / 1000, kib: rssKiB(pid) }),
      1000,
    );
    const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!;
    const result = await steadyLoad(server.baseUrl, (n) => {
      const p = pick(people);
      const auth = { cookie: p.cookie, 'x-csrf-token': p.csrf };
      const json = { ...auth, 'content-type': 'application/json' };
      const roll = Math.random();
      if (roll < 0.4) return { kind: 'list', path: '/api/organisations?limit=20' };
      if (roll < 0.6)
        return { kind: 'detail', path: `/api/organisations/${pick(orgIds)}`, headers: auth };
      if (roll < 0.75) {
        const q = encodeURIComponent(pick(['gem', 'stadt', 'lab 1', 'load']));
        return { kind: 'search', path: `/api/organisations?q=${q}` };
      }
      if (roll < 0.85) return { kind: 'session', path: '/api/session', headers: auth };
      if (roll < 0.93) {
        return {
          kind: 'write: profile',
          path: '/api/me',
          method: 'PATCH',
          headers: json,
          body: JSON.stringify({ name: `Load ${n}` }),
        };
      }
      return {
        kind: 'write: organisation',
        path: '/api/organisations',
        method: 'POST',
        headers: json,
        body: JSON.stringify({
          name: `Made under load ${n}`,
          kind: 'civil_society',
          country: 'BE',
        }),
      };
    });
    clearInterval(sampler);
    const avg = (from: number, to: number) => {
      const xs = samples.filter((s) => s.t >= from && s.t < to).map((s) => s.kib);
      return xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    };
    const second = avg(10, 20);
    const last = avg(SECONDS - 10, SECONDS + 1);
    rows.push({
      engine,
      'req/s': result.rate.toFixed(0),
      requests: String(result.count),
      p50: `${result.p50.toFixed(1)} ms`,
      p95: `${result.p95.toFixed(1)} ms`,
      p99: `${result.p99.toFixed(1)} ms`,
      errors: String(result.errors),
      'RSS 10–20 s': `${(second / 1024).toFixed(0)} MiB`,
      'RSS last 10 s': `${(last / 1024).toFixed(0)} MiB`,
      growth: `${(((last - second) / second) * 100).toFixed(1)} %`,
    });
    if (process.env.LOAD_DEBUG) console.log(engine, result.byKind);
  } finally {
    server.child.kill('SIGTERM');
    await exited(server.child);
  }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'connective-load-'));
try {
  await run('pglite', { DATA_DIR: path.join(tmp, 'data'), DATABASE_URL: '' });
  const admin = adminDatabaseUrl();
  const name = `connective_load_${process.pid}`;
  const c = new pg.Client({ connectionString: admin });
  const reachable = await c.connect().then(
    () => true,
    () => false,
  );
  if (reachable) {
    await c.query(`create database ${name}`);
    try {
      await run('postgres', { DATABASE_URL: databaseUrlFor(admin, name) });
    } finally {
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    }
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
console.log(
  `\nConnective load test — ${os.cpus().length} cores, ${RATE} req/s for ${SECONDS} s, ${USERS} signed-in people\n`,
);
console.table(rows);
