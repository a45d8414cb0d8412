/**
 * Diffusion (issue 10): who adopted what, from whom; curves with Bass fits; flows between
 * countries and governance traditions; event-history analysis; adoption suggestions.
 */
import { z } from 'zod';
import { FactorCode, vocabulary } from './case-vocabulary.ts';
import { many } from './cases.ts';
import { GovernanceTradition } from './governance-traditions.ts';

/** How an organisation came to adopt (Berry & Berry; DiMaggio & Powell). */
export const ADOPTION_MECHANISMS = vocabulary({
  learning: { en: 'Learning', nl: 'Leren' },
  competition: { en: 'Competition', nl: 'Concurrentie' },
  imitation: { en: 'Imitation', nl: 'Navolging' },
  coercion: { en: 'Coercion', nl: 'Dwang' },
  normative: { en: 'Normative pressure', nl: 'Normatieve druk' },
});
export const AdoptionMechanism = ADOPTION_MECHANISMS.schema;
export type AdoptionMechanism = z.infer<typeof AdoptionMechanism>;

/** Rogers' (2003) perceived attributes of an innovation, each rated 1–5 by the adopter. */
export const ROGERS_ATTRIBUTES = vocabulary({
  relativeAdvantage: { en: 'Relative advantage', nl: 'Relatief voordeel' },
  compatibility: { en: 'Compatibility', nl: 'Verenigbaarheid' },
  complexity: { en: 'Complexity', nl: 'Complexiteit' },
  trialability: { en: 'Trialability', nl: 'Uitprobeerbaarheid' },
  observability: { en: 'Observability', nl: 'Zichtbaarheid' },
});
export type RogersAttribute = (typeof ROGERS_ATTRIBUTES.values)[number];

const Rating = z.number().int().min(1).max(5).nullable().default(null);
const Tag = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .transform((s) => s.toLowerCase());
const IsoDate = z.iso.date();

/**
 * An innovation: one case, or every published case sharing a tag or a technology, or (none
 * given) every published case in the library.
 */
export const InnovationRef = z
  .strictObject({
    case: z.uuid().optional(),
    tag: Tag.optional(),
    technology: z.string().trim().min(1).max(80).optional(),
  })
  .refine((r) => [r.case, r.tag, r.technology].filter((x) => x !== undefined).length <= 1, {
    message: 'give at most one of case, tag and technology',
    path: ['case'],
  });
export type InnovationRef = z.infer<typeof InnovationRef>;

export const AdoptionCreate = z
  .strictObject({
    organisationId: z.uuid(),
    /** The innovation adopted: a case, or a tag shared by cases (exactly one of the two). */
    caseId: z.uuid().nullable().default(null),
    tag: Tag.nullable().default(null),
    adoptedOn: IsoDate,
    /** Learned from: a case or an organisation (both optional). */
    sourceCaseId: z.uuid().nullable().default(null),
    sourceOrganisationId: z.uuid().nullable().default(null),
    mechanism: AdoptionMechanism,
    adaptations: z.string().trim().max(4000).default(''),
    relativeAdvantage: Rating,
    compatibility: Rating,
    complexity: Rating,
    trialability: Rating,
    observability: Rating,
  })
  .superRefine((a, ctx) => {
    if ((a.caseId === null) === (a.tag === null))
      ctx.addIssue({
        code: 'custom',
        path: ['caseId'],
        message: 'give either caseId (one case) or tag (cases sharing a tag), not both or neither',
      });
    if (a.sourceOrganisationId !== null && a.sourceOrganisationId === a.organisationId)
      ctx.addIssue({
        code: 'custom',
        path: ['sourceOrganisationId'],
        message: 'an organisation cannot learn from itself',
      });
  });
export type AdoptionCreate = z.infer<typeof AdoptionCreate>;

