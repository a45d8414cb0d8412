import { z } from 'zod';
import {
  CaseLevel,
  CaseMaturity,
  CaseSector,
  CitizenRole,
  EvidenceLevel,
  ExperimentationSpace,
  FactorCode,
  InnovationType,
  ResourceKind,
} from './case-vocabulary.ts';
import { CaseFilters } from './cases.ts';
import { GovernanceTradition } from './governance-traditions.ts';

/** Most conditions an analysis may have (the truth table has 2^k rows or more). */
export const QCA_MAX_CONDITIONS = 20;
export const QCA_MAX_CASES = 10_000;
/** How long one analysis may run on the server before it is stopped. */
export const QCA_TIME_LIMIT_MS = 30_000;

/** A set name as R QCA accepts it: letters, digits and underscores, starting with a letter. */
export const SetName = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,30}$/, {
    message: 'must start with a letter and hold only letters, digits and _ (at most 31)',
  });

/** A data set: one row per case, one column per condition or outcome (raw or calibrated). */
export const QcaDataSet = z
  .strictObject({
    columns: z
      .array(SetName)
      .min(2)
      .max(QCA_MAX_CONDITIONS + 10)
      .refine((xs) => new Set(xs).size === xs.length, { message: 'must not repeat a column' }),
    rows: z
      .array(
        z.strictObject({
          /** The case's name (for a case from the library, its title). */
          case: z.string().trim().min(1).max(300),
          /** The case in the library, when the row comes from one. */
          caseId: z.uuid().nullable().default(null),
          values: z.array(z.number().finite().nullable()),
        }),
      )
      .min(1)
      .max(QCA_MAX_CASES),
  })
  .superRefine((d, ctx) => {
    d.rows.forEach((r, i) => {
      if (r.values.length !== d.columns.length)
        ctx.addIssue({
          code: 'custom',
          path: ['rows', i, 'values'],
          message: `has ${r.values.length} values for ${d.columns.length} columns (case ${r.case})`,
        });
    });
  });
export type QcaDataSet = z.infer<typeof QcaDataSet>;

export const Calibration = z.discriminatedUnion('method', [
  /** Crisp: values at or above each threshold go up one set value (1 threshold: 0/1). */
  z.strictObject({
    method: z.literal('crisp'),
    thresholds: z.array(z.number().finite()).min(1).max(5),
  }),
  /** Fuzzy, direct method (R QCA's calibrate with type = "fuzzy"): the three anchors. */
  z.strictObject({
    method: z.literal('fuzzy'),
    exclusion: z.number().finite(),
    crossover: z.number().finite(),
    inclusion: z.number().finite(),
  }),
]);
export type Calibration = z.infer<typeof Calibration>;

/** The parameters of an analysis, with R QCA's names and meanings. */
export const QcaParams = z.strictObject({
  /** The outcome column; `~Y` for its negation, `Y[2]` for a value of a multi-value outcome. */
  outcome: z.string().trim().min(1).max(40),
  conditions: z
    .array(SetName)
    .min(1)
    .max(QCA_MAX_CONDITIONS)
    .refine((xs) => new Set(xs).size === xs.length, { message: 'must not repeat a condition' }),
  /** Columns to calibrate before the analysis (raw values stay in the data set). */
  calibration: z.record(SetName, Calibration).default({}),
  /** incl.cut: one value, or two (for OUT 1 and for OUT 0). */
  inclCut: z.array(z.number().min(0).max(1)).min(1).max(2).default([1]),
  nCut: z.number().int().min(1).max(10_000).default(1),
  priCut: z.number().min(0).max(1).default(0),
  /** Which remainders the minimisation may use: none (conservative), '?' (parsimonious), '?,C'. */
  include: z.enum(['', '?', 'C', '?,C']).default(''),
  /** Directional expectations for the intermediate solution, in R's syntax. */
  dirExp: z.string().trim().max(500).nullable().default(null),
  allSol: z.boolean().default(false),
  rowDom: z.boolean().default(false),
});
export type QcaParams = z.infer<typeof QcaParams>;

export const QcaRunRequest = z.strictObject({ data: QcaDataSet, params: QcaParams });
export type QcaRunRequest = z.infer<typeof QcaRunRequest>;

const num = z.number().nullable();

export const QcaModel = z.object({
  name: z.string(),
  expression: z.string(),
  inclS: num,
  PRI: num,
  covS: num,
  terms: z.array(
    z.object({
      term: z.string(),
      inclS: num,
      PRI: num,
      covS: num,
      covU: num,
      cases: z.array(z.string()),
    }),
  ),
  simplifying_assumptions: z.array(z.number()).optional(),
});

