/**
 * The outbox worker's steps. `claim` takes due rows with `FOR UPDATE SKIP LOCKED` and gives each
 * a lease, in one statement: two instances never claim the same row. A row whose sender died
 * mid-way is claimed again once its lease has run out — so only a message in flight during a
 * crash can ever be sent twice.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rows } from '../db/rows.ts';

export type OutboxRow = {
  id: number;
  type: 'email' | 'digest';
  payload: Record<string, string>;
  attempts: number;
};

/** After this many failed attempts a message is abandoned. */
export const MAX_ATTEMPTS = 8;

export async function claim(db: Db, limit: number, leaseMs: number): Promise<OutboxRow[]> {
  return rows<OutboxRow>(
    db,
    sql`update outbox
        set lease_until = now() + ${`${Math.round(leaseMs)} milliseconds`}::interval,
            attempts = attempts + 1
        where id in (
          select id from outbox
          where sent_at is null and abandoned_at is null and available_at <= now()
            and (lease_until is null or lease_until < now())
          order by id
          limit ${limit}
          for update skip locked)
        returning id, type, payload, attempts`,
  );
}

export async function markSent(db: Db, id: number) {
  await db.execute(sql`update outbox set sent_at = now(), lease_until = null where id = ${id}`);
}

export async function markAbandoned(db: Db, id: number, reason: string) {
  await db.execute(
    sql`update outbox set abandoned_at = now(), lease_until = null, last_error = ${reason} where id = ${id}`,
  );
}

/** A failure: tried again after 2^attempts minutes, up to MAX_ATTEMPTS. */
export async function markFailed(db: Db, row: OutboxRow, error: string) {
  if (row.attempts >= MAX_ATTEMPTS) return markAbandoned(db, row.id, error);
  const waitMinutes = 2 ** Math.min(row.attempts, 10);
  await db.execute(
    sql`update outbox set lease_until = null, last_error = ${error.slice(0, 1000)},
          available_at = now() + ${`${waitMinutes} minutes`}::interval
        where id = ${row.id}`,
  );
}
