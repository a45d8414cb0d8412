import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDatabase, engine, type TestDatabase } from '../../test/helpers.ts';
import { openDatabase } from '../server/db/client.ts';
import { users } from '../server/db/schema/index.ts';

const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string };
let database: TestDatabase | undefined;
afterAll(async () => {
  await database?.drop();
});

function cli(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['bin/connective.js', ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('the connective CLI', () => {
  it('prints its version and a help that lists every command', () => {
    expect(cli(['--version']).stdout.trim()).toBe(pkg.version);
    const help = cli(['--help']);
    expect(help.status).toBe(0);
    for (const command of ['serve', 'migrate', 'user']) expect(help.stdout).toContain(command);
    expect(cli(['user', '--help']).stdout).toContain('create');
  });

  it('creates the first admin with `user create --admin`, on the configured database', async () => {
    database = await freshDatabase();
    await database.close();
    const env: Record<string, string> = database.url
      ? { DATABASE_URL: database.url }
      : { DATA_DIR: database.dataDir, DATABASE_URL: '' };
    const r = cli(
      [
        'user',
        'create',
        '--admin',
        '--email',
        'First.Admin@example.org',
        '--name',
        'First Admin',
        '--password',
        'a-strong-admin-password',
      ],
      env,
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('created admin first.admin@example.org');
    const again = cli(
      [
        'user',
        'create',
        '--email',
        'first.admin@example.org',
        '--name',
        'Again',
        '--password',
        'a-strong-admin-password',
      ],
      env,
    );
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists');
    const reopened = await openDatabase({ dataDir: database.dataDir, databaseUrl: database.url });
    try {
      const [row] = await reopened.db
        .select()
        .from(users)
        .where(eq(users.email, 'first.admin@example.org'));
      expect(row?.platformRole).toBe('admin');
    } finally {
      await reopened.close();
    }
  });

  it('refuses a short password with a message naming the option, and a bad configuration value', () => {
    const r = cli([
      'user',
      'create',
      '--email',
      'a@example.org',
      '--name',
      'A',
      '--password',
      'short',
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--password must be at least 12 characters');
    const bad = cli(['migrate'], {
      PORT: 'x',
      DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'cfg-')),
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('PORT="x"');
  });
});

describe.runIf(engine === 'pglite')('connective migrate', () => {
  it('migrates a new PGlite folder and is idempotent', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrate-'));
    try {
      const first = cli(['migrate'], { DATA_DIR: dir, DATABASE_URL: '' });
      expect(first.status).toBe(0);
      expect(first.stdout).toContain('migrations applied (pglite');
      expect(cli(['migrate'], { DATA_DIR: dir, DATABASE_URL: '' }).status).toBe(0);
      expect(fs.existsSync(path.join(dir, 'connective.lock'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
