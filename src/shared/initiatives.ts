/**
 * Initiatives (issue 6): citizens' own initiatives with their stakeholders and roles (Voorberg
 * et al. 2015), milestones, progress, outcomes and followers; government's supporting role as
 * facilitation actions by public bodies; and publication to the case library.
 */
import { z } from 'zod';
import {
  CaseSector,
  CaseStage,
  EvidenceLevel,
  OutcomeDimension,
  vocabulary,
} from './case-vocabulary.ts';
import { CountryCode } from './countries.ts';

export const STAKEHOLDER_ROLES = vocabulary({
  co_initiator: { en: 'Co-initiator', nl: 'Mede-initiatiefnemer' },
  co_designer: { en: 'Co-designer', nl: 'Mede-ontwerper' },
  co_implementer: { en: 'Co-implementer', nl: 'Mede-uitvoerder' },
  facilitator: { en: 'Facilitator', nl: 'Facilitator' },
  funder: { en: 'Funder', nl: 'Financier' },
  partner: { en: 'Partner', nl: 'Partner' },
});
export const StakeholderRole = STAKEHOLDER_ROLES.schema;
export type StakeholderRole = z.infer<typeof StakeholderRole>;

export const FACILITATION_KINDS = vocabulary({
  convene: { en: 'Bring parties together', nl: 'Partijen samenbrengen' },
  space: { en: 'Provide space or a building', nl: 'Ruimte of een gebouw bieden' },
  funding: { en: 'Funding', nl: 'Financiering' },
  expertise: { en: 'Expertise', nl: 'Expertise' },
  regulatory_room: { en: 'Regulatory room (an exemption)', nl: 'Regelruimte (een ontheffing)' },
  data_access: { en: 'Access to data', nl: 'Toegang tot gegevens' },
});
export const FacilitationKind = FACILITATION_KINDS.schema;
export type FacilitationKind = z.infer<typeof FacilitationKind>;

export const FACILITATION_STATUSES = vocabulary({
  requested: { en: 'Requested', nl: 'Gevraagd' },
  committed: { en: 'Committed', nl: 'Toegezegd' },
  delivered: { en: 'Delivered', nl: 'Geleverd' },
  withdrawn: { en: 'Withdrawn', nl: 'Ingetrokken' },
});
export const FacilitationStatus = FACILITATION_STATUSES.schema;
export type FacilitationStatus = z.infer<typeof FacilitationStatus>;

export const FACILITATION_TRANSITIONS: Readonly<
  Record<FacilitationStatus, readonly FacilitationStatus[]>
> = {
  requested: ['committed', 'withdrawn'],
  committed: ['delivered', 'withdrawn'],
  delivered: [],
  withdrawn: [],
};

const text = (max: number) => z.string().trim().max(max);
const IsoDate = z.iso.date();

export const InitiativeCreate = z.strictObject({
  title: z.string().trim().min(5).max(200),
  purpose: text(8000).default(''),
  place: text(200).default(''),
  country: CountryCode,
  sector: CaseSector.nullable().default(null),
  stage: CaseStage.default('identifying_problems'),
  /** My role in it (I become an owner). */
  role: StakeholderRole.default('co_initiator'),
});
export type InitiativeCreate = z.infer<typeof InitiativeCreate>;

export const InitiativeUpdate = z
  .strictObject({
    title: z.string().trim().min(5).max(200),
    purpose: text(8000),
    place: text(200),
    sector: CaseSector.nullable(),
    stage: CaseStage,
  })
  .partial();
export type InitiativeUpdate = z.infer<typeof InitiativeUpdate>;

export const StakeholderAdd = z
  .strictObject({
    /** A person with an account… */
    email: z.email().max(320).optional(),
    /** …or an organisation on the platform… */
    organisationId: z.uuid().optional(),
    role: StakeholderRole,
    owner: z.boolean().default(false),
  })
  .refine((s) => (s.email === undefined) !== (s.organisationId === undefined), {
    message: 'give either email or organisationId',
    path: ['email'],
  });
export type StakeholderAdd = z.infer<typeof StakeholderAdd>;

export const JoinRequestCreate = z.strictObject({
  role: StakeholderRole,
  message: text(2000).default(''),
});
export const JoinDecision = z.strictObject({ accept: z.boolean() });

export const MilestoneCreate = z
  .strictObject({
    title: z.string().trim().min(2).max(300),
    plannedOn: IsoDate.nullable().default(null),
    doneOn: IsoDate.nullable().default(null),
  })
  .refine((m) => m.plannedOn !== null || m.doneOn !== null, {
    message: 'give a planned or a done date',
    path: ['plannedOn'],
  });
export const MilestoneUpdate = z.strictObject({ doneOn: IsoDate.nullable() });
export const UpdateCreate = z.strictObject({ body: z.string().trim().min(3).max(8000) });
export const OutcomeCreate = z.strictObject({
  dimension: OutcomeDimension,
  evidence: EvidenceLevel,
  description: z.string().trim().min(3).max(4000),
});
export const NeedLink = z.strictObject({ needId: z.uuid() });

