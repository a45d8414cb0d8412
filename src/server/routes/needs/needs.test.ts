import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caller,
  succeed,
  makeApp,
  makeOrganisation,
  rowCounts,
  setPlatformRole,
  signUp,
  type Agent,
  type TestApp,
} from '../../../../test/helpers.ts';
import {
  NEED_STATUSES,
  NEED_TRANSITIONS,
  type Need,
  type NeedList,
} from '../../../shared/needs.ts';
import type { NotificationList } from '../../../shared/notifications.ts';
import { needs } from '../../db/schema/index.ts';
import { rows } from '../../db/rows.ts';
import { organisationResponsiveness } from '../../commands/responsiveness.ts';

let t: TestApp;
let citizen: Agent;
let neighbour: Agent;
let clerk: Agent;
let moderator: Agent;
let council: { id: string; name: string };

beforeAll(async () => {
  t = await makeApp();
  citizen = await signUp(t.app, { name: 'Cees Citizen' });
  neighbour = await signUp(t.app, { name: 'Nel Neighbour' });
  clerk = await signUp(t.app, { name: 'Kim Clerk' });
  moderator = await signUp(t.app, { name: 'Mo Moderator' });
  await setPlatformRole(t.database, moderator.id, 'moderator');
  council = await makeOrganisation(t.app, clerk, { name: 'Gemeente Zuid' });
});
afterAll(async () => {
  await t.close();
});

const call: ReturnType<typeof caller> = (...args) => caller(t.app)(...args);
const ok = <T>(...args: Parameters<typeof call>) => succeed<T>(t.app, ...args);

const post = (title: string, over: object = {}) =>
  ok<Need>(citizen, 'POST', '/api/needs', {
    title,
    description: 'Unemployed neighbours have nowhere to work and meet.',
    place: 'Rotterdam-Zuid',
    country: 'NL',
    sector: '10',
    responsibleOrganisationId: council.id,
    ...over,
  });

