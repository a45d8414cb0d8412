import type { SQL } from 'drizzle-orm';
import type { Db, Tx } from './client.ts';

/** The rows of a raw SQL query, on either engine (both drivers answer `{ rows }`). */
export async function rows<T>(db: Db | Tx, query: SQL): Promise<T[]> {
  const r = (await db.execute(query)) as unknown as { rows: T[] };
  return r.rows;
}
