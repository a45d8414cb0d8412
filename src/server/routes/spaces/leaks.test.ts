/**
 * The leak search: after each piece of a private space is made — the space, its members, an
 * invitation, an experiment, its amendments, decisions, allocation, outcomes and lessons, a
 * request shared with the space and a pledge on it — every
 * person outside it (anonymous, a stranger, a moderator, a platform admin) searches, lists and
 * exports everything the API offers, and finds none of it, not even in a count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caller,
  makeApp,
  setPlatformRole,
  signUp,
  type Agent,
  type TestApp,
} from '../../../../test/helpers.ts';
import type { Experiment, Space } from '../../../shared/havens.ts';

let t: TestApp;
let owner: Agent;
const outsiders: Record<string, Agent | null> = { anonymous: null };

beforeAll(async () => {
  t = await makeApp();
  owner = await signUp(t.app, { name: 'Olaf Owner' });
  outsiders.stranger = await signUp(t.app, { name: 'Stella Stranger' });
  outsiders.moderator = await signUp(t.app, { name: 'Mo Moderator' });
  outsiders.admin = await signUp(t.app, { name: 'Ada Admin' });
  await setPlatformRole(t.database, outsiders.moderator.id, 'moderator');
  await setPlatformRole(t.database, outsiders.admin.id, 'admin');
});
afterAll(async () => {
  await t.close();
});

const call: ReturnType<typeof caller> = (...args) => caller(t.app)(...args);

async function ok<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown) {
  const res = await call(owner, method, url, payload);
  expect(res.statusCode, res.body).toBeLessThan(300);
  return (res.statusCode === 204 ? undefined : res.json()) as T;
}

const secrets: string[] = [];
const secret = (what: string) => {
  const s = `${what}-${Math.random().toString(36).slice(2, 10)}`;
  secrets.push(s);
  return s;
};

/** Every GET route without a path parameter, and searches for each secret. */
function sweepUrls(): string[] {
  const plain = t.app.routeList
    .filter((r) => r.method === 'GET' && r.url.startsWith('/api') && !r.url.includes(':'))
    .filter((r) => !r.url.startsWith('/api/docs'))
    .map((r) => r.url);
  const extra = [
    '/api/network?mode=people',
    '/api/network?mode=countries',
    '/api/network/export?format=csv',
    '/api/network/export?format=graphml&mode=people',
    '/api/cases/export?format=json',
    '/api/diffusion?unit=organisation',
    '/api/audit?limit=200',
    ...secrets.flatMap((s) => [
      `/api/lessons?q=${s}`,
      `/api/cases?q=${s}`,
      `/api/exchange/items?q=${s}`,
    ]),
    ...publicUrls,
  ];
  return [...new Set([...plain, ...extra])];
}

/** Public pages that could show private things (the matches of a public offer). */
const publicUrls: string[] = [];

const baseline: Record<string, { spaces: number; lessons: number }> = {};
async function counts(who: Agent | null) {
  const spaces = (await call(who, 'GET', '/api/spaces')).json() as { items: unknown[] };
  const lessons = (await call(who, 'GET', '/api/lessons')).json() as { total: number };
  return { spaces: spaces.items.length, lessons: lessons.total };
}

async function sweep(step: string, hiddenUrls: string[]) {
  const problems: string[] = [];
  for (const [name, who] of Object.entries(outsiders)) {
    for (const url of sweepUrls()) {
      const res = await call(who, 'GET', url);
      if (res.statusCode >= 500) problems.push(`${step}: ${name} ${url} → ${res.statusCode}`);
      for (const s of secrets)
        if (res.body.includes(s)) problems.push(`${step}: ${name} ${url} reveals ${s}`);
    }
    for (const url of hiddenUrls) {
      const res = await call(who, 'GET', url);
      if (res.statusCode !== 404) problems.push(`${step}: ${name} ${url} → ${res.statusCode}`);
    }
    expect(await counts(who), `${step}: counts for ${name}`).toEqual(baseline[name]);
  }
  expect(problems).toEqual([]);
}

