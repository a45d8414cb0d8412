import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AllocationRequest,
  CompleteRequest,
  Decision,
  DecisionCreate,
  Experiment,
  ExperimentCreate,
  ExperimentList,
  ExperimentUpdate,
  Lesson,
  LessonList,
  LessonsQuery,
  OutcomesUpload,
  PublicationPreview,
  PublishRequest,
  StopRequest,
} from '../../../shared/havens.ts';
import { requireViewer } from '../../auth/plugin.ts';
import {
  addDecision,
  allocateExperiment,
  completeExperiment,
  createExperiment,
  experimentAllocationCsv,
  getExperiment,
  listExperiments,
  startExperiment,
  stopExperiment,
  updateExperiment,
  uploadOutcomes,
} from '../../commands/experiments.ts';
import {
  getLesson,
  listLessons,
  publicationPreview,
  publishExperiment,
  withdrawLesson,
} from '../../commands/lessons.ts';

const tags = ['experiments'];
const IdParams = z.strictObject({ id: z.uuid() });
/** Outcome files and allocation lists may be large. */
const DATA_BODY_LIMIT = 25 * 1024 * 1024;

export async function experimentRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = app.database;

  app.get(
    '/spaces/:id/experiments',
    {
      schema: {
        tags,
        summary: 'The experiments of a space (whoever may read the space)',
        params: IdParams,
        response: { 200: ExperimentList },
      },
    },
    async (request) => ({ items: await listExperiments(db, request.viewer, request.params.id) }),
  );

  app.post(
    '/spaces/:id/experiments',
    {
      schema: {
        tags,
        summary: 'Register an experiment in a space (owners and members)',
        params: IdParams,
        body: ExperimentCreate,
        response: { 201: Experiment },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createExperiment(db, requireViewer(request), request.params.id, request.body)),
  );

  app.get(
    '/experiments/:id',
    {
      schema: {
        tags,
        summary: 'An experiment with its amendments, decisions, allocation, outcomes and analysis',
        params: IdParams,
        response: { 200: Experiment },
      },
    },
    async (request) => getExperiment(db, request.viewer, request.params.id),
  );

  app.patch(
    '/experiments/:id',
    {
      schema: {
        tags,
        summary:
          'Change an experiment; after the start a plan change needs amendmentReason and is kept as an amendment',
        params: IdParams,
        body: ExperimentUpdate,
        response: { 200: Experiment },
      },
    },
    async (request) =>
      updateExperiment(db, requireViewer(request), request.params.id, request.body),
  );

  app.post(
    '/experiments/:id/start',
    {
      schema: {
        tags,
        summary:
          'Start a planned experiment: freezes the plan (409 without hypothesis or success criterion)',
        params: IdParams,
        response: { 200: Experiment },
      },
    },
    async (request) => startExperiment(db, requireViewer(request), request.params.id),
  );

  app.post(
    '/experiments/:id/stop',
    {
      schema: {
        tags,
        summary: 'Stop an experiment early, with the reason',
        params: IdParams,
        body: StopRequest,
        response: { 200: Experiment },
      },
    },
    async (request) =>
      stopExperiment(db, requireViewer(request), request.params.id, request.body.reason),
  );

  app.post(
    '/experiments/:id/complete',
    {
      schema: {
        tags,
        summary: 'Complete a running experiment with its result',
        params: IdParams,
        body: CompleteRequest,
        response: { 200: Experiment },
      },
    },
    async (request) =>
      completeExperiment(db, requireViewer(request), request.params.id, request.body.result),
  );

  app.post(
    '/experiments/:id/allocation',
    {
      bodyLimit: DATA_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Randomly assign units to the arms, reproducibly for a seed',
        params: IdParams,
        body: AllocationRequest,
        response: { 200: Experiment },
      },
    },
    async (request) =>
      allocateExperiment(db, requireViewer(request), request.params.id, request.body),
  );

  app.get(
    '/experiments/:id/allocation.csv',
    {
      schema: {
        tags,
        summary: 'The allocation list as CSV',
        params: IdParams,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const { csv } = await experimentAllocationCsv(db, request.viewer, request.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="allocation-${request.params.id.slice(0, 8)}.csv"`,
        )
        .send(csv);
    },
  );

  app.post(
    '/experiments/:id/outcomes',
    {
      bodyLimit: DATA_BODY_LIMIT,
      schema: {
        tags,
        summary:
          'Upload the outcome data (CSV unit,arm,value): replaces earlier data; a bad file is refused with its line and column',
        params: IdParams,
        body: OutcomesUpload,
        response: { 200: Experiment },
      },
    },
    async (request) =>
      uploadOutcomes(db, requireViewer(request), request.params.id, request.body.csv),
  );

  app.post(
    '/experiments/:id/decisions',
    {
      schema: {
        tags,
        summary: 'Add to the decision log',
        params: IdParams,
        body: DecisionCreate,
        response: { 201: Decision },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addDecision(db, requireViewer(request), request.params.id, request.body.text)),
  );

  app.get(
    '/experiments/:id/publication',
    {
      schema: {
        tags,
        summary: 'Preview exactly what publishing would make public (owners); stores nothing',
        params: IdParams,
        querystring: z.strictObject({ anonymise: z.enum(['true', 'false']).default('false') }),
        response: { 200: PublicationPreview },
      },
    },
    async (request) => ({
      lesson: await publicationPreview(
        db,
        requireViewer(request),
        request.params.id,
        request.query.anonymise === 'true',
      ),
    }),
  );

  app.post(
    '/experiments/:id/publication',
    {
      schema: {
        tags,
        summary: 'Publish a completed or stopped experiment to the lessons library (owners)',
        params: IdParams,
        body: PublishRequest,
        response: { 201: Lesson },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await publishExperiment(
            db,
            requireViewer(request),
            request.params.id,
            request.body.anonymise,
          ),
        ),
  );

  app.delete(
    '/experiments/:id/publication',
    {
      schema: { tags, summary: 'Withdraw the lesson from the library (owners)', params: IdParams },
    },
    async (request, reply) => {
      await withdrawLesson(db, requireViewer(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/lessons',
    {
      schema: {
        tags: ['lessons'],
        summary: 'The lessons library: published experiments, failures included, with facet counts',
        querystring: LessonsQuery,
        response: { 200: LessonList },
      },
    },
    async (request) => listLessons(db, request.query),
  );

  app.get(
    '/lessons/:id',
    {
      schema: {
        tags: ['lessons'],
        summary: 'A lesson of the library',
        params: IdParams,
        response: { 200: Lesson },
      },
    },
    async (request) => getLesson(db, request.params.id),
  );
}
