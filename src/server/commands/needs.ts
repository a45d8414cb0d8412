/**
 * Citizens' needs: posting, supporting, following, commenting, answering (by the responsible
 * organisation, on a public timeline) and merging duplicates (moderators). Hidden needs and
 * merged ones are left out of lists, searches and counts for everyone but moderators and their
 * author.
 */
import { sql, type SQL } from 'drizzle-orm';
import {
  NEED_TRANSITIONS,
  NEEDS_PAGE_SIZE,
  type Need,
  type NeedComment,
  type NeedCreate,
  type NeedEvent,
  type NeedList,
  type NeedsQuery,
  type NeedStatus,
  type NeedSummary,
  type NeedUpdate,
} from '../../shared/needs.ts';
import type { ActiveSession } from '../auth/sessions.ts';
import type { Db, Tx } from '../db/client.ts';
import { rows } from '../db/rows.ts';
import {
  needComments,
  needEvents,
  needFollowers,
  needs,
  needSupports,
} from '../db/schema/index.ts';
import { badRequest, conflict, forbidden, notFound } from '../errors.ts';
import { notifyAll } from '../notifications/notify.ts';
import { recordAudit } from './audit.ts';
import { isModerator } from './cases.ts';
import { getMembership } from './organisations.ts';

type Viewer = ActiveSession | null;

/** Needs everyone may see: not merged into another, not hidden. */
const PUBLIC = (alias: SQL) => sql`${alias}.merged_into_id is null and ${alias}.hidden_at is null`;

/** What the viewer may see: not merged, and not hidden unless they moderate or wrote it. */
function visible(viewer: Viewer, alias = sql`n`): SQL {
  if (isModerator(viewer)) return sql`${alias}.merged_into_id is null`;
  if (!viewer) return PUBLIC(alias);
  return sql`${alias}.merged_into_id is null and (${alias}.hidden_at is null or ${alias}.author_id = ${viewer.user.id})`;
}

type SummaryRow = {
  id: string;
  title: string;
  place: string;
  country: string;
  sector: string | null;
  status: NeedStatus;
  supports: number;
  responsible_id: string | null;
  responsible_name: string | null;
  created_at: string | Date;
};
const summarySelect = sql`
  select n.id, n.title, n.place, n.country, n.sector, n.status, n.supports,
         n.responsible_organisation_id as responsible_id, o.name as responsible_name, n.created_at
  from needs n left join organisations o on o.id = n.responsible_organisation_id`;
const iso = (d: string | Date) => new Date(d).toISOString();
const summary = (r: SummaryRow): NeedSummary => ({
  id: r.id,
  title: r.title,
  place: r.place,
  country: r.country,
  sector: r.sector,
  status: r.status,
  supports: r.supports,
  responsibleOrganisation: r.responsible_id
    ? { id: r.responsible_id, name: r.responsible_name ?? '' }
    : null,
  createdAt: iso(r.created_at),
});

/** An OR of the words of a text (each a prefix), for `to_tsquery('simple', …)`; null if none. */
export function wordsQuery(text: string): string | null {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2)
    .slice(0, 12);
  return words.length ? words.map((w) => `${w}:*`).join(' | ') : null;
}

/** All words must match (as prefixes), for the list's search box. */
function allWords(text: string): string | null {
  const q = wordsQuery(text);
  return q ? q.replaceAll(' | ', ' & ') : null;
}