describe('a private space as seen from outside', () => {
  it('shows nothing of itself anywhere, after each thing made in it', async () => {
    for (const [name, who] of Object.entries(outsiders)) baseline[name] = await counts(who);
    const space = await ok<Space>('POST', '/api/spaces', {
      name: secret('Space'),
      description: secret('Description'),
      visibility: 'private',
    });
    const hidden = [
      `/api/spaces/${space.id}`,
      `/api/spaces/${space.id}/members`,
      `/api/spaces/${space.id}/experiments`,
    ];
    await sweep('space', hidden);

    // A person's name is public with their account; their membership of the space is not.
    const member = await signUp(t.app, { name: 'Mila Member' });
    await ok('POST', `/api/spaces/${space.id}/members`, { email: member.email });
    await ok('POST', `/api/spaces/${space.id}/invitations`, {
      email: `${secret('invitee')}@example.org`,
    });
    await sweep('members and invitations', hidden);

    const experiment = await ok<Experiment>('POST', `/api/spaces/${space.id}/experiments`, {
      title: secret('Experiment'),
      hypothesis: secret('Hypothesis'),
      successCriterion: secret('Criterion'),
      design: 'randomised_trial',
    });
    hidden.push(`/api/experiments/${experiment.id}`);
    await sweep('experiment', hidden);

    await ok('POST', `/api/experiments/${experiment.id}/start`);
    await ok('PATCH', `/api/experiments/${experiment.id}`, {
      successCriterion: secret('Amended'),
      amendmentReason: secret('Reason'),
    });
    await ok('POST', `/api/experiments/${experiment.id}/decisions`, { text: secret('Decision') });
    await sweep('amendment and decision', hidden);

    const unit = secret('unit');
    await ok('POST', `/api/experiments/${experiment.id}/allocation`, {
      method: 'simple',
      seed: 3,
      units: [{ id: unit }, { id: `${unit}-2` }],
    });
    hidden.push(`/api/experiments/${experiment.id}/allocation.csv`);
    await ok('POST', `/api/experiments/${experiment.id}/outcomes`, {
      csv: `unit,arm,value\n${unit},control,0\n${unit}-2,treatment,1\n`,
    });
    await ok('PATCH', `/api/experiments/${experiment.id}`, { lessonsFailed: secret('Lesson') });
    await ok('POST', `/api/experiments/${experiment.id}/complete`, { result: 'not_supported' });
    await sweep('allocation, outcomes, lessons, completion', hidden);

    // The exchange: a request shared with the space only, a public offer that matches it, and a
    // pledge between them with a note.
    const request = await ok<{ id: string }>('POST', '/api/exchange/items', {
      side: 'request',
      kind: 'expertise',
      title: `Evaluation of the pilot ${secret('Request')}`,
      description: `Evaluation of the pilot ${secret('Need')}`,
      visibility: 'space',
      spaceId: space.id,
    });
    const offer = await (async () => {
      const res = await call(member, 'POST', '/api/exchange/items', {
        side: 'offer',
        kind: 'expertise',
        title: 'Evaluation of pilots, pro bono',
        description: 'Evaluation of the pilot',
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string };
    })();
    const pledge = await call(member, 'POST', '/api/exchange/pledges', {
      offerId: offer.id,
      requestId: request.id,
      hours: 12,
      note: secret('Pledge'),
    });
    expect(pledge.statusCode, pledge.body).toBe(201);
    const pledgeId = (pledge.json() as { id: string }).id;
    await ok('POST', `/api/exchange/pledges/${pledgeId}/status`, { status: 'accepted' });
    publicUrls.push(
      `/api/exchange/items/${offer.id}`,
      `/api/exchange/items/${offer.id}/matches?limit=50`,
      `/api/exchange/items/${offer.id}/pledges`,
    );
    hidden.push(
      `/api/exchange/items/${request.id}`,
      `/api/exchange/items/${request.id}/matches`,
      `/api/exchange/items/${request.id}/pledges`,
      `/api/exchange/pledges/${pledgeId}`,
    );
    await sweep('exchange request, matches and pledge', hidden);
  });

  it('a private working group shows nothing of itself anywhere', async () => {
    const group = await ok<{ id: string }>('POST', '/api/groups', {
      name: secret('Group'),
      purpose: secret('Purpose'),
      visibility: 'private',
      affiliation: 'policy',
      country: 'NL',
    });
    await ok('POST', `/api/groups/${group.id}/invitations`, {
      email: `${secret('groupinvitee')}@example.org`,
    });
    const thread = await ok<{ id: string; items: { id: string }[] }>(
      'POST',
      `/api/groups/${group.id}/threads`,
      { title: secret('Thread'), body: secret('Post') },
    );
    const decision = await ok<{ id: string }>('POST', `/api/groups/${group.id}/decisions`, {
      kind: 'proposal',
      title: secret('Proposal'),
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    await ok('PUT', `/api/decisions/${decision.id}/vote`, {
      stance: 'block',
      reason: secret('Stance'),
    });
    const meeting = await ok<{ id: string }>('POST', `/api/groups/${group.id}/meetings`, {
      title: secret('Meeting'),
      startsAt: '2027-06-01T10:00:00Z',
      endsAt: '2027-06-01T11:00:00Z',
      timeZone: 'Europe/Brussels',
    });
    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/groups/${group.id}/library/files?name=${secret('file')}.txt`,
      headers: { ...owner.headers, 'content-type': 'application/octet-stream' },
      payload: Buffer.from(`${secret('content')}\n`),
    });
    expect(upload.statusCode, upload.body).toBe(200);
    const file = (upload.json() as { items: { href: string }[] }).items[0]!.href;
    await sweep('working group', [
      `/api/groups/${group.id}`,
      `/api/groups/${group.id}/members`,
      `/api/groups/${group.id}/threads`,
      `/api/groups/${group.id}/decisions`,
      `/api/groups/${group.id}/meetings`,
      `/api/groups/${group.id}/library`,
      `/api/groups/${group.id}/profile`,
      `/api/groups/${group.id}/calendar.ics`,
      `/api/threads/${thread.id}`,
      `/api/posts/${thread.items[0]!.id}/revisions`,
      `/api/decisions/${decision.id}`,
      `/api/meetings/${meeting.id}`,
      file,
    ]);
  });
});
