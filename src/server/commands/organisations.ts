import { and, asc, eq, gt, or, sql, type SQL } from 'drizzle-orm';
import type {
  JoinRequestCreate,
  JoinRequestDecision,
  MemberAdd,
  MemberRole,
  OrganisationCreate,
  OrganisationListQuery,
  OrganisationUpdate,
} from '../../shared/organisations.ts';
import type { Db, Tx } from '../db/client.ts';
import { joinRequests, organisationMembers, organisations, users } from '../db/schema/index.ts';
import {
  badRequest,
  conflict,
  forbidden,
  HttpError,
  isUniqueViolation,
  notFound,
} from '../errors.ts';
import type { ActiveSession } from '../auth/sessions.ts';
import { recordAudit } from './audit.ts';
import { findUserByEmail } from './accounts.ts';

type Viewer = ActiveSession | null;
type OrganisationRow = typeof organisations.$inferSelect;

export async function getOrganisation(db: Db | Tx, id: string): Promise<OrganisationRow> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id)).limit(1);
  if (!row) throw notFound('Organisation');
  return row;
}

export async function getMembership(
  db: Db | Tx,
  organisationId: string,
  userId: string,
): Promise<MemberRole | null> {
  const [row] = await db
    .select({ role: organisationMembers.role })
    .from(organisationMembers)
    .where(
      and(
        eq(organisationMembers.organisationId, organisationId),
        eq(organisationMembers.userId, userId),
      ),
    )
    .limit(1);
  return row?.role ?? null;
}

/** The role that counts for managing an organisation: platform admins act as its admin. */
async function managerRole(
  db: Db | Tx,
  organisationId: string,
  viewer: ActiveSession,
): Promise<MemberRole | null> {
  const role = await getMembership(db, organisationId, viewer.user.id);
  if (role === 'owner' || role === 'admin') return role;
  return viewer.user.platformRole === 'admin' ? 'admin' : role;
}

async function requireManager(
  db: Db | Tx,
  organisationId: string,
  viewer: ActiveSession,
): Promise<MemberRole> {
  await getOrganisation(db, organisationId);
  const role = await managerRole(db, organisationId, viewer);
  if (role !== 'owner' && role !== 'admin')
    throw forbidden('Only the organisation’s owners and admins may do this.');
  return role;
}

// ---- listing ----

type Cursor = { name: string; id: string };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.name, c.id])).toString('base64url');
}

export function decodeCursor(raw: string): Cursor {
  try {
    const v: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (
      Array.isArray(v) &&
      typeof v[0] === 'string' &&
      typeof v[1] === 'string' &&
      /^[0-9a-f-]{36}$/i.test(v[1])
    ) {
      return { name: v[0], id: v[1] };
    }
  } catch {
    // fall through
  }
  throw badRequest('Invalid cursor.', [
    { path: 'cursor', message: 'is not a cursor this API gave out' },
  ]);
}

/** Turns free text into a prefix tsquery ('gem amst' → 'gem:* & amst:*'), or null when no words remain. */
export function toPrefixQuery(text: string): string | null {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return words
    .slice(0, 8)
    .map((w) => `${w}:*`)
    .join(' & ');
}

/** One page of organisations in name order (keyset pagination on (name, id); every filter uses an index). */
export async function listOrganisations(db: Db, query: OrganisationListQuery) {
  const where: SQL[] = [];
  if (query.kind) where.push(eq(organisations.kind, query.kind));
  if (query.country) where.push(eq(organisations.country, query.country));
  if (query.q) {
    const tsq = toPrefixQuery(query.q);
    if (tsq) where.push(sql`${organisations.search} @@ to_tsquery('simple', ${tsq})`);
  }
  if (query.cursor) {
    const c = decodeCursor(query.cursor);
    where.push(
      or(
        gt(organisations.name, c.name),
        and(eq(organisations.name, c.name), gt(organisations.id, c.id)),
      ) as SQL,
    );
  }
  const rows = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      country: organisations.country,
      level: organisations.level,
      sector: organisations.sector,
    })
    .from(organisations)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(organisations.name), asc(organisations.id))
    .limit(query.limit + 1);
  const hasMore = rows.length > query.limit;
  const items = hasMore ? rows.slice(0, query.limit) : rows;
  const last = items[items.length - 1];
  return { items, nextCursor: hasMore && last ? encodeCursor(last) : null };
}

/** One organisation with its member count and the viewer's role and pending request, in one query. */
export async function organisationDetail(db: Db, id: string, viewer: Viewer) {
  const viewerId = viewer?.user.id ?? null;
  const [found] = await db
    .select({
      row: organisations,
      memberCount: sql<number>`(select count(*)::int from ${organisationMembers} m where m.organisation_id = ${id})`,
      myRole: sql<MemberRole | null>`(select m.role from ${organisationMembers} m where m.organisation_id = ${id} and m.user_id = ${viewerId})`,
      pending: sql<boolean>`exists (select 1 from ${joinRequests} j where j.organisation_id = ${id} and j.user_id = ${viewerId} and j.status = 'pending')`,
    })
    .from(organisations)
    .where(eq(organisations.id, id))
    .limit(1);
  if (!found) throw notFound('Organisation');
  return {
    row: found.row,
    memberCount: found.memberCount,
    myRole: found.myRole,
    myJoinRequestPending: found.pending,
  };
}

