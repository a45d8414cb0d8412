#!/usr/bin/env node
// `npm test`: unit tests, HTTP tests on PGlite and — when a PostgreSQL server is reachable
// (TEST_DATABASE_URL, or 127.0.0.1:5432) — again on PostgreSQL, then the browser tests.
import net from 'node:net';
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function reachable(host, port) {
  return new Promise((resolve) => {
    const s = net.connect({ host, port, timeout: 1000 });
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
    s.once('timeout', () => (s.destroy(), resolve(false)));
  });
}

const projects = ['unit', 'server-pglite'];
let pgTarget = process.env.TEST_DATABASE_URL;
if (!pgTarget && process.env.TEST_POSTGRES !== '0' && (await reachable('127.0.0.1', 5432))) {
  pgTarget = 'postgres://postgres@127.0.0.1:5432/postgres';
}
if (pgTarget && process.env.TEST_POSTGRES !== '0') {
  projects.push('server-postgres');
  process.env.TEST_DATABASE_URL = pgTarget;
} else {
  console.warn(
    '\n*** No PostgreSQL server (set TEST_DATABASE_URL): the HTTP tests run on PGlite only. ***\n',
  );
  if (process.env.CI) {
    console.error('CI is set: the PostgreSQL run is required.');
    process.exit(1);
  }
}
if (fs.existsSync(CHROMIUM)) {
  projects.push('browser');
} else {
  const msg = `\n${'!'.repeat(72)}\n!!! No Chromium at ${CHROMIUM}: the browser tests (axe, keyboard) did NOT run.\n!!! Install it: apt-get install -y chromium\n${'!'.repeat(72)}\n`;
  console.error(msg);
  if (process.env.CI) process.exit(1);
}

fs.mkdirSync('.tmp', { recursive: true });
const report = '.tmp/vitest-report.json';
fs.rmSync(report, { force: true });
const args = [
  'vitest',
  'run',
  ...projects.flatMap((p) => ['--project', p]),
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
];
const r = spawnSync('npx', args, { stdio: 'inherit', env: process.env });
// One plain closing line that any CI can read.
if (fs.existsSync(report)) {
  const j = JSON.parse(fs.readFileSync(report, 'utf8'));
  const skipped = j.numPendingTests + j.numTodoTests;
  console.log(
    `\ntests: ${j.numPassedTests} passed, ${j.numFailedTests} failed, ${skipped} skipped`,
  );
}
process.exit(r.status ?? 1);
