import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { AuditQuery } from '../../shared/audit.ts';
import type { Db } from '../db/client.ts';
import { auditLog, users } from '../db/schema/index.ts';
import { badRequest } from '../errors.ts';

/** Newest first, keyset-paginated on the id. */
export async function listAudit(db: Db, query: AuditQuery) {
  const where: SQL[] = [];
  if (query.action) where.push(eq(auditLog.action, query.action));
  if (query.actorId) where.push(eq(auditLog.actorId, query.actorId));
  if (query.cursor) {
    if (!/^\d{1,19}$/.test(query.cursor)) {
      throw badRequest('Invalid cursor.', [
        { path: 'cursor', message: 'is not a cursor this API gave out' },
      ]);
    }
    where.push(lt(auditLog.id, BigInt(query.cursor)));
  }
  const rows = await db
    .select({ entry: auditLog, actorName: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(query.limit + 1);
  const hasMore = rows.length > query.limit;
  const items = hasMore ? rows.slice(0, query.limit) : rows;
  const last = items[items.length - 1];
  return { items, nextCursor: hasMore && last ? last.entry.id.toString() : null };
}
