import { z } from 'zod';
import {
  CaseFacet,
  CaseLevel,
  CaseMaturity,
  CaseSector,
  CaseStage,
  CaseStatus,
  CitizenRole,
  CodeDirection,
  EvidenceLevel,
  ExperimentationSpace,
  FactorCode,
  InnovationType,
  NarrativeSection,
  OutcomeDimension,
  ParticipationLevel,
  PartnerRole,
  ResourceKind,
} from './case-vocabulary.ts';
import { CountryCode } from './countries.ts';
import { GovernanceTradition } from './governance-traditions.ts';
import { Limit } from './pagination.ts';

export const SUMMARY_MAX = 280;

function unique<T extends z.ZodType>(item: T, max: number) {
  return z
    .array(item)
    .max(max)
    .refine((xs) => new Set(xs).size === xs.length, { message: 'must not repeat a value' });
}

const IsoDate = z.iso.date({ message: 'must be a date written YYYY-MM-DD' });
const Year = z.number().int().min(1900).max(2100);
const Url = z.url({ protocol: /^https?$/, message: 'must be an http(s) address' }).max(1000);

export const Partner = z.strictObject({
  name: z.string().trim().min(1).max(300),
  /** The organisation on the platform, when it has one. */
  organisationId: z.uuid().nullable().default(null),
  role: PartnerRole,
});
export type Partner = z.infer<typeof Partner>;

export const Outcome = z.strictObject({
  dimension: OutcomeDimension,
  evidence: EvidenceLevel,
  note: z.string().trim().max(2000).default(''),
});
export type Outcome = z.infer<typeof Outcome>;

export const CaseLink = z.strictObject({
  url: Url,
  label: z.string().trim().max(200).default(''),
});
export type CaseLink = z.infer<typeof CaseLink>;

export const Provenance = z.strictObject({
  /** Where the case comes from: 'jrc-ips' for the JRC import, 'connective' for cases written here. */
  source: z.string().trim().min(1).max(60),
  sourceId: z.string().trim().min(1).max(200),
  sourceUrl: Url.nullable().default(null),
  /** When the source was read (ISO timestamp). */
  retrievedAt: z.iso.datetime({ offset: true }).nullable().default(null),
});
export type Provenance = z.infer<typeof Provenance>;

const Sections = z.partialRecord(NarrativeSection, z.string().trim().max(20_000));

/** Every field of a case a person can write (create sends these; edit sends any of them). */
const caseFields = {
  title: z.string().trim().min(3, { message: 'must be at least 3 characters' }).max(300),
  summary: z
    .string()
    .trim()
    .min(1, { message: 'is required' })
    .max(SUMMARY_MAX, { message: `must be at most ${SUMMARY_MAX} characters` }),
  status: CaseStatus,
  countries: unique(CountryCode, 60),
  level: CaseLevel.nullable(),
  sector: CaseSector.nullable(),
  yearLaunched: Year.nullable(),
  startDate: IsoDate.nullable(),
  endDate: IsoDate.nullable(),
  ongoing: z.boolean(),
  stage: CaseStage.nullable(),
  maturity: CaseMaturity.nullable(),
  facets: unique(CaseFacet, 4),
  innovationTypes: unique(InnovationType, 5),
  citizenRoles: unique(CitizenRole, 4),
  participation: ParticipationLevel.nullable(),
  experimentation: ExperimentationSpace.nullable(),
  governanceTradition: GovernanceTradition.nullable(),
  technology: z.string().trim().min(1).max(80).nullable(),
  tags: unique(z.string().trim().toLowerCase().min(1).max(60), 30),
  links: z.array(CaseLink).max(20),
  licence: z.string().trim().max(100).nullable(),
  sections: Sections,
  partners: z.array(Partner).max(100),
  outcomes: z
    .array(Outcome)
    .max(6)
    .refine((xs) => new Set(xs.map((o) => o.dimension)).size === xs.length, {
      message: 'has one outcome per dimension',
    }),
  resources: unique(ResourceKind, 7),
  /** Written for the demo, not a real case. */
  illustrative: z.boolean(),
};

function datesInOrder(c: { startDate?: string | null; endDate?: string | null }) {
  return !(c.startDate && c.endDate && c.endDate < c.startDate);
}
const dateIssue = { message: 'must not be before the start date', path: ['endDate'] };

