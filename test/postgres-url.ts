/** The PostgreSQL server the tests use: TEST_DATABASE_URL, else the local server on 127.0.0.1:5432. */
export function adminDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
}

/** The same server and credentials, another database. */
export function databaseUrlFor(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
