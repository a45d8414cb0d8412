/**
 * Working groups: the group, its members (with affiliation and country), join requests and
 * invitations, and the cross-border profile. A private group is invisible to everyone outside it,
 * platform moderators and admins included; a public one is read by all and written by members.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type {
  Affiliation,
  Group,
  GroupCreate,
  GroupMember,
  GroupProfile,
  GroupRole,
  GroupSummary,
  GroupUpdate,
} from '../../shared/groups.ts';
import type { ActiveSession } from '../auth/sessions.ts';
import type { Db, Tx } from '../db/client.ts';
import { rows } from '../db/rows.ts';
import { groupInvitations, groupJoinRequests, groupMembers, groups } from '../db/schema/index.ts';
import { badRequest, conflict, forbidden, isUniqueViolation, notFound } from '../errors.ts';
import { notify, notifyAll } from '../notifications/notify.ts';
import { recordAudit } from './audit.ts';

type Viewer = ActiveSession | null;

export type GroupAccess = {
  id: string;
  name: string;
  visibility: Group['visibility'];
  myRole: GroupRole | null;
  canTakePart: boolean;
  canManage: boolean;
};

const iso = (d: string | Date) => new Date(d).toISOString();
const token = () => randomBytes(24).toString('base64url');

/** The group as the viewer may see it; a private group they are not in does not exist for them. */
export async function visibleGroup(db: Db | Tx, viewer: Viewer, id: string): Promise<GroupAccess> {
  const [g] = await rows<{
    id: string;
    name: string;
    visibility: Group['visibility'];
    my_role: GroupRole | null;
  }>(
    db,
    sql`select g.id, g.name, g.visibility,
               (select m.role from group_members m where m.group_id = g.id and m.user_id = ${viewer?.user.id ?? null}) as my_role
        from groups g where g.id = ${id}`,
  );
  if (!g || (g.visibility === 'private' && g.my_role === null)) throw notFound('Group');
  return {
    id: g.id,
    name: g.name,
    visibility: g.visibility,
    myRole: g.my_role,
    canTakePart: g.my_role !== null,
    canManage: g.my_role === 'convener',
  };
}

/**
 * The group of something in it (a thread, a meeting, a file…), if the viewer may see the group;
 * otherwise that thing does not exist for them: a 404 that names it, not the group.
 */
export async function groupOf(db: Db | Tx, viewer: Viewer, groupId: string, what: string) {
  try {
    return await visibleGroup(db, viewer, groupId);
  } catch {
    throw notFound(what);
  }
}

/** The group, for a member (403 for others who may see it). */
export async function memberGroup(db: Db | Tx, viewer: ActiveSession, id: string) {
  const g = await visibleGroup(db, viewer, id);
  if (!g.canTakePart) throw forbidden('Only members of the group may do this.');
  return g;
}

/** The group, for a convener (403 for others who may see it). */
export async function convenedGroup(db: Db | Tx, viewer: ActiveSession, id: string) {
  const g = await visibleGroup(db, viewer, id);
  if (!g.canManage) throw forbidden('Only the conveners of the group may do this.');
  return g;
}

/** The SQL condition "the viewer may see group `g`". */
export const groupVisibleSql = (viewer: Viewer) =>
  sql`(g.visibility = 'public' or exists (select 1 from group_members vm where vm.group_id = g.id and vm.user_id = ${viewer?.user.id ?? null}))`;

type SummaryRow = {
  id: string;
  name: string;
  purpose: string;
  visibility: Group['visibility'];
  members: number;
  countries: number;
  my_role: GroupRole | null;
  created_at: string | Date;
};
const summarySelect = (viewer: Viewer) => sql`
  select g.id, g.name, g.purpose, g.visibility, g.created_at,
         (select count(*)::int from group_members m where m.group_id = g.id) as members,
         (select count(distinct m.country)::int from group_members m where m.group_id = g.id) as countries,
         (select m.role from group_members m where m.group_id = g.id and m.user_id = ${viewer?.user.id ?? null}) as my_role
  from groups g`;
