import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import {
  freshDatabase,
  makeApp,
  makeOrganisation,
  rowCounts,
  signUp,
  type TestApp,
  type TestDatabase,
} from '../../../test/helpers.ts';
import { adminDatabaseUrl, databaseUrlFor } from '../../../test/postgres-url.ts';
import { backupTo, BackupError, copyDatabase, restoreFrom } from './backup.ts';
import { openDatabase } from './client.ts';

let t: TestApp;
const extra: TestDatabase[] = [];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'connective-backup-'));

beforeAll(async () => {
  t = await makeApp();
  const a = await signUp(t.app, { name: 'Zoë “quotes” \\ back\tslash' });
  const b = await signUp(t.app);
  const org = await makeOrganisation(t.app, a, {
    name: "L'Aquila — Comune",
    description: 'ünïcødé ✓ 🚲\nline two',
  });
  await t.app.inject({
    method: 'POST',
    url: `/api/organisations/${org.id}/members`,
    headers: a.headers,
    payload: { email: b.email, role: 'admin' },
  });
});
afterAll(async () => {
  await t.close();
  for (const d of extra) await d.drop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function emptyDatabase(): Promise<TestDatabase> {
  const d = await freshDatabase();
  extra.push(d);
  return d;
}

describe('connective backup / restore', () => {
  it('round-trips every table exactly into an empty database', async () => {
    const file = path.join(tmp, 'round-trip.connective.gz');
    const dumped = await backupTo(t.database, file);
    expect(dumped.find((s) => s.table === 'users')?.rows).toBe(2);
    const target = await emptyDatabase();
    const restored = await restoreFrom(target, file);
    expect(restored).toEqual(dumped);
    expect(await rowCounts(target)).toEqual(await rowCounts(t.database));
    // Sequences move on: a new audit record after the restore does not collide with a restored id.
    const { recordAudit } = await import('../commands/audit.ts');
    await recordAudit(target.db, {
      actorId: null,
      action: 'test.after_restore',
      targetType: 'test',
    });
  });

  it('refuses to restore into a database that has data, changing nothing', async () => {
    const file = path.join(tmp, 'nonempty.connective.gz');
    await backupTo(t.database, file);
    const before = await rowCounts(t.database);
    await expect(restoreFrom(t.database, file)).rejects.toThrow(/not empty/);
    expect(await rowCounts(t.database)).toEqual(before);
  });

  it('rejects a damaged backup with the line number, and leaves the target empty', async () => {
    const file = path.join(tmp, 'good.connective.gz');
    await backupTo(t.database, file);
    const lines = gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');
    lines[3] = 'users\t{"id": "not-a-uuid", "name": 1';
    const bad = path.join(tmp, 'bad.connective.gz');
    fs.writeFileSync(bad, gzipSync(lines.join('\n')));
    const target = await emptyDatabase();
    const before = await rowCounts(target);
    await expect(restoreFrom(target, bad)).rejects.toThrow(BackupError);
    expect(await rowCounts(target)).toEqual(before);

    const truncated = path.join(tmp, 'truncated.connective.gz');
    fs.writeFileSync(truncated, gzipSync(lines.slice(0, 3).join('\n')));
    await expect(restoreFrom(target, truncated)).rejects.toThrow(/truncated/);
    const notOurs = path.join(tmp, 'other.gz');
    fs.writeFileSync(notOurs, gzipSync('{"hello": "world"}\n'));
    await expect(restoreFrom(target, notOurs)).rejects.toThrow(/line 1: not a Connective backup/);
  });
});

describe('connective db copy', () => {
  it('copies the database into an empty PostgreSQL database and verifies counts and checksums', async () => {
    const admin = adminDatabaseUrl();
    const name = `connective_copy_${process.pid}_${Date.now().toString(36)}`;
    const c = new pg.Client({ connectionString: admin });
    try {
      await c.connect();
    } catch {
      return; // no PostgreSQL server here: the copy is exercised in CI, where one always runs
    }
    await c.query(`create database ${name}`);
    try {
      const target = await openDatabase({ dataDir: '', databaseUrl: databaseUrlFor(admin, name) });
      try {
        await target.migrate();
        const copied = await copyDatabase(t.database, target);
        expect(copied.find((s) => s.table === 'organisations')?.rows).toBe(1);
        expect(await rowCounts(target)).toEqual(await rowCounts(t.database));
        await expect(copyDatabase(t.database, target)).rejects.toThrow(/not empty/);
      } finally {
        await target.close();
      }
    } finally {
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    }
  });
});