describe('needs', () => {
  it('refuses a bad need with the field, storing nothing', async () => {
    const before = await rowCounts(t.database);
    for (const [body, field] of [
      [{ title: 'Hi', country: 'NL' }, 'title'],
      [{ title: 'A real title', country: 'XX' }, 'country'],
      [{ title: 'A real title', country: 'NL', sector: '99' }, 'sector'],
      [
        {
          title: 'A real title',
          country: 'NL',
          responsibleOrganisationId: '00000000-0000-4000-8000-000000000000',
        },
        'responsibleOrganisationId',
      ],
      [{ title: 'A real title', country: 'NL', organisationId: council.id }, 'organisationId'],
    ] as const) {
      const res = await call(citizen, 'POST', '/api/needs', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.json().error.details)).toContain(field);
    }
    expect(
      (await call(null, 'POST', '/api/needs', { title: 'A real title', country: 'NL' })).statusCode,
    ).toBe(401);
    expect(await rowCounts(t.database)).toEqual(before);
  });

  it('keeps one support per person, even when they press twice at once', async () => {
    const need = await post('A place to work and meet');
    const tries = await Promise.all(
      [1, 2, 3, 4].map(() => call(neighbour, 'POST', `/api/needs/${need.id}/support`)),
    );
    expect(tries.map((r) => r.statusCode).sort()).toEqual([204, 409, 409, 409]);
    const seen = await ok<Need>(neighbour, 'GET', `/api/needs/${need.id}`);
    expect(seen).toMatchObject({ supports: 1, supportedByMe: true, followedByMe: true });
    await ok(neighbour, 'DELETE', `/api/needs/${need.id}/support`);
    expect((await ok<Need>(null, 'GET', `/api/needs/${need.id}`)).supports).toBe(0);
    expect((await call(neighbour, 'DELETE', `/api/needs/${need.id}/support`)).statusCode).toBe(404);
  });

  it('lets only the responsible organisation answer, in order, on a public timeline', async () => {
    const need = await post('Benches in the park');
    await ok(neighbour, 'POST', `/api/needs/${need.id}/follow`);
    expect(
      (await call(citizen, 'POST', `/api/needs/${need.id}/status`, { status: 'acknowledged' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await call(clerk, 'POST', `/api/needs/${need.id}/status`, { status: 'resolved' }))
        .statusCode,
    ).toBe(409);
    const declineWithout = await call(clerk, 'POST', `/api/needs/${need.id}/status`, {
      status: 'declined',
    });
    expect(declineWithout.statusCode).toBe(400);
    expect(declineWithout.json().error.details[0].path).toBe('reason');
    await ok(clerk, 'POST', `/api/needs/${need.id}/status`, { status: 'acknowledged' });
    await ok(clerk, 'POST', `/api/needs/${need.id}/status`, { status: 'being_addressed' });
    const resolved = await ok<Need>(clerk, 'POST', `/api/needs/${need.id}/status`, {
      status: 'resolved',
      reason: 'Ten benches placed',
    });
    expect(resolved.status).toBe('resolved');
    const back = await call(clerk, 'POST', `/api/needs/${need.id}/status`, {
      status: 'acknowledged',
    });
    expect(back.statusCode).toBe(409);
    expect(back.json().error.message).toMatch(/reopen it first/);
    expect(
      (await call(clerk, 'POST', `/api/needs/${need.id}/status`, { status: 'open' })).statusCode,
    ).toBe(400);
    const reopened = await ok<Need>(clerk, 'POST', `/api/needs/${need.id}/reopen`, {
      reason: 'Two benches were removed',
    });
    expect(reopened.status).toBe('open');
    const pub = await ok<Need>(null, 'GET', `/api/needs/${need.id}`);
    expect(pub.timeline.map((e) => [e.kind, e.fromStatus, e.toStatus])).toEqual([
      ['created', null, 'open'],
      ['status', 'open', 'acknowledged'],
      ['status', 'acknowledged', 'being_addressed'],
      ['status', 'being_addressed', 'resolved'],
      ['reopened', 'resolved', 'open'],
    ]);
    expect(pub.timeline[3]).toMatchObject({
      reason: 'Ten benches placed',
      actor: 'Kim Clerk',
      organisation: { name: 'Gemeente Zuid' },
    });
    const inbox = await ok<NotificationList>(neighbour, 'GET', '/api/me/notifications');
    expect(inbox.items.map((n) => n.text)).toContain(
      'The need “Benches in the park” you follow is now: Resolved.',
    );
  });

  it('rejects every status change that is not in order', async () => {
    const need = await post('A test of every transition');
    for (const from of NEED_STATUSES.values) {
      for (const to of NEED_STATUSES.values.filter((s) => s !== 'open')) {
        await t.database.db
          .update(needs)
          .set({ status: from })
          .where(sql`${needs.id} = ${need.id}`);
        const res = await call(clerk, 'POST', `/api/needs/${need.id}/status`, {
          status: to,
          reason: 'Because',
        });
        const allowed = NEED_TRANSITIONS[from].includes(to);
        expect(res.statusCode, `${from} → ${to}`).toBe(allowed ? 200 : 409);
      }
    }
  });

  it('merges a duplicate: every support once, followers along, the duplicate points to the other', async () => {
    const original = await post('Playground for toddlers');
    const duplicate = await post('Toddler playground please');
    const third = await signUp(t.app);
    for (const who of [neighbour, third])
      await ok(who, 'POST', `/api/needs/${duplicate.id}/support`);
    await ok(neighbour, 'POST', `/api/needs/${original.id}/support`);
    expect(
      (await call(citizen, 'POST', `/api/needs/${duplicate.id}/merge`, { into: original.id }))
        .statusCode,
    ).toBe(403);
    expect(
      (await call(moderator, 'POST', `/api/needs/${duplicate.id}/merge`, { into: duplicate.id }))
        .statusCode,
    ).toBe(400);
    const merged = await ok<Need>(moderator, 'POST', `/api/needs/${duplicate.id}/merge`, {
      into: original.id,
    });
    expect(merged.supports).toBe(2);
    const [support] = await rows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from need_supports where need_id = ${original.id}`,
    );
    expect(support!.n).toBe(2);
    const gone = await ok<Need>(null, 'GET', `/api/needs/${duplicate.id}`);
    expect(gone.mergedInto).toEqual({ id: original.id, title: 'Playground for toddlers' });
    const target = await ok<Need>(null, 'GET', `/api/needs/${original.id}`);
    expect(target.timeline.at(-1)).toMatchObject({
      kind: 'merged_from',
      otherNeed: { id: duplicate.id, title: 'Toddler playground please' },
    });
    const list = await ok<NeedList>(null, 'GET', '/api/needs?q=toddler');
    expect(list.items.map((i) => i.id)).toEqual([original.id]);
    expect((await ok<Need>(third, 'GET', `/api/needs/${original.id}`)).followedByMe).toBe(true);
    expect((await call(third, 'POST', `/api/needs/${duplicate.id}/support`)).statusCode).toBe(409);
  });

  it('suggests similar needs while a title is typed, and finds needs by words and filters', async () => {
    const need = await post('Community garden on the old schoolyard');
    const similar = await ok<{ items: { id: string }[] }>(
      null,
      'GET',
      `/api/needs/similar?title=${encodeURIComponent('garden schoolyard')}`,
    );
    expect(similar.items[0]!.id).toBe(need.id);
    await post('Street lights in Feijenoord', { country: 'BE', sector: '03' });
    const be = await ok<NeedList>(null, 'GET', '/api/needs?country=BE&sector=03');
    expect(be.items.map((i) => i.title)).toEqual(['Street lights in Feijenoord']);
    const words = await ok<NeedList>(null, 'GET', '/api/needs?q=COMMUNITY%20schoolyard');
    expect(words.items.map((i) => i.id)).toEqual([need.id]);
    expect((await call(null, 'GET', '/api/needs?sort=loudest')).statusCode).toBe(400);
  });
});

describe('the list cache', () => {
  it('never answers from before a write, wherever the write came from', async () => {
    const need = await post('Cached title of a need');
    const first = await ok<NeedList>(null, 'GET', '/api/needs?q=cached');
    expect(first.items.map((i) => i.title)).toEqual(['Cached title of a need']);
    // Another server (or anyone) writes straight to the table: the revision trigger sees it.
    await t.database.db
      .update(needs)
      .set({ title: 'Renamed title of a need' })
      .where(sql`${needs.id} = ${need.id}`);
    const second = await ok<NeedList>(null, 'GET', '/api/needs?q=renamed');
    expect(second.items.map((i) => i.title)).toEqual(['Renamed title of a need']);
    await ok(neighbour, 'POST', `/api/needs/${need.id}/support`);
    expect((await ok<NeedList>(null, 'GET', '/api/needs?q=renamed')).items[0]!.supports).toBe(1);
  });
});

describe('responsiveness', () => {
  it('matches the figures computed by hand for a fixture', async () => {
    const org = await makeOrganisation(t.app, clerk, { name: 'Fixture council' });
    const other = await makeOrganisation(t.app, clerk, { name: 'Other council' });
    const d = (s: string | null) => (s ? new Date(`${s}T00:00:00Z`) : null);
    const base = { country: 'NL', authorId: citizen.id };
    const fixture = [
      // created, acknowledged, addressed, resolved, declined
      ['2026-01-01', '2026-01-05', '2026-01-11', '2026-02-10', null],
      ['2026-01-10', '2026-02-19', null, null, null],
      ['2026-02-01', null, null, null, '2026-02-03'],
      ['2026-06-20', '2026-06-21', null, null, null],
      ['2026-03-01', null, null, null, null],
    ] as const;
    for (const [i, [c, a, ad, r, de]] of fixture.entries())
      await t.database.db.insert(needs).values({
        ...base,
        title: `Fixture need ${i}`,
        responsibleOrganisationId: org.id,
        createdAt: d(c)!,
        acknowledgedAt: d(a),
        addressedAt: d(ad),
        resolvedAt: d(r),
        declinedAt: d(de),
      });
    // Not counted: merged, hidden, someone else's, and posted after the moment of the figures.
    const [target] = await t.database.db.select({ id: needs.id }).from(needs).limit(1);
    await t.database.db.insert(needs).values([
      {
        ...base,
        title: 'Merged',
        responsibleOrganisationId: org.id,
        createdAt: d('2026-01-02')!,
        mergedIntoId: target!.id,
      },
      {
        ...base,
        title: 'Hidden',
        responsibleOrganisationId: org.id,
        createdAt: d('2026-01-02')!,
        hiddenAt: new Date(),
      },
      {
        ...base,
        title: 'Other',
        responsibleOrganisationId: other.id,
        createdAt: d('2026-01-02')!,
        acknowledgedAt: d('2026-01-03'),
      },
      { ...base, title: 'Later', responsibleOrganisationId: org.id, createdAt: d('2026-07-02')! },
    ]);
    const r = await organisationResponsiveness(
      t.database.db,
      org.id,
      new Date('2026-06-30T00:00:00Z'),
    );
    expect(r.figures).toEqual({
      needs: 5,
      medianDaysToAcknowledged: 4,
      medianDaysToAddressed: 10,
      medianDaysToResolved: 40,
      answeredWithin30Days: 2,
      dueFor30Days: 4,
      shareAnsweredWithin30Days: 0.5,
      byMonth: [
        {
          month: '2026-01',
          needs: 2,
          answeredWithin30Days: 1,
          dueFor30Days: 2,
          medianDaysToAcknowledged: 22,
        },
        {
          month: '2026-02',
          needs: 1,
          answeredWithin30Days: 1,
          dueFor30Days: 1,
          medianDaysToAcknowledged: null,
        },
        {
          month: '2026-03',
          needs: 1,
          answeredWithin30Days: 0,
          dueFor30Days: 1,
          medianDaysToAcknowledged: null,
        },
        {
          month: '2026-06',
          needs: 1,
          answeredWithin30Days: 0,
          dueFor30Days: 0,
          medianDaysToAcknowledged: 1,
        },
      ],
    });
    const api = await ok<{ organisations: { organisation: { name: string } }[] }>(
      null,
      'GET',
      '/api/responsiveness',
    );
    expect(api.organisations.map((o) => o.organisation.name)).toEqual(
      expect.arrayContaining(['Fixture council', 'Gemeente Zuid']),
    );
    expect(
      (await call(null, 'GET', `/api/organisations/${org.id}/responsiveness`)).statusCode,
    ).toBe(200);
  });
});
