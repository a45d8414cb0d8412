import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Need,
  NeedComment,
  NeedCommentCreate,
  NeedCreate,
  NeedList,
  NeedMerge,
  NeedReopen,
  NeedsQuery,
  NeedStatusChange,
  NeedSummary,
  NeedUpdate,
  Responsiveness,
  ResponsivenessRanking,
  SimilarQuery,
} from '../../../shared/needs.ts';
import { requireViewer } from '../../auth/plugin.ts';
import {
  addNeedComment,
  changeNeedStatus,
  createNeed,
  followNeed,
  getNeed,
  NeedListCache,
  mergeNeed,
  reopenNeed,
  similarNeeds,
  supportNeed,
  updateNeed,
  withdrawSupport,
} from '../../commands/needs.ts';
import {
  organisationResponsiveness,
  ResponsivenessCache,
  responsivenessRanking,
} from '../../commands/responsiveness.ts';

const tags = ['needs'];
const IdParams = z.strictObject({ id: z.uuid() });

export async function needRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = app.database;
  const figures = new ResponsivenessCache(app.config.responsivenessCacheSeconds * 1000);
  const lists = new NeedListCache(app.config.searchCacheSize);

  app.get(
    '/needs',
    {
      schema: {
        tags,
        summary: 'Needs, by supports or newest, with search and filters',
        querystring: NeedsQuery,
        response: { 200: NeedList },
      },
    },
    async (request) => lists.list(db, request.viewer, request.query),
  );

  app.get(
    '/needs/similar',
    {
      schema: {
        tags,
        summary: 'Needs like a title being typed, to avoid posting a duplicate',
        querystring: SimilarQuery,
        response: { 200: z.object({ items: z.array(NeedSummary) }) },
      },
    },
    async (request) => ({ items: await similarNeeds(db, request.viewer, request.query.title) }),
  );

  app.post(
    '/needs',
    { schema: { tags, summary: 'Post a need', body: NeedCreate, response: { 201: Need } } },
    async (request, reply) =>
      reply.status(201).send(await createNeed(db, requireViewer(request), request.body)),
  );

  app.get(
    '/needs/:id',
    {
      schema: {
        tags,
        summary: 'A need with its timeline and comments',
        params: IdParams,
        response: { 200: Need },
      },
    },
    async (request) => getNeed(db, request.viewer, request.params.id),
  );

  app.patch(
    '/needs/:id',
    {
      schema: {
        tags,
        summary: 'Change a need (its author while open, moderators)',
        params: IdParams,
        body: NeedUpdate,
        response: { 200: Need },
      },
    },
    async (request) => updateNeed(db, requireViewer(request), request.params.id, request.body),
  );

  app.post(
    '/needs/:id/support',
    { schema: { tags, summary: 'Support a need (once; 409 the second time)', params: IdParams } },
    async (request, reply) => {
      await supportNeed(db, requireViewer(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.delete(
    '/needs/:id/support',
    { schema: { tags, summary: 'Withdraw my support', params: IdParams } },
    async (request, reply) => {
      await withdrawSupport(db, requireViewer(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/needs/:id/follow',
    {
      schema: {
        tags,
        summary: 'Follow a need: hear of its answers and comments',
        params: IdParams,
      },
    },
    async (request, reply) => {
      await followNeed(db, requireViewer(request), request.params.id, true);
      return reply.status(204).send();
    },
  );

  app.delete(
    '/needs/:id/follow',
    { schema: { tags, summary: 'Stop following a need', params: IdParams } },
    async (request, reply) => {
      await followNeed(db, requireViewer(request), request.params.id, false);
      return reply.status(204).send();
    },
  );

  app.post(
    '/needs/:id/comments',
    {
      schema: {
        tags,
        summary: 'Comment on a need',
        params: IdParams,
        body: NeedCommentCreate,
        response: { 201: NeedComment },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addNeedComment(db, requireViewer(request), request.params.id, request.body.body),
        ),
  );

  app.post(
    '/needs/:id/status',
    {
      schema: {
        tags,
        summary:
          'Answer a need (members of the responsible organisation): acknowledged, being addressed, resolved or declined with a reason; out of order is a 409',
        params: IdParams,
        body: NeedStatusChange,
        response: { 200: Need },
      },
    },
    async (request) =>
      changeNeedStatus(
        db,
        requireViewer(request),
        request.params.id,
        request.body.status,
        request.body.reason || null,
      ),
  );

  app.post(
    '/needs/:id/reopen',
    {
      schema: {
        tags,
        summary: 'Open a resolved or declined need again, with a reason',
        params: IdParams,
        body: NeedReopen,
        response: { 200: Need },
      },
    },
    async (request) =>
      reopenNeed(db, requireViewer(request), request.params.id, request.body.reason),
  );

  app.post(
    '/needs/:id/merge',
    {
      schema: {
        tags,
        summary: 'Merge a duplicate into another need (moderators): supports and followers move',
        params: IdParams,
        body: NeedMerge,
        response: { 200: Need },
      },
    },
    async (request) => mergeNeed(db, requireViewer(request), request.params.id, request.body.into),
  );

  app.get(
    '/responsiveness',
    {
      schema: {
        tags,
        summary:
          'How responsive organisations are to needs: overall and per organisation (recomputed at most every RESPONSIVENESS_CACHE_SECONDS)',
        response: { 200: ResponsivenessRanking },
      },
    },
    async () => figures.get('overall', () => responsivenessRanking(db)),
  );

  app.get(
    '/organisations/:id/responsiveness',
    {
      schema: {
        tags,
        summary: 'How responsive one organisation is to the needs it is responsible for',
        params: IdParams,
        response: { 200: Responsiveness },
      },
    },
    async (request) =>
      figures.get(request.params.id, () => organisationResponsiveness(db, request.params.id)),
  );
}
