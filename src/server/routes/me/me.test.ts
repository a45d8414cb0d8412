import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeApp,
  makeOrganisation,
  signIn,
  signUp,
  type TestApp,
} from '../../../../test/helpers.ts';
import { MembershipList, PersonalDataExport } from '../../../shared/accounts.ts';
import { auditLog, organisations, users } from '../../db/schema/index.ts';
import { eq } from 'drizzle-orm';

let t: TestApp;
beforeAll(async () => {
  t = await makeApp();
});
afterAll(async () => {
  await t.close();
});

describe('GET /api/me/export', () => {
  it('gives a person all their personal data as a JSON download', async () => {
    const p = await signUp(t.app, { name: 'Export Me' });
    const org = await makeOrganisation(t.app, p, { name: 'Exported Org' });
    const res = await t.app.inject({ url: '/api/me/export', headers: { cookie: p.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const data = PersonalDataExport.parse(res.json());
    expect(data.user).toMatchObject({ name: 'Export Me', email: p.email });
    expect(data.memberships).toEqual([
      expect.objectContaining({
        organisationId: org.id,
        organisationName: 'Exported Org',
        role: 'owner',
      }),
    ]);
    expect(data.spaces).toEqual([]);
    const space = await t.app.inject({
      method: 'POST',
      url: '/api/spaces',
      headers: p.headers,
      payload: { name: 'My private lab', visibility: 'private' },
    });
    const again = PersonalDataExport.parse(
      (await t.app.inject({ url: '/api/me/export', headers: { cookie: p.cookie } })).json(),
    );
    expect(again.spaces).toEqual([
      expect.objectContaining({
        spaceId: (space.json() as { id: string }).id,
        spaceName: 'My private lab',
        role: 'owner',
      }),
    ]);
    const inviter = await signUp(t.app);
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/spaces',
      headers: inviter.headers,
      payload: { name: 'A lab that invites me', visibility: 'private' },
    });
    const otherId = (other.json() as { id: string }).id;
    await t.app.inject({
      method: 'POST',
      url: `/api/spaces/${otherId}/invitations`,
      headers: inviter.headers,
      payload: { email: p.email, role: 'observer' },
    });
    const invited = PersonalDataExport.parse(
      (await t.app.inject({ url: '/api/me/export', headers: { cookie: p.cookie } })).json(),
    );
    expect(invited.spaceInvitations).toEqual([
      expect.objectContaining({
        spaceId: otherId,
        spaceName: 'A lab that invites me',
        role: 'observer',
      }),
    ]);
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(data.auditTrail.map((a) => a.action)).toEqual(
      expect.arrayContaining(['user.create', 'organisation.create']),
    );
    expect(JSON.stringify(data)).not.toMatch(/argon2|csrf|token_hash/i);
    expect((await t.app.inject({ url: '/api/me/export' })).statusCode).toBe(401);
  });
});

describe('GET /api/me/organisations', () => {
  it('lists the organisations I belong to with my role, and only mine', async () => {
    const p = await signUp(t.app, { name: 'Member Me' });
    const other = await signUp(t.app, { name: 'Not Me' });
    const org = await makeOrganisation(t.app, p, { name: 'My Own Org' });
    await makeOrganisation(t.app, other, { name: 'Somebody Else' });
    const res = await t.app.inject({ url: '/api/me/organisations', headers: { cookie: p.cookie } });
    expect(res.statusCode).toBe(200);
    expect(MembershipList.parse(res.json()).items).toEqual([
      expect.objectContaining({
        organisationId: org.id,
        organisationName: 'My Own Org',
        role: 'owner',
      }),
    ]);
    expect((await t.app.inject({ url: '/api/me/organisations' })).statusCode).toBe(401);
  });
});

describe('POST /api/me/delete', () => {
  it('erases personal data, keeps authored content under a pseudonym, and ends the sessions', async () => {
    const p = await signUp(t.app, { name: 'Erase Me' });
    const org = await makeOrganisation(t.app, p, { name: 'Stays Behind' });
    const co = await signUp(t.app);
    await t.app.inject({
      method: 'POST',
      url: `/api/organisations/${org.id}/members`,
      headers: p.headers,
      payload: { email: co.email, role: 'owner' },
    });
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/me/delete',
      headers: p.headers,
      payload: { password: 'not my password' },
    });
    expect(wrong.statusCode).toBe(400);

    const res = await t.app.inject({
      method: 'POST',
      url: '/api/me/delete',
      headers: p.headers,
      payload: { password: p.password },
    });
    expect(res.statusCode).toBe(204);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, p.id));
    expect(row).toMatchObject({ email: null, passwordHash: null });
    expect(row?.name).toMatch(/^Former member [0-9a-f]{8}$/);
    expect(row?.erasedAt).toBeInstanceOf(Date);
    const [o] = await t.database.db
      .select()
      .from(organisations)
      .where(eq(organisations.id, org.id));
    expect(o?.createdBy).toBe(p.id);
    const trail = await t.database.db.select().from(auditLog).where(eq(auditLog.actorId, p.id));
    expect(trail.length).toBeGreaterThan(0);
    expect(JSON.stringify(trail.map((e) => e.details))).not.toContain(p.email);
    expect((await t.app.inject({ url: '/api/me', headers: { cookie: p.cookie } })).statusCode).toBe(
      401,
    );
    await expect(signIn(t.app, p.email, p.password)).rejects.toThrow(/401/);
    // The e-mail address is free again.
    await signUp(t.app, { email: p.email });
  });

  it('refuses while the person is the last owner of an organisation', async () => {
    const p = await signUp(t.app);
    await makeOrganisation(t.app, p);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/me/delete',
      headers: p.headers,
      payload: { password: p.password },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('last_owner');
    expect((await t.app.inject({ url: '/api/me', headers: { cookie: p.cookie } })).statusCode).toBe(
      200,
    );
  });
});

describe('PATCH /api/me', () => {
  it('remembers the language choice', async () => {
    const p = await signUp(t.app);
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: p.headers,
      payload: { locale: 'nl' },
    });
    expect(res.statusCode).toBe(200);
    const session = await t.app.inject({ url: '/api/session', headers: { cookie: p.cookie } });
    expect(session.json().user.locale).toBe('nl');
    const bad = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: p.headers,
      payload: { locale: 'fr' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('locale');
  });
});