export async function listNeeds(db: Db, viewer: Viewer, query: NeedsQuery): Promise<NeedList> {
  const where: SQL[] = [];
  const q = query.q ? allWords(query.q) : null;
  if (q) where.push(sql`n.search @@ to_tsquery('simple', ${q})`);
  if (query.country) where.push(sql`n.country = ${query.country}`);
  if (query.sector) where.push(sql`n.sector = ${query.sector}`);
  if (query.status) where.push(sql`n.status = ${query.status}`);
  if (query.organisation) where.push(sql`n.responsible_organisation_id = ${query.organisation}`);
  const filters = where.length ? sql.join(where, sql` and `) : sql`true`;
  const condition = sql`${visible(viewer)} and ${filters}`;
  const order =
    query.sort === 'newest'
      ? sql`n.created_at desc nulls last, n.id`
      : sql`n.supports desc nulls last, n.created_at desc nulls last, n.id`;
  // Counted as what everyone sees (an index-only scan) plus what only this viewer sees.
  const own =
    viewer && !isModerator(viewer)
      ? sql` + (select count(*) from needs n where n.merged_into_id is null and n.hidden_at is not null
                and n.author_id = ${viewer.user.id} and ${filters})`
      : sql``;
  // One statement, one round trip: the page as JSON and the count beside it.
  const [answer] = await rows<{ items: SummaryRow[]; total: number }>(
    db,
    sql`select (select coalesce(json_agg(p), '[]'::json) from (
                  ${summarySelect} where ${condition} order by ${order}
                  limit ${NEEDS_PAGE_SIZE} offset ${(query.page - 1) * NEEDS_PAGE_SIZE}) p) as items,
               ((select count(*) from needs n
                 where ${isModerator(viewer) ? sql`n.merged_into_id is null` : PUBLIC(sql`n`)} and ${filters})${own})::int as total`,
  );
  const found = answer!.items;
  const total = answer!.total;
  return { items: found.map(summary), total };
}

/** Needs whose words resemble a title being typed: to spot a duplicate before posting it. */
export async function similarNeeds(db: Db, viewer: Viewer, title: string) {
  const q = wordsQuery(title);
  if (!q) return [];
  const found = await rows<SummaryRow>(
    db,
    sql`${summarySelect}
        where ${visible(viewer)} and n.search @@ to_tsquery('simple', ${q})
        order by ts_rank(n.search, to_tsquery('simple', ${q})) desc, n.supports desc, n.id
        limit 5`,
  );
  return found.map(summary);
}

type NeedRow = typeof needs.$inferSelect;

/** A hidden need exists only for moderators and its author. */
async function needRow(db: Db | Tx, viewer: Viewer, id: string): Promise<NeedRow> {
  const [row] = await db
    .select()
    .from(needs)
    .where(sql`${needs.id} = ${id}`);
  if (!row) throw notFound('Need');
  if (row.hiddenAt && !isModerator(viewer) && row.authorId !== (viewer?.user.id ?? null))
    throw notFound('Need');
  return row;
}

async function canAnswer(db: Db | Tx, viewer: Viewer, row: NeedRow) {
  if (!viewer || !row.responsibleOrganisationId) return false;
  return (await getMembership(db, row.responsibleOrganisationId, viewer.user.id)) !== null;
}