/** A new case: what is not sent is empty (a draft unless `status` says otherwise). */
export const CaseCreate = z
  .strictObject({
    ...caseFields,
    status: caseFields.status.default('draft'),
    countries: caseFields.countries.default([]),
    level: caseFields.level.default(null),
    sector: caseFields.sector.default(null),
    yearLaunched: caseFields.yearLaunched.default(null),
    startDate: caseFields.startDate.default(null),
    endDate: caseFields.endDate.default(null),
    ongoing: caseFields.ongoing.default(false),
    stage: caseFields.stage.default(null),
    maturity: caseFields.maturity.default(null),
    facets: caseFields.facets.default([]),
    innovationTypes: caseFields.innovationTypes.default([]),
    citizenRoles: caseFields.citizenRoles.default([]),
    participation: caseFields.participation.default(null),
    experimentation: caseFields.experimentation.default(null),
    governanceTradition: caseFields.governanceTradition.default(null),
    technology: caseFields.technology.default(null),
    tags: caseFields.tags.default([]),
    links: caseFields.links.default([]),
    licence: caseFields.licence.default(null),
    sections: caseFields.sections.default({}),
    partners: caseFields.partners.default([]),
    outcomes: caseFields.outcomes.default([]),
    resources: caseFields.resources.default([]),
    illustrative: caseFields.illustrative.default(false),
  })
  .refine(datesInOrder, dateIssue);
export type CaseCreate = z.infer<typeof CaseCreate>;

/** An edit: any subset of the fields; a field sent replaces the stored value (lists entirely). */
export const CaseUpdate = z.strictObject(caseFields).partial().refine(datesInOrder, dateIssue);
export type CaseUpdate = z.infer<typeof CaseUpdate>;

// ---- coding ----

export const CodeCreate = z.strictObject({
  factor: FactorCode,
  direction: CodeDirection,
  /** The quote or observation in the case that supports the code. */
  evidence: z.string().trim().max(2000).default(''),
});
export type CodeCreate = z.infer<typeof CodeCreate>;

export const CaseCode = z.object({
  id: z.uuid(),
  factor: FactorCode,
  direction: CodeDirection,
  evidence: z.string(),
  /** Identifies the coder across cases: a user id, or `name:` and a name for imported codes. */
  coderKey: z.string(),
  coderName: z.string(),
  createdAt: z.string(),
});
export type CaseCode = z.infer<typeof CaseCode>;

export const Coder = z.object({
  key: z.string(),
  name: z.string(),
  cases: z.number().int(),
  codes: z.number().int(),
});
export const CoderList = z.object({ items: z.array(Coder) });
export type CoderList = z.infer<typeof CoderList>;

export const AgreementQuery = z.strictObject({
  coderA: z.string().min(1).max(300),
  coderB: z.string().min(1).max(300),
});
export type AgreementQuery = z.infer<typeof AgreementQuery>;

export const AGREEMENT_CATEGORIES = ['driver', 'barrier', 'none'] as const;
export const Agreement = z.object({
  coderA: Coder,
  coderB: Coder,
  /** Cases both coders coded. */
  cases: z.array(z.object({ id: z.uuid(), title: z.string() })),
  /** Units rated: every factor of the taxonomy in every case both coded. */
  units: z.number().int(),
  observed: z.number().nullable(),
  expected: z.number().nullable(),
  /** Cohen's kappa; null when undefined (no units, or expected agreement of 1). */
  kappa: z.number().nullable(),
  /** matrix[i][j]: units coder A rated AGREEMENT_CATEGORIES[i] and coder B rated [j]. */
  matrix: z.array(z.array(z.number().int())),
  /** Factors on which the two coders disagree in at least one case, most disagreements first. */
  disagreements: z.array(z.object({ factor: FactorCode, count: z.number().int() })),
});
export type Agreement = z.infer<typeof Agreement>;

// ---- reading ----

