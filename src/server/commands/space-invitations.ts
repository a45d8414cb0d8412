/**
 * Invitations to a space: by e-mail address (the person may not have an account yet: the
 * invitation waits for an account with that address) or to every member of an organisation the
 * inviting owner belongs to. The invitee accepts or declines; owners see and revoke pending ones.
 */
import { sql } from 'drizzle-orm';
import type { Invitation, InvitationCreate, Space } from '../../shared/havens.ts';
import type { ActiveSession } from '../auth/sessions.ts';
import type { Db } from '../db/client.ts';
import { rows } from '../db/rows.ts';
import { spaceInvitations, spaceMembers } from '../db/schema/index.ts';
import { badRequest, notFound } from '../errors.ts';
import { recordAudit } from './audit.ts';
import { getMembership } from './organisations.ts';
import { notify } from '../notifications/notify.ts';
import { logAccess, managedSpace, visibleSpace } from './spaces.ts';

type InvitationRow = {
  id: string;
  space_id: string;
  space_name: string;
  email: string;
  role: Invitation['role'];
  invited_by: string | null;
  created_at: string | Date;
};

const invitationSelect = sql`
  select i.id, i.space_id, s.name as space_name, i.email, i.role, u.name as invited_by, i.created_at
  from space_invitations i
  join spaces s on s.id = i.space_id
  left join users u on u.id = i.invited_by`;

const present = (r: InvitationRow): Invitation => ({
  id: r.id,
  space: { id: r.space_id, name: r.space_name },
  email: r.email,
  role: r.role,
  invitedBy: r.invited_by,
  createdAt: new Date(r.created_at).toISOString(),
});

/**
 * Invites one address, or every member of an organisation, who is not yet in the space and not
 * yet invited. Returns the invitations made (possibly none when everyone is in already).
 */
export async function inviteToSpace(
  db: Db,
  viewer: ActiveSession,
  spaceId: string,
  input: InvitationCreate,
): Promise<Invitation[]> {
  const space = await managedSpace(db, viewer, spaceId);
  let emails: string[];
  if (input.organisationId !== undefined) {
    if ((await getMembership(db, input.organisationId, viewer.user.id)) === null)
      throw badRequest('You can only invite an organisation you are a member of.', [
        { path: 'organisationId', message: 'is not an organisation you belong to' },
      ]);
    const found = await rows<{ email: string }>(
      db,
      sql`select lower(u.email) as email from organisation_members m join users u on u.id = m.user_id
          where m.organisation_id = ${input.organisationId} and u.email is not null and u.erased_at is null`,
    );
    emails = found.map((r) => r.email);
  } else emails = [input.email!.toLowerCase()];
  const made = await db.transaction(async (tx) => {
    const inserted: string[] = [];
    for (const email of emails) {
      const [member] = await rows<{ one: number }>(
        tx,
        sql`select 1 as one from space_members m join users u on u.id = m.user_id
            where m.space_id = ${spaceId} and lower(u.email) = ${email}`,
      );
      if (member) continue;
      const [row] = await tx
        .insert(spaceInvitations)
        .values({ spaceId, email, role: input.role, invitedBy: viewer.user.id })
        .onConflictDoNothing()
        .returning({ id: spaceInvitations.id });
      if (!row) continue;
      inserted.push(row.id);
      const [account] = await rows<{ id: string }>(
        tx,
        sql`select id from users where lower(email) = ${email} and erased_at is null`,
      );
      if (account)
        await notify(tx, {
          userId: account.id,
          kind: 'space.invitation',
          params: { inviter: viewer.user.name, space: space.name, role: input.role },
          link: '/invitations',
        });
    }
    if (inserted.length) {
      await logAccess(tx, spaceId, viewer, 'invitation.create');
      await recordAudit(tx, {
        actorId: viewer.user.id,
        action: 'space.invite',
        targetType: 'space',
        targetId: spaceId,
        details: { invitations: inserted.length, organisationId: input.organisationId ?? null },
      });
    }
    return inserted;
  });
  if (made.length === 0) return [];
  const found = await rows<InvitationRow>(
    db,
    sql`${invitationSelect} where i.id in ${made} order by i.email`,
  );
  return found.map(present);
}

/** Pending invitations of a space (owners). */
export async function spaceInvitationsOf(db: Db, viewer: ActiveSession, spaceId: string) {
  await managedSpace(db, viewer, spaceId);
  const found = await rows<InvitationRow>(
    db,
    sql`${invitationSelect} where i.space_id = ${spaceId} order by i.created_at desc, i.email`,
  );
  return found.map(present);
}

export async function revokeInvitation(
  db: Db,
  viewer: ActiveSession,
  spaceId: string,
  invitationId: string,
) {
  await managedSpace(db, viewer, spaceId);
  const gone = await db.transaction(async (tx) => {
    const found = await rows<{ id: string }>(
      tx,
      sql`delete from space_invitations where id = ${invitationId} and space_id = ${spaceId} returning id`,
    );
    if (found.length) await logAccess(tx, spaceId, viewer, 'invitation.revoke');
    return found.length;
  });
  if (!gone) throw notFound('Invitation');
}

/** My pending invitations: those to my account's e-mail address. */
export async function myInvitations(db: Db, viewer: ActiveSession): Promise<Invitation[]> {
  const email = viewer.user.email?.toLowerCase();
  if (!email) return [];
  const found = await rows<InvitationRow>(
    db,
    sql`${invitationSelect} where i.email = ${email} order by i.created_at desc`,
  );
  return found.map(present);
}

async function myInvitation(db: Db, viewer: ActiveSession, id: string) {
  const mine = await myInvitations(db, viewer);
  const found = mine.find((i) => i.id === id);
  if (!found) throw notFound('Invitation');
  return found;
}

export async function acceptInvitation(db: Db, viewer: ActiveSession, id: string): Promise<Space> {
  const invitation = await myInvitation(db, viewer, id);
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from space_invitations where id = ${id}`);
    await tx
      .insert(spaceMembers)
      .values({ spaceId: invitation.space.id, userId: viewer.user.id, role: invitation.role })
      .onConflictDoNothing();
    await logAccess(tx, invitation.space.id, viewer, 'invitation.accept');
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'space.invitation.accept',
      targetType: 'space',
      targetId: invitation.space.id,
      details: { role: invitation.role },
    });
  });
  return visibleSpace(db, viewer, invitation.space.id);
}

export async function declineInvitation(db: Db, viewer: ActiveSession, id: string) {
  const invitation = await myInvitation(db, viewer, id);
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from space_invitations where id = ${id}`);
    await logAccess(tx, invitation.space.id, viewer, 'invitation.decline');
  });
}
