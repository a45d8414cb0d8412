import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { freshDatabase, type TestDatabase } from '../../../test/helpers.ts';
import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { caseCodes, cases, organisationMembers, organisations, users } from '../db/schema/index.ts';
import { JRC_SOURCE } from '../commands/case-import-jrc.ts';
import { ILLUSTRATIVE_CASES } from './illustrative-cases.ts';
import { listLessons } from '../commands/lessons.ts';
import { listSpaces } from '../commands/spaces.ts';
import { responsivenessRanking } from '../commands/responsiveness.ts';
import { getInitiative, listInitiatives } from '../commands/initiatives.ts';
import { InitiativesQuery } from '../../shared/initiatives.ts';
import { LessonsQuery } from '../../shared/havens.ts';
import { DEMO_ACCOUNTS, JRC_CASES_FILE, JRC_CASE_COUNT, seedDemo, seedJrcCases } from './seed.ts';
import { signIn } from '../commands/accounts.ts';
import { initiativeLedger } from '../commands/pledges.ts';
import { groupProfile, listGroups } from '../commands/groups.ts';

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

  it('has illustrative cases coded by two demo coders, then imports every bundled JRC case once', async () => {
    const illustrative = await database.db
      .select({ n: count() })
      .from(cases)
      .where(eq(cases.illustrative, true));
    expect(illustrative[0]!.n).toBe(ILLUSTRATIVE_CASES.length);
    const coders = await database.db.selectDistinct({ coder: caseCodes.coderName }).from(caseCodes);
    expect(coders.map((c) => c.coder).sort()).toEqual(['Anna de Vries', 'Jonas Weber']);
    expect(await seedJrcCases(database.db)).toBe(true);
    const jrc = await database.db
      .select({ n: count() })
      .from(cases)
      .where(eq(cases.source, JRC_SOURCE));
    expect(jrc[0]!.n).toBe(JRC_CASE_COUNT);
    const lines = fs.readFileSync(JRC_CASES_FILE, 'utf8');
    expect(parse(lines, { columns: true }).length).toBe(JRC_CASE_COUNT);
    expect(await seedJrcCases(database.db)).toBe(false);
  }, 120_000);

  it('has a lesson of each kind in the library and keeps the private space to its members', async () => {
    const found = await listLessons(database.db, LessonsQuery.parse({}));
    expect(found.items.map((l) => [l.title, l.status, l.result, l.anonymised]).sort()).toEqual([
      ['Chatbot hand-over to staff for residence permits', 'stopped', null, false],
      ['Plain-language letters for the energy allowance', 'completed', 'not_supported', true],
    ]);
    const letters = found.items.find((l) => l.anonymised)!;
    expect(letters.organisation).toBeNull();
    const spaces = await listSpaces(database.db, null);
    expect(spaces.map((s) => s.name)).toEqual(['Digital service pilots']);
  });

  it('has needs answered at different speeds and an initiative the council supports', async () => {
    const ranking = await responsivenessRanking(database.db);
    expect(ranking.overall.needs).toBe(6);
    expect(ranking.organisations.map((o) => o.organisation.name)).toEqual([
      'Gemeente Rotterdam',
      'Stadt Leipzig',
      'Ville de Lyon',
    ]);
    const rotterdam = ranking.organisations[0]!.figures;
    // Acknowledged after 6, 12 and 45 days.
    expect(rotterdam.medianDaysToAcknowledged).toBe(12);
    expect(rotterdam.shareAnsweredWithin30Days).toBeCloseTo(2 / 3);
    const list = await listInitiatives(database.db, null, InitiativesQuery.parse({}));
    const company = await getInitiative(database.db, null, list.items[0]!.id);
    expect(company.facilitation.map((f) => [f.kind, f.status])).toEqual([
      ['space', 'delivered'],
      ['funding', 'committed'],
      ['convene', 'requested'],
    ]);
    expect(company.needs.map((n) => n.status)).toEqual(['being_addressed']);
  });

  it('has a ledger of what the neighbourhood company received and a cross-border working group', async () => {
    const list = await listInitiatives(database.db, null, InitiativesQuery.parse({}));
    const ledger = await initiativeLedger(database.db, null, list.items[0]!.id);
    expect(ledger.received).toEqual([
      { kind: 'expertise', pledges: 1, hours: 104, days: 0, amounts: [] },
    ]);
    const { items } = await listGroups(database.db, null);
    expect(items.map((g) => [g.name, g.members, g.countries])).toEqual([
      ['Co-creation in public services across Europe', 4, 3],
    ]);
    const profile = await groupProfile(database.db, null, items[0]!.id);
    expect(profile.policyAcademia).toEqual({ policy: 2, academia: 1, share: 3 / 4 });
  });
});
