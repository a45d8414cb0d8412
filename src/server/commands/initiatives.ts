/**
 * Initiatives: stakeholders and their roles, join requests, milestones, progress updates,
 * outcomes, linked needs, followers, and publication as a case. Owners manage an initiative;
 * every stakeholder posts updates; anyone signed in follows or asks to join.
 */
import { sql, type SQL } from 'drizzle-orm';
import { CaseCreate, type CaseCreate as CaseInput } from '../../shared/cases.ts';
import {
  INITIATIVES_PAGE_SIZE,
  type Initiative,
  type InitiativeCreate,
  type InitiativesQuery,
  type InitiativeSummary,
  type InitiativeUpdate,
  type StakeholderAdd,
  type StakeholderRole,
} from '../../shared/initiatives.ts';
import type { ActiveSession } from '../auth/sessions.ts';
import type { Db, Tx } from '../db/client.ts';
import { rows } from '../db/rows.ts';
import {
  initiativeFollowers,
  initiativeJoinRequests,
  initiativeMilestones,
  initiativeNeeds,
  initiativeOutcomes,
  initiatives,
  initiativeStakeholders,
  initiativeUpdates,
} from '../db/schema/index.ts';
import { badRequest, conflict, forbidden, isUniqueViolation, notFound } from '../errors.ts';
import { notifyAll } from '../notifications/notify.ts';
import { recordAudit } from './audit.ts';
import { isModerator } from './cases.ts';
import { insertCase } from './case-store.ts';
import { facilitationOf } from './facilitation.ts';
import { wordsQuery } from './needs.ts';

type Viewer = ActiveSession | null;
type Row = typeof initiatives.$inferSelect;

const iso = (d: string | Date) => new Date(d).toISOString();

/** Hidden initiatives exist only for moderators and their owners. */
async function initiativeRow(db: Db | Tx, viewer: Viewer, id: string): Promise<Row> {
  const [row] = await db
    .select()
    .from(initiatives)
    .where(sql`${initiatives.id} = ${id}`);
  if (!row) throw notFound('Initiative');
  if (
    row.hiddenAt &&
    !isModerator(viewer) &&
    !(viewer && (await roleOf(db, id, viewer.user.id))?.owner)
  )
    throw notFound('Initiative');
  return row;
}

async function roleOf(db: Db | Tx, id: string, userId: string) {
  const [s] = await rows<{ role: StakeholderRole; owner: boolean }>(
    db,
    sql`select role, owner from initiative_stakeholders where initiative_id = ${id} and user_id = ${userId}`,
  );
  return s ?? null;
}

async function ownedInitiative(db: Db | Tx, viewer: ActiveSession, id: string) {
  const row = await initiativeRow(db, viewer, id);
  if (!(await roleOf(db, id, viewer.user.id))?.owner)
    throw forbidden('Only the owners of the initiative may do this.');
  return row;
}

const summarySelect = sql`
  select i.id, i.title, i.place, i.country, i.sector, i.stage, i.created_at,
         (select count(*)::int from initiative_stakeholders s where s.initiative_id = i.id) as stakeholders,
         (select count(*)::int from initiative_followers f where f.initiative_id = i.id) as followers
  from initiatives i`;
type SummaryRow = {
  id: string;
  title: string;
  place: string;
  country: string;
  sector: string | null;
  stage: InitiativeSummary['stage'];
  created_at: string | Date;
  stakeholders: number;
  followers: number;
};
const summary = (r: SummaryRow): InitiativeSummary => ({
  id: r.id,
  title: r.title,
  place: r.place,
  country: r.country,
  sector: r.sector,
  stage: r.stage,
  stakeholders: r.stakeholders,
  followers: r.followers,
  createdAt: iso(r.created_at),
});

export async function listInitiatives(db: Db, viewer: Viewer, query: InitiativesQuery) {
  const where: SQL[] = [isModerator(viewer) ? sql`true` : sql`i.hidden_at is null`];
  const q = query.q ? wordsQuery(query.q)?.replaceAll(' | ', ' & ') : null;
  if (q) where.push(sql`i.search @@ to_tsquery('simple', ${q})`);
  if (query.country) where.push(sql`i.country = ${query.country}`);
  if (query.sector) where.push(sql`i.sector = ${query.sector}`);
  if (query.stage) where.push(sql`i.stage = ${query.stage}`);
  const condition = sql.join(where, sql` and `);
  const found = await rows<SummaryRow>(
    db,
    sql`${summarySelect} where ${condition} order by i.created_at desc, i.id
        limit ${INITIATIVES_PAGE_SIZE} offset ${(query.page - 1) * INITIATIVES_PAGE_SIZE}`,
  );
  const [{ total } = { total: 0 }] = await rows<{ total: number }>(
    db,
    sql`select count(*)::int as total from initiatives i where ${condition}`,
  );
  return { items: found.map(summary), total };
}