export const FacilitationCreate = z
  .strictObject({
    /** The public body that facilitates. */
    organisationId: z.uuid(),
    kind: FacilitationKind,
    description: text(4000).default(''),
    /** For space: where, when, on what conditions. */
    address: text(500).default(''),
    periodStart: IsoDate.nullable().default(null),
    periodEnd: IsoDate.nullable().default(null),
    conditions: text(2000).default(''),
    /** For funding. */
    amount: z.number().positive().max(1e12).nullable().default(null),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 code such as EUR' })
      .default('EUR'),
  })
  .refine((f) => f.kind !== 'funding' || f.amount !== null, {
    message: 'funding needs an amount',
    path: ['amount'],
  })
  .refine((f) => !(f.periodStart && f.periodEnd && f.periodEnd < f.periodStart), {
    message: 'must not be before periodStart',
    path: ['periodEnd'],
  });
export type FacilitationCreate = z.infer<typeof FacilitationCreate>;

export const FacilitationStatusChange = z
  .strictObject({
    status: FacilitationStatus.exclude(['requested']),
    reason: z.string().trim().max(2000).optional(),
  })
  .refine((c) => c.status !== 'withdrawn' || (c.reason ?? '').length >= 3, {
    message: 'a withdrawal needs a reason',
    path: ['reason'],
  });

export const InitiativesQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  country: CountryCode.optional(),
  sector: CaseSector.optional(),
  stage: CaseStage.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type InitiativesQuery = z.infer<typeof InitiativesQuery>;
export const INITIATIVES_PAGE_SIZE = 20;

const Ref = z.object({ id: z.uuid(), name: z.string() });

export const Facilitation = z.object({
  id: z.uuid(),
  initiative: z.object({ id: z.uuid(), title: z.string() }),
  organisation: Ref,
  kind: FacilitationKind,
  description: z.string(),
  address: z.string(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  conditions: z.string(),
  amount: z.number().nullable(),
  currency: z.string(),
  status: FacilitationStatus,
  reason: z.string().nullable(),
  createdAt: z.string(),
  /** Members of the facilitating organisation move it on. */
  canChange: z.boolean(),
});
export type Facilitation = z.infer<typeof Facilitation>;

export const InitiativeSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  place: z.string(),
  country: z.string(),
  sector: z.string().nullable(),
  stage: CaseStage,
  stakeholders: z.number().int(),
  followers: z.number().int(),
  createdAt: z.string(),
});
export type InitiativeSummary = z.infer<typeof InitiativeSummary>;
export const InitiativeList = z.object({
  items: z.array(InitiativeSummary),
  total: z.number().int(),
});

export const Stakeholder = z.object({
  id: z.uuid(),
  person: Ref.nullable(),
  organisation: Ref.nullable(),
  role: StakeholderRole,
  owner: z.boolean(),
});
export type Stakeholder = z.infer<typeof Stakeholder>;

export const InitiativeJoinRequest = z.object({
  id: z.uuid(),
  person: Ref,
  role: StakeholderRole,
  message: z.string(),
  createdAt: z.string(),
});

export const Initiative = InitiativeSummary.extend({
  purpose: z.string(),
  stakeholderList: z.array(Stakeholder),
  needs: z.array(z.object({ id: z.uuid(), title: z.string(), status: z.string() })),
  milestones: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      plannedOn: z.string().nullable(),
      doneOn: z.string().nullable(),
    }),
  ),
  updates: z.array(
    z.object({
      id: z.uuid(),
      author: Ref.nullable(),
      body: z.string(),
      createdAt: z.string(),
      hidden: z.boolean(),
    }),
  ),
  outcomes: z.array(
    z.object({
      id: z.uuid(),
      dimension: OutcomeDimension,
      evidence: EvidenceLevel,
      description: z.string(),
    }),
  ),
  facilitation: z.array(Facilitation),
  /** Pending join requests: owners only (empty for everyone else). */
  joinRequests: z.array(InitiativeJoinRequest),
  /** Hidden by a moderator, with the justification (only its owners and moderators see it). */
  hidden: z.boolean(),
  hiddenReason: z.string().nullable(),
  /** The case it was published as. */
  case: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  followedByMe: z.boolean(),
  myRole: StakeholderRole.nullable(),
  isOwner: z.boolean(),
  /** Stakeholders post progress updates. */
  canPostUpdates: z.boolean(),
  hasPendingRequest: z.boolean(),
});
export type Initiative = z.infer<typeof Initiative>;

/** What an organisation did to facilitate citizens' initiatives. */
export const FacilitationProfile = z.object({
  organisation: Ref,
  byKind: z.record(z.string(), z.record(z.string(), z.number().int())),
  items: z.array(Facilitation),
});
