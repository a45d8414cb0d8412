/**
 * `npm run bench:load`: 60 s of mixed traffic at a steady rate against the real server on each
 * engine — reads, searches and writes by many signed-in people — printing throughput,
 * p50/p95/p99, errors and the server's memory (RSS) in the second and the last ten seconds.
 * Not a test: nothing here asserts. Settings: LOAD_SECONDS (60), LOAD_RATE (200 req/s), LOAD_USERS (40).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { exited, startServerProcess } from '../test/server-process.ts';
import { adminDatabaseUrl, databaseUrlFor } from '../test/postgres-url.ts';

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
    let n = 0;
    const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!;
    const result = await autocannon({
      url: server.baseUrl,
      connections: 20,
      overallRate: RATE,
      duration: SECONDS,
      requests: [
        {
          setupRequest: (req) => {
            n += 1;
            const p = pick(people);
            const auth = {
              cookie: p.cookie,
              'x-csrf-token': p.csrf,
              'content-type': 'application/json',
            };
            const roll = Math.random();
            if (roll < 0.4) return { ...req, method: 'GET', path: `/api/organisations?limit=20` };
            if (roll < 0.6)
              return {
                ...req,
                method: 'GET',
                path: `/api/organisations/${pick(orgIds)}`,
                headers: auth,
              };
            if (roll < 0.75)
              return {
                ...req,
                method: 'GET',
                path: `/api/organisations?q=${pick(['gem', 'stadt', 'lab 1', 'load'])}`,
              };
            if (roll < 0.85) return { ...req, method: 'GET', path: '/api/session', headers: auth };
            if (roll < 0.93) {
              return {
                ...req,
                method: 'PATCH',
                path: '/api/me',
                headers: auth,
                body: JSON.stringify({ name: `Load ${n}` }),
              };
            }
            return {
              ...req,
              method: 'POST',
              path: '/api/organisations',
              headers: auth,
              body: JSON.stringify({
                name: `Made under load ${n}`,
                kind: 'civil_society',
                country: 'BE',
              }),
            };
          },
        },
      ],
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
      'req/s': result.requests.average.toFixed(0),
      p50: `${result.latency.p50} ms`,
      p95: `${result.latency.p97_5 ?? result.latency.p90} ms (p97.5)`,
      p99: `${result.latency.p99} ms`,
      errors: String(result.errors + result.non2xx + result.timeouts),
      'RSS 10–20 s': `${(second / 1024).toFixed(0)} MiB`,
      'RSS last 10 s': `${(last / 1024).toFixed(0)} MiB`,
      growth: `${(((last - second) / second) * 100).toFixed(1)} %`,
    });
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