export async function getNeed(db: Db, viewer: Viewer, id: string): Promise<Need> {
  const row = await needRow(db, viewer, id);
  const [base] = await rows<SummaryRow>(db, sql`${summarySelect} where n.id = ${id}`);
  const names = await rows<{
    id: string;
    name: string;
    kind: 'author' | 'organisation' | 'merged';
  }>(
    db,
    sql`select id, name, 'author' as kind from users where id = ${row.authorId}
        union all select id, name, 'organisation' from organisations where id = ${row.organisationId}
        union all select id, title, 'merged' from needs where id = ${row.mergedIntoId}`,
  );
  const ref = (kind: string) => {
    const f = names.find((n) => n.kind === kind);
    return f ? { id: f.id, name: f.name } : null;
  };
  const merged = ref('merged');
  const events = await rows<{
    kind: NeedEvent['kind'];
    from_status: NeedStatus | null;
    to_status: NeedStatus | null;
    reason: string | null;
    other_id: string | null;
    other_title: string | null;
    actor: string | null;
    organisation_id: string | null;
    organisation_name: string | null;
    at: string | Date;
  }>(
    db,
    sql`select e.kind, e.from_status, e.to_status, e.reason, e.other_need_id as other_id,
               other.title as other_title, u.name as actor, e.organisation_id,
               o.name as organisation_name, e.at
        from need_events e
        left join users u on u.id = e.actor_id
        left join organisations o on o.id = e.organisation_id
        left join needs other on other.id = e.other_need_id
          and (other.hidden_at is null or ${isModerator(viewer)} or other.author_id = ${viewer?.user.id ?? null})
        where e.need_id = ${id} order by e.id`,
  );
  const comments = await rows<{
    id: string;
    author_id: string | null;
    author_name: string | null;
    body: string;
    created_at: string | Date;
    hidden: boolean;
  }>(
    db,
    sql`select c.id, c.author_id, u.name as author_name, c.body, c.created_at, c.hidden_at is not null as hidden
        from need_comments c left join users u on u.id = c.author_id
        where c.need_id = ${id}
          and (c.hidden_at is null or ${isModerator(viewer)} or c.author_id = ${viewer?.user.id ?? null})
        order by c.created_at, c.id`,
  );
  const [mine] = await rows<{ supported: boolean; followed: boolean; followers: number }>(
    db,
    sql`select exists (select 1 from need_supports where need_id = ${id} and user_id = ${viewer?.user.id ?? null}) as supported,
               exists (select 1 from need_followers where need_id = ${id} and user_id = ${viewer?.user.id ?? null}) as followed,
               (select count(*)::int from need_followers where need_id = ${id}) as followers`,
  );
  const addressing = await rows<{ id: string; title: string }>(
    db,
    sql`select i.id, i.title from initiative_needs l join initiatives i on i.id = l.initiative_id
        where l.need_id = ${id} and i.hidden_at is null order by i.title`,
  );
  return {
    ...summary(base!),
    initiatives: addressing,
    description: row.description,
    latitude: row.latitude,
    longitude: row.longitude,
    author: ref('author'),
    organisation: ref('organisation'),
    statusReason: row.statusReason,
    hidden: row.hiddenAt !== null,
    hiddenReason: row.hiddenReason,
    awaitingApproval: row.awaitingApproval,
    mergedInto: merged ? { id: merged.id, title: merged.name } : null,
    followers: mine!.followers,
    timeline: events.map((e) => ({
      kind: e.kind,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      reason: e.reason,
      otherNeed: e.other_id && e.other_title ? { id: e.other_id, title: e.other_title } : null,
      actor: e.actor,
      organisation: e.organisation_id
        ? { id: e.organisation_id, name: e.organisation_name ?? '' }
        : null,
      at: iso(e.at),
    })),
    comments: comments.map((c): NeedComment => ({
      id: c.id,
      author: c.author_id ? { id: c.author_id, name: c.author_name ?? '' } : null,
      body: c.body,
      createdAt: iso(c.created_at),
      hidden: c.hidden,
    })),
    supportedByMe: mine!.supported,
    followedByMe: mine!.followed,
    canAnswer: await canAnswer(db, viewer, row),
    canEdit:
      viewer !== null &&
      (isModerator(viewer) || (row.authorId === viewer.user.id && row.status === 'open')),
    canMerge: isModerator(viewer),
  };
}

async function organisationExists(db: Db | Tx, id: string, field: string) {
  const [o] = await rows<{ id: string }>(db, sql`select id from organisations where id = ${id}`);
  if (!o)
    throw badRequest('There is no such organisation.', [
      { path: field, message: 'is not an organisation on the platform' },
    ]);
}