// ---- writes ----

export async function createOrganisation(db: Db, viewer: ActiveSession, input: OrganisationCreate) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(organisations)
      .values({
        name: input.name,
        kind: input.kind,
        country: input.country,
        level: input.level ?? null,
        sector: input.sector ?? null,
        website: input.website ?? null,
        description: input.description ?? '',
        createdBy: viewer.user.id,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await tx
      .insert(organisationMembers)
      .values({ organisationId: row.id, userId: viewer.user.id, role: 'owner' });
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'organisation.create',
      targetType: 'organisation',
      targetId: row.id,
    });
    return row;
  });
}

export async function updateOrganisation(
  db: Db,
  viewer: ActiveSession,
  id: string,
  input: OrganisationUpdate,
) {
  return db.transaction(async (tx) => {
    await requireManager(tx, id, viewer);
    const current = await getOrganisation(tx, id);
    const kind = input.kind ?? current.kind;
    const level = input.level === undefined ? current.level : input.level;
    if (level && kind !== 'public_body') {
      throw badRequest('Only public bodies have a level of government.', [
        { path: 'level', message: 'only public bodies have a level of government' },
      ]);
    }
    const [row] = await tx
      .update(organisations)
      .set({ ...input, level, updatedAt: new Date() })
      .where(eq(organisations.id, id))
      .returning();
    if (!row) throw notFound('Organisation');
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'organisation.update',
      targetType: 'organisation',
      targetId: id,
      details: { fields: Object.keys(input) },
    });
    return row;
  });
}

async function ownerCount(tx: Tx, organisationId: string): Promise<number> {
  // Lock the owner rows, so two concurrent demotions cannot both pass the check.
  const rows = await tx
    .select({ userId: organisationMembers.userId })
    .from(organisationMembers)
    .where(
      and(
        eq(organisationMembers.organisationId, organisationId),
        eq(organisationMembers.role, 'owner'),
      ),
    )
    .for('update');
  return rows.length;
}

const lastOwner = () =>
  conflict(
    'last_owner',
    'An organisation keeps at least one owner: make someone else owner first.',
  );

export async function listMembers(db: Db, organisationId: string) {
  await getOrganisation(db, organisationId);
  return selectMembers(db)
    .where(eq(organisationMembers.organisationId, organisationId))
    .orderBy(asc(users.name), asc(users.id))
    .limit(1000);
}

/** Members with their names and e-mail addresses (the presenter decides who sees the e-mail). */
function selectMembers(db: Db | Tx) {
  return db
    .select({
      userId: organisationMembers.userId,
      name: users.name,
      email: users.email,
      role: organisationMembers.role,
      createdAt: organisationMembers.createdAt,
    })
    .from(organisationMembers)
    .innerJoin(users, eq(users.id, organisationMembers.userId));
}

export async function canSeeMemberEmails(
  db: Db,
  organisationId: string,
  viewer: ActiveSession,
): Promise<boolean> {
  const role = await managerRole(db, organisationId, viewer);
  return role === 'owner' || role === 'admin';
}

export async function addMember(
  db: Db,
  viewer: ActiveSession,
  organisationId: string,
  input: MemberAdd,
) {
  return db.transaction(async (tx) => {
    const role = await requireManager(tx, organisationId, viewer);
    if (input.role === 'owner' && role !== 'owner') throw forbidden('Only owners may add owners.');
    const user = await findUserByEmail(tx, input.email);
    if (!user) throw new HttpError(404, 'user_not_found', 'No account has this e-mail address.');
    if (await getMembership(tx, organisationId, user.id)) {
      throw conflict('already_member', 'This person is already a member.');
    }
    try {
      await tx
        .insert(organisationMembers)
        .values({ organisationId, userId: user.id, role: input.role });
    } catch (err) {
      if (isUniqueViolation(err))
        throw conflict('already_member', 'This person is already a member.');
      throw err;
    }
    // A pending request from the same person is answered by adding them.
    await tx
      .update(joinRequests)
      .set({ status: 'accepted', decidedBy: viewer.user.id, decidedAt: new Date() })
      .where(
        and(
          eq(joinRequests.organisationId, organisationId),
          eq(joinRequests.userId, user.id),
          eq(joinRequests.status, 'pending'),
        ),
      );
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'organisation.member_add',
      targetType: 'organisation',
      targetId: organisationId,
      details: { userId: user.id, role: input.role },
    });
    return {
      userId: user.id,
      name: user.name,
      email: user.email,
      role: input.role,
      createdAt: new Date(),
    };
  });
}

