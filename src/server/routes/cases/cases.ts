import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Agreement,
  AgreementQuery,
  CaseCode,
  CaseCreate,
  CaseDetail,
  CaseFilters,
  CaseSearchQuery,
  CaseSearchResult,
  CaseUpdate,
  CodeCreate,
  CoderList,
  Comparison,
  ExportQuery,
  MyCases,
  SimilarCases,
} from '../../../shared/cases.ts';
import { requireViewer } from '../../auth/plugin.ts';
import {
  addCode,
  caseDetail,
  codingAgreement,
  compareCases,
  createCase,
  deleteCase,
  listCoders,
  matchingCaseIds,
  myCases,
  removeCode,
  searchCases,
  similarCases,
  updateCase,
} from '../../commands/cases.ts';
import { codebookCsv, exportCasesCsv, exportCasesJson } from '../../commands/case-exchange.ts';
import { presentCase, presentCode } from '../../presenters/case.ts';

const IdParams = z.strictObject({ id: z.uuid() });
const CodeParams = z.strictObject({ id: z.uuid(), codeId: z.uuid() });
const tags = ['cases'];

export async function caseRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = app.database;
  const index = app.caseIndex;

  // A write through this server shows in its search at once.
  app.addHook('onSend', async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') index.invalidate();
  });

  const detail = async (id: string, viewer: Parameters<typeof caseDetail>[1]) => {
    const d = await caseDetail(db, viewer, id);
    return presentCase(d.c, { canEdit: d.canEdit, traditions: d.traditions });
  };

  app.get(
    '/cases',
    {
      schema: {
        tags,
        summary: 'Search published cases: full text (q) and facets, with facet counts',
        description:
          'Filters within a facet are alternatives (repeat the parameter: country=NL&country=BE); filters of different facets all apply. Each facet’s counts apply every filter except its own. Keyset pagination with nextCursor.',
        querystring: CaseSearchQuery,
        response: { 200: CaseSearchResult },
      },
    },
    async (request) => searchCases(index, request.query),
  );

  app.post(
    '/cases',
    {
      schema: {
        tags,
        summary: 'Write a case (draft or published); you become its author',
        body: CaseCreate,
        response: { 201: CaseDetail },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const id = await createCase(db, viewer, request.body);
      return reply.status(201).send(await detail(id, viewer));
    },
  );

  app.get(
    '/cases/mine',
    {
      schema: {
        tags,
        summary: 'Cases you wrote or whose lead organisation you belong to, drafts included',
        response: { 200: MyCases },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const items = await myCases(db, viewer);
      return { items: items.map((c) => ({ ...c, updatedAt: c.updatedAt.toISOString() })) };
    },
  );

  app.get(
    '/cases/compare',
    {
      schema: {
        tags,
        summary: 'Compare the matching cases: by country, by year launched, tradition × factor',
        querystring: CaseFilters,
        response: { 200: Comparison },
      },
    },
    async (request) => compareCases(db, index, request.query),
  );

  app.get(
    '/cases/coders',
    {
      schema: {
        tags,
        summary: 'Everyone who coded drivers and barriers in published cases',
        response: { 200: CoderList },
      },
    },
    async () => ({ items: await listCoders(db) }),
  );

  app.get(
    '/cases/agreement',
    {
      schema: {
        tags,
        summary: 'Agreement of two coders (Cohen’s kappa) over the cases both coded',
        querystring: AgreementQuery,
        response: { 200: Agreement },
      },
    },
    async (request) => codingAgreement(db, request.query.coderA, request.query.coderB),
  );

  app.get(
    '/cases/export',
    {
      schema: {
        tags,
        summary: 'Download the published cases matching the filters (CSV or JSON)',
        description:
          'CSV is flat and R-friendly: part=cases gives one row per case, part=codes one row per driver or barrier code; the columns are described in /api/cases/codebook. JSON holds everything in one document. Coders appear by name only; no account ids.',
        querystring: ExportQuery,
        produces: ['text/csv', 'application/json'],
      },
    },
    async (request, reply) => {
      const { format, part, ...filters } = request.query;
      const ids = await matchingCaseIds(index, filters);
      if (format === 'json') {
        return reply
          .type('application/json; charset=utf-8')
          .header('content-disposition', 'attachment; filename="connective-cases.json"')
          .send(await exportCasesJson(db, ids));
      }
      const csv = await exportCasesCsv(db, ids);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="connective-${part}.csv"`)
        .send(part === 'codes' ? csv.codes : csv.cases);
    },
  );

  app.get(
    '/cases/codebook',
    {
      schema: {
        tags,
        summary:
          'The codebook of the CSV export: every column, and every allowed value with its labels',
        produces: ['text/csv'],
      },
    },
    async (_request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="connective-codebook.csv"')
        .send(codebookCsv()),
  );

  app.get(
    '/cases/:id',
    {
      schema: {
        tags,
        summary: 'One case with everything recorded about it',
        params: IdParams,
        response: { 200: CaseDetail },
      },
    },
    async (request) => detail(request.params.id, request.viewer),
  );

  app.patch(
    '/cases/:id',
    {
      schema: {
        tags,
        summary:
          'Edit a case (author, members of the lead organisation, moderators); fields sent replace the stored ones',
        params: IdParams,
        body: CaseUpdate,
        response: { 200: CaseDetail },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      await updateCase(db, viewer, request.params.id, request.body);
      return detail(request.params.id, viewer);
    },
  );

  app.delete(
    '/cases/:id',
    {
      schema: { tags, summary: 'Delete a case (those who may edit it)', params: IdParams },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      await deleteCase(db, viewer, request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/cases/:id/similar',
    {
      schema: {
        tags,
        summary: 'Published cases like this one (shared words, sector and technology)',
        params: IdParams,
        response: { 200: SimilarCases },
      },
    },
    async (request) => ({ items: await similarCases(db, request.viewer, request.params.id) }),
  );

  app.post(
    '/cases/:id/codes',
    {
      schema: {
        tags,
        summary: 'Code a driver or barrier in a case (you are the coder)',
        params: IdParams,
        body: CodeCreate,
        response: { 201: CaseCode },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const row = await addCode(db, viewer, request.params.id, request.body);
      return reply
        .status(201)
        .send(presentCode({ ...row, createdAt: row.createdAt.toISOString() }));
    },
  );

  app.delete(
    '/cases/:id/codes/:codeId',
    {
      schema: {
        tags,
        summary: 'Remove a code (its coder or a moderator)',
        params: CodeParams,
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      await removeCode(db, viewer, request.params.id, request.params.codeId);
      return reply.status(204).send();
    },
  );
}
