/**
 * Safe havens (issue 9): spaces where trial and error is allowed, an experiment registry with
 * pre-registration, and a public library of lessons, failures included.
 */
import { z } from 'zod';
import { CaseSector, vocabulary } from './case-vocabulary.ts';
import { CountryCode } from './countries.ts';

export const SPACE_VISIBILITIES = vocabulary({
  public: { en: 'Public', nl: 'Openbaar' },
  transparent: {
    en: 'Transparent (everyone reads, members write)',
    nl: 'Transparant (iedereen leest, leden schrijven)',
  },
  private: { en: 'Private (members only)', nl: 'Besloten (alleen leden)' },
});
export const SpaceVisibility = SPACE_VISIBILITIES.schema;
export type SpaceVisibility = z.infer<typeof SpaceVisibility>;

export const SPACE_ROLES = vocabulary({
  owner: { en: 'Owner', nl: 'Eigenaar' },
  member: { en: 'Member', nl: 'Lid' },
  observer: { en: 'Observer', nl: 'Waarnemer' },
});
export const SpaceRole = SPACE_ROLES.schema;
export type SpaceRole = z.infer<typeof SpaceRole>;

export const EXPERIMENT_DESIGNS = vocabulary({
  prototype: { en: 'Prototype', nl: 'Prototype' },
  pilot: { en: 'Pilot', nl: 'Pilot' },
  ab_test: { en: 'A/B test', nl: 'A/B-test' },
  randomised_trial: { en: 'Randomised trial', nl: 'Gerandomiseerd experiment' },
  regulatory_sandbox: { en: 'Regulatory sandbox', nl: 'Regelluwe zone' },
  other: { en: 'Other', nl: 'Anders' },
});
export const ExperimentDesign = EXPERIMENT_DESIGNS.schema;

export const EXPERIMENT_STATUSES = vocabulary({
  planned: { en: 'Planned', nl: 'Gepland' },
  running: { en: 'Running', nl: 'Loopt' },
  completed: { en: 'Completed', nl: 'Afgerond' },
  stopped: { en: 'Stopped early', nl: 'Voortijdig gestopt' },
});
export const ExperimentStatus = EXPERIMENT_STATUSES.schema;
export type ExperimentStatus = z.infer<typeof ExperimentStatus>;

export const EXPERIMENT_RESULTS = vocabulary({
  supported: { en: 'Supported', nl: 'Bevestigd' },
  not_supported: { en: 'Not supported', nl: 'Niet bevestigd' },
  inconclusive: { en: 'Inconclusive', nl: 'Geen uitsluitsel' },
});
export const ExperimentResult = EXPERIMENT_RESULTS.schema;
export type ExperimentResult = z.infer<typeof ExperimentResult>;

/** The outcome measured per unit: 0/1 (a proportion) or a number (a mean). */
export const OutcomeKind = z.enum(['binary', 'numeric']);
export type OutcomeKind = z.infer<typeof OutcomeKind>;

const text = (max: number) => z.string().trim().max(max);
const IsoDate = z.iso.date();

export const SpaceCreate = z.strictObject({
  name: z.string().trim().min(2).max(200),
  description: text(5000).default(''),
  visibility: SpaceVisibility,
  organisationId: z.uuid().nullable().default(null),
  /** An initiative I am a stakeholder of. */
  initiativeId: z.uuid().nullable().default(null),
});
export type SpaceCreate = z.infer<typeof SpaceCreate>;
export const SpaceUpdate = z
  .strictObject({
    name: z.string().trim().min(2).max(200),
    description: text(5000),
    visibility: SpaceVisibility,
  })
  .partial();
export type SpaceUpdate = z.infer<typeof SpaceUpdate>;