const presentSummary = (r: SummaryRow): GroupSummary => ({
  id: r.id,
  name: r.name,
  purpose: r.purpose,
  visibility: r.visibility,
  members: r.members,
  countries: r.countries,
  myRole: r.my_role,
  createdAt: iso(r.created_at),
});

/** Groups the viewer may see: public ones and private ones they belong to, theirs first. */
export async function listGroups(db: Db, viewer: Viewer) {
  const found = await rows<SummaryRow>(
    db,
    sql`${summarySelect(viewer)} where ${groupVisibleSql(viewer)}
        order by (select 1 from group_members m where m.group_id = g.id and m.user_id = ${viewer?.user.id ?? null}) nulls last,
                 g.created_at desc, g.id limit 500`,
  );
  return { items: found.map(presentSummary) };
}

export async function getGroup(db: Db, viewer: Viewer, id: string): Promise<Group> {
  const g = await visibleGroup(db, viewer, id);
  const [r] = await rows<SummaryRow>(db, sql`${summarySelect(viewer)} where g.id = ${id}`);
  const conveners = await rows<{ id: string; name: string }>(
    db,
    sql`select u.id, u.name from group_members m join users u on u.id = m.user_id
        where m.group_id = ${id} and m.role = 'convener' order by m.created_at`,
  );
  const me = viewer?.user.id ?? null;
  const [state] = await rows<{ requested: boolean; calendar_token: string | null }>(
    db,
    sql`select exists (select 1 from group_join_requests where group_id = ${id} and user_id = ${me}) as requested,
               (select calendar_token from group_members where group_id = ${id} and user_id = ${me}) as calendar_token`,
  );
  const calendarUrl =
    g.visibility === 'public'
      ? `/api/groups/${id}/calendar.ics`
      : state!.calendar_token
        ? `/api/groups/${id}/calendar.ics?token=${state!.calendar_token}`
        : null;
  return {
    ...presentSummary(r!),
    conveners,
    canManage: g.canManage,
    canTakePart: g.canTakePart,
    requested: state!.requested,
    calendarUrl,
  } satisfies Group;
}

export async function createGroup(
  db: Db,
  viewer: ActiveSession,
  input: GroupCreate,
): Promise<Group> {
  const id = await db.transaction(async (tx) => {
    const [made] = await tx
      .insert(groups)
      .values({
        name: input.name,
        purpose: input.purpose,
        visibility: input.visibility,
        createdBy: viewer.user.id,
      })
      .returning({ id: groups.id });
    await tx.insert(groupMembers).values({
      groupId: made!.id,
      userId: viewer.user.id,
      role: 'convener',
      affiliation: input.affiliation,
      country: input.country,
      calendarToken: token(),
    });
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'group.create',
      targetType: 'group',
      targetId: made!.id,
    });
    return made!.id;
  });
  return getGroup(db, viewer, id);
}

export async function updateGroup(db: Db, viewer: ActiveSession, id: string, patch: GroupUpdate) {
  await convenedGroup(db, viewer, id);
  await db.transaction(async (tx) => {
    await tx
      .update(groups)
      .set({ ...patch, updatedAt: new Date() })
      .where(sql`${groups.id} = ${id}`);
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'group.update',
      targetType: 'group',
      targetId: id,
      details: { fields: Object.keys(patch) },
    });
  });
  return getGroup(db, viewer, id);
}

export async function listGroupMembers(db: Db, viewer: Viewer, id: string) {
  await visibleGroup(db, viewer, id);
  const found = await rows<{
    id: string;
    name: string;
    role: GroupRole;
    affiliation: Affiliation;
    country: string;
    created_at: string | Date;
  }>(
    db,
    sql`select u.id, u.name, m.role, m.affiliation, m.country, m.created_at
        from group_members m join users u on u.id = m.user_id
        where m.group_id = ${id} order by m.role, u.name, u.id limit 2000`,
  );
  return {
    items: found.map((m): GroupMember => ({
      user: { id: m.id, name: m.name },
      role: m.role,
      affiliation: m.affiliation,
      country: m.country,
      since: iso(m.created_at),
    })),
  };
}