export const Adoption = z.object({
  id: z.uuid(),
  organisation: z.object({ id: z.uuid(), name: z.string(), country: z.string() }),
  caseId: z.uuid().nullable(),
  caseTitle: z.string().nullable(),
  tag: z.string().nullable(),
  adoptedOn: z.string(),
  sourceCase: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  sourceOrganisation: z.object({ id: z.uuid(), name: z.string(), country: z.string() }).nullable(),
  mechanism: AdoptionMechanism,
  adaptations: z.string(),
  relativeAdvantage: z.number().nullable(),
  compatibility: z.number().nullable(),
  complexity: z.number().nullable(),
  trialability: z.number().nullable(),
  observability: z.number().nullable(),
  createdAt: z.string(),
  canDelete: z.boolean(),
});
export type Adoption = z.infer<typeof Adoption>;
export const AdoptionList = z.object({ items: z.array(Adoption) });

/** The unit whose first adoption counts: a country, or an organisation. */
export const DiffusionUnit = z.enum(['country', 'organisation']);
export type DiffusionUnit = z.infer<typeof DiffusionUnit>;

export const DiffusionQuery = z.intersection(
  InnovationRef,
  z.strictObject({ unit: DiffusionUnit.default('country') }).partial(),
);

export interface BassFitResult {
  p: number;
  q: number;
  m: number;
  /** Peak of new adoptions, as a decimal year (null when q ≤ p: no interior peak). */
  peak: number | null;
  r2: number;
  sse: number;
  /** Fitted cumulative adopters per year of the curve. */
  fitted: number[];
}

export interface DiffusionView {
  unit: DiffusionUnit;
  /** Adopters by year: new in the year and cumulative, from the first to the last year. */
  curve: { year: number; adopters: number; cumulative: number }[];
  /** The Bass fit (t = year − first year + 1), or why there is none. */
  bass: { ok: true; fit: BassFitResult } | { ok: false; reason: string };
  /** Every unit with its first year and how it came in (a case, or an adoption record). */
  adopters: {
    id: string;
    label: string;
    country: string | null;
    tradition: GovernanceTradition | null;
    year: number;
    via: 'case' | 'adoption';
    href: string | null;
  }[];
  /** First year per country (for the map). */
  countries: { country: string; year: number }[];
  /** Learned-from flows recorded with adoptions: between countries and between traditions. */
  countryFlows: { from: string; to: string; count: number }[];
  traditionFlows: { from: string; to: string; count: number }[];
}

/** Covariates of the event-history analysis, for countries as units. */
export const EHA_COVARIATES = [
  'tradition',
  'peersTradition',
  'peersNeighbours',
  'peersNetwork',
  'year',
] as const;
export const EhaCovariate = z.union([
  z.enum(EHA_COVARIATES),
  z.templateLiteral(['driver:', FactorCode]),
  z.templateLiteral(['barrier:', FactorCode]),
]);
export type EhaCovariate = z.infer<typeof EhaCovariate>;

export const EhaQuery = z.intersection(
  InnovationRef,
  z.strictObject({
    covariate: many(EhaCovariate),
    /** The reference level of the tradition covariate. */
    reference: GovernanceTradition.optional(),
  }),
);

export interface EhaCoefficient {
  term: string;
  estimate: number;
  se: number;
  z: number;
  p: number;
  oddsRatio: number;
}

export interface EhaResult {
  coefficients: EhaCoefficient[];
  deviance: number;
  nullDeviance: number;
  aic: number;
  iterations: number;
  /** Unit-years in the risk set, and the adoptions among them. */
  observations: number;
  events: number;
  units: number;
  firstYear: number;
  lastYear: number;
}

export interface AdoptionSuggestion {
  /** What to adopt: a case. */
  caseId: string;
  title: string;
  /** Similar organisations that adopted it, and why they count as similar. */
  adopters: {
    id: string;
    name: string;
    reasons: ('sector' | 'level' | 'tradition' | 'network')[];
  }[];
  score: number;
}