/** The plan of an experiment: frozen when it starts (changes then become amendments). */
const planFields = {
  title: z.string().trim().min(2).max(200),
  question: text(4000),
  hypothesis: text(4000),
  intervention: text(4000),
  design: ExperimentDesign,
  population: text(2000),
  plannedSampleSize: z.number().int().min(1).max(100_000_000).nullable(),
  primaryMetric: text(1000),
  successCriterion: text(2000),
  startsOn: IsoDate.nullable(),
  endsOn: IsoDate.nullable(),
  budget: z.number().min(0).max(1e12).nullable(),
  currency: z.string().regex(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 code such as EUR' }),
  risks: text(4000),
  ethics: text(4000),
  dataProtection: text(4000),
  /** The arms of the comparison, e.g. control and treatment. */
  arms: z
    .array(z.string().trim().min(1).max(40))
    .max(10)
    .refine((a) => new Set(a).size === a.length, { message: 'must not repeat an arm' }),
  outcomeKind: OutcomeKind,
  sector: CaseSector.nullable(),
  country: CountryCode.nullable(),
};

function datesInOrder(e: { startsOn?: string | null; endsOn?: string | null }) {
  return !(e.startsOn && e.endsOn && e.endsOn < e.startsOn);
}
const datesIssue = { message: 'must not be before startsOn', path: ['endsOn'] };

export const ExperimentCreate = z
  .strictObject({
    ...planFields,
    question: planFields.question.default(''),
    hypothesis: planFields.hypothesis.default(''),
    intervention: planFields.intervention.default(''),
    population: planFields.population.default(''),
    plannedSampleSize: planFields.plannedSampleSize.default(null),
    primaryMetric: planFields.primaryMetric.default(''),
    successCriterion: planFields.successCriterion.default(''),
    startsOn: planFields.startsOn.default(null),
    endsOn: planFields.endsOn.default(null),
    budget: planFields.budget.default(null),
    currency: planFields.currency.default('EUR'),
    risks: planFields.risks.default(''),
    ethics: planFields.ethics.default(''),
    dataProtection: planFields.dataProtection.default(''),
    arms: planFields.arms.default(['control', 'treatment']),
    outcomeKind: planFields.outcomeKind.default('binary'),
    sector: planFields.sector.default(null),
    country: planFields.country.default(null),
  })
  .refine(datesInOrder, datesIssue);
export type ExperimentCreate = z.infer<typeof ExperimentCreate>;

/** Lessons and the result are not part of the plan: they may change at any time. */
const reportFields = {
  result: ExperimentResult.nullable(),
  lessonsWorked: text(8000),
  lessonsFailed: text(8000),
  lessonsDifferently: text(8000),
};

export const ExperimentUpdate = z
  .strictObject({
    ...planFields,
    ...reportFields,
    /** Why the plan changes after the start: required then, kept with the amendment. */
    amendmentReason: z.string().trim().min(3).max(2000).optional(),
  })
  .partial()
  .refine(datesInOrder, datesIssue);
export type ExperimentUpdate = z.infer<typeof ExperimentUpdate>;

/** Plan fields whose change after the start is an amendment (all of them are). */
export const PLAN_FIELDS = Object.keys(planFields) as (keyof typeof planFields)[];

export const StopRequest = z.strictObject({ reason: z.string().trim().min(3).max(2000) });
export const CompleteRequest = z.strictObject({ result: ExperimentResult });
export const DecisionCreate = z.strictObject({ text: z.string().trim().min(3).max(4000) });
export const PublishRequest = z.strictObject({
  /** Leave out the organisation and every person's name. */
  anonymise: z.boolean(),
  /** The person saw the preview of what becomes public. */
  confirm: z.literal(true, { message: 'confirm what becomes public first' }),
});
export const InvitationCreate = z
  .strictObject({
    email: z.email().max(320).optional(),
    /** Invite every member of this organisation (the inviter must belong to it). */
    organisationId: z.uuid().optional(),
    role: SpaceRole.exclude(['owner']).default('member'),
  })
  .refine((i) => (i.email === undefined) !== (i.organisationId === undefined), {
    message: 'give either email or organisationId',
    path: ['email'],
  });
export type InvitationCreate = z.infer<typeof InvitationCreate>;

export const AllocationRequest = z.strictObject({
  method: z.enum(['simple', 'block', 'stratified']),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1),
  blockSize: z.number().int().min(1).max(10_000).optional(),
  units: z
    .array(
      z.strictObject({
        id: z.string().trim().min(1).max(200),
        strata: z.record(z.string().max(100), z.string().max(200)).optional(),
      }),
    )
    .min(1)
    .max(100_000),
});
export type AllocationRequest = z.infer<typeof AllocationRequest>;

