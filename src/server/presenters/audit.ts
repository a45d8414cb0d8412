import type { AuditEntry } from '../../shared/audit.ts';
import type { auditLog } from '../db/schema/index.ts';

export function presentAuditEntry(
  row: typeof auditLog.$inferSelect,
  actorName: string | null,
): AuditEntry {
  return {
    id: row.id.toString(),
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    details: row.details,
  } satisfies AuditEntry;
}
