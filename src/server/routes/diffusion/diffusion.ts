import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Adoption,
  AdoptionCreate,
  AdoptionList,
  DiffusionQuery,
  EhaQuery,
} from '../../../shared/diffusion.ts';
import { requireViewer } from '../../auth/plugin.ts';
import {
  adoptionSuggestions,
  deleteAdoption,
  diffusionView,
  ehaRiskSet,
  listAdoptions,
  recordAdoption,
} from '../../commands/diffusion.ts';
import { fitBassCurve, fitEha } from '../../diffusion/models.ts';

const tags = ['diffusion'];
const IdParams = z.strictObject({ id: z.uuid() });
const AdoptionFilter = z.strictObject({
  case: z.uuid().optional(),
  tag: z.string().trim().min(1).max(80).optional(),
  organisation: z.uuid().optional(),
});
const SuggestionQuery = z.strictObject({ organisation: z.uuid() });

export async function diffusionRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = app.database;

  app.get(
    '/adoptions',
    {
      schema: {
        tags,
        summary: 'Adoption records of published innovations, by case, tag or organisation',
        querystring: AdoptionFilter,
        response: { 200: AdoptionList },
      },
    },
    async (request) => ({ items: await listAdoptions(db, request.viewer, request.query) }),
  );

  app.post(
    '/adoptions',
    {
      schema: {
        tags,
        summary: 'Record that an organisation adopted an innovation (its members, moderators)',
        description:
          'A case, or the cases sharing a tag; when, from whom it was learned, by which mechanism, the adaptations made and how the adopter rated it on Rogers’ attributes. One record per organisation and innovation (409 for a second).',
        body: AdoptionCreate,
        response: { 201: Adoption },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const id = await recordAdoption(db, viewer, request.body);
      const [saved] = await listAdoptions(db, viewer, { id });
      return reply.status(201).send(saved!);
    },
  );

  app.delete(
    '/adoptions/:id',
    {
      schema: {
        tags,
        summary: 'Remove an adoption record (members of the organisation, moderators)',
        params: IdParams,
      },
    },
    async (request, reply) => {
      await deleteAdoption(db, requireViewer(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/diffusion',
    {
      schema: {
        tags,
        summary:
          'How an innovation spread: adopters by year with a Bass fit, first year per country, flows between countries and traditions',
        description:
          'The innovation is a case, the cases sharing a tag or a technology, or (none given) the whole library. A country adopts in the first year one of its published cases (or an adoption record of one of its organisations) begins; an organisation when it leads such a case or records the adoption.',
        querystring: DiffusionQuery,
      },
    },
    async (request) => {
      const { unit, ...ref } = request.query;
      return diffusionView(db, ref, unit ?? 'country', fitBassCurve);
    },
  );

  app.get(
    '/diffusion/eha',
    {
      schema: {
        tags,
        summary:
          'Event-history analysis of adoption by country: a discrete-time logit on the country-year risk set',
        description:
          'Covariates: tradition (governance tradition, treatment contrasts against `reference`), peersTradition, peersNeighbours, peersNetwork (shares of those countries that adopted in earlier years), year, and driver:<factor> / barrier:<factor> (share of the country’s coded cases with that factor so coded). Logistic regression by iteratively reweighted least squares, as R’s glm(family = binomial).',
        querystring: EhaQuery,
      },
    },
    async (request) => {
      const { covariate, reference, ...ref } = request.query;
      const input = await ehaRiskSet(
        db,
        ref,
        covariate ?? ['tradition', 'peersNeighbours'],
        reference,
      );
      return fitEha(input);
    },
  );

  app.get(
    '/diffusion/suggestions',
    {
      schema: {
        tags,
        summary:
          'Innovations that organisations like this one (sector, level, tradition, network) adopted and it has not',
        querystring: SuggestionQuery,
      },
    },
    async (request) => ({ items: await adoptionSuggestions(db, request.query.organisation) }),
  );
}
