import { z } from 'zod';
import { CountryCode } from './countries.ts';
import { Limit, pageOf } from './pagination.ts';

export const ORGANISATION_KINDS = [
  'public_body',
  'company',
  'civil_society',
  'academic',
  'community_group',
] as const;
export const OrganisationKind = z.enum(ORGANISATION_KINDS);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

export const GOVERNMENT_LEVELS = ['local', 'regional', 'national', 'supranational'] as const;
export const GovernmentLevel = z.enum(GOVERNMENT_LEVELS);
export type GovernmentLevel = z.infer<typeof GovernmentLevel>;

/** The ten divisions of COFOG (UN Classification of the Functions of Government), by code. */
export const COFOG_DIVISIONS = [
  '01',
  '02',
  '03',
  '04',
  '05',
  '06',
  '07',
  '08',
  '09',
  '10',
] as const;
export const Sector = z.enum(COFOG_DIVISIONS);
export type Sector = z.infer<typeof Sector>;

export const MEMBER_ROLES = ['owner', 'admin', 'member'] as const;
export const MemberRole = z.enum(MEMBER_ROLES);
export type MemberRole = z.infer<typeof MemberRole>;

const Website = z.url({ protocol: /^https?$/, message: 'must be an http(s) address' }).max(300);

const organisationFields = {
  name: z.string().trim().min(2, { message: 'must be at least 2 characters' }).max(200),
  kind: OrganisationKind,
  country: CountryCode,
  level: GovernmentLevel.nullable().optional(),
  sector: Sector.nullable().optional(),
  website: Website.nullable().optional(),
  description: z.string().trim().max(5000).optional(),
};

function levelOnlyForPublicBodies(o: { kind?: OrganisationKind; level?: GovernmentLevel | null }) {
  return !(o.level && o.kind && o.kind !== 'public_body');
}
const levelIssue = { message: 'only public bodies have a level of government', path: ['level'] };

export const OrganisationCreate = z
  .strictObject(organisationFields)
  .refine(levelOnlyForPublicBodies, levelIssue);
export type OrganisationCreate = z.infer<typeof OrganisationCreate>;

export const OrganisationUpdate = z
  .strictObject({
    name: organisationFields.name.optional(),
    kind: organisationFields.kind.optional(),
    country: organisationFields.country.optional(),
    level: organisationFields.level,
    sector: organisationFields.sector,
    website: organisationFields.website,
    description: organisationFields.description,
  })
  .refine(levelOnlyForPublicBodies, levelIssue);
export type OrganisationUpdate = z.infer<typeof OrganisationUpdate>;

export const OrganisationListQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  kind: OrganisationKind.optional(),
  country: CountryCode.optional(),
  limit: Limit,
  cursor: z.string().max(500).optional(),
});
export type OrganisationListQuery = z.infer<typeof OrganisationListQuery>;

export const OrganisationSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: OrganisationKind,
  country: z.string(),
  level: GovernmentLevel.nullable(),
  sector: Sector.nullable(),
});
export type OrganisationSummary = z.infer<typeof OrganisationSummary>;

export const Organisation = OrganisationSummary.extend({
  website: z.string().nullable(),
  description: z.string(),
  memberCount: z.number().int(),
  /** Needs it is made responsible for wait for a moderator's approval. */
  premoderation: z.boolean(),
  /** The viewer's role in the organisation, or null. */
  myRole: MemberRole.nullable(),
  /** Whether the viewer has a pending join request. */
  myJoinRequestPending: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Organisation = z.infer<typeof Organisation>;

export const OrganisationPage = pageOf(OrganisationSummary);
export type OrganisationPage = z.infer<typeof OrganisationPage>;

export const Member = z.object({
  userId: z.uuid(),
  name: z.string(),
  /** Only shown to the organisation's owners and admins and to platform admins. */
  email: z.string().nullable(),
  role: MemberRole,
  since: z.string(),
});
export type Member = z.infer<typeof Member>;
export const MemberList = z.object({ items: z.array(Member) });
export type MemberList = z.infer<typeof MemberList>;

export const MemberAdd = z.strictObject({
  email: z.email({ message: 'must be an e-mail address' }).transform((s) => s.trim().toLowerCase()),
  role: MemberRole.default('member'),
});
export type MemberAdd = z.infer<typeof MemberAdd>;

export const MemberRoleChange = z.strictObject({ role: MemberRole });
export type MemberRoleChange = z.infer<typeof MemberRoleChange>;

export const JoinRequestCreate = z.strictObject({
  message: z.string().trim().max(1000).default(''),
});
export type JoinRequestCreate = z.infer<typeof JoinRequestCreate>;

export const JOIN_REQUEST_STATUSES = ['pending', 'accepted', 'declined'] as const;
export const JoinRequest = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  name: z.string(),
  message: z.string(),
  status: z.enum(JOIN_REQUEST_STATUSES),
  createdAt: z.string(),
});
export type JoinRequest = z.infer<typeof JoinRequest>;
export const JoinRequestList = z.object({ items: z.array(JoinRequest) });
export type JoinRequestList = z.infer<typeof JoinRequestList>;

export const JoinRequestDecision = z.strictObject({ decision: z.enum(['accept', 'decline']) });
export type JoinRequestDecision = z.infer<typeof JoinRequestDecision>;