export async function createNeed(db: Db, viewer: ActiveSession, input: NeedCreate): Promise<Need> {
  if (input.responsibleOrganisationId)
    await organisationExists(db, input.responsibleOrganisationId, 'responsibleOrganisationId');
  if (
    input.organisationId &&
    (await getMembership(db, input.organisationId, viewer.user.id)) === null
  )
    throw badRequest('You can only post for an organisation you are a member of.', [
      { path: 'organisationId', message: 'is not an organisation you belong to' },
    ]);
  const [premoderated] = input.responsibleOrganisationId
    ? await rows<{ premoderation: boolean }>(
        db,
        sql`select premoderation from organisations where id = ${input.responsibleOrganisationId}`,
      )
    : [];
  const waits = premoderated?.premoderation === true;
  const id = await db.transaction(async (tx) => {
    const [made] = await tx
      .insert(needs)
      .values({
        ...input,
        authorId: viewer.user.id,
        ...(waits ? { hiddenAt: new Date(), awaitingApproval: true } : {}),
      })
      .returning({ id: needs.id });
    await tx
      .insert(needEvents)
      .values({ needId: made!.id, kind: 'created', toStatus: 'open', actorId: viewer.user.id });
    await tx.insert(needFollowers).values({ needId: made!.id, userId: viewer.user.id });
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'need.create',
      targetType: 'need',
      targetId: made!.id,
    });
    return made!.id;
  });
  return getNeed(db, viewer, id);
}

export async function updateNeed(
  db: Db,
  viewer: ActiveSession,
  id: string,
  patch: NeedUpdate,
): Promise<Need> {
  const row = await needRow(db, viewer, id);
  if (!isModerator(viewer) && !(row.authorId === viewer.user.id && row.status === 'open'))
    throw forbidden('Only its author (while it is open) and moderators may change a need.');
  if (patch.responsibleOrganisationId)
    await organisationExists(db, patch.responsibleOrganisationId, 'responsibleOrganisationId');
  await db.transaction(async (tx) => {
    await tx
      .update(needs)
      .set({ ...patch, updatedAt: new Date() })
      .where(sql`${needs.id} = ${id}`);
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'need.update',
      targetType: 'need',
      targetId: id,
      details: { fields: Object.keys(patch) },
    });
  });
  return getNeed(db, viewer, id);
}

/** The supports counter, counted again from its rows (in the caller's transaction). */
const recount = (id: string) =>
  sql`update needs set supports = (select count(*) from need_supports where need_id = ${id}) where id = ${id}`;

/** One support per person: a second is a 409 and changes nothing. Supporting also follows. */
export async function supportNeed(db: Db, viewer: ActiveSession, id: string) {
  const row = await needRow(db, viewer, id);
  if (row.mergedIntoId)
    throw conflict('merged', 'This need was merged into another: support that one.');
  await db.transaction(async (tx) => {
    const added = await tx
      .insert(needSupports)
      .values({ needId: id, userId: viewer.user.id })
      .onConflictDoNothing()
      .returning({ needId: needSupports.needId });
    if (added.length === 0) throw conflict('already_supported', 'You support this need already.');
    await tx.execute(recount(id));
    await tx
      .insert(needFollowers)
      .values({ needId: id, userId: viewer.user.id })
      .onConflictDoNothing();
  });
}

export async function withdrawSupport(db: Db, viewer: ActiveSession, id: string) {
  await needRow(db, viewer, id);
  await db.transaction(async (tx) => {
    const gone = await rows<{ need_id: string }>(
      tx,
      sql`delete from need_supports where need_id = ${id} and user_id = ${viewer.user.id} returning need_id`,
    );
    if (gone.length === 0) throw notFound('Support');
    await tx.execute(recount(id));
  });
}

export async function followNeed(db: Db, viewer: ActiveSession, id: string, follow: boolean) {
  await needRow(db, viewer, id);
  if (follow)
    await db
      .insert(needFollowers)
      .values({ needId: id, userId: viewer.user.id })
      .onConflictDoNothing();
  else
    await db.execute(
      sql`delete from need_followers where need_id = ${id} and user_id = ${viewer.user.id}`,
    );
}

async function followersOf(tx: Db | Tx, id: string, except: string) {
  const found = await rows<{ user_id: string }>(
    tx,
    sql`select user_id from need_followers where need_id = ${id} and user_id <> ${except}`,
  );
  return found.map((f) => f.user_id);
}

