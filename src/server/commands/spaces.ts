/**
 * Safe havens: spaces with visibility and members. A private space is invisible to everyone
 * who is not a member — platform moderators and admins included: the same 404 as a space that
 * does not exist. Every view and change is written to the space's access log.
 */
import { sql } from 'drizzle-orm';
import type {
  Space,
  SpaceCreate,
  SpaceMemberAdd,
  SpaceRole,
  SpaceUpdate,
} from '../../shared/havens.ts';
import type { ActiveSession } from '../auth/sessions.ts';
import type { Db, Tx } from '../db/client.ts';
import { rows } from '../db/rows.ts';
import { spaceAccessLog, spaceMembers, spaces } from '../db/schema/index.ts';
import { badRequest, conflict, forbidden, notFound } from '../errors.ts';
import { recordAudit } from './audit.ts';
import { getMembership } from './organisations.ts';
import { notify } from '../notifications/notify.ts';

type Viewer = ActiveSession | null;

type SpaceRow = {
  id: string;
  name: string;
  description: string;
  visibility: Space['visibility'];
  organisation_id: string | null;
  organisation_name: string | null;
  initiative_id: string | null;
  initiative_title: string | null;
  my_role: SpaceRole | null;
  members: number;
  created_at: string | Date;
};

const spaceSelect = (viewer: Viewer) => sql`
  select s.id, s.name, s.description, s.visibility, s.organisation_id, o.name as organisation_name,
         s.initiative_id, i.title as initiative_title,
         (select m.role from space_members m where m.space_id = s.id and m.user_id = ${viewer?.user.id ?? null}) as my_role,
         (select count(*)::int from space_members m where m.space_id = s.id) as members,
         s.created_at
  from spaces s left join organisations o on o.id = s.organisation_id
  left join initiatives i on i.id = s.initiative_id`;

function present(r: SpaceRow): Space {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    visibility: r.visibility,
    organisation: r.organisation_id ? { id: r.organisation_id, name: r.organisation_name! } : null,
    initiative: r.initiative_id ? { id: r.initiative_id, title: r.initiative_title! } : null,
    myRole: r.my_role,
    members: r.members,
    createdAt: new Date(r.created_at).toISOString(),
    canWrite: r.my_role === 'owner' || r.my_role === 'member',
    canManage: r.my_role === 'owner',
  };
}

export async function logAccess(db: Db | Tx, spaceId: string, viewer: Viewer, action: string) {
  await db.insert(spaceAccessLog).values({ spaceId, userId: viewer?.user.id ?? null, action });
}

/** The space as the viewer may see it; a private space they are not in does not exist for them. */
export async function visibleSpace(db: Db, viewer: Viewer, id: string): Promise<Space> {
  const [r] = await rows<SpaceRow>(db, sql`${spaceSelect(viewer)} where s.id = ${id}`);
  if (!r || (r.visibility === 'private' && r.my_role === null)) throw notFound('Space');
  return present(r);
}

/** Spaces the viewer may see: public and transparent ones, and private ones they belong to. */
export async function listSpaces(db: Db, viewer: Viewer): Promise<Space[]> {
  const found = await rows<SpaceRow>(
    db,
    sql`${spaceSelect(viewer)}
        where s.visibility <> 'private'
           or exists (select 1 from space_members m where m.space_id = s.id and m.user_id = ${viewer?.user.id ?? null})
        order by s.created_at desc, s.id
        limit 500`,
  );
  return found.map(present);
}

export async function getSpace(db: Db, viewer: Viewer, id: string): Promise<Space> {
  const space = await visibleSpace(db, viewer, id);
  await logAccess(db, id, viewer, 'space.view');
  return space;
}

export async function createSpace(db: Db, viewer: ActiveSession, input: SpaceCreate) {
  if (
    input.organisationId !== null &&
    (await getMembership(db, input.organisationId, viewer.user.id)) === null
  )
    throw badRequest('The space can only belong to an organisation you are a member of.', [
      { path: 'organisationId', message: 'is not an organisation you belong to' },
    ]);
  if (input.initiativeId !== null) {
    const [stakeholder] = await rows<{ one: number }>(
      db,
      sql`select 1 as one from initiative_stakeholders
          where initiative_id = ${input.initiativeId} and user_id = ${viewer.user.id}`,
    );
    if (!stakeholder)
      throw badRequest('The space can only belong to an initiative you take part in.', [
        { path: 'initiativeId', message: 'is not an initiative you are a stakeholder of' },
      ]);
  }
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(spaces)
      .values({ ...input, createdBy: viewer.user.id })
      .returning({ id: spaces.id });
    await tx
      .insert(spaceMembers)
      .values({ spaceId: row!.id, userId: viewer.user.id, role: 'owner' });
    await logAccess(tx, row!.id, viewer, 'space.create');
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'space.create',
      targetType: 'space',
      targetId: row!.id,
      details: { visibility: input.visibility },
    });
    return row!.id;
  });
  return visibleSpace(db, viewer, id);
}

