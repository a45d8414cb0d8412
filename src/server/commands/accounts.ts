import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type {
  Membership,
  PasswordChange,
  PersonalDataExport,
  PlatformRole,
  ProfileUpdate,
  SignIn,
  SignUp,
} from '../../shared/accounts.ts';
import type { Db, Tx } from '../db/client.ts';
import {
  auditLog,
  joinRequests,
  organisationMembers,
  organisations,
  sessions,
  spaceMembers,
  spaces,
  users,
} from '../db/schema/index.ts';
import { rows } from '../db/rows.ts';
import { myInvitations } from './space-invitations.ts';
import { listNotifications } from './notifications.ts';
import { conflict, HttpError, isUniqueViolation } from '../errors.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import {
  createSession,
  revokeAllSessions,
  revokeOtherSessions,
  type ActiveSession,
} from '../auth/sessions.ts';
import { presentMe } from '../presenters/user.ts';
import { recordAudit } from './audit.ts';

type User = typeof users.$inferSelect;

function emailTaken(): HttpError {
  return conflict('email_taken', 'An account with this e-mail address already exists.');
}

export async function findUserByEmail(db: Db | Tx, email: string): Promise<User | undefined> {
  const rows = await db
    .select()
    .from(users)
    .where(and(sql`lower(${users.email}) = ${email.toLowerCase()}`, isNull(users.erasedAt)))
    .limit(1);
  return rows[0];
}

/** Creates an account (sign-up, the CLI and the demo seed share it). */
export async function createUser(
  db: Db,
  input: SignUp & { platformRole?: PlatformRole },
  actorId: string | null = null,
): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({
          name: input.name,
          email: input.email,
          passwordHash,
          platformRole: input.platformRole ?? 'member',
        })
        .returning();
      if (!user) throw new Error('insert returned no row');
      await recordAudit(tx, {
        actorId: actorId ?? user.id,
        action: 'user.create',
        targetType: 'user',
        targetId: user.id,
        details: { platformRole: user.platformRole },
      });
      return user;
    });
  } catch (err) {
    if (isUniqueViolation(err, 'users_email_key')) throw emailTaken();
    throw err;
  }
}

export async function signUp(db: Db, input: SignUp, ttlHours: number) {
  const user = await createUser(db, input);
  const session = await createSession(db, user.id, ttlHours);
  return { user, session };
}

const invalidCredentials = () =>
  new HttpError(401, 'invalid_credentials', 'The e-mail address or password is not right.');

export async function signIn(db: Db, input: SignIn, ttlHours: number) {
  const user = await findUserByEmail(db, input.email);
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !ok) throw invalidCredentials();
  const session = await createSession(db, user.id, ttlHours);
  await recordAudit(db, {
    actorId: user.id,
    action: 'session.create',
    targetType: 'user',
    targetId: user.id,
  });
  return { user, session };
}

export async function updateProfile(
  db: Db,
  viewer: ActiveSession,
  input: ProfileUpdate,
): Promise<User> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(users.id, viewer.user.id))
      .returning();
    if (!user) throw new Error('user vanished');
    await recordAudit(tx, {
      actorId: user.id,
      action: 'user.update',
      targetType: 'user',
      targetId: user.id,
      details: { fields: Object.keys(input) },
    });
    return user;
  });
}

/** Changes the password and ends every other session of the person. */
export async function changePassword(
  db: Db,
  viewer: ActiveSession,
  input: PasswordChange,
): Promise<void> {
  const ok = await verifyPassword(viewer.user.passwordHash, input.currentPassword);
  if (!ok) {
    throw new HttpError(400, 'validation', 'The current password is not right.', [
      { path: 'currentPassword', message: 'is not right' },
    ]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, updatedAt: new Date() })
      .where(eq(users.id, viewer.user.id));
    await revokeOtherSessions(tx, viewer.user.id, viewer.tokenHash);
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'user.password_change',
      targetType: 'user',
      targetId: viewer.user.id,
    });
  });
}

