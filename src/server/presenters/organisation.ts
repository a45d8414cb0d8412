import type {
  JoinRequest,
  Member,
  MemberRole,
  Organisation,
  OrganisationSummary,
} from '../../shared/organisations.ts';
import type { joinRequests, organisations } from '../db/schema/index.ts';

type OrganisationRow = typeof organisations.$inferSelect;

export function presentOrganisationSummary(
  o: Pick<OrganisationRow, 'id' | 'name' | 'kind' | 'country' | 'level' | 'sector'>,
): OrganisationSummary {
  return {
    id: o.id,
    name: o.name,
    kind: o.kind,
    country: o.country,
    level: o.level,
    sector: o.sector,
  } satisfies OrganisationSummary;
}

export function presentOrganisation(
  o: OrganisationRow,
  extra: { memberCount: number; myRole: MemberRole | null; myJoinRequestPending: boolean },
): Organisation {
  return {
    ...presentOrganisationSummary(o),
    website: o.website,
    description: o.description,
    memberCount: extra.memberCount,
    premoderation: o.premoderation,
    myRole: extra.myRole,
    myJoinRequestPending: extra.myJoinRequestPending,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  } satisfies Organisation;
}

export function presentMember(
  m: { userId: string; name: string; email: string | null; role: MemberRole; createdAt: Date },
  showEmail: boolean,
): Member {
  return {
    userId: m.userId,
    name: m.name,
    email: showEmail ? m.email : null,
    role: m.role,
    since: m.createdAt.toISOString(),
  } satisfies Member;
}

export function presentJoinRequest(r: typeof joinRequests.$inferSelect, name: string): JoinRequest {
  return {
    id: r.id,
    userId: r.userId,
    name,
    message: r.message,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
  } satisfies JoinRequest;
}