export const LessonsQuery = z.strictObject({
  q: z.string().trim().max(300).optional(),
  sector: CaseSector.optional(),
  design: ExperimentDesign.optional(),
  result: z.union([ExperimentResult, z.literal('stopped')]).optional(),
  country: CountryCode.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type LessonsQuery = z.infer<typeof LessonsQuery>;
/** Lessons per page of the library. */
export const LESSONS_PAGE_SIZE = 20;

export const Space = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  visibility: SpaceVisibility,
  organisation: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  initiative: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  /** The viewer's role, or null when the viewer is not a member. */
  myRole: SpaceRole.nullable(),
  members: z.number().int(),
  createdAt: z.string(),
  /** Members (not observers) may write; owners manage the space. */
  canWrite: z.boolean(),
  canManage: z.boolean(),
});
export type Space = z.infer<typeof Space>;
export const SpaceList = z.object({ items: z.array(Space) });

export const SpaceMember = z.object({
  userId: z.uuid(),
  name: z.string(),
  role: SpaceRole,
  since: z.string(),
});
export type SpaceMember = z.infer<typeof SpaceMember>;
export const SpaceMemberList = z.object({ items: z.array(SpaceMember) });

/** Owners add people who have an account, by e-mail address. */
export const SpaceMemberAdd = z.strictObject({
  email: z.email().max(320),
  role: SpaceRole.default('member'),
});
export type SpaceMemberAdd = z.infer<typeof SpaceMemberAdd>;

export const AccessLogEntry = z.object({
  at: z.string(),
  user: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  action: z.string(),
});
export const AccessLog = z.object({ items: z.array(AccessLogEntry) });

// ---- invitations ----

