import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditPage, AuditQuery } from '../../../shared/audit.ts';
import { requireViewer } from '../../auth/plugin.ts';
import { forbidden } from '../../errors.ts';
import { listAudit } from '../../commands/audit-query.ts';
import { presentAuditEntry } from '../../presenters/audit.ts';

export async function auditRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = app.database;
  app.get(
    '/audit',
    {
      schema: {
        tags: ['admin'],
        summary: 'The audit log, newest first (platform admins)',
        querystring: AuditQuery,
        response: { 200: AuditPage },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      if (viewer.user.platformRole !== 'admin')
        throw forbidden('Only platform admins may read the audit log.');
      const page = await listAudit(db, request.query);
      return {
        items: page.items.map((r) => presentAuditEntry(r.entry, r.actorName)),
        nextCursor: page.nextCursor,
      };
    },
  );
}
