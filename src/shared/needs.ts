/**
 * Citizens' needs (issue 6): posted by residents or organisations, supported, followed and
 * answered by the organisation responsible, on a public timeline; and the responsiveness
 * figures those answers add up to.
 */
import { z } from 'zod';
import { CaseSector, vocabulary } from './case-vocabulary.ts';
import { CountryCode } from './countries.ts';

export const NEED_STATUSES = vocabulary({
  open: { en: 'Open', nl: 'Open' },
  acknowledged: { en: 'Acknowledged', nl: 'Erkend' },
  being_addressed: { en: 'Being addressed', nl: 'Wordt aangepakt' },
  resolved: { en: 'Resolved', nl: 'Opgelost' },
  declined: { en: 'Declined', nl: 'Afgewezen' },
});
export const NeedStatus = NEED_STATUSES.schema;
export type NeedStatus = z.infer<typeof NeedStatus>;

/**
 * The status changes the responsible organisation may make. Going back — a resolved or declined
 * need opened again — is not a status change but a reopening, with a reason.
 */
export const NEED_TRANSITIONS: Readonly<Record<NeedStatus, readonly NeedStatus[]>> = {
  open: ['acknowledged', 'declined'],
  acknowledged: ['being_addressed', 'resolved', 'declined'],
  being_addressed: ['resolved', 'declined'],
  resolved: [],
  declined: [],
};

export const NEED_SORTS = ['supports', 'newest'] as const;

const text = (max: number) => z.string().trim().max(max);

export const NeedCreate = z.strictObject({
  title: z.string().trim().min(5).max(200),
  description: text(8000).default(''),
  place: text(200).default(''),
  country: CountryCode,
  latitude: z.number().min(-90).max(90).nullable().default(null),
  longitude: z.number().min(-180).max(180).nullable().default(null),
  sector: CaseSector.nullable().default(null),
  responsibleOrganisationId: z.uuid().nullable().default(null),
  /** Post on behalf of an organisation I am a member of. */
  organisationId: z.uuid().nullable().default(null),
});
export type NeedCreate = z.infer<typeof NeedCreate>;

export const NeedUpdate = z
  .strictObject({
    title: z.string().trim().min(5).max(200),
    description: text(8000),
    place: text(200),
    sector: CaseSector.nullable(),
    responsibleOrganisationId: z.uuid().nullable(),
  })
  .partial();
export type NeedUpdate = z.infer<typeof NeedUpdate>;

export const NeedStatusChange = z
  .strictObject({
    status: NeedStatus.exclude(['open']),
    reason: z.string().trim().max(2000).optional(),
  })
  .refine((c) => c.status !== 'declined' || (c.reason ?? '').length >= 3, {
    message: 'a declined need needs a reason',
    path: ['reason'],
  });
export const NeedReopen = z.strictObject({ reason: z.string().trim().min(3).max(2000) });
export const NeedMerge = z.strictObject({ into: z.uuid() });
export const NeedCommentCreate = z.strictObject({ body: z.string().trim().min(1).max(4000) });

export const NeedsQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  country: CountryCode.optional(),
  sector: CaseSector.optional(),
  status: NeedStatus.optional(),
  organisation: z.uuid().optional(),
  sort: z.enum(NEED_SORTS).default('supports'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type NeedsQuery = z.infer<typeof NeedsQuery>;
export const NEEDS_PAGE_SIZE = 20;

export const SimilarQuery = z.strictObject({ title: z.string().trim().min(3).max(200) });

const Ref = z.object({ id: z.uuid(), name: z.string() });

export const NeedSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  place: z.string(),
  country: z.string(),
  sector: z.string().nullable(),
  status: NeedStatus,
  supports: z.number().int(),
  responsibleOrganisation: Ref.nullable(),
  createdAt: z.string(),
});
export type NeedSummary = z.infer<typeof NeedSummary>;
export const NeedList = z.object({ items: z.array(NeedSummary), total: z.number().int() });
export type NeedList = z.infer<typeof NeedList>;

export const NeedEvent = z.object({
  kind: z.enum(['created', 'status', 'reopened', 'merged_from', 'merged_into']),
  fromStatus: NeedStatus.nullable(),
  toStatus: NeedStatus.nullable(),
  reason: z.string().nullable(),
  otherNeed: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  actor: z.string().nullable(),
  organisation: Ref.nullable(),
  at: z.string(),
});
export type NeedEvent = z.infer<typeof NeedEvent>;

export const NeedComment = z.object({
  id: z.uuid(),
  author: Ref.nullable(),
  body: z.string(),
  createdAt: z.string(),
  /** Hidden by a moderator (only its author and moderators see it). */
  hidden: z.boolean(),
});
export type NeedComment = z.infer<typeof NeedComment>;

export const Need = NeedSummary.extend({
  description: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  author: Ref.nullable(),
  organisation: Ref.nullable(),
  statusReason: z.string().nullable(),
  /** Hidden by a moderator, with the justification (only its author and moderators see it). */
  hidden: z.boolean(),
  hiddenReason: z.string().nullable(),
  /** Waiting for a moderator's approval: its organisation requires pre-moderation. */
  awaitingApproval: z.boolean(),
  /** Set when a moderator merged this need into another: show that one instead. */
  mergedInto: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  followers: z.number().int(),
  /** Initiatives that address it. */
  initiatives: z.array(z.object({ id: z.uuid(), title: z.string() })),
  timeline: z.array(NeedEvent),
  comments: z.array(NeedComment),
  supportedByMe: z.boolean(),
  followedByMe: z.boolean(),
  /** Members of the responsible organisation answer the need. */
  canAnswer: z.boolean(),
  /** Its author (while open) and moderators change it. */
  canEdit: z.boolean(),
  canMerge: z.boolean(),
});
export type Need = z.infer<typeof Need>;

/** Responsiveness of one organisation, or of all organisations together. */
export const ResponsivenessFigures = z.object({
  needs: z.number().int(),
  /** Median days from a need's posting to acknowledged, to being addressed, to resolved. */
  medianDaysToAcknowledged: z.number().nullable(),
  medianDaysToAddressed: z.number().nullable(),
  medianDaysToResolved: z.number().nullable(),
  /** Of the needs at least 30 days old, those answered (acknowledged or declined) within 30 days. */
  answeredWithin30Days: z.number().int(),
  dueFor30Days: z.number().int(),
  shareAnsweredWithin30Days: z.number().nullable(),
  byMonth: z.array(
    z.object({
      month: z.string(),
      needs: z.number().int(),
      answeredWithin30Days: z.number().int(),
      dueFor30Days: z.number().int(),
      medianDaysToAcknowledged: z.number().nullable(),
    }),
  ),
});
export type ResponsivenessFigures = z.infer<typeof ResponsivenessFigures>;

export const Responsiveness = z.object({
  organisation: Ref.nullable(),
  figures: ResponsivenessFigures,
  /** When the figures were computed (they count to this moment). */
  asOf: z.string(),
});
export type Responsiveness = z.infer<typeof Responsiveness>;

export const ResponsivenessRanking = z.object({
  overall: ResponsivenessFigures,
  organisations: z.array(
    z.object({ organisation: Ref, figures: ResponsivenessFigures.omit({ byMonth: true }) }),
  ),
  asOf: z.string(),
});
export type ResponsivenessRanking = z.infer<typeof ResponsivenessRanking>;