export async function getInitiative(db: Db, viewer: Viewer, id: string): Promise<Initiative> {
  const row = await initiativeRow(db, viewer, id);
  const [base] = await rows<SummaryRow>(db, sql`${summarySelect} where i.id = ${id}`);
  const stakeholders = await rows<{
    id: string;
    user_id: string | null;
    user_name: string | null;
    organisation_id: string | null;
    organisation_name: string | null;
    role: StakeholderRole;
    owner: boolean;
  }>(
    db,
    sql`select s.id, s.user_id, u.name as user_name, s.organisation_id, o.name as organisation_name, s.role, s.owner
        from initiative_stakeholders s
        left join users u on u.id = s.user_id
        left join organisations o on o.id = s.organisation_id
        where s.initiative_id = ${id}
        order by s.owner desc, s.created_at, s.id`,
  );
  const mine = viewer ? stakeholders.find((s) => s.user_id === viewer.user.id) : undefined;
  const isOwner = mine?.owner ?? false;
  const linked = await rows<{ id: string; title: string; status: string }>(
    db,
    sql`select n.id, n.title, n.status from initiative_needs l join needs n on n.id = l.need_id
        where l.initiative_id = ${id} and n.hidden_at is null order by n.title`,
  );
  const milestones = await rows<{
    id: string;
    title: string;
    planned_on: string | null;
    done_on: string | null;
  }>(
    db,
    sql`select id, title, planned_on::text, done_on::text from initiative_milestones
        where initiative_id = ${id} order by coalesce(planned_on, done_on), created_at`,
  );
  const updates = await rows<{
    id: string;
    author_id: string | null;
    name: string | null;
    body: string;
    created_at: string | Date;
    hidden: boolean;
  }>(
    db,
    sql`select p.id, p.author_id, u.name, p.body, p.created_at, p.hidden_at is not null as hidden from initiative_updates p
        left join users u on u.id = p.author_id
        where p.initiative_id = ${id}
          and (p.hidden_at is null or ${isModerator(viewer)} or p.author_id = ${viewer?.user.id ?? null})
        order by p.created_at desc, p.id`,
  );
  const outcomes = await rows<{
    id: string;
    dimension: string;
    evidence: string;
    description: string;
  }>(
    db,
    sql`select id, dimension, evidence, description from initiative_outcomes
        where initiative_id = ${id} order by created_at, id`,
  );
  const requests = isOwner
    ? await rows<{
        id: string;
        user_id: string;
        name: string;
        role: StakeholderRole;
        message: string;
        created_at: string | Date;
      }>(
        db,
        sql`select r.id, r.user_id, u.name, r.role, r.message, r.created_at
            from initiative_join_requests r join users u on u.id = r.user_id
            where r.initiative_id = ${id} order by r.created_at`,
      )
    : [];
  const [flags] = await rows<{ followed: boolean; pending: boolean; case_title: string | null }>(
    db,
    sql`select exists (select 1 from initiative_followers where initiative_id = ${id} and user_id = ${viewer?.user.id ?? null}) as followed,
               exists (select 1 from initiative_join_requests where initiative_id = ${id} and user_id = ${viewer?.user.id ?? null}) as pending,
               (select title from cases where id = ${row.caseId} and status = 'published') as case_title`,
  );
  return {
    ...summary(base!),
    purpose: row.purpose,
    stakeholderList: stakeholders.map((s) => ({
      id: s.id,
      person: s.user_id ? { id: s.user_id, name: s.user_name ?? '' } : null,
      organisation: s.organisation_id
        ? { id: s.organisation_id, name: s.organisation_name ?? '' }
        : null,
      role: s.role,
      owner: s.owner,
    })),
    needs: linked,
    milestones: milestones.map((m) => ({
      id: m.id,
      title: m.title,
      plannedOn: m.planned_on,
      doneOn: m.done_on,
    })),
    updates: updates.map((u) => ({
      id: u.id,
      author: u.author_id ? { id: u.author_id, name: u.name ?? '' } : null,
      body: u.body,
      createdAt: iso(u.created_at),
      hidden: u.hidden,
    })),
    outcomes: outcomes as Initiative['outcomes'],
    facilitation: await facilitationOf(db, viewer, sql`f.initiative_id = ${id}`),
    joinRequests: requests.map((r) => ({
      id: r.id,
      person: { id: r.user_id, name: r.name },
      role: r.role,
      message: r.message,
      createdAt: iso(r.created_at),
    })),
    hidden: row.hiddenAt !== null,
    hiddenReason: row.hiddenReason,
    case: row.caseId && flags!.case_title ? { id: row.caseId, title: flags!.case_title } : null,
    followedByMe: flags!.followed,
    myRole: mine?.role ?? null,
    isOwner,
    canPostUpdates: mine !== undefined,
    hasPendingRequest: flags!.pending,
  };
}

