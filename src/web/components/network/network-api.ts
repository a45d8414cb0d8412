import { z } from 'zod';
import { ORGANISATION_KINDS } from '../../../shared/organisations.ts';
import {
  NetworkGrouping,
  NetworkMode,
  TieKind,
  type NetworkView,
} from '../../../shared/network.ts';
import { json } from '../../api.ts';
import { networkApiPath, type NetworkFilters } from '../../network-view.ts';

/*
 * GET /api/network. The contract in src/shared/network.ts is written as TypeScript interfaces;
 * this schema checks the answer against them at run time (`z.ZodType<NetworkView>` makes the
 * compiler hold the two together), so the page never trusts an unchecked response.
 */

const Roles = z.object({
  coordinator: z.number(),
  gatekeeper: z.number(),
  representative: z.number(),
  consultant: z.number(),
  liaison: z.number(),
});

const Node = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum([...ORGANISATION_KINDS, 'partner', 'person', 'country']),
  href: z.string().nullable(),
  country: z.string().nullable(),
  sector: z.string().nullable(),
  community: z.number().int(),
  degree: z.number(),
  weightedDegree: z.number(),
  betweenness: z.number(),
  closeness: z.number(),
  harmonic: z.number(),
  eigenvector: z.number().nullable(),
  pagerank: z.number(),
  clustering: z.number(),
  brokerage: Roles.extend({ total: z.number() }),
  ei: z.number().nullable(),
});

const EI = z.object({
  external: z.number(),
  internal: z.number(),
  index: z.number().nullable(),
  expected: z.number().nullable(),
});

export const NetworkViewSchema: z.ZodType<NetworkView> = z.object({
  mode: NetworkMode,
  group: NetworkGrouping,
  tieKinds: z.array(TieKind),
  version: z.string(),
  computedMs: z.number(),
  nodes: z.array(Node),
  edges: z.array(
    z.object({
      source: z.string(),
      target: z.string(),
      weight: z.number(),
      kinds: z.array(TieKind),
    }),
  ),
  communities: z.array(
    z.object({
      id: z.number().int(),
      size: z.number().int(),
      members: z.array(z.string()),
      country: z.string().nullable(),
      sector: z.string().nullable(),
    }),
  ),
  summary: z.object({
    nodes: z.number(),
    edges: z.number(),
    density: z.number(),
    transitivity: z.number(),
    components: z.number(),
    largestComponent: z.number(),
    isolates: z.number(),
    communities: z.number(),
    modularity: z.number(),
    eiSector: EI,
    eiCountry: EI,
    betweenness: z.discriminatedUnion('method', [
      z.object({ method: z.literal('exact') }),
      z.object({
        method: z.literal('sampled'),
        pivots: z.number(),
        errorBound: z.number(),
        confidence: z.number(),
      }),
    ]),
    brokerageTotals: Roles,
    skippedGroups: z.array(z.object({ label: z.string(), size: z.number() })),
  }),
});

/** The network for the filters; aborting `signal` cancels the request. */
export function getNetwork(filters: NetworkFilters, signal?: AbortSignal): Promise<NetworkView> {
  return json(NetworkViewSchema, 'GET', networkApiPath(filters), undefined, signal);
}
