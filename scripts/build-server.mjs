#!/usr/bin/env node
// Bundles the server and CLI (our own TypeScript; npm packages stay external) into
// dist/server/connective.mjs when it is missing or older than its sources. `npm start` runs the
// bundle with plain Node: no TypeScript loader at run time, so start-up is about a second faster.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { newestMtime } from './build-web.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER_BUNDLE = path.join(ROOT, 'dist/server/connective.mjs');

export async function buildServerIfStale() {
  const built = fs.existsSync(SERVER_BUNDLE) ? fs.statSync(SERVER_BUNDLE).mtimeMs : 0;
  const sources = Math.max(
    newestMtime(path.join(ROOT, 'src'), (name) => name === 'web'),
    newestMtime(path.join(ROOT, 'package.json')),
  );
  if (built >= sources) return;
  fs.rmSync(path.dirname(SERVER_BUNDLE), { recursive: true, force: true });
  const { build } = await import('esbuild'); // only when a rebuild is due
  await build({
    // Worker threads are entries of their own: the pool starts ./NAME-worker.mjs beside it.
    entryPoints: {
      connective: path.join(ROOT, 'src/cli/main.ts'),
      'qca-worker': path.join(ROOT, 'src/server/qca/worker.ts'),
      'network-worker': path.join(ROOT, 'src/server/network/worker.ts'),
    },
    outdir: path.dirname(SERVER_BUNDLE),
    entryNames: '[name]',
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
