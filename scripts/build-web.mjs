#!/usr/bin/env node
// Builds the web app (vite build → dist/web) when it is missing or older than its sources.
// Used by `npm start` and by the browser tests; run directly, it builds if stale.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Newest modification time under `target`, leaving out tests, fixtures and what `skip` names. */
export function newestMtime(target, skip = () => false) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
    if (['node_modules', 'e2e', 'fixtures'].includes(entry.name) || skip(entry.name)) continue;
    if (/\.(test|bench)\.tsx?$|^tsconfig/.test(entry.name)) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name), skip));
  }
  return newest;
}

export function buildWebIfStale() {
  const index = path.join(ROOT, 'dist/web/index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const sources = Math.max(
    ...['src/web', 'src/shared', 'vite.config.ts'].map((p) => newestMtime(path.join(ROOT, p))),
  );
  if (built >= sources) return;
  process.stderr.write('Building the web app (vite build)…\n');
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    // A test runner's NODE_ENV=test would make Vite bundle React's development build.
    { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' }, stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error('vite build failed; see the output above');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildWebIfStale();
}
