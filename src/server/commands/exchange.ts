/**
 * The resource exchange: offers and requests, who may see them, and their ranked matches.
 * An item belongs to its creator, and, when made for an organisation, to every member of it.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { ExchangeItemCreate } from '../../shared/exchange.ts';
import {
  EXCHANGE_PAGE_SIZE,
  itemProblems,
  type ExchangeItem,
  type ExchangeItemUpdate,
  type ExchangeList,
  type ExchangeQuery,
  type ItemStatus,
  type MatchList,
} from '../../shared/exchange.ts';
import type { ActiveSession } from '../auth/sessions.ts';
import type { Db, Tx } from '../db/client.ts';
import { rows } from '../db/rows.ts';
import { exchangeItems } from '../db/schema/index.ts';
import { badRequest, conflict, forbidden, notFound } from '../errors.ts';
import { scopeKey, type ExchangeMatcher, type ViewerScope } from '../exchange/matcher.ts';
import { recordAudit } from './audit.ts';
import { wordsQuery } from './needs.ts';
import { getMembership } from './organisations.ts';

type Viewer = ActiveSession | null;

/**
 * The SQL condition "the viewer may see item `alias`": public items; organisation items to the
 * organisation's members; space items to the space's members; and always one's own.
 */
export function itemVisible(alias: string, viewer: Viewer | string): SQL {
  const a = sql.raw(alias);
  const me = typeof viewer === 'string' ? viewer : viewer?.user.id;
  if (!me) return sql`${a}.visibility = 'public'`;
  return sql`(${a}.visibility = 'public' or ${a}.created_by = ${me}
    or (${a}.visibility = 'organisation' and exists (select 1 from organisation_members vm
          where vm.organisation_id = ${a}.organisation_id and vm.user_id = ${me}))
    or (${a}.visibility = 'space' and exists (select 1 from space_members vs
          where vs.space_id = ${a}.space_id and vs.user_id = ${me})))`;
}

/** The SQL condition "the viewer acts for item `alias`": its creator, or a member of its organisation. */
export function itemOwned(alias: string, viewer: Viewer): SQL {
  const a = sql.raw(alias);
  if (!viewer) return sql`false`;
  const me = viewer.user.id;
  return sql`(${a}.created_by = ${me} or (${a}.organisation_id is not null and exists (
    select 1 from organisation_members om where om.organisation_id = ${a}.organisation_id and om.user_id = ${me})))`;
}

export type ItemRow = {
  id: string;
  side: ExchangeItem['side'];
  kind: ExchangeItem['kind'];
  status: ItemStatus;
  title: string;
  description: string;
  sectors: string[];
  country: string | null;
  region: string | null;
  remote: boolean;
  available_from: string | null;
  available_until: string | null;
  hours_per_week: number | null;
  duration_weeks: number | null;
  amount: string | number | null;
  currency: string | null;
  capacity: number | null;
  address: string | null;
  accessibility: string | null;
  format: string | null;
  visibility: ExchangeItem['visibility'];
  organisation_id: string | null;
  organisation_name: string | null;
  organisation_kind: string | null;
  organisation_country: string | null;
  space_id: string | null;
  space_name: string | null;
  initiative_id: string | null;
  initiative_title: string | null;
  created_by: string | null;
  person: string | null;
  created_at: string | Date;
  mine: boolean;
};

export const itemSelect = (viewer: Viewer) => sql`
  select i.id, i.side, i.kind, i.status, i.title, i.description, i.sectors, i.country, i.region,
         i.remote, i.available_from::text, i.available_until::text, i.hours_per_week,
         i.duration_weeks, i.amount, i.currency, i.capacity, i.address, i.accessibility, i.format,
         i.visibility, i.organisation_id, o.name as organisation_name, o.kind as organisation_kind,
         o.country as organisation_country, i.space_id, s.name as space_name, i.initiative_id,
         n.title as initiative_title, i.created_by,
         case when u.erased_at is null then u.name end as person, i.created_at,
         ${itemOwned('i', viewer)} as mine
  from exchange_items i
  left join organisations o on o.id = i.organisation_id
  left join spaces s on s.id = i.space_id
  left join initiatives n on n.id = i.initiative_id
  left join users u on u.id = i.created_by`;

const num = (v: string | number | null) => (v === null ? null : Number(v));

export function presentItem(r: ItemRow): ExchangeItem {
  return {
    id: r.id,
    side: r.side,
    kind: r.kind,
    status: r.status,
    title: r.title,
    description: r.description,
    sectors: r.sectors,
    country: r.country,
    region: r.region,
    remote: r.remote,
    availableFrom: r.available_from,
    availableUntil: r.available_until,
    hoursPerWeek: num(r.hours_per_week),
    durationWeeks: r.duration_weeks,
    amount: num(r.amount),
    currency: r.currency,
    capacity: r.capacity,
    address: r.address,
    accessibility: r.accessibility,
    format: r.format,
    visibility: r.visibility,
    organisation: r.organisation_id
      ? { id: r.organisation_id, name: r.organisation_name!, kind: r.organisation_kind! }
      : null,
    person: r.organisation_id ? null : r.person,
    space: r.space_id ? { id: r.space_id, name: r.space_name! } : null,
    initiative: r.initiative_id ? { id: r.initiative_id, title: r.initiative_title! } : null,
    createdAt: new Date(r.created_at).toISOString(),
    mine: r.mine,
  } satisfies ExchangeItem;
}

