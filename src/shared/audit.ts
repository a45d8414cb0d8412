import { z } from 'zod';
import { Limit, pageOf } from './pagination.ts';

export const AuditQuery = z.strictObject({
  action: z.string().max(100).optional(),
  actorId: z.uuid().optional(),
  limit: Limit,
  cursor: z.string().max(100).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditPage = pageOf(AuditEntry);
export type AuditPage = z.infer<typeof AuditPage>;
