import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeApp,
  makeOrganisation,
  rowCounts,
  setPlatformRole,
  signUp,
  type Agent,
  type TestApp,
} from '../../../../test/helpers.ts';

let t: TestApp;
let owner: Agent;
beforeAll(async () => {
  t = await makeApp();
  owner = await signUp(t.app, { name: 'Olga Owner' });
});
afterAll(async () => {
  await t.close();
});

describe('POST /api/organisations', () => {
  it('creates a Dutch municipality and makes its creator the owner', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: owner.headers,
      payload: {
        name: 'Gemeente Utrecht',
        kind: 'public_body',
        country: 'nl',
        level: 'local',
        sector: '01',
        website: 'https://www.utrecht.nl',
        description: 'Municipality',
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: 'Gemeente Utrecht',
      country: 'NL',
      myRole: 'owner',
      memberCount: 1,
    });
  });

  it('requires a signed-in person', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/organisations',
      payload: { name: 'Anon', kind: 'company', country: 'NL' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthorized');
  });

  it('rejects a bad country, a level for a company and an unknown field, naming each field', async () => {
    const before = await rowCounts(t.database);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: owner.headers,
      payload: { name: 'Acme', kind: 'company', country: 'XX', level: 'local', colour: 'red' },
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['country', 'colour']));
    expect(await rowCounts(t.database)).toEqual(before);
    const level = await t.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: owner.headers,
      payload: { name: 'Acme', kind: 'company', country: 'NL', level: 'local' },
    });
    expect(level.statusCode).toBe(400);
    expect(level.json().error.details).toEqual([
      { path: 'level', message: 'only public bodies have a level of government' },
    ]);
  });

  it('answers 400 to malformed JSON and 413 to an oversized body, changing nothing', async () => {
    const before = await rowCounts(t.database);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: { ...owner.headers, 'content-type': 'application/json' },
      payload: '{"name": "Broken",',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('malformed_json');
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: { ...owner.headers, 'content-type': 'application/json' },
      payload: JSON.stringify({
        name: 'Big',
        kind: 'company',
        country: 'NL',
        description: 'x'.repeat(2_000_000),
      }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('body_too_large');
    expect(await rowCounts(t.database)).toEqual(before);
  });
});