/** Conveners change roles and where members come from; members may change their own affiliation and country. */
export async function updateGroupMember(
  db: Db,
  viewer: ActiveSession,
  id: string,
  userId: string,
  patch: { role?: GroupRole; affiliation?: Affiliation; country?: string },
) {
  const g = await memberGroup(db, viewer, id);
  const self = userId === viewer.user.id;
  if (!g.canManage && (!self || patch.role !== undefined))
    throw forbidden('Only the conveners may change other members or roles.');
  await db.transaction(async (tx) => {
    const [m] = await rows<{ role: GroupRole }>(
      tx,
      sql`select role from group_members where group_id = ${id} and user_id = ${userId} for update`,
    );
    if (!m) throw notFound('Member');
    if (patch.role === 'member' && m.role === 'convener') await keepAConvener(tx, id, userId);
    await tx
      .update(groupMembers)
      .set(patch)
      .where(sql`${groupMembers.groupId} = ${id} and ${groupMembers.userId} = ${userId}`);
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'group.member.update',
      targetType: 'group',
      targetId: id,
      details: { fields: Object.keys(patch) },
    });
  });
  return listGroupMembers(db, viewer, id);
}

async function keepAConvener(tx: Tx, groupId: string, leaving: string) {
  // Lock the group's conveners, so two conveners cannot both step down at once.
  const others = await rows<{ user_id: string }>(
    tx,
    sql`select user_id from group_members where group_id = ${groupId} and role = 'convener'
          and user_id <> ${leaving} for update`,
  );
  if (others.length === 0)
    throw conflict('last_convener', 'A group keeps at least one convener: name another first.');
}

/** A convener removes a member, or a member leaves; the last convener cannot go. */
export async function removeGroupMember(db: Db, viewer: ActiveSession, id: string, userId: string) {
  const g = await memberGroup(db, viewer, id);
  if (!g.canManage && userId !== viewer.user.id)
    throw forbidden('Only the conveners may remove other members.');
  await db.transaction(async (tx) => {
    const [m] = await rows<{ role: GroupRole }>(
      tx,
      sql`select role from group_members where group_id = ${id} and user_id = ${userId} for update`,
    );
    if (!m) throw notFound('Member');
    if (m.role === 'convener') await keepAConvener(tx, id, userId);
    await tx.execute(sql`delete from group_members where group_id = ${id} and user_id = ${userId}`);
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'group.member.remove',
      targetType: 'group',
      targetId: id,
    });
  });
}

