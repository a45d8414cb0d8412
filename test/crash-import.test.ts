import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { count, sql } from 'drizzle-orm';
import { freshDatabase, type TestDatabase } from './helpers.ts';
import { exited } from './server-process.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { cases } from '../src/server/db/schema/index.ts';
import { JRC_CASE_COUNT, JRC_CASES_FILE } from '../src/server/demo/seed.ts';
import { PROJECT_ROOT } from '../src/server/paths.ts';

let database: TestDatabase | undefined;
afterAll(async () => {
  await database?.drop();
});

const BATCH = 50;

function importProcess(db: TestDatabase) {
  const env = db.url
    ? { DATABASE_URL: db.url, DATA_DIR: '' }
    : { DATA_DIR: db.dataDir, DATABASE_URL: '' };
  return spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(PROJECT_ROOT, 'src/cli/main.ts'),
      'import',
      'jrc',
      JRC_CASES_FILE,
      '--batch-size',
      String(BATCH),
      '--progress',
      'lines',
    ],
    { cwd: PROJECT_ROOT, env: { ...process.env, ...env, LOG_LEVEL: 'silent' } },
  );
}

describe('a crash (SIGKILL) during the JRC import', () => {
  it('leaves whole batches only, and importing again completes the set without duplicates', async () => {
    database = await freshDatabase();
    await database.close(); // the import process owns it from here
    const child = importProcess(database);
    let reported = 0;
    await new Promise<void>((resolve, reject) => {
      let buffer = '';
      child.stderr.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const done = [...buffer.matchAll(/importing (\d+)\/\d+/g)].map((m) => Number(m[1]));
        reported = Math.max(reported, ...done);
        // Killed while batches are still being written: after the fourth one has committed.
        if (reported >= 4 * BATCH) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.once('exit', () => resolve());
      child.once('error', reject);
    });
    await exited(child);
    expect(reported, 'the import was killed half-way, not after it ended').toBeLessThan(
      JRC_CASE_COUNT,
    );

    const reopened = await openDatabase({
      dataDir: database.dataDir,
      databaseUrl: database.url,
      poolSize: 2,
    });
    try {
      const [n] = await reopened.db.select({ n: count() }).from(cases);
      // Every batch the import reported is in; a batch under way is wholly in or wholly out.
      expect(n!.n).toBeGreaterThanOrEqual(reported);
      expect(n!.n % BATCH).toBe(0);
      // And each case that is in has its children (written in the same transaction).
      const incomplete = await reopened.db.execute(
        sql`select c.id from cases c
            where not exists (select 1 from case_sections s where s.case_id = c.id)
               or not exists (select 1 from case_tags t where t.case_id = c.id)`,
      );
      expect((incomplete as unknown as { rows: unknown[] }).rows).toEqual([]);
    } finally {
      await reopened.close();
    }

    const again = importProcess(database);
    expect(await exited(again)).toBe(0);
    const last = await openDatabase({ dataDir: database.dataDir, databaseUrl: database.url });
    try {
      const [total] = await last.db.select({ n: count() }).from(cases);
      expect(total!.n).toBe(JRC_CASE_COUNT);
    } finally {
      await last.close();
    }
  }, 180_000);
});
