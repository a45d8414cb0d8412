import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rScript } from '../../../core/qca/r-script.ts';
import {
  AnalysisCreate,
  AnalysisList,
  CaseDataSetRequest,
  QCA_TIME_LIMIT_MS,
  QcaDataSet,
  QcaParams,
  QcaReport,
  QcaRunRequest,
  SavedAnalysis,
} from '../../../shared/qca.ts';
import { requireViewer } from '../../auth/plugin.ts';
import {
  caseDataSet,
  dataSetCsv,
  deleteAnalysis,
  getAnalysis,
  listMyAnalyses,
  saveAnalysis,
} from '../../commands/qca.ts';
import { QcaRunner } from '../../qca/runner.ts';

const IdParams = z.strictObject({ id: z.uuid() });
const tags = ['qca'];
/** Data sets can be large: up to 10 000 cases of up to 30 columns. */
const DATA_BODY_LIMIT = 8 * 1024 * 1024;
const ScriptRequest = z.strictObject({
  title: z.string().trim().max(200).default('Connective QCA analysis'),
  data: QcaDataSet,
  params: QcaParams,
});

export async function qcaRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = app.database;
  const runner = new QcaRunner();
  app.addHook('onClose', async () => runner.close());

  app.post(
    '/qca/dataset',
    {
      schema: {
        tags,
        summary: 'A crisp data set from the published cases matching a case search',
        description:
          'One row per case, one 0/1 column per set: drivers or barriers coded for a factor, governance tradition, sector, level, resources shared, innovation type, citizen role, experimentation, maturity, evidence of outcomes.',
        body: CaseDataSetRequest,
        response: { 200: QcaDataSet },
      },
    },
    async (request) => caseDataSet(db, app.caseIndex, request.body),
  );

  app.post(
    '/qca/run',
    {
      bodyLimit: DATA_BODY_LIMIT,
      schema: {
        tags,
        summary:
          'Run an analysis: calibration, necessity, truth table and minimisation (as R QCA), in a worker thread',
        description: `Signed-in people only. Stopped after ${QCA_TIME_LIMIT_MS / 1000} s (408); closing the request cancels it.`,
        body: QcaRunRequest,
        response: { 200: QcaReport },
      },
    },
    async (request, reply) => {
      requireViewer(request);
      const abort = new AbortController();
      // The client gave up (the Cancel button, a closed tab): the response closes unfinished.
      reply.raw.once('close', () => {
        if (!reply.raw.writableFinished) abort.abort();
      });
      return runner.run(request.body, { timeoutMs: QCA_TIME_LIMIT_MS, signal: abort.signal });
    },
  );

  app.post(
    '/qca/script',
    {
      bodyLimit: DATA_BODY_LIMIT,
      schema: {
        tags,
        summary: 'An R script that reproduces an analysis with the QCA package',
        body: ScriptRequest,
        produces: ['text/plain'],
      },
    },
    async (request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .header('content-disposition', 'attachment; filename="connective-qca.R"')
        .send(
          rScript(request.body.data, request.body.params, {
            title: request.body.title,
            generatedAt: new Date().toISOString(),
          }),
        ),
  );

  app.post(
    '/qca/analyses',
    {
      bodyLimit: DATA_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Save an analysis (its parameters and a snapshot of its data) under a link',
        body: AnalysisCreate,
        response: { 201: SavedAnalysis },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const row = await saveAnalysis(db, viewer, request.body);
      const saved = await getAnalysis(db, viewer, row.id);
      return reply.status(201).send(presentAnalysis(saved));
    },
  );

  app.get(
    '/qca/analyses',
    {
      schema: { tags, summary: 'Your saved analyses', response: { 200: AnalysisList } },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const items = await listMyAnalyses(db, viewer);
      return {
        items: items.map((a) => ({
          id: a.id,
          title: a.title,
          createdAt: a.createdAt.toISOString(),
          cases: a.data.rows.length,
        })),
      };
    },
  );

  app.get(
    '/qca/analyses/:id',
    {
      schema: {
        tags,
        summary: 'A saved analysis (anyone with the link)',
        params: IdParams,
        response: { 200: SavedAnalysis },
      },
    },
    async (request) => presentAnalysis(await getAnalysis(db, request.viewer, request.params.id)),
  );

  app.delete(
    '/qca/analyses/:id',
    {
      schema: {
        tags,
        summary: 'Delete a saved analysis (its owner or a moderator)',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      await deleteAnalysis(db, viewer, request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/qca/analyses/:id/script.R',
    {
      schema: {
        tags,
        summary: 'The R script that reproduces a saved analysis',
        params: IdParams,
        produces: ['text/plain'],
      },
    },
    async (request, reply) => {
      const { a } = await getAnalysis(db, request.viewer, request.params.id);
      return reply
        .type('text/plain; charset=utf-8')
        .header('content-disposition', `attachment; filename="connective-qca-${a.id}.R"`)
        .send(
          rScript(a.data, a.params, {
            title: a.title,
            generatedAt: new Date().toISOString(),
            url: `/qca/analyses/${a.id}`,
          }),
        );
    },
  );

  app.get(
    '/qca/analyses/:id/data.csv',
    {
      schema: {
        tags,
        summary: 'The data of a saved analysis as CSV',
        params: IdParams,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const { a } = await getAnalysis(db, request.viewer, request.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="connective-qca-${a.id}.csv"`)
        .send(dataSetCsv(a.data));
    },
  );
}

function presentAnalysis(x: Awaited<ReturnType<typeof getAnalysis>>): SavedAnalysis {
  return {
    id: x.a.id,
    title: x.a.title,
    description: x.a.description,
    data: x.a.data,
    params: x.a.params,
    owner: x.a.ownerId ? { id: x.a.ownerId, name: x.ownerName ?? '' } : null,
    canDelete: x.canDelete,
    createdAt: x.a.createdAt.toISOString(),
  } satisfies SavedAnalysis;
}
