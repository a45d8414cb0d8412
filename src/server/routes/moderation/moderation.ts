import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ModerationDecision,
  ModerationQueue,
  PremoderationSetting,
  ReportCreate,
} from '../../../shared/moderation.ts';
import { requireViewer } from '../../auth/plugin.ts';
import {
  hideContent,
  moderationQueue,
  reportContent,
  restoreContent,
  setPremoderation,
} from '../../commands/moderation.ts';

const tags = ['moderation'];

export async function moderationRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = app.database;

  app.post(
    '/reports',
    {
      schema: {
        tags,
        summary: 'Report content to the moderators, with a reason (once per person)',
        body: ReportCreate,
      },
    },
    async (request, reply) => {
      await reportContent(db, requireViewer(request), request.body);
      return reply.status(204).send();
    },
  );

  app.get(
    '/moderation/queue',
    {
      schema: {
        tags,
        summary: 'Reported content and needs awaiting approval (moderators)',
        response: { 200: ModerationQueue },
      },
    },
    async (request) => ({ items: await moderationQueue(db, requireViewer(request)) }),
  );

  app.post(
    '/moderation/hide',
    {
      schema: {
        tags,
        summary: 'Hide content, with a justification its author sees (moderators)',
        body: ModerationDecision,
      },
    },
    async (request, reply) => {
      await hideContent(db, requireViewer(request), request.body);
      return reply.status(204).send();
    },
  );

  app.post(
    '/moderation/restore',
    {
      schema: {
        tags,
        summary: 'Restore hidden content, or approve a need awaiting approval (moderators)',
        body: ModerationDecision,
      },
    },
    async (request, reply) => {
      await restoreContent(db, requireViewer(request), request.body);
      return reply.status(204).send();
    },
  );

  app.put(
    '/organisations/:id/premoderation',
    {
      schema: {
        tags,
        summary:
          'Require (or not) a moderator’s approval of needs this organisation is made responsible for (its owners and admins)',
        params: z.strictObject({ id: z.uuid() }),
        body: PremoderationSetting,
        response: { 200: PremoderationSetting },
      },
    },
    async (request) =>
      setPremoderation(db, requireViewer(request), request.params.id, request.body.required),
  );
}