export async function addNeedComment(
  db: Db,
  viewer: ActiveSession,
  id: string,
  body: string,
): Promise<NeedComment> {
  const row = await needRow(db, viewer, id);
  const made = await db.transaction(async (tx) => {
    const [c] = await tx
      .insert(needComments)
      .values({ needId: id, authorId: viewer.user.id, body })
      .returning();
    await notifyAll(tx, await followersOf(tx, id, viewer.user.id), {
      kind: 'need.comment',
      params: { actor: viewer.user.name, need: row.title },
      link: `/needs/${id}`,
    });
    return c!;
  });
  return {
    id: made.id,
    author: { id: viewer.user.id, name: viewer.user.name },
    body: made.body,
    createdAt: made.createdAt.toISOString(),
    hidden: false,
  };
}

/** The first time a need reaches a status, for the responsiveness figures. */
const FIRST_REACHED: Partial<Record<NeedStatus, SQL>> = {
  acknowledged: sql`acknowledged_at = coalesce(acknowledged_at, now())`,
  being_addressed: sql`acknowledged_at = coalesce(acknowledged_at, now()), addressed_at = coalesce(addressed_at, now())`,
  resolved: sql`acknowledged_at = coalesce(acknowledged_at, now()), resolved_at = coalesce(resolved_at, now())`,
  declined: sql`declined_at = coalesce(declined_at, now())`,
};

async function answer(
  db: Db,
  viewer: ActiveSession,
  id: string,
  check: (row: NeedRow) => void,
  to: NeedStatus,
  reason: string | null,
  kind: 'status' | 'reopened',
): Promise<Need> {
  const row = await needRow(db, viewer, id);
  if (row.mergedIntoId) throw conflict('merged', 'This need was merged into another.');
  if (!row.responsibleOrganisationId)
    throw conflict('no_responsible', 'No organisation is responsible for this need yet.');
  if (!(await canAnswer(db, viewer, row)))
    throw forbidden('Only members of the responsible organisation answer this need.');
  check(row);
  await db.transaction(async (tx) => {
    const first = FIRST_REACHED[to];
    const done = await rows<{ id: string }>(
      tx,
      sql`update needs set status = ${to}, status_reason = ${reason}, updated_at = now()
          ${first ? sql`, ${first}` : sql``}
          where id = ${id} and status = ${row.status} returning id`,
    );
    if (done.length === 0) throw conflict('changed', 'The need changed meanwhile: reload it.');
    await tx.insert(needEvents).values({
      needId: id,
      kind,
      fromStatus: row.status,
      toStatus: to,
      reason,
      actorId: viewer.user.id,
      organisationId: row.responsibleOrganisationId,
    });
    await notifyAll(tx, await followersOf(tx, id, viewer.user.id), {
      kind: 'need.status',
      params: { need: row.title, status: to },
      link: `/needs/${id}`,
    });
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: `need.${kind}`,
      targetType: 'need',
      targetId: id,
      details: { from: row.status, to },
    });
  });
  return getNeed(db, viewer, id);
}

/** A status change by the responsible organisation, in order only (409 otherwise). */
export function changeNeedStatus(
  db: Db,
  viewer: ActiveSession,
  id: string,
  to: NeedStatus,
  reason: string | null,
) {
  return answer(
    db,
    viewer,
    id,
    (row) => {
      if (!NEED_TRANSITIONS[row.status].includes(to))
        throw conflict(
          'illegal_transition',
          `A need that is ${row.status.replace('_', ' ')} cannot become ${to.replace('_', ' ')}${row.status === 'resolved' || row.status === 'declined' ? ': reopen it first' : ''}.`,
        );
    },
    to,
    reason,
    'status',
  );
}

/** Opens a resolved or declined need again, with a reason. */
export function reopenNeed(db: Db, viewer: ActiveSession, id: string, reason: string) {
  return answer(
    db,
    viewer,
    id,
    (row) => {
      if (row.status !== 'resolved' && row.status !== 'declined')
        throw conflict('not_closed', 'Only a resolved or declined need can be reopened.');
    },
    'open',
    reason,
    'reopened',
  );
}