/** The item as the viewer may see it; one they may not see does not exist for them. */
export async function visibleItemRow(db: Db | Tx, viewer: Viewer, id: string): Promise<ItemRow> {
  const [r] = await rows<ItemRow>(
    db,
    sql`${itemSelect(viewer)} where i.id = ${id} and ${itemVisible('i', viewer)}`,
  );
  if (!r) throw notFound('Item');
  return r;
}

export async function getItem(db: Db, viewer: Viewer, id: string): Promise<ExchangeItem> {
  return presentItem(await visibleItemRow(db, viewer, id));
}

async function ownedItemRow(db: Db | Tx, viewer: ActiveSession, id: string) {
  const r = await visibleItemRow(db, viewer, id);
  if (!r.mine) throw forbidden('Only the people behind an item may change it.');
  return r;
}

/** Checks the references of an item: my organisation, a space I am in, an initiative I am in. */
async function checkScope(
  db: Db | Tx,
  viewer: ActiveSession,
  input: { organisationId: string | null; spaceId: string | null; initiativeId: string | null },
) {
  const me = viewer.user.id;
  if (input.organisationId && (await getMembership(db, input.organisationId, me)) === null)
    throw badRequest('You can only act for an organisation you are a member of.', [
      { path: 'organisationId', message: 'is not an organisation you belong to' },
    ]);
  if (input.spaceId) {
    const [m] = await rows<{ role: string }>(
      db,
      sql`select role from space_members where space_id = ${input.spaceId} and user_id = ${me}`,
    );
    if (!m || m.role === 'observer')
      throw badRequest('You can only share with a space you are a member of.', [
        { path: 'spaceId', message: 'is not a space you may write in' },
      ]);
  }
  if (input.initiativeId) {
    const [s] = await rows<{ ok: boolean }>(
      db,
      sql`select true as ok from initiatives i where i.id = ${input.initiativeId} and i.hidden_at is null
            and exists (select 1 from initiative_stakeholders s where s.initiative_id = i.id
              and (s.user_id = ${me} or s.organisation_id in
                (select organisation_id from organisation_members where user_id = ${me})))`,
    );
    if (!s)
      throw badRequest('A request can only belong to an initiative you are a stakeholder of.', [
        { path: 'initiativeId', message: 'is not an initiative you are a stakeholder of' },
      ]);
  }
}

export async function createItem(
  db: Db,
  matcher: ExchangeMatcher,
  viewer: ActiveSession,
  input: ExchangeItemCreate,
): Promise<ExchangeItem> {
  await checkScope(db, viewer, input);
  await matcher.refresh(db);
  const id = await db.transaction(async (tx) => {
    const [made] = await tx
      .insert(exchangeItems)
      .values({ ...input, createdBy: viewer.user.id })
      .returning({ id: exchangeItems.id });
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: `exchange.${input.side}.create`,
      targetType: 'exchange_item',
      targetId: made!.id,
    });
    const [row] = await rows<ItemRow>(tx, sql`${itemSelect(viewer)} where i.id = ${made!.id}`);
    await matcher.notifyStrongMatches(tx, row!);
    return made!.id;
  });
  return getItem(db, viewer, id);
}

export async function updateItem(
  db: Db,
  matcher: ExchangeMatcher,
  viewer: ActiveSession,
  id: string,
  patch: ExchangeItemUpdate,
): Promise<ExchangeItem> {
  const row = await ownedItemRow(db, viewer, id);
  const current = presentItem(row);
  const merged = {
    ...current,
    ...patch,
    organisationId: row.organisation_id,
    spaceId: row.space_id,
    initiativeId: row.initiative_id,
  };
  const problems = itemProblems(merged);
  if (problems.length) throw badRequest('The item is not valid after this change.', problems);
  await matcher.refresh(db);
  await db.transaction(async (tx) => {
    await tx
      .update(exchangeItems)
      .set({ ...patch, updatedAt: new Date() })
      .where(sql`${exchangeItems.id} = ${id}`);
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: `exchange.${row.side}.update`,
      targetType: 'exchange_item',
      targetId: id,
      details: { fields: Object.keys(patch) },
    });
    const [changed] = await rows<ItemRow>(tx, sql`${itemSelect(viewer)} where i.id = ${id}`);
    if (changed!.status === 'open') await matcher.notifyStrongMatches(tx, changed!);
  });
  return getItem(db, viewer, id);
}