/** All personal data held about the viewer (GDPR art. 15 and 20). */
export async function exportPersonalData(
  db: Db,
  viewer: ActiveSession,
): Promise<PersonalDataExport> {
  const userId = viewer.user.id;
  const [memberships, spaceRows, requests, sessionRows, trail] = await Promise.all([
    myMemberships(db, userId),
    db
      .select({ m: spaceMembers, name: spaces.name })
      .from(spaceMembers)
      .innerJoin(spaces, eq(spaces.id, spaceMembers.spaceId))
      .where(eq(spaceMembers.userId, userId))
      .orderBy(asc(spaceMembers.createdAt)),
    db
      .select()
      .from(joinRequests)
      .where(eq(joinRequests.userId, userId))
      .orderBy(asc(joinRequests.createdAt)),
    db.select().from(sessions).where(eq(sessions.userId, userId)).orderBy(asc(sessions.createdAt)),
    db
      .select()
      .from(auditLog)
      .where(eq(auditLog.actorId, userId))
      .orderBy(desc(auditLog.id))
      .limit(10_000),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    user: presentMe(viewer.user),
    memberships,
    spaces: spaceRows.map(({ m, name }) => ({
      spaceId: m.spaceId,
      spaceName: name,
      role: m.role,
      since: m.createdAt.toISOString(),
    })),
    groups: (
      await rows<{
        group_id: string;
        name: string;
        role: string;
        affiliation: string;
        country: string;
        created_at: string | Date;
      }>(
        db,
        sql`select m.group_id, g.name, m.role, m.affiliation, m.country, m.created_at
            from group_members m join groups g on g.id = m.group_id
            where m.user_id = ${userId} order by m.created_at`,
      )
    ).map((m) => ({
      groupId: m.group_id,
      groupName: m.name,
      role: m.role,
      affiliation: m.affiliation,
      country: m.country,
      since: new Date(m.created_at).toISOString(),
    })),
    notifications: (await listNotifications(db, viewer, false)).items.map((n) => ({
      text: n.text,
      link: n.link,
      read: n.read,
      createdAt: n.createdAt,
    })),
    spaceInvitations: (await myInvitations(db, viewer)).map((i) => ({
      spaceId: i.space.id,
      spaceName: i.space.name,
      role: i.role,
      createdAt: i.createdAt,
    })),
    joinRequests: requests.map((r) => ({
      organisationId: r.organisationId,
      status: r.status,
      message: r.message,
      createdAt: r.createdAt.toISOString(),
    })),
    sessions: sessionRows.map((s) => ({
      createdAt: s.createdAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
    })),
    auditTrail: trail.map((a) => ({
      action: a.action,
      at: a.at.toISOString(),
      targetType: a.targetType,
      targetId: a.targetId,
    })),
  };
}

/** Where an erased person leaves: the members table, its key, the leading role, who inherits it. */
type Leaving = {
  members: 'space_members' | 'group_members';
  key: 'space_id' | 'group_id';
  lead: 'owner' | 'convener';
  /** Roles in the order they inherit the lead. */
  heirs: string[];
  invitations: 'space_invitations' | 'group_invitations';
  targetType: 'space' | 'group';
};
const SPACES: Leaving = {
  members: 'space_members',
  key: 'space_id',
  lead: 'owner',
  heirs: ['member', 'observer'],
  invitations: 'space_invitations',
  targetType: 'space',
};
const GROUPS: Leaving = {
  members: 'group_members',
  key: 'group_id',
  lead: 'convener',
  heirs: ['member'],
  invitations: 'group_invitations',
  targetType: 'group',
};

/**
 * An erased person leaves every space and working group, and invitations to their address go.
 * Where they were the last owner (convener), the longest-standing member (else observer) takes
 * over, so it keeps someone who can manage it; one they were alone in keeps its content.
 */
async function leaveOnErasure(tx: Tx, userId: string, email: string | null, m: Leaving) {
  const [members, key, lead] = [sql.raw(m.members), sql.raw(m.key), m.lead];
  const led = await rows<{ id: string }>(
    tx,
    sql`select l.${key} as id from ${members} l
        where l.user_id = ${userId} and l.role = ${lead}
          and not exists (select 1 from ${members} o
                          where o.${key} = l.${key} and o.role = ${lead} and o.user_id <> ${userId})`,
  );
  await tx.execute(sql`delete from ${members} where user_id = ${userId}`);
  for (const { id } of led) {
    const heirs = await rows<{ user_id: string }>(
      tx,
      sql`update ${members} set role = ${lead}
          where (${key}, user_id) = (
            select ${key}, user_id from ${members} where ${key} = ${id}
            order by array_position(array[${sql.join(
              m.heirs.map((h) => sql`${h}`),
              sql`, `,
            )}]::text[], role), created_at, user_id limit 1)
          returning user_id`,
    );
    if (heirs[0])
      await recordAudit(tx, {
        actorId: userId,
        action: `${m.targetType}.${lead}.inherit`,
        targetType: m.targetType,
        targetId: id,
      });
  }
  if (email)
    await tx.execute(
      sql`delete from ${sql.raw(m.invitations)} where email = ${email.toLowerCase()}`,
    );
}

/** A stable pseudonym for an erased account, derived from its id (not from personal data). */
export function pseudonymFor(userId: string): string {
  return `Former member ${userId.slice(0, 8)}`;
}

/**
 * Erases an account (GDPR art. 17): personal data goes (e-mail, name, password, sessions,
 * memberships, join requests); authored content and the audit trail stay under a pseudonym.
 */
export async function eraseAccount(db: Db, viewer: ActiveSession, password: string): Promise<void> {
  const ok = await verifyPassword(viewer.user.passwordHash, password);
  if (!ok) {
    throw new HttpError(400, 'validation', 'The password is not right.', [
      { path: 'password', message: 'is not right' },
    ]);
  }
  const userId = viewer.user.id;
  await db.transaction(async (tx) => {
    const owned = await tx
      .select({ organisationId: organisationMembers.organisationId })
      .from(organisationMembers)
      .where(and(eq(organisationMembers.userId, userId), eq(organisationMembers.role, 'owner')));
    for (const { organisationId } of owned) {
      const [row] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(organisationMembers)
        .where(
          and(
            eq(organisationMembers.organisationId, organisationId),
            eq(organisationMembers.role, 'owner'),
          ),
        );
      if ((row?.n ?? 0) <= 1) {
        throw conflict(
          'last_owner',
          'You are the last owner of an organisation: make someone else owner first.',
        );
      }
    }
    await tx.delete(organisationMembers).where(eq(organisationMembers.userId, userId));
    await tx.delete(joinRequests).where(eq(joinRequests.userId, userId));
    await leaveOnErasure(tx, userId, viewer.user.email, SPACES);
    await leaveOnErasure(tx, userId, viewer.user.email, GROUPS);
    await tx.execute(sql`delete from group_join_requests where user_id = ${userId}`);
    await tx.execute(sql`delete from notifications where user_id = ${userId}`);
    await tx.execute(sql`delete from notification_settings where user_id = ${userId}`);
    await revokeAllSessions(tx, userId);
    await tx
      .update(users)
      .set({
        email: null,
        name: pseudonymFor(userId),
        passwordHash: null,
        platformRole: 'member',
        erasedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(users.id, userId));
    await recordAudit(tx, {
      actorId: userId,
      action: 'user.erase',
      targetType: 'user',
      targetId: userId,
    });
  });
}

/** The organisations a person belongs to, oldest membership first. */
export async function myMemberships(db: Db, userId: string): Promise<Membership[]> {
  const found = await db
    .select({ m: organisationMembers, orgName: organisations.name })
    .from(organisationMembers)
    .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
    .where(eq(organisationMembers.userId, userId))
    .orderBy(asc(organisationMembers.createdAt));
  return found.map(({ m, orgName }) => ({
    organisationId: m.organisationId,
    organisationName: orgName,
    role: m.role,
    since: m.createdAt.toISOString(),
  }));
}