export async function createInitiative(db: Db, viewer: ActiveSession, input: InitiativeCreate) {
  const { role, ...fields } = input;
  const id = await db.transaction(async (tx) => {
    const [made] = await tx
      .insert(initiatives)
      .values({ ...fields, createdBy: viewer.user.id })
      .returning({ id: initiatives.id });
    await tx
      .insert(initiativeStakeholders)
      .values({ initiativeId: made!.id, userId: viewer.user.id, role, owner: true });
    await tx.insert(initiativeFollowers).values({ initiativeId: made!.id, userId: viewer.user.id });
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'initiative.create',
      targetType: 'initiative',
      targetId: made!.id,
    });
    return made!.id;
  });
  return getInitiative(db, viewer, id);
}

export async function updateInitiative(
  db: Db,
  viewer: ActiveSession,
  id: string,
  patch: InitiativeUpdate,
) {
  await ownedInitiative(db, viewer, id);
  await db.transaction(async (tx) => {
    await tx
      .update(initiatives)
      .set({ ...patch, updatedAt: new Date() })
      .where(sql`${initiatives.id} = ${id}`);
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'initiative.update',
      targetType: 'initiative',
      targetId: id,
      details: { fields: Object.keys(patch) },
    });
  });
  return getInitiative(db, viewer, id);
}

