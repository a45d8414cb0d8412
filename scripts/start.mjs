#!/usr/bin/env node
// `npm start`: builds the web app when its sources are newer than the build, then serves
// everything on one port (http://localhost:3000 by default) with the embedded database.
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildWebIfStale } from './build-web.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
buildWebIfStale();

const child = spawn(
  process.execPath,
  ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), 'serve'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
