import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema/index.ts';
import { acquireDataDirLock } from './lock.ts';
import { PROJECT_ROOT } from '../paths.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle has the same query API as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Engine = 'pglite' | 'postgres';

export type Database = {
  db: Db;
  engine: Engine;
  /** A human description of where the data lives (no credentials). */
  location: string;
  /** Applies the committed migrations (idempotent). */
  migrate: () => Promise<void>;
  close: () => Promise<void>;
};

export type DatabaseOptions = {
  dataDir: string;
  databaseUrl?: string | undefined;
  poolSize?: number;
};

export const MIGRATIONS_FOLDER = path.join(PROJECT_ROOT, 'drizzle');

/** Removes the password from a connection string, for logs and messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

/**
 * Opens the database: PostgreSQL when a URL is given, otherwise PGlite in `dataDir/pglite`
 * under a lock file. PGlite is one session: it runs each statement and each transaction
 * exclusively (its own mutex), so concurrent requests never share a transaction.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      application_name: 'connective',
    });
    pool.on('error', () => {
      // An idle client lost its connection; the pool replaces it. Queries still report their errors.
    });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      engine: 'postgres',
      location: redactUrl(options.databaseUrl),
      // A session-level advisory lock on one connection keeps concurrent instances from racing.
      migrate: async () => {
        const conn = await pool.connect();
        try {
          await conn.query('select pg_advisory_lock(727274)');
          try {
            await migratePg(drizzlePg(conn, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
          } finally {
            await conn.query('select pg_advisory_unlock(727274)');
          }
        } finally {
          conn.release();
        }
      },
      close: () => pool.end(),
    };
  }
  fs.mkdirSync(options.dataDir, { recursive: true });
  const release = acquireDataDirLock(options.dataDir);
  try {
    const folder = path.join(options.dataDir, 'pglite');
    const client = await PGlite.create(folder);
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      db,
      engine: 'pglite',
      location: folder,
      migrate: () =>
        migratePglite(drizzlePglite(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER }),
      close: async () => {
        try {
          await client.close();
        } finally {
          release();
        }
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}