export async function changeItemStatus(
  db: Db,
  viewer: ActiveSession,
  id: string,
  status: ItemStatus,
): Promise<ExchangeItem> {
  const row = await ownedItemRow(db, viewer, id);
  if (row.status === status) throw conflict('same_status', `The item is already ${status}.`);
  if (row.status === 'withdrawn' && status !== 'open')
    throw conflict('withdrawn', 'A withdrawn item can only be opened again.');
  await db.transaction(async (tx) => {
    await tx
      .update(exchangeItems)
      .set({ status, updatedAt: new Date() })
      .where(sql`${exchangeItems.id} = ${id}`);
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: `exchange.${row.side}.status`,
      targetType: 'exchange_item',
      targetId: id,
      details: { status },
    });
  });
  return getItem(db, viewer, id);
}

/** The SQL parts of the viewer's scope: their organisations and spaces, and the revision. */
const scopeColumns = (me: string | null) => sql`
  (select revision from exchange_revision where id = 1) as revision,
  coalesce((select array_agg(organisation_id) from organisation_members where user_id = ${me}), '{}') as my_organisations,
  coalesce((select array_agg(space_id) from space_members where user_id = ${me}), '{}') as my_spaces`;
type ScopeColumns = { revision: string | number; my_organisations: string[]; my_spaces: string[] };

function scopeOf(viewer: Viewer, r: ScopeColumns): ViewerScope | null {
  return viewer
    ? { userId: viewer.user.id, organisations: r.my_organisations, spaces: r.my_spaces }
    : null;
}

/** Open items, newest first (or by relevance to the words), that the viewer may see. */
export async function listItems(
  db: Db,
  matcher: ExchangeMatcher,
  viewer: Viewer,
  query: ExchangeQuery,
): Promise<ExchangeList> {
  const [state] = await rows<ScopeColumns>(
    db,
    sql`select ${scopeColumns(viewer?.user.id ?? null)}`,
  );
  const key = `${scopeKey(Number(state!.revision), scopeOf(viewer, state!))}|${JSON.stringify(query)}`;
  return matcher.listAnswers.get(key, () => computeList(db, viewer, query));
}

async function computeList(db: Db, viewer: Viewer, query: ExchangeQuery): Promise<ExchangeList> {
  const where: SQL[] = [itemVisible('i', viewer)];
  const words = query.q ? wordsQuery(query.q) : null;
  if (query.mine === 'true') {
    if (!viewer) return { items: [], total: 0 };
    where.push(itemOwned('i', viewer));
  } else where.push(sql`i.status = 'open'`);
  if (words) where.push(sql`i.search @@ to_tsquery('simple', ${words})`);
  if (query.side) where.push(sql`i.side = ${query.side}`);
  if (query.kind) where.push(sql`i.kind = ${query.kind}`);
  if (query.country) where.push(sql`i.country = ${query.country}`);
  if (query.sector) where.push(sql`${query.sector} = any(i.sectors)`);
  const cond = sql.join(where, sql` and `);
  const order = words
    ? sql`ts_rank(i.search, to_tsquery('simple', ${words})) desc, i.created_at desc, i.id`
    : sql`i.created_at desc, i.id`;
  const offset = (query.page - 1) * EXCHANGE_PAGE_SIZE;
  const found = await rows<ItemRow>(
    db,
    sql`${itemSelect(viewer)} where ${cond} order by ${order} limit ${EXCHANGE_PAGE_SIZE} offset ${offset}`,
  );
  const [count] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from exchange_items i where ${cond}`,
  );
  return { items: found.map(presentItem), total: count!.n };
}

/** The ranked matches of an item the viewer may see, among the items the viewer may see. */
export async function matchesOf(
  db: Db,
  matcher: ExchangeMatcher,
  viewer: Viewer,
  id: string,
  limit: number,
): Promise<MatchList> {
  // One query for the item, the exchange's revision and the viewer's memberships.
  const [row] = await rows<ItemRow & ScopeColumns>(
    db,
    sql`select x.*, ${scopeColumns(viewer?.user.id ?? null)}
        from (${itemSelect(viewer)} where i.id = ${id} and ${itemVisible('i', viewer)}) x`,
  );
  if (!row) throw notFound('Item');
  const scope = scopeOf(viewer, row);
  const revision = Number(row.revision);
  return matcher.matchAnswers.get(`${scopeKey(revision, scope)}|${id}|${limit}`, () =>
    computeMatches(db, matcher, viewer, row, scope, revision, limit),
  );
}

async function computeMatches(
  db: Db,
  matcher: ExchangeMatcher,
  viewer: Viewer,
  row: ItemRow,
  scope: ViewerScope | null,
  revision: number,
  limit: number,
): Promise<MatchList> {
  const found = await matcher.topMatches(db, row, scope, revision, limit);
  if (found.length === 0) return { matches: [] };
  // The index proposes; the database disposes: visibility and status are checked again here.
  const confirmed = await rows<ItemRow>(
    db,
    sql`${itemSelect(viewer)} where i.id in (${sql.join(
      found.map((m) => sql`${m.id}`),
      sql`, `,
    )}) and i.status = 'open' and ${itemVisible('i', viewer)}`,
  );
  const byId = new Map(confirmed.map((r) => [r.id, r]));
  return {
    matches: found.flatMap((m) => {
      const r = byId.get(m.id);
      return r ? [{ item: presentItem(r), score: m.score, parts: m.parts }] : [];
    }),
  };
}