/** Owners add a person (by e-mail) or an organisation as a stakeholder. */
export async function addStakeholder(
  db: Db,
  viewer: ActiveSession,
  id: string,
  input: StakeholderAdd,
) {
  const row = await ownedInitiative(db, viewer, id);
  let userId: string | null = null;
  let organisationId: string | null = null;
  if (input.email) {
    const [u] = await rows<{ id: string }>(
      db,
      sql`select id from users where lower(email) = ${input.email.toLowerCase()} and erased_at is null`,
    );
    if (!u)
      throw badRequest('Nobody with this e-mail address has an account.', [
        { path: 'email', message: 'belongs to no account on the platform' },
      ]);
    userId = u.id;
  } else {
    const [o] = await rows<{ id: string }>(
      db,
      sql`select id from organisations where id = ${input.organisationId!}`,
    );
    if (!o)
      throw badRequest('There is no such organisation.', [
        { path: 'organisationId', message: 'is not an organisation on the platform' },
      ]);
    organisationId = o.id;
    if (input.owner)
      throw badRequest('An organisation cannot be an owner: add a person.', [
        { path: 'owner', message: 'only people own initiatives' },
      ]);
  }
  try {
    await db.transaction(async (tx) => {
      await tx
        .insert(initiativeStakeholders)
        .values({ initiativeId: id, userId, organisationId, role: input.role, owner: input.owner });
      if (userId) {
        await tx.execute(
          sql`delete from initiative_join_requests where initiative_id = ${id} and user_id = ${userId}`,
        );
        await notifyAll(tx, [userId], {
          kind: 'initiative.joined',
          params: { initiative: row.title },
          link: `/initiatives/${id}`,
        });
      }
      await recordAudit(tx, {
        actorId: viewer.user.id,
        action: 'initiative.stakeholder.add',
        targetType: 'initiative',
        targetId: id,
        details: { role: input.role },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw conflict(
        'already_stakeholder',
        'This person or organisation is a stakeholder already.',
      );
    throw err;
  }
  return getInitiative(db, viewer, id);
}

/** Owners remove a stakeholder; anyone removes themselves; the last owner stays. */
export async function removeStakeholder(
  db: Db,
  viewer: ActiveSession,
  id: string,
  stakeholderId: string,
) {
  await initiativeRow(db, viewer, id);
  const [s] = await rows<{ user_id: string | null; owner: boolean }>(
    db,
    sql`select user_id, owner from initiative_stakeholders where id = ${stakeholderId} and initiative_id = ${id}`,
  );
  if (!s) throw notFound('Stakeholder');
  const mine = await roleOf(db, id, viewer.user.id);
  if (!mine?.owner && s.user_id !== viewer.user.id)
    throw forbidden('Only the owners of the initiative may remove others.');
  if (s.owner) {
    const [{ owners } = { owners: 0 }] = await rows<{ owners: number }>(
      db,
      sql`select count(*)::int as owners from initiative_stakeholders where initiative_id = ${id} and owner`,
    );
    if (owners <= 1)
      throw conflict('last_owner', 'The last owner cannot leave: make someone else owner first.');
  }
  await db.execute(sql`delete from initiative_stakeholders where id = ${stakeholderId}`);
}

export async function requestToJoin(
  db: Db,
  viewer: ActiveSession,
  id: string,
  role: StakeholderRole,
  message: string,
) {
  const row = await initiativeRow(db, viewer, id);
  if (await roleOf(db, id, viewer.user.id))
    throw conflict('already_stakeholder', 'You are a stakeholder already.');
  try {
    await db.transaction(async (tx) => {
      await tx
        .insert(initiativeJoinRequests)
        .values({ initiativeId: id, userId: viewer.user.id, role, message });
      const owners = await rows<{ user_id: string }>(
        tx,
        sql`select user_id from initiative_stakeholders where initiative_id = ${id} and owner`,
      );
      await notifyAll(
        tx,
        owners.map((o) => o.user_id),
        {
          kind: 'initiative.join',
          params: { actor: viewer.user.name, initiative: row.title },
          link: `/initiatives/${id}`,
        },
      );
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('already_requested', 'You asked to join already.');
    throw err;
  }
}

export async function decideJoinRequest(
  db: Db,
  viewer: ActiveSession,
  id: string,
  requestId: string,
  accept: boolean,
) {
  const row = await ownedInitiative(db, viewer, id);
  await db.transaction(async (tx) => {
    const [r] = await rows<{ user_id: string; role: StakeholderRole }>(
      tx,
      sql`delete from initiative_join_requests where id = ${requestId} and initiative_id = ${id} returning user_id, role`,
    );
    if (!r) throw notFound('Join request');
    if (accept) {
      await tx
        .insert(initiativeStakeholders)
        .values({ initiativeId: id, userId: r.user_id, role: r.role })
        .onConflictDoNothing();
      await tx
        .insert(initiativeFollowers)
        .values({ initiativeId: id, userId: r.user_id })
        .onConflictDoNothing();
      await notifyAll(tx, [r.user_id], {
        kind: 'initiative.joined',
        params: { initiative: row.title },
        link: `/initiatives/${id}`,
      });
    }
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: accept ? 'initiative.join.accept' : 'initiative.join.decline',
      targetType: 'initiative',
      targetId: id,
    });
  });
  return getInitiative(db, viewer, id);
}

export async function followInitiative(db: Db, viewer: ActiveSession, id: string, follow: boolean) {
  await initiativeRow(db, viewer, id);
  if (follow)
    await db
      .insert(initiativeFollowers)
      .values({ initiativeId: id, userId: viewer.user.id })
      .onConflictDoNothing();
  else
    await db.execute(
      sql`delete from initiative_followers where initiative_id = ${id} and user_id = ${viewer.user.id}`,
    );
}

export async function addMilestone(
  db: Db,
  viewer: ActiveSession,
  id: string,
  m: { title: string; plannedOn: string | null; doneOn: string | null },
) {
  await ownedInitiative(db, viewer, id);
  await db.insert(initiativeMilestones).values({ initiativeId: id, ...m });
  return getInitiative(db, viewer, id);
}

export async function setMilestoneDone(
  db: Db,
  viewer: ActiveSession,
  id: string,
  milestoneId: string,
  doneOn: string | null,
) {
  await ownedInitiative(db, viewer, id);
  const done = await rows<{ id: string }>(
    db,
    sql`update initiative_milestones set done_on = ${doneOn} where id = ${milestoneId} and initiative_id = ${id} returning id`,
  );
  if (!done.length) throw notFound('Milestone');
  return getInitiative(db, viewer, id);
}

/** A progress update by a stakeholder; followers hear of it. */
export async function postUpdate(db: Db, viewer: ActiveSession, id: string, body: string) {
  const row = await initiativeRow(db, viewer, id);
  if (!(await roleOf(db, id, viewer.user.id))) throw forbidden('Only stakeholders post updates.');
  await db.transaction(async (tx) => {
    await tx.insert(initiativeUpdates).values({ initiativeId: id, authorId: viewer.user.id, body });
    const followers = await rows<{ user_id: string }>(
      tx,
      sql`select user_id from initiative_followers where initiative_id = ${id} and user_id <> ${viewer.user.id}`,
    );
    await notifyAll(
      tx,
      followers.map((f) => f.user_id),
      {
        kind: 'initiative.update',
        params: { initiative: row.title },
        link: `/initiatives/${id}`,
      },
    );
  });
  return getInitiative(db, viewer, id);
}

export async function addOutcome(
  db: Db,
  viewer: ActiveSession,
  id: string,
  o: { dimension: string; evidence: string; description: string },
) {
  await ownedInitiative(db, viewer, id);
  await db.insert(initiativeOutcomes).values({ initiativeId: id, ...o });
  return getInitiative(db, viewer, id);
}

/** Links a need the initiative addresses (owners). */
export async function linkNeed(db: Db, viewer: ActiveSession, id: string, needId: string) {
  await ownedInitiative(db, viewer, id);
  const [n] = await rows<{ id: string }>(
    db,
    sql`select id from needs where id = ${needId} and merged_into_id is null and hidden_at is null`,
  );
  if (!n)
    throw badRequest('There is no such need.', [{ path: 'needId', message: 'is not a need' }]);
  await db.insert(initiativeNeeds).values({ initiativeId: id, needId }).onConflictDoNothing();
  return getInitiative(db, viewer, id);
}

const FACILITATION_RESOURCE = {
  convene: 'contacts',
  space: 'space',
  funding: 'money',
  expertise: 'expertise',
  data_access: 'information',
} as const;

/** The case an initiative becomes: prefilled from everything recorded on it. */
export async function caseFromInitiative(db: Db, id: string): Promise<CaseInput> {
  const i = await getInitiative(db, null, id);
  const delivered = i.facilitation.filter(
    (f) => f.status === 'delivered' || f.status === 'committed',
  );
  const partners = [
    ...i.stakeholderList
      .filter((s) => s.organisation)
      .map((s) => ({
        name: s.organisation!.name,
        organisationId: s.organisation!.id,
        role:
          s.role === 'funder'
            ? 'funder'
            : s.role === 'facilitator'
              ? 'facilitator'
              : s.role === 'co_implementer'
                ? 'implementer'
                : 'partner',
      })),
    ...delivered
      .filter((f) => !i.stakeholderList.some((s) => s.organisation?.id === f.organisation.id))
      .map((f) => ({
        name: f.organisation.name,
        organisationId: f.organisation.id,
        role: 'facilitator',
      })),
  ].filter((p, k, all) => all.findIndex((q) => q.organisationId === p.organisationId) === k);
  const citizenRoles = [
    ...new Set(i.stakeholderList.filter((s) => s.person).map((s) => s.role)),
  ].filter((r) => r === 'co_initiator' || r === 'co_designer' || r === 'co_implementer');
  const resources = [
    ...new Set(
      delivered.flatMap((f) =>
        f.kind in FACILITATION_RESOURCE
          ? [FACILITATION_RESOURCE[f.kind as keyof typeof FACILITATION_RESOURCE]]
          : [],
      ),
    ),
  ];
  const process = i.milestones
    .map(
      (m) => `- ${m.title}${m.doneOn ? ` (${m.doneOn})` : m.plannedOn ? ` (${m.plannedOn})` : ''}`,
    )
    .join('\n');
  return CaseCreate.parse({
    title: i.title,
    summary: i.purpose || i.title,
    status: 'published',
    countries: [i.country],
    level: 'local',
    sector: i.sector,
    stage: i.stage,
    citizenRoles,
    experimentation: delivered.some((f) => f.kind === 'regulatory_room') ? 'sandbox' : null,
    partners,
    resources,
    outcomes: i.outcomes.map((o) => ({
      dimension: o.dimension,
      evidence: o.evidence,
      note: o.description,
    })),
    sections: process ? { process } : {},
    links: [],
  });
}

/**
 * Publishes the initiative to the case library, once, as a published case linked to it. The
 * initiative row is locked, so two owners pressing at once make one case.
 */
export async function publishInitiative(db: Db, viewer: ActiveSession, id: string) {
  await ownedInitiative(db, viewer, id);
  const input = await caseFromInitiative(db, id);
  await db.transaction(async (tx) => {
    const [locked] = await rows<{ case_id: string | null }>(
      tx,
      sql`select case_id from initiatives where id = ${id} for update`,
    );
    if (locked!.case_id)
      throw conflict('published', 'The initiative is in the case library already.');
    const made = await insertCase(tx, input, { authorId: viewer.user.id });
    await tx.execute(
      sql`update initiatives set case_id = ${made.id}, updated_at = now() where id = ${id}`,
    );
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'initiative.publish',
      targetType: 'initiative',
      targetId: id,
      details: { caseId: made.id },
    });
  });
  return getInitiative(db, viewer, id);
}
