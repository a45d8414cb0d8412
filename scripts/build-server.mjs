#!/usr/bin/env node
// Bundles the server and CLI (our own TypeScript; npm packages stay external) into
// dist/server/connective.mjs when it is missing or older than its sources. `npm start` runs the
// bundle with plain Node: no TypeScript loader at run time, so start-up is about a second faster.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER_BUNDLE = path.join(ROOT, 'dist/server/connective.mjs');

function newestMtime(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
    if (entry.name === 'web' || entry.name === 'fixtures' || /\.(test|bench)\.ts$/.test(entry.name))
      continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

export async function buildServerIfStale() {
  const built = fs.existsSync(SERVER_BUNDLE) ? fs.statSync(SERVER_BUNDLE).mtimeMs : 0;
  const sources = Math.max(
    newestMtime(path.join(ROOT, 'src')),
    newestMtime(path.join(ROOT, 'package.json')),
  );
  if (built >= sources) return;
  fs.rmSync(path.dirname(SERVER_BUNDLE), { recursive: true, force: true });
  await build({
    entryPoints: [path.join(ROOT, 'src/cli/main.ts')],
    outdir: path.dirname(SERVER_BUNDLE),
    entryNames: 'connective',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildServerIfStale();
}