/** Asking to join a public group; conveners are told. */
export async function requestToJoinGroup(
  db: Db,
  viewer: ActiveSession,
  id: string,
  input: { affiliation: Affiliation; country: string; message: string },
) {
  const g = await visibleGroup(db, viewer, id);
  if (g.canTakePart) throw conflict('already_member', 'You are a member of this group already.');
  try {
    await db.transaction(async (tx) => {
      await tx.insert(groupJoinRequests).values({ groupId: id, userId: viewer.user.id, ...input });
      const conveners = await rows<{ user_id: string }>(
        tx,
        sql`select user_id from group_members where group_id = ${id} and role = 'convener'`,
      );
      await notifyAll(
        tx,
        conveners.map((c) => c.user_id),
        {
          kind: 'group.join',
          params: { actor: viewer.user.name, group: g.name },
          link: `/groups/${id}/members`,
        },
      );
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('already_requested', 'You have asked already.');
    throw err;
  }
}

export async function listGroupJoinRequests(db: Db, viewer: ActiveSession, id: string) {
  await convenedGroup(db, viewer, id);
  const found = await rows<{
    id: string;
    user_id: string;
    name: string;
    affiliation: Affiliation;
    country: string;
    message: string;
    created_at: string | Date;
  }>(
    db,
    sql`select r.id, r.user_id, u.name, r.affiliation, r.country, r.message, r.created_at
        from group_join_requests r join users u on u.id = r.user_id
        where r.group_id = ${id} order by r.created_at limit 500`,
  );
  return {
    items: found.map((r) => ({
      id: r.id,
      user: { id: r.user_id, name: r.name },
      affiliation: r.affiliation,
      country: r.country,
      message: r.message,
      createdAt: iso(r.created_at),
    })),
  };
}

export async function decideGroupJoinRequest(
  db: Db,
  viewer: ActiveSession,
  id: string,
  requestId: string,
  accept: boolean,
) {
  const g = await convenedGroup(db, viewer, id);
  await db.transaction(async (tx) => {
    const [r] = await rows<{ user_id: string; affiliation: Affiliation; country: string }>(
      tx,
      sql`delete from group_join_requests where id = ${requestId} and group_id = ${id}
          returning user_id, affiliation, country`,
    );
    if (!r) throw notFound('Join request');
    if (accept) {
      await tx
        .insert(groupMembers)
        .values({
          groupId: id,
          userId: r.user_id,
          role: 'member',
          affiliation: r.affiliation,
          country: r.country,
          calendarToken: token(),
        })
        .onConflictDoNothing();
      await notify(tx, {
        userId: r.user_id,
        kind: 'group.joined',
        params: { group: g.name },
        link: `/groups/${id}`,
      });
    }
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: accept ? 'group.request.accept' : 'group.request.decline',
      targetType: 'group',
      targetId: id,
    });
  });
}

/** A convener invites an address; with an account, the person is told at once. */
export async function inviteToGroup(
  db: Db,
  viewer: ActiveSession,
  id: string,
  input: { email: string; role: GroupRole },
) {
  const g = await convenedGroup(db, viewer, id);
  const email = input.email.toLowerCase();
  const [existing] = await rows<{ id: string }>(
    db,
    sql`select u.id from users u join group_members m on m.user_id = u.id
        where lower(u.email) = ${email} and m.group_id = ${id}`,
  );
  if (existing) throw conflict('already_member', 'That person is a member already.');
  try {
    await db.transaction(async (tx) => {
      await tx
        .insert(groupInvitations)
        .values({ groupId: id, email, role: input.role, invitedBy: viewer.user.id });
      const [invitee] = await rows<{ id: string }>(
        tx,
        sql`select id from users where lower(email) = ${email} and erased_at is null`,
      );
      if (invitee)
        await notify(tx, {
          userId: invitee.id,
          kind: 'group.invitation',
          params: { inviter: viewer.user.name, group: g.name },
          link: '/invitations',
        });
      await recordAudit(tx, {
        actorId: viewer.user.id,
        action: 'group.invite',
        targetType: 'group',
        targetId: id,
      });
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw conflict('already_invited', 'That address is invited already.');
    throw err;
  }
}

export async function listGroupInvitations(db: Db, viewer: ActiveSession, id: string) {
  const g = await convenedGroup(db, viewer, id);
  const found = await rows<{
    id: string;
    email: string;
    role: GroupRole;
    created_at: string | Date;
  }>(
    db,
    sql`select id, email, role, created_at from group_invitations where group_id = ${id} order by created_at limit 500`,
  );
  return {
    items: found.map((i) => ({
      id: i.id,
      group: { id: g.id, name: g.name },
      email: i.email,
      role: i.role,
      createdAt: iso(i.created_at),
    })),
  };
}

export async function revokeGroupInvitation(
  db: Db,
  viewer: ActiveSession,
  id: string,
  invitationId: string,
) {
  await convenedGroup(db, viewer, id);
  const gone = await rows<{ id: string }>(
    db,
    sql`delete from group_invitations where id = ${invitationId} and group_id = ${id} returning id`,
  );
  if (gone.length === 0) throw notFound('Invitation');
}

/** Invitations to the viewer's own address. */
export async function myGroupInvitations(db: Db, viewer: ActiveSession) {
  const found = await rows<{
    id: string;
    group_id: string;
    name: string;
    email: string;
    role: GroupRole;
    created_at: string | Date;
  }>(
    db,
    sql`select i.id, i.group_id, g.name, i.email, i.role, i.created_at
        from group_invitations i join groups g on g.id = i.group_id
        where i.email = lower(${viewer.user.email ?? ''}) order by i.created_at limit 200`,
  );
  return {
    items: found.map((i) => ({
      id: i.id,
      group: { id: i.group_id, name: i.name },
      email: i.email,
      role: i.role,
      createdAt: iso(i.created_at),
    })),
  };
}

export async function answerGroupInvitation(
  db: Db,
  viewer: ActiveSession,
  invitationId: string,
  answer: { accept: boolean; affiliation?: Affiliation; country?: string },
) {
  if (answer.accept && (!answer.affiliation || !answer.country))
    throw badRequest('Say where you come from to join.', [
      ...(answer.affiliation ? [] : [{ path: 'affiliation', message: 'is required to join' }]),
      ...(answer.country ? [] : [{ path: 'country', message: 'is required to join' }]),
    ]);
  await db.transaction(async (tx) => {
    const [i] = await rows<{ group_id: string; role: GroupRole }>(
      tx,
      sql`delete from group_invitations where id = ${invitationId}
            and email = lower(${viewer.user.email ?? ''}) returning group_id, role`,
    );
    if (!i) throw notFound('Invitation');
    if (answer.accept)
      await tx
        .insert(groupMembers)
        .values({
          groupId: i.group_id,
          userId: viewer.user.id,
          role: i.role,
          affiliation: answer.affiliation!,
          country: answer.country!,
          calendarToken: token(),
        })
        .onConflictDoNothing();
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: answer.accept ? 'group.invitation.accept' : 'group.invitation.decline',
      targetType: 'group',
      targetId: i.group_id,
    });
  });
}