export async function changeMemberRole(
  db: Db,
  viewer: ActiveSession,
  organisationId: string,
  userId: string,
  newRole: MemberRole,
) {
  return db.transaction(async (tx) => {
    const role = await requireManager(tx, organisationId, viewer);
    const current = await getMembership(tx, organisationId, userId);
    if (!current) throw notFound('Member');
    if (role !== 'owner' && (current === 'owner' || newRole === 'owner')) {
      throw forbidden('Only owners may change who is an owner.');
    }
    if (current === 'owner' && newRole !== 'owner' && (await ownerCount(tx, organisationId)) <= 1) {
      throw lastOwner();
    }
    await tx
      .update(organisationMembers)
      .set({ role: newRole })
      .where(
        and(
          eq(organisationMembers.organisationId, organisationId),
          eq(organisationMembers.userId, userId),
        ),
      );
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'organisation.member_role',
      targetType: 'organisation',
      targetId: organisationId,
      details: { userId, from: current, to: newRole },
    });
    const [m] = await selectMembers(tx).where(
      and(
        eq(organisationMembers.organisationId, organisationId),
        eq(organisationMembers.userId, userId),
      ),
    );
    if (!m) throw notFound('Member');
    return m;
  });
}

/** Removes a member; anyone may leave, owners and admins may remove others; the last owner stays. */
export async function removeMember(
  db: Db,
  viewer: ActiveSession,
  organisationId: string,
  userId: string,
) {
  await db.transaction(async (tx) => {
    await getOrganisation(tx, organisationId);
    const current = await getMembership(tx, organisationId, userId);
    const self = userId === viewer.user.id;
    if (!self) {
      const role = await requireManager(tx, organisationId, viewer);
      if (!current) throw notFound('Member');
      if (current === 'owner' && role !== 'owner')
        throw forbidden('Only owners may remove an owner.');
    } else if (!current) {
      throw notFound('Member');
    }
    if (current === 'owner' && (await ownerCount(tx, organisationId)) <= 1) throw lastOwner();
    await tx
      .delete(organisationMembers)
      .where(
        and(
          eq(organisationMembers.organisationId, organisationId),
          eq(organisationMembers.userId, userId),
        ),
      );
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: self ? 'organisation.member_leave' : 'organisation.member_remove',
      targetType: 'organisation',
      targetId: organisationId,
      details: { userId },
    });
  });
}

export async function createJoinRequest(
  db: Db,
  viewer: ActiveSession,
  organisationId: string,
  input: JoinRequestCreate,
) {
  return db.transaction(async (tx) => {
    await getOrganisation(tx, organisationId);
    if (await getMembership(tx, organisationId, viewer.user.id)) {
      throw conflict('already_member', 'You are already a member.');
    }
    const [pending] = await tx
      .select({ id: joinRequests.id })
      .from(joinRequests)
      .where(
        and(
          eq(joinRequests.organisationId, organisationId),
          eq(joinRequests.userId, viewer.user.id),
          eq(joinRequests.status, 'pending'),
        ),
      );
    if (pending)
      throw conflict('request_pending', 'You already asked to join; wait for an answer.');
    let row;
    try {
      [row] = await tx
        .insert(joinRequests)
        .values({ organisationId, userId: viewer.user.id, message: input.message })
        .returning();
    } catch (err) {
      if (isUniqueViolation(err))
        throw conflict('request_pending', 'You already asked to join; wait for an answer.');
      throw err;
    }
    if (!row) throw new Error('insert returned no row');
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'organisation.join_request',
      targetType: 'organisation',
      targetId: organisationId,
      details: { requestId: row.id },
    });
    return row;
  });
}

export async function listJoinRequests(db: Db, viewer: ActiveSession, organisationId: string) {
  await requireManager(db, organisationId, viewer);
  return db
    .select({ r: joinRequests, name: users.name })
    .from(joinRequests)
    .innerJoin(users, eq(users.id, joinRequests.userId))
    .where(and(eq(joinRequests.organisationId, organisationId), eq(joinRequests.status, 'pending')))
    .orderBy(asc(joinRequests.createdAt))
    .limit(500);
}

export async function decideJoinRequest(
  db: Db,
  viewer: ActiveSession,
  organisationId: string,
  requestId: string,
  input: JoinRequestDecision,
) {
  return db.transaction(async (tx) => {
    await requireManager(tx, organisationId, viewer);
    const [req] = await tx
      .select({ r: joinRequests, name: users.name })
      .from(joinRequests)
      .innerJoin(users, eq(users.id, joinRequests.userId))
      .where(and(eq(joinRequests.id, requestId), eq(joinRequests.organisationId, organisationId)))
      .for('update');
    if (!req) throw notFound('Join request');
    if (req.r.status !== 'pending')
      throw conflict('already_decided', 'This request was already answered.');
    const status = input.decision === 'accept' ? 'accepted' : 'declined';
    const [updated] = await tx
      .update(joinRequests)
      .set({ status, decidedBy: viewer.user.id, decidedAt: new Date() })
      .where(eq(joinRequests.id, requestId))
      .returning();
    if (status === 'accepted' && !(await getMembership(tx, organisationId, req.r.userId))) {
      await tx
        .insert(organisationMembers)
        .values({ organisationId, userId: req.r.userId, role: 'member' });
    }
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: `organisation.join_${input.decision}`,
      targetType: 'organisation',
      targetId: organisationId,
      details: { requestId, userId: req.r.userId },
    });
    return { r: updated ?? req.r, name: req.name };
  });
}