export const Invitation = z.object({
  id: z.uuid(),
  space: z.object({ id: z.uuid(), name: z.string() }),
  email: z.string(),
  role: SpaceRole,
  invitedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type Invitation = z.infer<typeof Invitation>;
export const InvitationList = z.object({ items: z.array(Invitation) });

// ---- experiments ----

export const OutcomesUpload = z.strictObject({
  /** The outcome file: a header `unit,arm,value` and one row per unit. */
  csv: z.string().min(1).max(20_000_000),
});

const Person = z.object({ id: z.uuid(), name: z.string() }).nullable();

export const Amendment = z.object({
  id: z.uuid(),
  field: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string(),
  by: Person,
  at: z.string(),
});
export type Amendment = z.infer<typeof Amendment>;

export const Decision = z.object({ id: z.uuid(), text: z.string(), by: Person, at: z.string() });
export type Decision = z.infer<typeof Decision>;

export const OutcomeAnalysis = z.union([
  z.object({
    kind: z.literal('binary'),
    arms: z.tuple([z.string(), z.string()]),
    n: z.tuple([z.number(), z.number()]),
    successes: z.tuple([z.number(), z.number()]),
    proportions: z.tuple([z.number(), z.number()]),
    difference: z.number(),
    statistic: z.number().nullable(),
    pValue: z.number().nullable(),
    confLow: z.number(),
    confHigh: z.number(),
  }),
  z.object({
    kind: z.literal('numeric'),
    arms: z.tuple([z.string(), z.string()]),
    n: z.tuple([z.number(), z.number()]),
    means: z.tuple([z.number(), z.number()]),
    difference: z.number(),
    statistic: z.number(),
    df: z.number(),
    pValue: z.number(),
    confLow: z.number(),
    confHigh: z.number(),
  }),
]);
export type OutcomeAnalysis = z.infer<typeof OutcomeAnalysis>;

export const AllocationSummary = z.object({
  method: z.enum(['simple', 'block', 'stratified']),
  seed: z.number().int(),
  blockSize: z.number().int().nullable(),
  units: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
  countsByStratum: z.record(z.string(), z.record(z.string(), z.number().int())),
  createdAt: z.string(),
});

export const OutcomesSummary = z.object({
  units: z.number().int(),
  byArm: z.record(z.string(), z.number().int()),
  uploadedAt: z.string(),
});

const planShape = z.object({
  title: z.string(),
  question: z.string(),
  hypothesis: z.string(),
  intervention: z.string(),
  design: ExperimentDesign,
  population: z.string(),
  plannedSampleSize: z.number().int().nullable(),
  primaryMetric: z.string(),
  successCriterion: z.string(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  budget: z.number().nullable(),
  currency: z.string(),
  risks: z.string(),
  ethics: z.string(),
  dataProtection: z.string(),
  arms: z.array(z.string()),
  outcomeKind: OutcomeKind,
  /** A COFOG code and an ISO country code (plain strings: responses are not re-validated). */
  sector: z.string().nullable(),
  country: z.string().nullable(),
});

export const ExperimentSummary = z.object({
  id: z.uuid(),
  spaceId: z.uuid(),
  title: z.string(),
  design: ExperimentDesign,
  status: ExperimentStatus,
  result: ExperimentResult.nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  published: z.boolean(),
  updatedAt: z.string(),
});
export type ExperimentSummary = z.infer<typeof ExperimentSummary>;
export const ExperimentList = z.object({ items: z.array(ExperimentSummary) });

export const Experiment = planShape.extend({
  id: z.uuid(),
  space: z.object({ id: z.uuid(), name: z.string(), visibility: SpaceVisibility }),
  status: ExperimentStatus,
  result: ExperimentResult.nullable(),
  stopReason: z.string().nullable(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  lessonsWorked: z.string(),
  lessonsFailed: z.string(),
  lessonsDifferently: z.string(),
  createdBy: Person,
  createdAt: z.string(),
  updatedAt: z.string(),
  amendments: z.array(Amendment),
  decisions: z.array(Decision),
  allocation: AllocationSummary.nullable(),
  outcomes: OutcomesSummary.nullable(),
  analysis: OutcomeAnalysis.nullable(),
  /** Why there is no analysis although there are outcomes (e.g. an arm without data). */
  analysisProblem: z.string().nullable(),
  lesson: z.object({ id: z.uuid(), publishedAt: z.string(), anonymised: z.boolean() }).nullable(),
  canWrite: z.boolean(),
  canManage: z.boolean(),
});
export type Experiment = z.infer<typeof Experiment>;

// ---- the lessons library ----

/** A published experiment: exactly what the owner confirmed in the preview, nothing more. */
export const Lesson = planShape
  .omit({ budget: true, currency: true, arms: true, outcomeKind: true })
  .extend({
    id: z.uuid(),
    status: z.enum(['completed', 'stopped']),
    stopReason: z.string().nullable(),
    result: ExperimentResult.nullable(),
    lessonsWorked: z.string(),
    lessonsFailed: z.string(),
    lessonsDifferently: z.string(),
    /** Null when anonymised. */
    organisation: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    /** The team's names; empty when anonymised. */
    people: z.array(z.string()),
    analysis: OutcomeAnalysis.nullable(),
    amendments: z.array(
      z.object({
        field: z.string(),
        before: z.unknown(),
        after: z.unknown(),
        reason: z.string(),
        at: z.string(),
      }),
    ),
    anonymised: z.boolean(),
    publishedAt: z.string(),
  });
export type Lesson = z.infer<typeof Lesson>;

export const LessonSummary = Lesson.pick({
  id: true,
  title: true,
  design: true,
  status: true,
  result: true,
  sector: true,
  country: true,
  organisation: true,
  anonymised: true,
  publishedAt: true,
}).extend({ excerpt: z.string() });
export type LessonSummary = z.infer<typeof LessonSummary>;

export const LessonList = z.object({
  items: z.array(LessonSummary),
  total: z.number().int(),
  /** Counts over the published lessons that match the other filters. */
  facets: z.object({
    design: z.record(z.string(), z.number().int()),
    result: z.record(z.string(), z.number().int()),
    sector: z.record(z.string(), z.number().int()),
    country: z.record(z.string(), z.number().int()),
  }),
});
export type LessonList = z.infer<typeof LessonList>;

/** The preview of a publication: the lesson as it would appear. */
export const PublicationPreview = z.object({ lesson: Lesson });