/** Who the members are (by country and affiliation) and how active the group has been, by month (meetings once held). */
export async function groupProfile(db: Db, viewer: Viewer, id: string): Promise<GroupProfile> {
  await visibleGroup(db, viewer, id);
  const members = await rows<{ country: string; affiliation: Affiliation; n: number }>(
    db,
    sql`select country, affiliation, count(*)::int as n from group_members where group_id = ${id}
        group by country, affiliation`,
  );
  const activity = await rows<{ month: string; posts: number; votes: number; meetings: number }>(
    db,
    sql`with months as (
          select to_char(p.created_at, 'YYYY-MM') as month, 'post' as what
            from group_posts p join group_threads t on t.id = p.thread_id where t.group_id = ${id}
          union all
          select to_char(v.updated_at, 'YYYY-MM'), 'vote'
            from group_votes v join group_decisions d on d.id = v.decision_id where d.group_id = ${id}
          union all
          select to_char(m.starts_at, 'YYYY-MM'), 'meeting'
            from group_meetings m where m.group_id = ${id} and not m.cancelled and m.starts_at <= now())
        select month, count(*) filter (where what = 'post')::int as posts,
               count(*) filter (where what = 'vote')::int as votes,
               count(*) filter (where what = 'meeting')::int as meetings
        from months group by month order by month`,
  );
  const sum = (pick: (m: (typeof members)[number]) => boolean) =>
    members.filter(pick).reduce((s, m) => s + m.n, 0);
  const total = sum(() => true);
  const byKey = <K extends string>(key: (m: (typeof members)[number]) => K) => {
    const map = new Map<K, number>();
    for (const m of members) map.set(key(m), (map.get(key(m)) ?? 0) + m.n);
    return [...map.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  };
  const policy = sum((m) => m.affiliation === 'policy');
  const academia = sum((m) => m.affiliation === 'academia');
  return {
    members: total,
    byCountry: byKey((m) => m.country).map(([country, n]) => ({ country, members: n })),
    byAffiliation: byKey((m) => m.affiliation).map(([affiliation, n]) => ({
      affiliation,
      members: n,
    })),
    policyAcademia: { policy, academia, share: total ? (policy + academia) / total : null },
    activity,
  };
}
