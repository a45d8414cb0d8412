/**
 * The collaboration network (issue 8): who connects whom, built from the ties the platform
 * records. Contracts shared by the API, the worker and the web app.
 */
import { z } from 'zod';
import { CaseSector } from './case-vocabulary.ts';
import { many, QueryYear } from './cases.ts';
import { CountryCode } from './countries.ts';
import type { OrganisationKind } from './organisations.ts';

/** What a node is: an organisation (on the platform, or a named case partner), a person, a country. */
export const NETWORK_MODES = ['organisations', 'people', 'countries'] as const;
export const NetworkMode = z.enum(NETWORK_MODES);
export type NetworkMode = z.infer<typeof NetworkMode>;

/**
 * Where a tie comes from. `case`: partners in the same case (for countries: both covered by one
 * case); `coding`: researchers who coded the same case; `membership`: people in the same
 * organisation; `adoption`: an organisation adopted an innovation learned from another (or
 * from a case: its lead partners); `group`: people in the same public working group (a private
 * group ties no one: it does not exist outside it). Initiatives and pledges join as they land.
 */
export const TIE_KINDS = ['case', 'coding', 'membership', 'adoption', 'group'] as const;
export const TieKind = z.enum(TIE_KINDS);
export type TieKind = z.infer<typeof TieKind>;

/** Which tie kinds each mode can have. */
export const MODE_TIE_KINDS: Record<NetworkMode, readonly TieKind[]> = {
  organisations: ['case', 'adoption'],
  people: ['case', 'coding', 'membership', 'group'],
  countries: ['case', 'adoption'],
};

/** The grouping used by brokerage roles and the E-I index. */
export const NETWORK_GROUPINGS = ['country', 'sector'] as const;
export const NetworkGrouping = z.enum(NETWORK_GROUPINGS);
export type NetworkGrouping = z.infer<typeof NetworkGrouping>;

/** Node metrics the view can size nodes by and the tables sort by. */
export const NODE_METRICS = [
  'degree',
  'weightedDegree',
  'betweenness',
  'closeness',
  'harmonic',
  'eigenvector',
  'pagerank',
  'clustering',
  'brokerage',
] as const;
export const NodeMetric = z.enum(NODE_METRICS);
export type NodeMetric = z.infer<typeof NodeMetric>;

export const NetworkQuery = z
  .strictObject({
    nodes: NetworkMode.default('organisations'),
    /** Tie kinds to include (all of the mode's kinds when absent). */
    tie: many(TieKind),
    /** Cases that started (or, without a year, were added) in this window. */
    yearFrom: QueryYear.optional(),
    yearTo: QueryYear.optional(),
    /** Only ties from cases in these countries (organisation memberships: organisations there). */
    country: many(CountryCode),
    /** Only ties from cases in these COFOG sectors (memberships: organisations in them). */
    sector: many(CaseSector),
    group: NetworkGrouping.default('country'),
  })
  .superRefine((q, ctx) => {
    if (q.yearFrom !== undefined && q.yearTo !== undefined && q.yearFrom > q.yearTo)
      ctx.addIssue({
        code: 'custom',
        path: ['yearTo'],
        message: `must not be before yearFrom (${q.yearFrom})`,
      });
    const allowed = MODE_TIE_KINDS[q.nodes];
    q.tie?.forEach((kind, i) => {
      if (!allowed.includes(kind))
        ctx.addIssue({
          code: 'custom',
          path: ['tie', i],
          message: `${q.nodes} networks have no ${kind} ties (use ${allowed.join(', ')})`,
        });
    });
  });
export type NetworkQuery = z.infer<typeof NetworkQuery>;

/** GraphML and GEXF hold the whole network; `csv` is the node table with every metric, `csv-ties` the ties. */
export const NETWORK_EXPORT_FORMATS = ['graphml', 'gexf', 'csv', 'csv-ties'] as const;
export const NetworkExportFormat = z.enum(NETWORK_EXPORT_FORMATS);
export type NetworkExportFormat = z.infer<typeof NetworkExportFormat>;

/** The export takes the same filters plus the file format. */
export const NetworkExportQuery = z.intersection(
  NetworkQuery,
  z.object({ format: NetworkExportFormat }),
);

export const BROKERAGE_ROLE_NAMES = [
  'coordinator',
  'gatekeeper',
  'representative',
  'consultant',
  'liaison',
] as const;
export type BrokerageRoleName = (typeof BROKERAGE_ROLE_NAMES)[number];

/**
 * What a node is: a platform organisation of a kind, a case partner named in a case but not on
 * the platform, a person, a country.
 */
export type NetworkNodeKind = OrganisationKind | 'partner' | 'person' | 'country';

export interface NetworkNode {
  /** `o:<uuid>` organisation, `p:<name>` named partner, `u:<uuid>` person, `c:<ISO>` country. */
  id: string;
  label: string;
  kind: NetworkNodeKind;
  /** The page of the node on the platform (organisations and cases), when it has one. */
  href: string | null;
  country: string | null;
  /** COFOG division. */
  sector: string | null;
  /** Louvain community (seeded; numbered by size, largest 0). */
  community: number;
  degree: number;
  /** Sum of tie weights. */
  weightedDegree: number;
  /** Normalised betweenness (exact, or estimated when the summary says so). */
  betweenness: number;
  closeness: number;
  harmonic: number;
  /** Null when the network is not connected (undefined for the whole graph). */
  eigenvector: number | null;
  pagerank: number;
  clustering: number;
  /** Gould & Fernandez role counts under the chosen grouping, ties read in both directions. */
  brokerage: Record<BrokerageRoleName, number> & { total: number };
  /** E-I index of this node's own ties under the chosen grouping (null without grouped ties). */
  ei: number | null;
}

export interface NetworkEdge {
  source: string;
  target: string;
  /** Number of shared cases, codings and organisations. */
  weight: number;
  kinds: TieKind[];
}

export interface NetworkCommunity {
  id: number;
  size: number;
  /** Member ids, most central (betweenness) first. */
  members: string[];
  /** The most common country and sector among its members. */
  country: string | null;
  sector: string | null;
}

export interface EIFigure {
  external: number;
  internal: number;
  /** Null when no tie joins two grouped nodes. */
  index: number | null;
  /** What E-I would be if ties were spread at random over the groups. */
  expected: number | null;
}

export interface NetworkSummary {
  nodes: number;
  edges: number;
  density: number;
  transitivity: number;
  components: number;
  largestComponent: number;
  isolates: number;
  communities: number;
  modularity: number;
  /** Cross-sector and cross-border ties (Krackhardt & Stern's E-I index). */
  eiSector: EIFigure;
  eiCountry: EIFigure;
  /** `exact` (Brandes) or `sampled` for large networks, with the pivots and the error bound. */
  betweenness:
    | { method: 'exact' }
    | { method: 'sampled'; pivots: number; errorBound: number; confidence: number };
  brokerageTotals: Record<BrokerageRoleName, number>;
  /**
   * Groups too large to expand into every pair (an organisation with more than 150 members):
   * left out of the ties, and named here so the view can say so.
   */
  skippedGroups: { label: string; size: number }[];
}

export interface NetworkView {
  mode: NetworkMode;
  group: NetworkGrouping;
  tieKinds: TieKind[];
  /** Changes whenever the underlying data changes; results are cached per version. */
  version: string;
  computedMs: number;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  communities: NetworkCommunity[];
  summary: NetworkSummary;
}
