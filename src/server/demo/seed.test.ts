import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { freshDatabase, type TestDatabase } from '../../../test/helpers.ts';
import { organisationMembers, organisations, users } from '../db/schema/index.ts';
import { DEMO_ACCOUNTS, seedDemo } from './seed.ts';
import { signIn } from '../commands/accounts.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => {
  await database.drop();
});

describe('the demo content', () => {
  it('seeds organisations in several countries and accounts that can sign in, only into an empty database', async () => {
    expect(await seedDemo(database.db)).toBe(true);
    const orgs = await database.db.select({ country: organisations.country }).from(organisations);
    expect(new Set(orgs.map((o) => o.country)).size).toBeGreaterThanOrEqual(5);
    const [members] = await database.db.select({ n: count() }).from(organisationMembers);
    expect(members!.n).toBeGreaterThan(orgs.length);
    for (const a of DEMO_ACCOUNTS) {
      const { user } = await signIn(database.db, { email: a.email, password: a.password }, 1);
      expect(user.platformRole).toBe(a.platformRole);
    }
    const [before] = await database.db.select({ n: count() }).from(users);
    expect(await seedDemo(database.db)).toBe(false);
    const [after] = await database.db.select({ n: count() }).from(users);
    expect(after!.n).toBe(before!.n);
  });
});
