import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caller,
  makeApp,
  makeOrganisation,
  rowCounts,
  signUp,
  type Agent,
  type TestApp,
} from '../../../../test/helpers.ts';
import type { Invitation, Space, SpaceMember } from '../../../shared/havens.ts';

let t: TestApp;
let owner: Agent;
let stranger: Agent;

beforeAll(async () => {
  t = await makeApp();
  owner = await signUp(t.app, { name: 'Ines Owner' });
  stranger = await signUp(t.app, { name: 'Sam Stranger' });
});
afterAll(async () => {
  await t.close();
});

const call: ReturnType<typeof caller> = (...args) => caller(t.app)(...args);

async function ok<T>(
  who: Agent | null,
  method: 'GET' | 'POST' | 'DELETE',
  url: string,
  payload?: unknown,
) {
  const res = await call(who, method, url, payload);
  expect(res.statusCode, res.body).toBeLessThan(300);
  return (res.statusCode === 204 ? undefined : res.json()) as T;
}

async function privateSpace(name: string, by = owner): Promise<Space> {
  return ok<Space>(by, 'POST', '/api/spaces', { name, visibility: 'private' });
}

describe('invitations to a space', () => {
  it('waits for an account with the address, then lets that person accept', async () => {
    const space = await privateSpace('Pension letters trial');
    const email = `Later.Person-${Date.now()}@Example.org`;
    const made = await ok<{ items: Invitation[] }>(
      owner,
      'POST',
      `/api/spaces/${space.id}/invitations`,
      {
        email,
        role: 'observer',
      },
    );
    expect(made.items).toHaveLength(1);
    expect(made.items[0]).toMatchObject({
      email: email.toLowerCase(),
      role: 'observer',
      invitedBy: 'Ines Owner',
    });
    // Nobody else sees it, and the stranger still cannot see the space.
    expect(
      (await ok<{ items: Invitation[] }>(stranger, 'GET', '/api/me/invitations')).items,
    ).toEqual([]);
    expect(
      (await call(stranger, 'POST', `/api/me/invitations/${made.items[0]!.id}/accept`)).statusCode,
    ).toBe(404);
    const later = await signUp(t.app, { name: 'Lea Later', email });
    const mine = await ok<{ items: Invitation[] }>(later, 'GET', '/api/me/invitations');
    expect(mine.items.map((i) => i.space.name)).toEqual(['Pension letters trial']);
    expect((await call(later, 'GET', `/api/spaces/${space.id}`)).statusCode).toBe(404);
    const joined = await ok<Space>(
      later,
      'POST',
      `/api/me/invitations/${mine.items[0]!.id}/accept`,
    );
    expect(joined).toMatchObject({ id: space.id, myRole: 'observer', canWrite: false });
    expect((await ok<{ items: Invitation[] }>(later, 'GET', '/api/me/invitations')).items).toEqual(
      [],
    );
    expect(
      (await ok<{ items: Invitation[] }>(owner, 'GET', `/api/spaces/${space.id}/invitations`))
        .items,
    ).toEqual([]);
  });

  it('invites every member of an organisation the owner belongs to, except those already in', async () => {
    const org = await makeOrganisation(t.app, owner);
    const colleagues = [await signUp(t.app), await signUp(t.app)];
    for (const c of colleagues)
      await ok(owner, 'POST', `/api/organisations/${org.id}/members`, { email: c.email });
    const space = await privateSpace('Organisation-wide pilot');
    await ok(owner, 'POST', `/api/spaces/${space.id}/members`, { email: colleagues[0]!.email });
    const made = await ok<{ items: Invitation[] }>(
      owner,
      'POST',
      `/api/spaces/${space.id}/invitations`,
      {
        organisationId: org.id,
      },
    );
    expect(made.items.map((i) => i.email)).toEqual([colleagues[1]!.email.toLowerCase()]);
    // Inviting again makes nothing new.
    const again = await ok<{ items: Invitation[] }>(
      owner,
      'POST',
      `/api/spaces/${space.id}/invitations`,
      {
        organisationId: org.id,
      },
    );
    expect(again.items).toEqual([]);
    const foreign = await makeOrganisation(t.app, stranger);
    const before = await rowCounts(t.database);
    const res = await call(owner, 'POST', `/api/spaces/${space.id}/invitations`, {
      organisationId: foreign.id,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('organisationId');
    for (const body of [
      {},
      { email: 'a@b.org', organisationId: org.id },
      { email: 'x@y.org', role: 'owner' },
    ]) {
      const bad = await call(owner, 'POST', `/api/spaces/${space.id}/invitations`, body);
      expect(bad.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect(await rowCounts(t.database)).toEqual(before);
  });

  it('lets the invitee decline and the owner revoke', async () => {
    const space = await privateSpace('Declined space');
    const [inv] = (
      await ok<{ items: Invitation[] }>(owner, 'POST', `/api/spaces/${space.id}/invitations`, {
        email: stranger.email,
      })
    ).items;
    await ok(stranger, 'POST', `/api/me/invitations/${inv!.id}/decline`);
    expect((await call(stranger, 'GET', `/api/spaces/${space.id}`)).statusCode).toBe(404);
    const [again] = (
      await ok<{ items: Invitation[] }>(owner, 'POST', `/api/spaces/${space.id}/invitations`, {
        email: stranger.email,
      })
    ).items;
    expect(
      (await call(stranger, 'DELETE', `/api/spaces/${space.id}/invitations/${again!.id}`))
        .statusCode,
    ).toBe(404);
    await ok(owner, 'DELETE', `/api/spaces/${space.id}/invitations/${again!.id}`);
    expect(
      (await call(stranger, 'POST', `/api/me/invitations/${again!.id}/accept`)).statusCode,
    ).toBe(404);
    const log = await ok<{ items: { action: string }[] }>(
      owner,
      'GET',
      `/api/spaces/${space.id}/access-log`,
    );
    expect(log.items.map((l) => l.action)).toEqual(
      expect.arrayContaining(['invitation.create', 'invitation.decline', 'invitation.revoke']),
    );
  });
});

describe('erasing an account', () => {
  it('takes the person out of every space and hands a space they owned alone to a member', async () => {
    const leaving = await signUp(t.app, { name: 'Lars Leaving' });
    const heir = await signUp(t.app, { name: 'Hanna Heir' });
    const watcher = await signUp(t.app, { name: 'Wim Watcher' });
    const space = await privateSpace('Inherited space', leaving);
    await ok(leaving, 'POST', `/api/spaces/${space.id}/members`, {
      email: watcher.email,
      role: 'observer',
    });
    await ok(leaving, 'POST', `/api/spaces/${space.id}/members`, {
      email: heir.email,
      role: 'member',
    });
    await ok(leaving, 'POST', `/api/spaces/${space.id}/invitations`, {
      email: 'pending@example.org',
    });
    const alone = await privateSpace('Alone space', leaving);
    const [toLeaving] = (
      await ok<{ items: Invitation[] }>(
        owner,
        'POST',
        `/api/spaces/${(await privateSpace('Another')).id}/invitations`,
        {
          email: leaving.email,
        },
      )
    ).items;
    await ok(leaving, 'POST', '/api/me/delete', { password: leaving.password });
    const members = await ok<{ items: SpaceMember[] }>(
      heir,
      'GET',
      `/api/spaces/${space.id}/members`,
    );
    expect(members.items.map((m) => [m.name, m.role])).toEqual([
      ['Hanna Heir', 'owner'],
      ['Wim Watcher', 'observer'],
    ]);
    // The invitation to the erased address is gone; the one the erased person sent stays.
    expect(
      (
        await ok<{ items: Invitation[] }>(
          owner,
          'GET',
          `/api/spaces/${toLeaving!.space.id}/invitations`,
        )
      ).items,
    ).toEqual([]);
    const pending = await ok<{ items: Invitation[] }>(
      heir,
      'GET',
      `/api/spaces/${space.id}/invitations`,
    );
    expect(pending.items.map((i) => i.email)).toEqual(['pending@example.org']);
    // A space the person was alone in keeps its content, and nobody can see it.
    expect((await call(owner, 'GET', `/api/spaces/${alone.id}`)).statusCode).toBe(404);
  });
});
