import type { Db, Tx } from '../db/client.ts';
import { auditLog } from '../db/schema/index.ts';

export type AuditRecord = {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  /** Ids and field names only: never passwords, tokens or message bodies. */
  details?: Record<string, unknown>;
};

/** Records a write in the audit log; call it inside the same transaction as the write. */
export async function recordAudit(db: Db | Tx, entry: AuditRecord): Promise<void> {
  await db.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    details: entry.details ?? {},
  });
}
