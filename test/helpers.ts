import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { expect, inject } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/server/app.ts';
import { loadConfig, type Config } from '../src/server/config.ts';
import { openDatabase, type Database, type Engine } from '../src/server/db/client.ts';
import { adminDatabaseUrl, databaseUrlFor } from './postgres-url.ts';

export const engine: Engine = process.env.TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';

export type TestDatabase = Database & {
  dataDir: string;
  url: string | undefined;
  drop: () => Promise<void>;
};

let counter = 0;

/** A fresh database for one test file: a copy of the migrated template. */
export async function freshDatabase(): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'connective-test-'));
    fs.cpSync(path.join(inject('pgliteTemplate'), 'pglite'), path.join(dataDir, 'pglite'), {
      recursive: true,
    });
    const database = await openDatabase({ dataDir });
    return {
      ...database,
      dataDir,
      url: undefined,
      drop: async () => {
        await database.close().catch(() => undefined);
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const admin = adminDatabaseUrl();
  const name = `${inject('postgresPrefix')}${process.pid}_${++counter}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`create database ${name} template ${inject('postgresTemplate')}`);
  await c.end();
  const url = databaseUrlFor(admin, name);
  const database = await openDatabase({ dataDir: '', databaseUrl: url, poolSize: 5 });
  return {
    ...database,
    dataDir: '',
    url,
    drop: async () => {
      await database.close().catch(() => undefined);
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`drop database if exists ${name} with (force)`);
      await d.end();
    },
  };
}

export type TestApp = {
  app: FastifyInstance;
  database: TestDatabase;
  config: Config;
  close: () => Promise<void>;
};

/** The real app on a fresh database, for in-process HTTP tests (`app.inject`). */
export async function makeApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await freshDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: database.dataDir || '.',
    AUTH_RATE_LIMIT_PER_MINUTE: '10000',
    ...env,
  });
  const app = await buildApp({ config, database, logger: false });
  await app.ready();
  return {
    app,
    database,
    config,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/** A signed-in person in tests: the cookie and CSRF token to send. */
export type Agent = {
  id: string;
  email: string;
  name: string;
  password: string;
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
};

function sessionCookie(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'connective_session');
  if (!c) throw new Error(`no session cookie in response ${res.statusCode}: ${res.body}`);
  return `connective_session=${c.value}`;
}

let people = 0;

/** Signs up a new person through the API (factories build each test's own world). */
export async function signUp(
  app: FastifyInstance,
  over: Partial<{ name: string; email: string; password: string }> = {},
): Promise<Agent> {
  people += 1;
  const body = {
    name: over.name ?? `Person ${people}`,
    email: over.email ?? `person${people}-${Math.random().toString(36).slice(2, 8)}@example.org`,
    password: over.password ?? 'a-long-enough-password',
  };
  const res = await app.inject({ method: 'POST', url: '/api/auth/sign-up', payload: body });
  if (res.statusCode !== 201) throw new Error(`sign-up failed ${res.statusCode}: ${res.body}`);
  const json = res.json() as { user: { id: string }; csrfToken: string };
  const cookie = sessionCookie(res);
  return {
    id: json.user.id,
    email: body.email,
    name: body.name,
    password: body.password,
    cookie,
    csrf: json.csrfToken,
    headers: { cookie, 'x-csrf-token': json.csrfToken },
  };
}

export async function signIn(
  app: FastifyInstance,
  email: string,
  password: string,
): Promise<Agent> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email, password },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed ${res.statusCode}: ${res.body}`);
  const json = res.json() as { user: { id: string; name: string }; csrfToken: string };
  const cookie = sessionCookie(res);
  return {
    id: json.user.id,
    email,
    name: json.user.name,
    password,
    cookie,
    csrf: json.csrfToken,
    headers: { cookie, 'x-csrf-token': json.csrfToken },
  };
}

/** Makes a person a platform admin or moderator directly in the database. */
export async function setPlatformRole(
  database: Database,
  userId: string,
  role: 'admin' | 'moderator' | 'member',
) {
  const { users } = await import('../src/server/db/schema/index.ts');
  const { eq } = await import('drizzle-orm');
  await database.db.update(users).set({ platformRole: role }).where(eq(users.id, userId));
}

export async function makeOrganisation(
  app: FastifyInstance,
  owner: Agent,
  over: Record<string, unknown> = {},
): Promise<{ id: string; name: string }> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/organisations',
    headers: owner.headers,
    payload: {
      name: `Organisation ${Math.random().toString(36).slice(2, 8)}`,
      kind: 'public_body',
      country: 'NL',
      level: 'local',
      ...over,
    },
  });
  if (res.statusCode !== 201)
    throw new Error(`create organisation failed ${res.statusCode}: ${res.body}`);
  return res.json() as { id: string; name: string };
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A request as a person (or anonymously, with null), with an optional JSON body. */
export function caller(app: FastifyInstance) {
  return (who: Agent | null, method: Method, url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      ...(who ? { headers: who.headers } : {}),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
}

/** A request that must succeed (2xx, or the test fails with the body): its JSON, if any. */
export async function succeed<T>(
  app: FastifyInstance,
  ...args: Parameters<ReturnType<typeof caller>>
): Promise<T> {
  const res = await caller(app)(...args);
  expect(res.statusCode, res.body).toBeLessThan(300);
  return (res.statusCode === 204 ? undefined : res.json()) as T;
}

/** Row counts of every table: a 4xx must leave them unchanged. */
export async function rowCounts(database: Database): Promise<Record<string, number>> {
  const { sql } = await import('drizzle-orm');
  const tables = [
    'users',
    'sessions',
    'organisations',
    'organisation_members',
    'join_requests',
    'audit_log',
    'cases',
    'case_countries',
    'case_partners',
    'case_sections',
    'case_outcomes',
    'case_resources',
    'case_tags',
    'case_codes',
    'case_deletions',
    'qca_analyses',
    'adoptions',
    'spaces',
    'space_members',
    'space_access_log',
    'space_invitations',
    'experiments',
    'experiment_amendments',
    'experiment_decisions',
    'lessons',
    'notifications',
    'outbox',
    'needs',
    'initiatives',
    'exchange_items',
    'exchange_pledges',
    'exchange_pledge_events',
    'groups',
    'group_members',
    'group_join_requests',
    'group_invitations',
    'group_threads',
    'group_posts',
    'group_post_revisions',
    'group_decisions',
    'group_votes',
    'group_meetings',
    'group_agenda_items',
    'group_rsvps',
    'group_actions',
    'group_files',
    'group_library_items',
  ];
  const out: Record<string, number> = {};
  for (const t of tables) {
    const r = await database.db.execute(sql.raw(`select count(*)::int as n from ${t}`));
    const rows = (r as unknown as { rows: { n: number }[] }).rows;
    out[t] = rows[0]?.n ?? -1;
  }
  return out;
}
