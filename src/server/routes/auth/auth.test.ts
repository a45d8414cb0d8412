import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApp, rowCounts, signIn, signUp, type TestApp } from '../../../../test/helpers.ts';
import { ARGON2_OPTIONS } from '../../auth/passwords.ts';
import { users } from '../../db/schema/index.ts';
import { eq } from 'drizzle-orm';

let t: TestApp;
beforeAll(async () => {
  t = await makeApp();
});
afterAll(async () => {
  await t.close();
});

describe('POST /api/auth/sign-up', () => {
  it('creates an account, signs in with an httpOnly SameSite=Lax cookie and stores an argon2id hash', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { name: 'Anna', email: 'Anna@Example.org', password: 'correct horse battery' },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.user).toMatchObject({
      name: 'Anna',
      email: 'anna@example.org',
      platformRole: 'member',
    });
    expect(body.user.passwordHash).toBeUndefined();
    expect(typeof body.csrfToken).toBe('string');
    const cookie = res.cookies.find((c) => c.name === 'connective_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    const [row] = await t.database.db
      .select()
      .from(users)
      .where(eq(users.email, 'anna@example.org'));
    expect(row?.passwordHash).toMatch(
      new RegExp(
        `^\\$argon2id\\$v=19\\$m=${ARGON2_OPTIONS.memoryCost},t=${ARGON2_OPTIONS.timeCost},p=${ARGON2_OPTIONS.parallelism}\\$`,
      ),
    );
  });

  it('marks the cookie Secure behind HTTPS', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { name: 'Bea', email: 'bea@example.org', password: 'correct horse battery' },
    });
    // TRUST_PROXY is off in tests, so a forwarded header alone must not make it Secure…
    expect(res.cookies.find((c) => c.name === 'connective_session')?.secure).toBeFalsy();
    const proxied = await makeApp({ TRUST_PROXY: '1' });
    try {
      const r2 = await proxied.app.inject({
        method: 'POST',
        url: '/api/auth/sign-up',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { name: 'Bea', email: 'bea@example.org', password: 'correct horse battery' },
      });
      expect(r2.cookies.find((c) => c.name === 'connective_session')?.secure).toBe(true);
    } finally {
      await proxied.close();
    }
  });

  it('rejects a short password and unknown fields with field paths, and changes nothing', async () => {
    const before = await rowCounts(t.database);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { name: 'X', email: 'not-an-email', password: 'short', admin: true },
    });
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.code).toBe('validation');
    const paths = err.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual(['admin', 'email', 'password']);
    expect(await rowCounts(t.database)).toEqual(before);
  });

  it('answers 409 for an e-mail address already in use, whatever its case', async () => {
    await signUp(t.app, { email: 'taken@example.org' });
    const before = await rowCounts(t.database);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { name: 'Y', email: 'TAKEN@example.org', password: 'another long password' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('email_taken');
    expect(await rowCounts(t.database)).toEqual(before);
  });
});

describe('POST /api/auth/sign-in', () => {
  it('gives the same generic answer for an unknown e-mail and a wrong password', async () => {
    const p = await signUp(t.app);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: p.email, password: 'not the password!' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'nobody@example.org', password: 'not the password!' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('issues a new session token at every sign-in', async () => {
    const p = await signUp(t.app);
    const a = await signIn(t.app, p.email, p.password);
    const b = await signIn(t.app, p.email, p.password);
    expect(new Set([p.cookie, a.cookie, b.cookie]).size).toBe(3);
  });
});

describe('sessions', () => {
  it('revokes the session at sign-out', async () => {
    const p = await signUp(t.app);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: p.headers,
    });
    expect(out.statusCode).toBe(204);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: p.cookie } });
    expect(me.statusCode).toBe(401);
    const session = await t.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: p.cookie },
    });
    expect(session.json()).toEqual({ user: null, csrfToken: null });
  });

  it('rejects a cookie-authenticated write without the CSRF token, or with a wrong one', async () => {
    const p = await signUp(t.app);
    const before = await rowCounts(t.database);
    const none = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { cookie: p.cookie },
      payload: { name: 'Changed' },
    });
    expect(none.statusCode).toBe(403);
    expect(none.json().error.code).toBe('csrf');
    const wrong = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { cookie: p.cookie, 'x-csrf-token': 'x'.repeat(43) },
      payload: { name: 'Changed' },
    });
    expect(wrong.statusCode).toBe(403);
    expect(await rowCounts(t.database)).toEqual(before);
    const ok = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: p.headers,
      payload: { name: 'Changed' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().name).toBe('Changed');
  });

  it('ends every other session when the password changes', async () => {
    const p = await signUp(t.app);
    const other = await signIn(t.app, p.email, p.password);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: p.headers,
      payload: { currentPassword: 'not it at all', newPassword: 'a brand new password' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].path).toBe('currentPassword');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: p.headers,
      payload: { currentPassword: p.password, newPassword: 'a brand new password' },
    });
    expect(res.statusCode).toBe(204);
    expect(
      (await t.app.inject({ url: '/api/me', headers: { cookie: other.cookie } })).statusCode,
    ).toBe(401);
    expect((await t.app.inject({ url: '/api/me', headers: { cookie: p.cookie } })).statusCode).toBe(
      200,
    );
    await signIn(t.app, p.email, 'a brand new password');
  });
});

describe('rate limits', () => {
  it('answers 429 in the error shape after too many sign-in attempts, then recovers', async () => {
    const limited = await makeApp({
      AUTH_RATE_LIMIT_PER_MINUTE: '3',
      AUTH_RATE_LIMIT_WINDOW_SECONDS: '2',
    });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await limited.app.inject({
          method: 'POST',
          url: '/api/auth/sign-in',
          payload: { email: 'x@example.org', password: 'wrong password' },
        });
        codes.push(r.statusCode);
        if (r.statusCode === 429) expect(r.json().error.code).toBe('rate_limited');
      }
      expect(codes).toEqual([401, 401, 401, 429, 429]);
      await new Promise((r) => setTimeout(r, 2100));
      const after = await limited.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: 'x@example.org', password: 'wrong password' },
      });
      expect(after.statusCode).toBe(401);
    } finally {
      await limited.close();
    }
  });
});