describe('GET /api/organisations', () => {
  it('pages through every organisation in name order with a cursor, and filters', async () => {
    const p = await signUp(t.app);
    for (const [name, country] of [
      ['Aarhus Kommune', 'DK'],
      ['Bremen Senat', 'DE'],
      ['Comune di Bologna', 'IT'],
      ['Dublin City Council', 'IE'],
      ['Espoo', 'FI'],
    ]) {
      await makeOrganisation(t.app, p, { name, country });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/organisations?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await t.app.inject({ url });
      expect(res.statusCode).toBe(200);
      const body = res.json() as { items: { name: string }[]; nextCursor: string | null };
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((i) => i.name));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(seen).toEqual(expect.arrayContaining(['Aarhus Kommune', 'Espoo', 'Gemeente Utrecht']));
    expect(new Set(seen).size).toBe(seen.length);

    const de = await t.app.inject({ url: '/api/organisations?country=DE' });
    expect(de.json().items.map((i: { name: string }) => i.name)).toEqual(['Bremen Senat']);
    const search = await t.app.inject({ url: '/api/organisations?q=bolo' });
    expect(search.json().items.map((i: { name: string }) => i.name)).toEqual(['Comune di Bologna']);
    const nothing = await t.app.inject({
      url: '/api/organisations?q=%27%3B%20drop%20table%20users%3B--',
    });
    expect(nothing.statusCode).toBe(200);
    expect(nothing.json().items).toEqual([]);
  });

  it('rejects a forged cursor and a limit over 100', async () => {
    expect((await t.app.inject({ url: '/api/organisations?cursor=abc' })).statusCode).toBe(400);
    const res = await t.app.inject({ url: '/api/organisations?limit=1000' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('limit');
  });
});

describe('PATCH /api/organisations/:id', () => {
  it('lets owners edit, refuses other people, and lets platform admins moderate', async () => {
    const org = await makeOrganisation(t.app, owner);
    const stranger = await signUp(t.app);
    const denied = await t.app.inject({
      method: 'PATCH',
      url: `/api/organisations/${org.id}`,
      headers: stranger.headers,
      payload: { description: 'Hijacked' },
    });
    expect(denied.statusCode).toBe(403);
    const ok = await t.app.inject({
      method: 'PATCH',
      url: `/api/organisations/${org.id}`,
      headers: owner.headers,
      payload: { description: 'Updated', website: null },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().description).toBe('Updated');
    const admin = await signUp(t.app);
    await setPlatformRole(t.database, admin.id, 'admin');
    const byAdmin = await t.app.inject({
      method: 'PATCH',
      url: `/api/organisations/${org.id}`,
      headers: admin.headers,
      payload: { name: 'Renamed by admin' },
    });
    expect(byAdmin.statusCode).toBe(200);
  });

  it('answers 404 for an organisation that does not exist and 400 for a malformed id', async () => {
    const missing = await t.app.inject({
      url: '/api/organisations/00000000-0000-4000-8000-000000000000',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not_found');
    expect((await t.app.inject({ url: '/api/organisations/not-a-uuid' })).statusCode).toBe(400);
  });
});

describe('members', () => {
  it('adds a colleague by e-mail, refuses a duplicate with 409 and keeps the last owner', async () => {
    const org = await makeOrganisation(t.app, owner);
    const colleague = await signUp(t.app, { name: 'Colleague' });
    const add = await t.app.inject({
      method: 'POST',
      url: `/api/organisations/${org.id}/members`,
      headers: owner.headers,
      payload: { email: colleague.email.toUpperCase(), role: 'member' },
    });
    expect(add.statusCode).toBe(201);
    expect(add.json()).toMatchObject({ userId: colleague.id, role: 'member' });

    const before = await rowCounts(t.database);
    const dup = await t.app.inject({
      method: 'POST',
      url: `/api/organisations/${org.id}/members`,
      headers: owner.headers,
      payload: { email: colleague.email },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('already_member');
    const leave = await t.app.inject({
      method: 'DELETE',
      url: `/api/organisations/${org.id}/members/${owner.id}`,
      headers: owner.headers,
    });
    expect(leave.statusCode).toBe(409);
    expect(leave.json().error.code).toBe('last_owner');
    const demote = await t.app.inject({
      method: 'PATCH',
      url: `/api/organisations/${org.id}/members/${owner.id}`,
      headers: owner.headers,
      payload: { role: 'member' },
    });
    expect(demote.statusCode).toBe(409);
    expect(await rowCounts(t.database)).toEqual(before);

    const unknown = await t.app.inject({
      method: 'POST',
      url: `/api/organisations/${org.id}/members`,
      headers: owner.headers,
      payload: { email: 'no-such-person@example.org' },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('user_not_found');
  });

  it('shows member e-mail addresses only to owners and admins', async () => {
    const org = await makeOrganisation(t.app, owner);
    const member = await signUp(t.app);
    await t.app.inject({
      method: 'POST',
      url: `/api/organisations/${org.id}/members`,
      headers: owner.headers,
      payload: { email: member.email },
    });
    const asOwner = await t.app.inject({
      url: `/api/organisations/${org.id}/members`,
      headers: owner.headers,
    });
    expect(asOwner.json().items.every((m: { email: string | null }) => m.email)).toBe(true);
    const asMember = await t.app.inject({
      url: `/api/organisations/${org.id}/members`,
      headers: member.headers,
    });
    expect(asMember.json().items.every((m: { email: string | null }) => m.email === null)).toBe(
      true,
    );
    expect((await t.app.inject({ url: `/api/organisations/${org.id}/members` })).statusCode).toBe(
      401,
    );
  });

  it('lets an admin add members but not owners, and a member leave', async () => {
    const org = await makeOrganisation(t.app, owner);
    const admin = await signUp(t.app);
    const newcomer = await signUp(t.app);
    await t.app.inject({
      method: 'POST',
      url: `/api/organisations/${org.id}/members`,
      headers: owner.headers,
      payload: { email: admin.email, role: 'admin' },
    });
    const asOwnerRole = await t.app.inject({
      method: 'POST',
      url: `/api/organisations/${org.id}/members`,
      headers: admin.headers,
      payload: { email: newcomer.email, role: 'owner' },
    });
    expect(asOwnerRole.statusCode).toBe(403);
    const asMember = await t.app.inject({
      method: 'POST',
      url: `/api/organisations/${org.id}/members`,
      headers: admin.headers,
      payload: { email: newcomer.email },
    });
    expect(asMember.statusCode).toBe(201);
    const removeOwner = await t.app.inject({
      method: 'DELETE',
      url: `/api/organisations/${org.id}/members/${owner.id}`,
      headers: admin.headers,
    });
    expect(removeOwner.statusCode).toBe(403);
    const leave = await t.app.inject({
      method: 'DELETE',
      url: `/api/organisations/${org.id}/members/${newcomer.id}`,
      headers: newcomer.headers,
    });
    expect(leave.statusCode).toBe(204);
  });
});

describe('join requests', () => {
  it('lets a person ask to join once, and an owner accept', async () => {
    const org = await makeOrganisation(t.app, owner);
    const p = await signUp(t.app);
    const ask = await t.app.inject({
      method: 'POST',
      url: `/api/organisations/${org.id}/join-requests`,
      headers: p.headers,
      payload: { message: 'I work in the innovation team.' },
    });
    expect(ask.statusCode).toBe(201);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/organisations/${org.id}/join-requests`,
      headers: p.headers,
      payload: {},
    });
    expect(again.statusCode).toBe(409);
    const detail = await t.app.inject({ url: `/api/organisations/${org.id}`, headers: p.headers });
    expect(detail.json().myJoinRequestPending).toBe(true);
    expect(
      (
        await t.app.inject({
          url: `/api/organisations/${org.id}/join-requests`,
          headers: p.headers,
        })
      ).statusCode,
    ).toBe(403);
    const list = await t.app.inject({
      url: `/api/organisations/${org.id}/join-requests`,
      headers: owner.headers,
    });
    expect(list.json().items).toHaveLength(1);
    const id = list.json().items[0].id as string;
    const accept = await t.app.inject({
      method: 'POST',
      url: `/api/organisations/${org.id}/join-requests/${id}/decision`,
      headers: owner.headers,
      payload: { decision: 'accept' },
    });
    expect(accept.statusCode).toBe(200);
    expect(accept.json().status).toBe('accepted');
    const after = await t.app.inject({ url: `/api/organisations/${org.id}`, headers: p.headers });
    expect(after.json()).toMatchObject({
      myRole: 'member',
      myJoinRequestPending: false,
      memberCount: 2,
    });
    const twice = await t.app.inject({
      method: 'POST',
      url: `/api/organisations/${org.id}/join-requests/${id}/decision`,
      headers: owner.headers,
      payload: { decision: 'decline' },
    });
    expect(twice.statusCode).toBe(409);
  });
});
