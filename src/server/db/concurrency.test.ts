import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, inArray } from 'drizzle-orm';
import { makeApp, type TestApp } from '../../../test/helpers.ts';
import { organisations, users } from './schema/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await makeApp();
});
afterAll(async () => {
  await t.close();
});

describe('database access under concurrency', () => {
  it('keeps every write of concurrent requests when another transaction rolls back beside them', async () => {
    const { db } = t.database;
    const emails = Array.from({ length: 20 }, (_, i) => `concurrent${i}@example.org`);
    let release!: () => void;
    const holding = new Promise<void>((r) => (release = r));

    const rolledBack = db
      .transaction(async (tx) => {
        await tx
          .insert(organisations)
          .values({ name: 'Rolled back', kind: 'company', country: 'NL' });
        await holding; // other requests are sent while this transaction is open
        throw new Error('roll back on purpose');
      })
      .catch((err: Error) => err.message);

    const requests = emails.map((email) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-up',
        payload: { name: 'Concurrent', email, password: 'a-long-enough-password' },
      }),
    );
    await new Promise((r) => setTimeout(r, 50));
    release();
    const [outcome, ...responses] = await Promise.all([rolledBack, ...requests]);
    expect(outcome).toBe('roll back on purpose');
    expect(responses.map((r) => r.statusCode)).toEqual(emails.map(() => 201));

    const [stored] = await db
      .select({ n: count() })
      .from(users)
      .where(inArray(users.email, emails));
    expect(stored?.n).toBe(20);
    const ghosts = await db
      .select()
      .from(organisations)
      .where(eq(organisations.name, 'Rolled back'));
    expect(ghosts).toHaveLength(0);
  });
});
