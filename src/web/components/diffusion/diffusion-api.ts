import { z } from 'zod';
import {
  Adoption,
  AdoptionList,
  DiffusionUnit,
  type AdoptionCreate,
  type AdoptionSuggestion,
  type DiffusionView,
  type EhaResult,
} from '../../../shared/diffusion.ts';
import { GovernanceTradition } from '../../../shared/governance-traditions.ts';
import { json, noContent } from '../../api.ts';
import {
  adoptionsApiPath,
  diffusionApiPath,
  ehaApiPath,
  suggestionsApiPath,
  type EhaSettings,
  type Innovation,
} from '../../diffusion-view.ts';

/*
 * The diffusion endpoints. The answers of GET /api/diffusion, /eha and /suggestions are written
 * as TypeScript interfaces in src/shared/diffusion.ts; these schemas check them at run time
 * (`z.ZodType<DiffusionView>` makes the compiler hold the two together), so the pages never
 * trust an unchecked response. Requests go through src/web/api.ts (CSRF token, error shape).
 */

const BassFit = z.object({
  p: z.number(),
  q: z.number(),
  m: z.number(),
  peak: z.number().nullable(),
  r2: z.number(),
  sse: z.number(),
  fitted: z.array(z.number()),
});

const Flow = z.object({ from: z.string(), to: z.string(), count: z.number() });

export const DiffusionViewSchema: z.ZodType<DiffusionView> = z.object({
  unit: DiffusionUnit,
  curve: z.array(z.object({ year: z.number(), adopters: z.number(), cumulative: z.number() })),
  bass: z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), fit: BassFit }),
    z.object({ ok: z.literal(false), reason: z.string() }),
  ]),
  adopters: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      country: z.string().nullable(),
      tradition: GovernanceTradition.nullable(),
      year: z.number(),
      via: z.enum(['case', 'adoption']),
      href: z.string().nullable(),
    }),
  ),
  countries: z.array(z.object({ country: z.string(), year: z.number() })),
  countryFlows: z.array(Flow),
  traditionFlows: z.array(Flow),
});

export const EhaResultSchema: z.ZodType<EhaResult> = z.object({
  coefficients: z.array(
    z.object({
      term: z.string(),
      estimate: z.number(),
      se: z.number(),
      z: z.number(),
      p: z.number(),
      oddsRatio: z.number(),
    }),
  ),
  deviance: z.number(),
  nullDeviance: z.number(),
  aic: z.number(),
  iterations: z.number(),
  observations: z.number(),
  events: z.number(),
  units: z.number(),
  firstYear: z.number(),
  lastYear: z.number(),
});

const SuggestionList: z.ZodType<{ items: AdoptionSuggestion[] }> = z.object({
  items: z.array(
    z.object({
      caseId: z.string(),
      title: z.string(),
      adopters: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          reasons: z.array(z.enum(['sector', 'level', 'tradition', 'network'])),
        }),
      ),
      score: z.number(),
    }),
  ),
});

export function getDiffusion(
  innovation: Innovation,
  unit: DiffusionUnit,
  signal?: AbortSignal,
): Promise<DiffusionView> {
  return json(DiffusionViewSchema, 'GET', diffusionApiPath(innovation, unit), undefined, signal);
}

export function runEha(
  innovation: Innovation,
  eha: EhaSettings,
  signal?: AbortSignal,
): Promise<EhaResult> {
  return json(EhaResultSchema, 'GET', ehaApiPath(innovation, eha), undefined, signal);
}

export function listAdoptions(filter: {
  case?: string;
  tag?: string;
  organisation?: string;
}): Promise<Adoption[]> {
  return json(AdoptionList, 'GET', adoptionsApiPath(filter)).then((list) => list.items);
}

export function recordAdoption(input: AdoptionCreate): Promise<Adoption> {
  return json(Adoption, 'POST', '/api/adoptions', input);
}

export function deleteAdoption(id: string): Promise<void> {
  return noContent('DELETE', `/api/adoptions/${encodeURIComponent(id)}`);
}

export async function adoptionSuggestions(organisationId: string): Promise<AdoptionSuggestion[]> {
  return (await json(SuggestionList, 'GET', suggestionsApiPath(organisationId))).items;
}
