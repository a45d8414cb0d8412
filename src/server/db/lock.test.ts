import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from './lock.ts';
import { engine } from '../../../test/helpers.ts';

const dirs: string[] = [];
function tempDir() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'connective-lock-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe.runIf(engine === 'pglite')('the PGlite data-folder lock', () => {
  it('refuses a folder that a live process holds, and takes over a stale lock', async () => {
    const dir = tempDir();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      fs.writeFileSync(path.join(dir, 'connective.lock'), `${holder.pid}\n`);
      expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    } finally {
      holder.kill('SIGKILL');
    }
    await new Promise((r) => holder.once('exit', r));
    const release = acquireDataDirLock(dir);
    expect(fs.readFileSync(path.join(dir, 'connective.lock'), 'utf8').trim()).toBe(
      String(process.pid),
    );
    release();
    expect(fs.existsSync(path.join(dir, 'connective.lock'))).toBe(false);
  });

  it('makes a second `connective migrate` on a held folder exit non-zero with a clear message', () => {
    const dir = tempDir();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      fs.writeFileSync(path.join(dir, 'connective.lock'), `${holder.pid}\n`);
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'migrate'], {
        env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain('is in use by another Connective process');
    } finally {
      holder.kill('SIGKILL');
    }
  });
});