export const CaseDetail = z.object({
  id: z.uuid(),
  title: z.string(),
  summary: z.string(),
  status: CaseStatus,
  countries: z.array(z.string()),
  level: CaseLevel.nullable(),
  sector: CaseSector.nullable(),
  yearLaunched: z.number().int().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  ongoing: z.boolean(),
  stage: CaseStage.nullable(),
  maturity: CaseMaturity.nullable(),
  facets: z.array(CaseFacet),
  innovationTypes: z.array(InnovationType),
  citizenRoles: z.array(CitizenRole),
  participation: ParticipationLevel.nullable(),
  experimentation: ExperimentationSpace.nullable(),
  /** The per-case override, or null when the countries' traditions apply. */
  governanceTradition: GovernanceTradition.nullable(),
  /** The traditions that apply: the override, or those of the case's countries. */
  traditions: z.array(GovernanceTradition),
  technology: z.string().nullable(),
  tags: z.array(z.string()),
  links: z.array(z.object({ url: z.string(), label: z.string() })),
  licence: z.string().nullable(),
  sections: z.partialRecord(NarrativeSection, z.string()),
  partners: z.array(
    z.object({ name: z.string(), organisationId: z.uuid().nullable(), role: PartnerRole }),
  ),
  outcomes: z.array(
    z.object({ dimension: OutcomeDimension, evidence: EvidenceLevel, note: z.string() }),
  ),
  resources: z.array(ResourceKind),
  illustrative: z.boolean(),
  provenance: z
    .object({
      source: z.string(),
      sourceId: z.string(),
      sourceUrl: z.string().nullable(),
      retrievedAt: z.string().nullable(),
    })
    .nullable(),
  codes: z.array(CaseCode),
  author: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** Whether the viewer may edit the case. */
  canEdit: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

/** A piece of a highlighted snippet: text, and whether it matched the query. */
export const SnippetPart = z.object({ text: z.string(), hit: z.boolean() });
export type SnippetPart = z.infer<typeof SnippetPart>;

export const CaseHit = z.object({
  id: z.uuid(),
  title: z.string(),
  summary: z.string(),
  /** Highlighted passage around the query's words (empty without a text query). */
  snippet: z.array(SnippetPart),
  status: CaseStatus,
  countries: z.array(z.string()),
  level: CaseLevel.nullable(),
  sector: CaseSector.nullable(),
  maturity: CaseMaturity.nullable(),
  yearLaunched: z.number().int().nullable(),
  technology: z.string().nullable(),
  illustrative: z.boolean(),
  codeCount: z.number().int(),
  source: z.string().nullable(),
});
export type CaseHit = z.infer<typeof CaseHit>;

// ---- search ----

/** The facets of the search, in the order the page shows them. */
export const FACET_NAMES = [
  'country',
  'tradition',
  'level',
  'sector',
  'stage',
  'maturity',
  'innovationType',
  'facet',
  'technology',
  'year',
  'coded',
] as const;
export type FacetName = (typeof FACET_NAMES)[number];

export const SEARCH_SORTS = ['relevance', 'newest', 'year'] as const;
export const SearchSort = z.enum(SEARCH_SORTS);
export type SearchSort = z.infer<typeof SearchSort>;

/** A query parameter given once or repeated (`?country=NL&country=BE`), as a list. */
export function many<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]),
    unique(item, 60).optional(),
  );
}

export const QueryYear = z.coerce.number().int().min(1900).max(2100);

/** The search and its facets: filters within a facet are alternatives (OR), across facets all apply (AND). */
export const CaseFilters = z.strictObject({
  q: z.string().trim().max(300).optional(),
  country: many(CountryCode),
  tradition: many(GovernanceTradition),
  level: many(CaseLevel),
  sector: many(CaseSector),
  stage: many(CaseStage),
  maturity: many(CaseMaturity),
  innovationType: many(InnovationType),
  facet: many(CaseFacet),
  technology: many(z.string().trim().min(1).max(80)),
  yearFrom: QueryYear.optional(),
  yearTo: QueryYear.optional(),
  coded: z.enum(['yes', 'no']).optional(),
});
export type CaseFilters = z.infer<typeof CaseFilters>;

export const CaseSearchQuery = CaseFilters.extend({
  sort: SearchSort.optional(),
  limit: Limit,
  cursor: z.string().max(500).optional(),
});
export type CaseSearchQuery = z.infer<typeof CaseSearchQuery>;

export const FacetCount = z.object({ value: z.string(), count: z.number().int() });
export type FacetCount = z.infer<typeof FacetCount>;

export const CaseSearchResult = z.object({
  items: z.array(CaseHit),
  /** All published cases that match. */
  total: z.number().int(),
  /** For each facet, its values with the number of matching cases, all other filters applied. */
  facets: z.record(z.enum(FACET_NAMES), z.array(FacetCount)),
  sort: SearchSort,
  nextCursor: z.string().nullable(),
});
export type CaseSearchResult = z.infer<typeof CaseSearchResult>;

export const SimilarCases = z.object({
  items: z.array(z.object({ id: z.uuid(), title: z.string(), score: z.number() })),
});
export type SimilarCases = z.infer<typeof SimilarCases>;

export const MyCases = z.object({
  items: z.array(
    z.object({ id: z.uuid(), title: z.string(), status: CaseStatus, updatedAt: z.string() }),
  ),
});
export type MyCases = z.infer<typeof MyCases>;

// ---- comparison ----

export const Comparison = z.object({
  total: z.number().int(),
  byCountry: z.array(z.object({ country: z.string(), count: z.number().int() })),
  byYear: z.array(z.object({ year: z.number().int(), count: z.number().int() })),
  /** Driver and barrier codes per governance tradition and factor (cases with codes only). */
  traditionFactor: z.array(
    z.object({
      tradition: GovernanceTradition,
      factor: FactorCode,
      drivers: z.number().int(),
      barriers: z.number().int(),
    }),
  ),
});
export type Comparison = z.infer<typeof Comparison>;

export const EXPORT_FORMATS = ['csv', 'json'] as const;
export const ExportQuery = CaseFilters.extend({
  format: z.enum(EXPORT_FORMATS).default('csv'),
  /** For CSV: the cases (one row each) or their drivers-and-barriers codes (one row each). */
  part: z.enum(['cases', 'codes']).default('cases'),
});
export type ExportQuery = z.infer<typeof ExportQuery>;
