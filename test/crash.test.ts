import { afterAll, describe, expect, it } from 'vitest';
import { inArray, sql } from 'drizzle-orm';
import { freshDatabase, type TestDatabase } from './helpers.ts';
import { exited, startServerProcess } from './server-process.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { users } from '../src/server/db/schema/index.ts';

let database: TestDatabase | undefined;
afterAll(async () => {
  await database?.drop();
});

function serverEnv(db: TestDatabase): Record<string, string> {
  return db.url
    ? { DATABASE_URL: db.url, DATA_DIR: '' }
    : { DATA_DIR: db.dataDir, DATABASE_URL: '' };
}

describe('a crash (SIGKILL) during a stream of sign-ups', () => {
  it('loses no sign-up that got a 2xx answer, and the database stays consistent', async () => {
    database = await freshDatabase();
    await database.close(); // the server process owns it from here
    const env = { ...serverEnv(database), AUTH_RATE_LIMIT_PER_MINUTE: '100000' };
    const first = await startServerProcess(env);
    const acknowledged: string[] = [];
    let sent = 0;
    let stop = false;
    const killAfterMs = 800 + Math.floor(Math.random() * 1200);
    const writer = async (w: number) => {
      while (!stop) {
        const email = `crash-${w}-${sent++}@example.org`;
        try {
          const r = await fetch(`${first.baseUrl}/api/auth/sign-up`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ name: 'Crash', email, password: 'a-long-enough-password' }),
          });
          if (r.status === 201) acknowledged.push(email);
        } catch {
          // the connection died with the server
        }
      }
    };
    const writers = [1, 2, 3, 4].map(writer);
    await new Promise((r) => setTimeout(r, killAfterMs));
    first.child.kill('SIGKILL');
    await exited(first.child);
    stop = true;
    await Promise.all(writers);
    expect(acknowledged.length).toBeGreaterThan(0);

    // Restart on the same data: the server must open it and answer.
    const second = await startServerProcess(env);
    const ready = await fetch(`${second.baseUrl}/api/ready`);
    expect(ready.status).toBe(200);
    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);

    const reopened = await openDatabase({ dataDir: database.dataDir, databaseUrl: database.url });
    try {
      const found = await reopened.db
        .select({ email: users.email })
        .from(users)
        .where(inArray(users.email, acknowledged));
      const missing = acknowledged.filter((e) => !found.some((f) => f.email === e));
      console.info(
        `crash test (${database.url ? 'postgres' : 'pglite'}): killed after ${killAfterMs} ms; ` +
          `${acknowledged.length} sign-ups acknowledged, ${missing.length} lost`,
      );
      expect(
        missing,
        `${missing.length} of ${acknowledged.length} acknowledged sign-ups lost`,
      ).toEqual([]);
      // Integrity: the unique e-mail index agrees with the table, and every session points at a user.
      const viaTable = await reopened.db.execute(
        sql`select count(*)::int as n from users where email is not null`,
      );
      const viaIndex = await reopened.db.execute(
        sql`select count(distinct lower(email))::int as n from users where email is not null`,
      );
      const orphans = await reopened.db.execute(
        sql`select count(*)::int as n from sessions s left join users u on u.id = s.user_id where u.id is null`,
      );
      const n = (r: unknown) => (r as { rows: { n: number }[] }).rows[0]?.n;
      expect(n(viaTable)).toBe(n(viaIndex));
      expect(n(orphans)).toBe(0);
    } finally {
      await reopened.close();
    }
  });
});
