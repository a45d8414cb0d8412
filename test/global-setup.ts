import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/server/db/client.ts';
import { adminDatabaseUrl, databaseUrlFor } from './postgres-url.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
    postgresPrefix: string;
  }
}

/**
 * Migrates one template database per run (a PGlite folder, or a PostgreSQL template database);
 * every test file then gets a fresh copy of it, and the copies are dropped at the end.
 */
export default async function setup(project: TestProject) {
  const engine = project.name === 'server-postgres' ? 'postgres' : 'pglite';
  if (engine === 'pglite') {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'connective-tpl-'));
    const database = await openDatabase({ dataDir: root });
    await database.migrate();
    await database.close();
    project.provide('pgliteTemplate', root);
    return () => fs.rmSync(root, { recursive: true, force: true });
  }
  const admin = adminDatabaseUrl();
  const prefix = `connective_t${Date.now().toString(36)}${process.pid}_`;
  const template = `${prefix}tpl`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${template}`);
  await client.end();
  const database = await openDatabase({
    dataDir: '',
    databaseUrl: databaseUrlFor(admin, template),
  });
  await database.migrate();
  await database.close();
  project.provide('postgresTemplate', template);
  project.provide('postgresPrefix', prefix);
  return async () => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    const { rows } = await c.query<{ datname: string }>(
      'select datname from pg_database where datname like $1',
      [`${prefix}%`],
    );
    for (const { datname } of rows)
      await c.query(`drop database if exists ${datname} with (force)`);
    await c.end();
  };
}
