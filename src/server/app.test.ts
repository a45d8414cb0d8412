import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApp, signUp, type TestApp } from '../../test/helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await makeApp();
});
afterAll(async () => {
  await t.close();
});

describe('the HTTP surface', () => {
  it('answers /api/health and /api/ready', async () => {
    expect((await t.app.inject({ url: '/api/health' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ url: '/api/ready' })).json()).toMatchObject({ status: 'ready' });
  });

  it('sends security headers with a strict CSP and a request id', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unknown API route with 404 in the error shape', async () => {
    const res = await t.app.inject({ url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: 'No such route.' } });
  });

  it('serves an OpenAPI 3.1 document generated from the schemas, and the docs page', async () => {
    const res = await t.app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/organisations',
        '/api/auth/sign-up',
        '/api/me/export',
        '/api/audit',
      ]),
    );
    const signUpBody =
      doc.paths['/api/auth/sign-up'].post.requestBody.content['application/json'].schema;
    expect(signUpBody.required).toEqual(expect.arrayContaining(['name', 'email', 'password']));
    expect(signUpBody.additionalProperties).toBe(false);
    const docs = await t.app.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });

  it('keeps stack traces and SQL out of error bodies', async () => {
    const p = await signUp(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: p.headers,
      payload: { name: "x'); drop table users; --", kind: 'company', country: 'NL', sector: '11' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toMatch(/at .*\.ts:\d+|select |insert into|node_modules/i);
  });

  it('compresses large answers for clients that accept it', async () => {
    const res = await t.app.inject({
      url: '/api/openapi.json',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.headers['content-encoding']).toBe('gzip');
  });

  it('serves robots.txt', async () => {
    const res = await t.app.inject({ url: '/robots.txt' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('User-agent: *');
  });
});

describe('text the database cannot store', () => {
  it('refuses a NUL character or a lone surrogate with 400 naming the field, and stores nothing', async () => {
    const p = await signUp(t.app);
    for (const name of ['a\u0000b', 'a\uD800b']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/organisations',
        headers: p.headers,
        payload: { name, kind: 'company', country: 'NL' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details).toEqual([
        { path: 'name', message: 'contains a NUL character or invalid Unicode' },
      ]);
    }
    const search = await t.app.inject({ url: '/api/organisations?q=%00' });
    expect(search.statusCode).toBe(400);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: p.headers,
      payload: { name: 'Ålesund 🚲 kommune', kind: 'public_body', country: 'NO' },
    });
    expect(ok.statusCode).toBe(201);
  });
});