/** A solution as R QCA reports it (the same keys as `connective qca --format json`). */
export const QcaSolution = z.looseObject({
  type: z.string(),
  /** The remainders included: [] (conservative), ['?'], ['?', 'C'] … */
  include: z.array(z.string()),
  positive_rows: z.array(z.number()),
  negative_rows: z.array(z.number()),
  n_models: z.number(),
  truncated: z.boolean(),
  essential: z.array(z.string()),
  prime_implicants: z.array(
    z.object({ term: z.string(), covers: z.array(z.number()), inclS: num, PRI: num, covS: num }),
  ),
  models: z.array(QcaModel),
});

export const QcaReport = z.object({
  data: z.looseObject({
    cases: z.number(),
    cases_dropped_for_NA: z.array(z.string()),
  }),
  params: z.looseObject({ outcome: z.string(), conditions: z.array(z.string()) }),
  truth_table: z.looseObject({
    outcome: z.string(),
    conditions: z.array(z.string()),
    rows: z.array(
      z.object({
        row: z.number(),
        values: z.record(z.string(), z.union([z.number(), z.literal('-')])),
        OUT: z.string(),
        n: z.number(),
        incl: num,
        PRI: num,
        cases: z.array(z.string()),
      }),
    ),
  }),
  single_conditions: z.array(
    z.object({
      set: z.string(),
      inclN: num,
      RoN: num,
      covN: num,
      inclS: num,
      PRI: num,
      covS: num,
    }),
  ),
  solution: QcaSolution,
  /** The data the analysis used: conditions and outcome after calibration. */
  calibrated: QcaDataSet,
  /** Milliseconds the analysis took on the server. */
  elapsedMs: z.number(),
});
export type QcaReport = z.infer<typeof QcaReport>;

// ---- data from the case library ----

/**
 * A condition or outcome made from the coded cases: 1 when the case has it, 0 otherwise.
 * `driver`/`barrier`: some coder coded the factor that way; `factor`: coded either way.
 */
export const CaseSetSpec = z.discriminatedUnion('source', [
  z.strictObject({
    name: SetName,
    source: z.enum(['driver', 'barrier', 'factor']),
    factor: FactorCode,
  }),
  z.strictObject({ name: SetName, source: z.literal('tradition'), value: GovernanceTradition }),
  z.strictObject({ name: SetName, source: z.literal('sector'), value: CaseSector }),
  z.strictObject({ name: SetName, source: z.literal('level'), value: CaseLevel }),
  z.strictObject({ name: SetName, source: z.literal('resource'), value: ResourceKind }),
  z.strictObject({ name: SetName, source: z.literal('innovationType'), value: InnovationType }),
  z.strictObject({ name: SetName, source: z.literal('citizenRole'), value: CitizenRole }),
  z.strictObject({
    name: SetName,
    source: z.literal('experimentation'),
    value: ExperimentationSpace,
  }),
  /** One of these maturities (e.g. implemented). */
  z.strictObject({
    name: SetName,
    source: z.literal('maturity'),
    values: z.array(CaseMaturity).min(1),
  }),
  /** Some outcome recorded with at least this evidence. */
  z.strictObject({ name: SetName, source: z.literal('evidence'), min: EvidenceLevel }),
  /** Implemented, with an outcome monitored or formally evaluated (LIPSE's "successful"). */
  z.strictObject({ name: SetName, source: z.literal('implementedWithEvidence') }),
]);
export type CaseSetSpec = z.infer<typeof CaseSetSpec>;

export const CaseDataSetRequest = z.strictObject({
  /** Which published cases: the case search's filters. */
  filters: CaseFilters.default({}),
  sets: z
    .array(CaseSetSpec)
    .min(2)
    .max(QCA_MAX_CONDITIONS + 1)
    .refine((xs) => new Set(xs.map((x) => x.name)).size === xs.length, {
      message: 'must not repeat a name',
    }),
  /** Only cases with at least one code (uncoded cases say nothing about drivers and barriers). */
  codedOnly: z.boolean().default(true),
});
export type CaseDataSetRequest = z.infer<typeof CaseDataSetRequest>;

// ---- saved analyses ----

export const AnalysisCreate = z.strictObject({
  title: z.string().trim().min(3).max(200),
  description: z.string().trim().max(5000).default(''),
  data: QcaDataSet,
  params: QcaParams,
});
export type AnalysisCreate = z.infer<typeof AnalysisCreate>;

export const SavedAnalysis = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  data: QcaDataSet,
  params: QcaParams,
  owner: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  canDelete: z.boolean(),
  createdAt: z.string(),
});
export type SavedAnalysis = z.infer<typeof SavedAnalysis>;

export const AnalysisList = z.object({
  items: z.array(
    z.object({ id: z.uuid(), title: z.string(), createdAt: z.string(), cases: z.number().int() }),
  ),
});
export type AnalysisList = z.infer<typeof AnalysisList>;