export async function managedSpace(db: Db, viewer: ActiveSession, id: string): Promise<Space> {
  const space = await visibleSpace(db, viewer, id);
  if (!space.canManage) throw forbidden('Only the owners of the space may do this.');
  return space;
}

export async function updateSpace(db: Db, viewer: ActiveSession, id: string, patch: SpaceUpdate) {
  await managedSpace(db, viewer, id);
  await db.transaction(async (tx) => {
    await tx
      .update(spaces)
      .set({ ...patch, updatedAt: new Date() })
      .where(sql`${spaces.id} = ${id}`);
    await logAccess(tx, id, viewer, 'space.update');
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'space.update',
      targetType: 'space',
      targetId: id,
      details: { fields: Object.keys(patch) },
    });
  });
  return visibleSpace(db, viewer, id);
}

export async function listSpaceMembers(db: Db, viewer: Viewer, id: string) {
  await visibleSpace(db, viewer, id);
  const found = await rows<{
    user_id: string;
    name: string;
    role: SpaceRole;
    created_at: string | Date;
  }>(
    db,
    sql`select m.user_id, u.name, m.role, m.created_at
        from space_members m join users u on u.id = m.user_id
        where m.space_id = ${id}
        order by case m.role when 'owner' then 0 when 'member' then 1 else 2 end, u.name, m.user_id`,
  );
  return found.map((m) => ({
    userId: m.user_id,
    name: m.name,
    role: m.role,
    since: new Date(m.created_at).toISOString(),
  }));
}

export async function addSpaceMember(
  db: Db,
  viewer: ActiveSession,
  id: string,
  input: SpaceMemberAdd,
) {
  const space = await managedSpace(db, viewer, id);
  const [user] = await rows<{ id: string }>(
    db,
    sql`select id from users where lower(email) = ${input.email.toLowerCase()} and erased_at is null`,
  );
  if (!user)
    throw badRequest('Nobody with this e-mail address has an account.', [
      { path: 'email', message: 'belongs to no account on the platform' },
    ]);
  const [already] = await rows<{ one: number }>(
    db,
    sql`select 1 as one from space_members where space_id = ${id} and user_id = ${user.id}`,
  );
  if (already) throw conflict('already_member', 'This person is already a member of the space.');
  await db.transaction(async (tx) => {
    await tx.insert(spaceMembers).values({ spaceId: id, userId: user.id, role: input.role });
    await logAccess(tx, id, viewer, 'member.add');
    await notify(tx, {
      userId: user.id,
      kind: 'space.member.added',
      params: { actor: viewer.user.name, space: space.name, role: input.role },
      link: `/spaces/${id}`,
    });
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'space.member.add',
      targetType: 'space',
      targetId: id,
      details: { role: input.role },
    });
  });
  return (await listSpaceMembers(db, viewer, id)).find((m) => m.userId === user.id)!;
}

/** Owners remove anyone, members remove themselves; the last owner cannot go. */
export async function removeSpaceMember(db: Db, viewer: ActiveSession, id: string, userId: string) {
  const space = await visibleSpace(db, viewer, id);
  if (!space.canManage && userId !== viewer.user.id)
    throw forbidden('Only the owners of the space may remove others.');
  const members = await listSpaceMembers(db, viewer, id);
  const target = members.find((m) => m.userId === userId);
  if (!target) throw notFound('Member');
  if (target.role === 'owner' && members.filter((m) => m.role === 'owner').length === 1)
    throw conflict('last_owner', 'The last owner cannot leave: make someone else owner first.');
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from space_members where space_id = ${id} and user_id = ${userId}`);
    await logAccess(tx, id, viewer, 'member.remove');
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'space.member.remove',
      targetType: 'space',
      targetId: id,
    });
  });
}

/** The access log, newest first: owners only. */
export async function spaceAccessLogOf(db: Db, viewer: ActiveSession, id: string) {
  await managedSpace(db, viewer, id);
  const found = await rows<{
    at: string | Date;
    user_id: string | null;
    name: string | null;
    action: string;
  }>(
    db,
    sql`select l.at, l.user_id, u.name, l.action
        from space_access_log l left join users u on u.id = l.user_id
        where l.space_id = ${id}
        order by l.id desc
        limit 1000`,
  );
  return found.map((l) => ({
    at: new Date(l.at).toISOString(),
    user: l.user_id ? { id: l.user_id, name: l.name ?? '' } : null,
    action: l.action,
  }));
}
