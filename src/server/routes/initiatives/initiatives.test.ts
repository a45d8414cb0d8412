import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caller,
  succeed,
  makeApp,
  makeOrganisation,
  rowCounts,
  signUp,
  type Agent,
  type TestApp,
} from '../../../../test/helpers.ts';
import { sql } from 'drizzle-orm';
import {
  FACILITATION_STATUSES,
  FACILITATION_TRANSITIONS,
  type Facilitation,
  type Initiative,
} from '../../../shared/initiatives.ts';
import { facilitationActions } from '../../db/schema/index.ts';
import type { Need } from '../../../shared/needs.ts';
import type { NotificationList } from '../../../shared/notifications.ts';

let t: TestApp;
let resident: Agent;
let neighbour: Agent;
let civilServant: Agent;
let stranger: Agent;
let council: { id: string; name: string };
let company: { id: string; name: string };

beforeAll(async () => {
  t = await makeApp();
  resident = await signUp(t.app, { name: 'Rosa Resident' });
  neighbour = await signUp(t.app, { name: 'Nico Neighbour' });
  civilServant = await signUp(t.app, { name: 'Carla Council' });
  stranger = await signUp(t.app, { name: 'Sven Stranger' });
  council = await makeOrganisation(t.app, civilServant, {
    name: 'Gemeente Noord',
    kind: 'public_body',
  });
  company = await makeOrganisation(t.app, resident, {
    name: 'Buurtbedrijf Noord',
    kind: 'community_group',
    level: null,
  });
});
afterAll(async () => {
  await t.close();
});

const call: ReturnType<typeof caller> = (...args) => caller(t.app)(...args);
const ok = <T>(...args: Parameters<typeof call>) => succeed<T>(t.app, ...args);

const start = (title = 'A neighbourhood company in Noord') =>
  ok<Initiative>(resident, 'POST', '/api/initiatives', {
    title,
    purpose: 'Unemployed neighbours run a company that keeps the streets green.',
    place: 'Amsterdam-Noord',
    country: 'NL',
    sector: '06',
  });