/**
 * Merges a duplicate into another need (moderators): its supports and followers move over —
 * a person who supported both keeps one support — and it points to the other from then on.
 */
export async function mergeNeed(
  db: Db,
  viewer: ActiveSession,
  id: string,
  into: string,
): Promise<Need> {
  if (!isModerator(viewer)) throw forbidden('Only moderators merge needs.');
  if (id === into)
    throw badRequest('A need cannot be merged into itself.', [
      { path: 'into', message: 'is this need' },
    ]);
  const source = await needRow(db, viewer, id);
  if (source.mergedIntoId) throw conflict('merged', 'This need was merged already.');
  let target: NeedRow;
  try {
    target = await needRow(db, viewer, into);
  } catch {
    throw badRequest('There is no such need to merge into.', [
      { path: 'into', message: 'is not a need' },
    ]);
  }
  if (target.mergedIntoId)
    throw badRequest('That need was itself merged into another.', [
      { path: 'into', message: 'was merged already' },
    ]);
  await db.transaction(async (tx) => {
    await tx.execute(sql`insert into need_supports (need_id, user_id, created_at)
                         select ${into}, user_id, created_at from need_supports where need_id = ${id}
                         on conflict do nothing`);
    await tx.execute(sql`insert into need_followers (need_id, user_id, created_at)
                         select ${into}, user_id, created_at from need_followers where need_id = ${id}
                         on conflict do nothing`);
    await tx.execute(sql`delete from need_supports where need_id = ${id}`);
    await tx.execute(sql`delete from need_followers where need_id = ${id}`);
    await tx.execute(
      sql`update needs set supports = 0, merged_into_id = ${into}, updated_at = now() where id = ${id}`,
    );
    await tx.execute(
      sql`update needs set supports = (select count(*) from need_supports where need_id = ${into}), updated_at = now() where id = ${into}`,
    );
    await tx.insert(needEvents).values([
      { needId: id, kind: 'merged_into', otherNeedId: into, actorId: viewer.user.id },
      { needId: into, kind: 'merged_from', otherNeedId: id, actorId: viewer.user.id },
    ]);
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'need.merge',
      targetType: 'need',
      targetId: id,
      details: { into },
    });
  });
  return getNeed(db, viewer, into);
}

/**
 * Each server keeps the answers to need lists as everyone sees them, keyed on the needs
 * revision (bumped by a trigger in the same transaction as every write to needs, on any
 * server): a list is computed once per revision and query. Moderators, and people with hidden
 * needs of their own, see more than everyone and are always answered fresh.
 */
export class NeedListCache {
  private readonly answers = new Map<string, Promise<NeedList>>();
  constructor(private readonly size: number) {}

  async list(db: Db, viewer: Viewer, query: NeedsQuery): Promise<NeedList> {
    if (this.size <= 0 || isModerator(viewer)) return listNeeds(db, viewer, query);
    const [state] = await rows<{ revision: string; own: boolean }>(
      db,
      viewer
        ? sql`select revision::text,
                     exists (select 1 from needs where author_id = ${viewer.user.id}
                             and hidden_at is not null and merged_into_id is null) as own
              from needs_revision where id = 1`
        : sql`select revision::text, false as own from needs_revision where id = 1`,
    );
    if (!state || state.own) return listNeeds(db, viewer, query);
    const key = `${state.revision}|${JSON.stringify(query)}`;
    const hit = this.answers.get(key);
    if (hit) {
      this.answers.delete(key);
      this.answers.set(key, hit);
      return hit;
    }
    const answer = listNeeds(db, null, query);
    this.answers.set(key, answer);
    answer.catch(() => this.answers.delete(key));
    while (this.answers.size > this.size) this.answers.delete(this.answers.keys().next().value!);
    return answer;
  }
}
