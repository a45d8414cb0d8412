import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeApp,
  makeOrganisation,
  setPlatformRole,
  signUp,
  type TestApp,
} from '../../../../test/helpers.ts';
import { AuditPage } from '../../../shared/audit.ts';

let t: TestApp;
beforeAll(async () => {
  t = await makeApp();
});
afterAll(async () => {
  await t.close();
});

describe('GET /api/audit', () => {
  it('records who did what to which ids, never secrets, and only admins read it', async () => {
    const p = await signUp(t.app, { password: 'a-secret-password-123' });
    const org = await makeOrganisation(t.app, p);
    await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: p.headers,
      payload: { name: 'New name' },
    });
    expect((await t.app.inject({ url: '/api/audit', headers: p.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/audit' })).statusCode).toBe(401);

    const admin = await signUp(t.app);
    await setPlatformRole(t.database, admin.id, 'admin');
    const res = await t.app.inject({ url: '/api/audit?limit=100', headers: admin.headers });
    expect(res.statusCode).toBe(200);
    const page = AuditPage.parse(res.json());
    const mine = page.items.filter((e) => e.actorId === p.id).map((e) => [e.action, e.targetId]);
    expect(mine).toEqual(
      expect.arrayContaining([
        ['user.create', p.id],
        ['organisation.create', org.id],
        ['user.update', p.id],
      ]),
    );
    expect(res.body).not.toContain('a-secret-password-123');
    expect(res.body).not.toMatch(/argon2/);
    const ids = page.items.map((e) => BigInt(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => (a > b ? -1 : 1)));
  });

  it('pages with a cursor and filters by action', async () => {
    const admin = await signUp(t.app);
    await setPlatformRole(t.database, admin.id, 'admin');
    const first = AuditPage.parse(
      (await t.app.inject({ url: '/api/audit?limit=2', headers: admin.headers })).json(),
    );
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = AuditPage.parse(
      (
        await t.app.inject({
          url: `/api/audit?limit=2&cursor=${first.nextCursor}`,
          headers: admin.headers,
        })
      ).json(),
    );
    expect(BigInt(second.items[0]!.id)).toBeLessThan(BigInt(first.items[1]!.id));
    const filtered = AuditPage.parse(
      (
        await t.app.inject({ url: '/api/audit?action=organisation.create', headers: admin.headers })
      ).json(),
    );
    expect(filtered.items.every((e) => e.action === 'organisation.create')).toBe(true);
    expect(
      (await t.app.inject({ url: '/api/audit?cursor=x', headers: admin.headers })).statusCode,
    ).toBe(400);
  });
});
