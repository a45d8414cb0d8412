import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caller,
  makeApp,
  makeOrganisation,
  rowCounts,
  setPlatformRole,
  signUp,
  type Agent,
  type TestApp,
} from '../../../../test/helpers.ts';
import type { Space } from '../../../shared/havens.ts';

let t: TestApp;
let owner: Agent;
let colleague: Agent;
let stranger: Agent;
let moderator: Agent;

beforeAll(async () => {
  t = await makeApp();
  owner = await signUp(t.app, { name: 'Olivia Owner' });
  colleague = await signUp(t.app, { name: 'Cas Colleague' });
  stranger = await signUp(t.app, { name: 'Stijn Stranger' });
  moderator = await signUp(t.app, { name: 'Mona Moderator' });
  await setPlatformRole(t.database, moderator.id, 'admin');
});
afterAll(async () => {
  await t.close();
});

const call: ReturnType<typeof caller> = (...args) => caller(t.app)(...args);

async function open(name: string, visibility: string, who = owner): Promise<Space> {
  const res = await call(who, 'POST', '/api/spaces', { name, visibility });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Space;
}

describe('spaces', () => {
  it('hides a private space from everyone who is not in it, admins included', async () => {
    const space = await open('Pilot of a benefits chatbot', 'private');
    expect(space).toMatchObject({ myRole: 'owner', canWrite: true, canManage: true, members: 1 });
    const mine = (await call(owner, 'GET', '/api/spaces')).json() as { items: Space[] };
    expect(mine.items.map((s) => s.id)).toContain(space.id);
    for (const who of [null, stranger, moderator]) {
      const list = await call(who, 'GET', '/api/spaces');
      expect(list.body).not.toContain('benefits chatbot');
      for (const url of [`/api/spaces/${space.id}`, `/api/spaces/${space.id}/members`]) {
        const res = await call(who, 'GET', url);
        expect(res.statusCode).toBe(404);
        expect(res.body).not.toContain('benefits chatbot');
      }
    }
  });

  it('lets everyone read a transparent space and only its members write', async () => {
    const space = await open('Open data sandbox', 'transparent');
    const seen = await call(stranger, 'GET', `/api/spaces/${space.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ myRole: null, canWrite: false, canManage: false });
    expect((await call(null, 'GET', `/api/spaces/${space.id}/members`)).statusCode).toBe(200);
    expect(
      (await call(stranger, 'PATCH', `/api/spaces/${space.id}`, { name: 'Mine now' })).statusCode,
    ).toBe(403);
  });

  it('adds members by e-mail with a role; an observer reads but does not write', async () => {
    const space = await open('Regulatory sandbox for minibuses', 'private');
    const added = await call(owner, 'POST', `/api/spaces/${space.id}/members`, {
      email: colleague.email.toUpperCase(),
      role: 'observer',
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ userId: colleague.id, role: 'observer' });
    const asObserver = (await call(colleague, 'GET', `/api/spaces/${space.id}`)).json() as Space;
    expect(asObserver).toMatchObject({ myRole: 'observer', canWrite: false, members: 2 });
    const again = await call(owner, 'POST', `/api/spaces/${space.id}/members`, {
      email: colleague.email,
    });
    expect(again.statusCode).toBe(409);
    const nobody = await call(owner, 'POST', `/api/spaces/${space.id}/members`, {
      email: 'nobody@example.org',
    });
    expect(nobody.statusCode).toBe(400);
    expect(
      (
        await call(colleague, 'POST', `/api/spaces/${space.id}/members`, {
          email: stranger.email,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('lets a member leave, but never the last owner', async () => {
    const space = await open('Leaving test', 'private');
    await call(owner, 'POST', `/api/spaces/${space.id}/members`, { email: colleague.email });
    expect(
      (await call(colleague, 'DELETE', `/api/spaces/${space.id}/members/${owner.id}`)).statusCode,
    ).toBe(403);
    expect(
      (await call(owner, 'DELETE', `/api/spaces/${space.id}/members/${owner.id}`)).statusCode,
    ).toBe(409);
    expect(
      (await call(colleague, 'DELETE', `/api/spaces/${space.id}/members/${colleague.id}`))
        .statusCode,
    ).toBe(204);
    // Gone: the private space no longer exists for them.
    expect((await call(colleague, 'GET', `/api/spaces/${space.id}`)).statusCode).toBe(404);
  });

  it('keeps an access log that only owners read', async () => {
    const space = await open('Logged space', 'private');
    await call(owner, 'POST', `/api/spaces/${space.id}/members`, { email: colleague.email });
    await call(colleague, 'GET', `/api/spaces/${space.id}`);
    const log = await call(owner, 'GET', `/api/spaces/${space.id}/access-log`);
    expect(log.statusCode).toBe(200);
    const items = (log.json() as { items: { action: string; user: { name: string } | null }[] })
      .items;
    expect(items.map((i) => [i.action, i.user?.name])).toEqual([
      ['space.view', 'Cas Colleague'],
      ['member.add', 'Olivia Owner'],
      ['space.create', 'Olivia Owner'],
    ]);
    expect((await call(colleague, 'GET', `/api/spaces/${space.id}/access-log`)).statusCode).toBe(
      403,
    );
  });

  it('belongs to an organisation only its members chose', async () => {
    const org = await makeOrganisation(t.app, owner, { name: 'Ministerie van Proeven' });
    const ok = await call(owner, 'POST', '/api/spaces', {
      name: 'Ministry lab',
      visibility: 'private',
      organisationId: org.id,
    });
    expect(ok.json()).toMatchObject({
      organisation: { id: org.id, name: 'Ministerie van Proeven' },
    });
    const refused = await call(stranger, 'POST', '/api/spaces', {
      name: 'Not theirs',
      visibility: 'public',
      organisationId: org.id,
    });
    expect(refused.statusCode).toBe(400);
  });

  it('belongs to an initiative only one of its stakeholders chose', async () => {
    const initiative = (
      await call(owner, 'POST', '/api/initiatives', {
        title: 'Neighbourhood company',
        country: 'NL',
      })
    ).json() as { id: string; title: string };
    const res = await call(owner, 'POST', '/api/spaces', {
      name: 'Company workshop',
      visibility: 'private',
      initiativeId: initiative.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as Space).initiative).toEqual({
      id: initiative.id,
      title: initiative.title,
    });
    const refused = await call(stranger, 'POST', '/api/spaces', {
      name: 'Not theirs',
      visibility: 'private',
      initiativeId: initiative.id,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].path).toBe('initiativeId');
  });

  it('refuses bad input with the field, and stores nothing', async () => {
    const counts = await rowCounts(t.database);
    for (const [payload, path] of [
      [{ name: 'x', visibility: 'private' }, 'name'],
      [{ name: 'Secret', visibility: 'hidden' }, 'visibility'],
      [{ name: 'Secret', visibility: 'private', extra: 1 }, ''],
    ] as const) {
      const res = await call(owner, 'POST', '/api/spaces', payload);
      expect(res.statusCode).toBe(400);
      if (path)
        expect(
          (res.json() as { error: { details: { path: string }[] } }).error.details.map(
            (d) => d.path,
          ),
        ).toContain(path);
    }
    expect(
      (await call(null, 'POST', '/api/spaces', { name: 'Anon', visibility: 'public' })).statusCode,
    ).toBe(401);
    expect(await rowCounts(t.database)).toEqual(counts);
  });
});