describe('initiatives', () => {
  it('makes its starter the owner and refuses bad input with the field', async () => {
    const made = await start();
    expect(made).toMatchObject({
      isOwner: true,
      myRole: 'co_initiator',
      stage: 'identifying_problems',
      stakeholders: 1,
    });
    const before = await rowCounts(t.database);
    for (const [body, field] of [
      [{ title: 'Hey', country: 'NL' }, 'title'],
      [{ title: 'A good title', country: 'ZZ' }, 'country'],
      [{ title: 'A good title', country: 'NL', stage: 'dreaming' }, 'stage'],
      [{ title: 'A good title', country: 'NL', role: 'boss' }, 'role'],
    ] as const) {
      const res = await call(resident, 'POST', '/api/initiatives', body);
      expect(res.statusCode).toBe(400);
      expect(JSON.stringify(res.json().error.details)).toContain(field);
    }
    expect(await rowCounts(t.database)).toEqual(before);
    expect(
      (await call(stranger, 'PATCH', `/api/initiatives/${made.id}`, { stage: 'implementing' }))
        .statusCode,
    ).toBe(403);
  });

  it('takes stakeholders by invitation and by request, and keeps its last owner', async () => {
    const made = await start('Repair café in the library');
    const withOrg = await ok<Initiative>(
      resident,
      'POST',
      `/api/initiatives/${made.id}/stakeholders`,
      {
        organisationId: company.id,
        role: 'co_implementer',
      },
    );
    expect(
      withOrg.stakeholderList.map((s) => [s.organisation?.name ?? s.person?.name, s.role]),
    ).toEqual([
      ['Rosa Resident', 'co_initiator'],
      ['Buurtbedrijf Noord', 'co_implementer'],
    ]);
    expect(
      (
        await call(resident, 'POST', `/api/initiatives/${made.id}/stakeholders`, {
          organisationId: company.id,
          role: 'partner',
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await call(stranger, 'POST', `/api/initiatives/${made.id}/stakeholders`, {
          email: stranger.email,
          role: 'partner',
        })
      ).statusCode,
    ).toBe(403);
    await ok(neighbour, 'POST', `/api/initiatives/${made.id}/join-requests`, {
      role: 'co_designer',
      message: 'I can draw plans',
    });
    expect(
      (
        await call(neighbour, 'POST', `/api/initiatives/${made.id}/join-requests`, {
          role: 'co_designer',
        })
      ).statusCode,
    ).toBe(409);
    const inbox = await ok<NotificationList>(resident, 'GET', '/api/me/notifications');
    expect(inbox.items[0]!.text).toBe(
      'Nico Neighbour asks to join the initiative “Repair café in the library”.',
    );
    const seen = await ok<Initiative>(resident, 'GET', `/api/initiatives/${made.id}`);
    expect(seen.joinRequests.map((r) => [r.person.name, r.role, r.message])).toEqual([
      ['Nico Neighbour', 'co_designer', 'I can draw plans'],
    ]);
    expect(
      (await ok<Initiative>(stranger, 'GET', `/api/initiatives/${made.id}`)).joinRequests,
    ).toEqual([]);
    const accepted = await ok<Initiative>(
      resident,
      'POST',
      `/api/initiatives/${made.id}/join-requests/${seen.joinRequests[0]!.id}`,
      { accept: true },
    );
    expect(accepted.stakeholderList.map((s) => s.person?.name)).toContain('Nico Neighbour');
    const me = accepted.stakeholderList.find((s) => s.person?.id === resident.id)!;
    expect(
      (await call(resident, 'DELETE', `/api/initiatives/${made.id}/stakeholders/${me.id}`))
        .statusCode,
    ).toBe(409);
    const nico = accepted.stakeholderList.find((s) => s.person?.id === neighbour.id)!;
    expect(
      (await call(neighbour, 'DELETE', `/api/initiatives/${made.id}/stakeholders/${nico.id}`))
        .statusCode,
    ).toBe(204);
  });

  it('records milestones, outcomes and updates; followers hear of updates; only stakeholders post', async () => {
    const made = await start('Green roofs on the bus shelters');
    await ok(stranger, 'POST', `/api/initiatives/${made.id}/follow`);
    expect(
      (
        await call(stranger, 'POST', `/api/initiatives/${made.id}/updates`, {
          body: 'Not mine to say',
        })
      ).statusCode,
    ).toBe(403);
    await ok(resident, 'POST', `/api/initiatives/${made.id}/updates`, {
      body: 'The first roof is planted.',
    });
    const inbox = await ok<NotificationList>(stranger, 'GET', '/api/me/notifications');
    expect(inbox.items[0]!.text).toBe(
      'News from the initiative “Green roofs on the bus shelters” you follow.',
    );
    const withMilestone = await ok<Initiative>(
      resident,
      'POST',
      `/api/initiatives/${made.id}/milestones`,
      { title: 'Ten roofs', plannedOn: '2026-09-01' },
    );
    const m = withMilestone.milestones[0]!;
    expect(
      (
        await call(resident, 'POST', `/api/initiatives/${made.id}/milestones`, {
          title: 'No dates',
        })
      ).statusCode,
    ).toBe(400);
    const done = await ok<Initiative>(
      resident,
      'PATCH',
      `/api/initiatives/${made.id}/milestones/${m.id}`,
      { doneOn: '2026-08-20' },
    );
    expect(done.milestones[0]).toMatchObject({ plannedOn: '2026-09-01', doneOn: '2026-08-20' });
    const outcome = await ok<Initiative>(resident, 'POST', `/api/initiatives/${made.id}/outcomes`, {
      dimension: 'effectiveness',
      evidence: 'monitored',
      description: 'Two degrees cooler under the shelters',
    });
    expect(outcome.outcomes).toHaveLength(1);
    expect(
      (
        await call(resident, 'POST', `/api/initiatives/${made.id}/outcomes`, {
          dimension: 'vibes',
          evidence: 'monitored',
          description: 'Good',
        })
      ).statusCode,
    ).toBe(400);
  });
});

describe('facilitation', () => {
  it('comes from public bodies only, and moves on in order by their members', async () => {
    const made = await start('Community kitchen');
    const notPublic = await call(resident, 'POST', `/api/initiatives/${made.id}/facilitation`, {
      organisationId: company.id,
      kind: 'space',
    });
    expect(notPublic.statusCode).toBe(403);
    expect(
      (
        await call(stranger, 'POST', `/api/initiatives/${made.id}/facilitation`, {
          organisationId: council.id,
          kind: 'expertise',
        })
      ).statusCode,
    ).toBe(403);
    const before = await rowCounts(t.database);
    for (const [body, field] of [
      [{ organisationId: council.id, kind: 'funding' }, 'amount'],
      [
        {
          organisationId: council.id,
          kind: 'space',
          periodStart: '2026-05-01',
          periodEnd: '2026-04-01',
        },
        'periodEnd',
      ],
      [{ organisationId: council.id, kind: 'funding', amount: -5 }, 'amount'],
    ] as const) {
      const res = await call(
        civilServant,
        'POST',
        `/api/initiatives/${made.id}/facilitation`,
        body,
      );
      expect(res.statusCode).toBe(400);
      expect(JSON.stringify(res.json().error.details)).toContain(field);
    }
    expect(await rowCounts(t.database)).toEqual(before);
    // The owners ask; the council commits and delivers.
    const asked = await ok<Facilitation>(
      resident,
      'POST',
      `/api/initiatives/${made.id}/facilitation`,
      {
        organisationId: council.id,
        kind: 'space',
        address: 'Buikslotermeerplein 2000',
        periodStart: '2026-05-01',
        periodEnd: '2027-04-30',
        conditions: 'Weekdays until 22:00',
      },
    );
    expect(asked).toMatchObject({ status: 'requested', canChange: false });
    expect(
      (
        await call(resident, 'POST', `/api/facilitation/${asked.id}/status`, {
          status: 'committed',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await call(civilServant, 'POST', `/api/facilitation/${asked.id}/status`, {
          status: 'delivered',
        })
      ).statusCode,
    ).toBe(409);
    await ok(civilServant, 'POST', `/api/facilitation/${asked.id}/status`, { status: 'committed' });
    const delivered = await ok<Facilitation>(
      civilServant,
      'POST',
      `/api/facilitation/${asked.id}/status`,
      { status: 'delivered' },
    );
    expect(delivered.status).toBe('delivered');
    expect(
      (
        await call(civilServant, 'POST', `/api/facilitation/${asked.id}/status`, {
          status: 'withdrawn',
          reason: 'Too late',
        })
      ).statusCode,
    ).toBe(409);
    const grant = await ok<Facilitation>(
      civilServant,
      'POST',
      `/api/initiatives/${made.id}/facilitation`,
      {
        organisationId: council.id,
        kind: 'funding',
        amount: 5000,
      },
    );
    const noReason = await call(civilServant, 'POST', `/api/facilitation/${grant.id}/status`, {
      status: 'withdrawn',
    });
    expect(noReason.statusCode).toBe(400);
    await ok(civilServant, 'POST', `/api/facilitation/${grant.id}/status`, {
      status: 'withdrawn',
      reason: 'The budget was cut',
    });
    const inbox = await ok<NotificationList>(resident, 'GET', '/api/me/notifications');
    expect(inbox.items.map((n) => n.text)).toContain(
      'Gemeente Noord changed its support of “Community kitchen”: Delivered.',
    );
    const profile = await ok<{ byKind: Record<string, Record<string, number>> }>(
      null,
      'GET',
      `/api/organisations/${council.id}/facilitation`,
    );
    expect(profile.byKind).toMatchObject({ space: { delivered: 1 }, funding: { withdrawn: 1 } });
    const shown = await ok<Initiative>(null, 'GET', `/api/initiatives/${made.id}`);
    expect(shown.facilitation.map((f) => [f.kind, f.status])).toEqual([
      ['space', 'delivered'],
      ['funding', 'withdrawn'],
    ]);
  });
});

describe('the facilitation state machine', () => {
  it('rejects every change that is not in order, and changes nothing then', async () => {
    const made = await start('Every facilitation transition');
    const f = await ok<Facilitation>(
      civilServant,
      'POST',
      `/api/initiatives/${made.id}/facilitation`,
      {
        organisationId: council.id,
        kind: 'expertise',
      },
    );
    for (const from of FACILITATION_STATUSES.values) {
      for (const to of FACILITATION_STATUSES.values.filter((s) => s !== 'requested')) {
        await t.database.db
          .update(facilitationActions)
          .set({ status: from })
          .where(sql`${facilitationActions.id} = ${f.id}`);
        const res = await call(civilServant, 'POST', `/api/facilitation/${f.id}/status`, {
          status: to,
          reason: 'Because',
        });
        const allowed = FACILITATION_TRANSITIONS[from].includes(to);
        expect(res.statusCode, `${from} → ${to}`).toBe(allowed ? 200 : 409);
        const [now] = await t.database.db
          .select({ status: facilitationActions.status })
          .from(facilitationActions)
          .where(sql`${facilitationActions.id} = ${f.id}`);
        expect(now!.status, `${from} → ${to}`).toBe(allowed ? to : from);
      }
    }
  });
});

describe('publishing an initiative as a case', () => {
  it('prefills the case from the initiative, links it, and does it once', async () => {
    const made = await start('Neighbourhood company Hillesluis-Noord');
    await ok(resident, 'POST', `/api/initiatives/${made.id}/stakeholders`, {
      organisationId: company.id,
      role: 'co_implementer',
    });
    await ok(resident, 'POST', `/api/initiatives/${made.id}/stakeholders`, {
      email: neighbour.email,
      role: 'co_designer',
    });
    const f = await ok<Facilitation>(
      civilServant,
      'POST',
      `/api/initiatives/${made.id}/facilitation`,
      { organisationId: council.id, kind: 'space' },
    );
    await ok(civilServant, 'POST', `/api/facilitation/${f.id}/status`, { status: 'committed' });
    await ok(resident, 'POST', `/api/initiatives/${made.id}/outcomes`, {
      dimension: 'citizen_involvement',
      evidence: 'anecdotal',
      description: 'Forty neighbours take part',
    });
    await ok(resident, 'POST', `/api/initiatives/${made.id}/milestones`, {
      title: 'Company registered',
      doneOn: '2026-03-01',
    });
    const need = await ok<Need>(neighbour, 'POST', '/api/needs', {
      title: 'Work for unemployed neighbours',
      country: 'NL',
    });
    const linked = await ok<Initiative>(resident, 'POST', `/api/initiatives/${made.id}/needs`, {
      needId: need.id,
    });
    expect(linked.needs.map((n) => n.title)).toEqual(['Work for unemployed neighbours']);
    expect((await ok<Need>(null, 'GET', `/api/needs/${need.id}`)).initiatives).toEqual([
      { id: made.id, title: 'Neighbourhood company Hillesluis-Noord' },
    ]);
    expect((await call(neighbour, 'POST', `/api/initiatives/${made.id}/publish`)).statusCode).toBe(
      403,
    );
    const tries = await Promise.all(
      [1, 2].map(() => call(resident, 'POST', `/api/initiatives/${made.id}/publish`)),
    );
    expect(tries.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const published = (await ok<Initiative>(null, 'GET', `/api/initiatives/${made.id}`)).case!;
    expect(published.title).toBe('Neighbourhood company Hillesluis-Noord');
    const c = await ok<{
      status: string;
      countries: string[];
      sector: string;
      citizenRoles: string[];
      partners: { name: string; role: string }[];
      resources: string[];
      outcomes: { dimension: string; evidence: string; note: string }[];
    }>(null, 'GET', `/api/cases/${published.id}`);
    expect(c).toMatchObject({
      status: 'published',
      countries: ['NL'],
      sector: '06',
      resources: ['space'],
    });
    expect(c.citizenRoles.sort()).toEqual(['co_designer', 'co_initiator']);
    expect(c.partners.map((p) => [p.name, p.role])).toEqual([
      ['Buurtbedrijf Noord', 'implementer'],
      ['Gemeente Noord', 'facilitator'],
    ]);
    expect(c.outcomes).toEqual([
      {
        dimension: 'citizen_involvement',
        evidence: 'anecdotal',
        note: 'Forty neighbours take part',
      },
    ]);
  });
});
