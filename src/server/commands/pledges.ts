/**
 * Pledges: a giver gives a receiver some of a resource. The party that did not propose accepts or
 * declines; the giver says it was delivered; the receiver confirms; either party cancels before
 * delivery. Confirmed pledges are the ledger of what was shared.
 */
import { sql, type SQL } from 'drizzle-orm';
import { RELATED_KINDS } from '../../core/exchange/index.ts';
import { capacityOf, totalsByKind, type LedgerPledge } from '../../core/exchange/ledger.ts';
import {
  PLEDGE_QUANTITY,
  PLEDGE_TRANSITIONS,
  type CapacityProfile,
  type InitiativeLedger,
  type Party,
  type Pledge,
  type PledgeCreate,
  type PledgeStatus,
} from '../../shared/exchange.ts';
import type { ActiveSession } from '../auth/sessions.ts';
import type { Db, Tx } from '../db/client.ts';
import { rows } from '../db/rows.ts';
import { exchangePledgeEvents, exchangePledges } from '../db/schema/index.ts';
import { badRequest, conflict, forbidden, notFound } from '../errors.ts';
import { notify } from '../notifications/notify.ts';
import { recordAudit } from './audit.ts';
import { itemVisible, visibleItemRow, type ItemRow } from './exchange.ts';
import { getMembership } from './organisations.ts';

type Viewer = ActiveSession | null;
type PartyRef = { userId: string | null; organisationId: string | null };

/** The SQL condition "the viewer is one of pledge `p`'s parties". */
function isParty(viewer: Viewer): SQL {
  if (!viewer) return sql`false`;
  const me = viewer.user.id;
  return sql`(p.giver_user_id = ${me} or p.receiver_user_id = ${me}
    or exists (select 1 from organisation_members pm where pm.user_id = ${me}
      and pm.organisation_id in (p.giver_organisation_id, p.receiver_organisation_id)))`;
}

/** A pledge is seen by its parties, and by whoever sees every item it links. */
export function pledgeVisible(viewer: Viewer): SQL {
  return sql`(${isParty(viewer)} or (
    (p.offer_id is null or exists (select 1 from exchange_items i where i.id = p.offer_id and ${itemVisible('i', viewer)}))
    and (p.request_id is null or exists (select 1 from exchange_items i where i.id = p.request_id and ${itemVisible('i', viewer)}))))`;
}

async function actsFor(db: Db | Tx, viewer: ActiveSession, party: PartyRef): Promise<boolean> {
  if (party.userId === viewer.user.id) return true;
  return (
    party.organisationId !== null &&
    (await getMembership(db, party.organisationId, viewer.user.id)) !== null
  );
}

const partyOfItem = (r: ItemRow): PartyRef => ({
  userId: r.created_by,
  organisationId: r.organisation_id,
});

function checkQuantities(kind: Pledge['kind'], input: PledgeCreate) {
  const wanted = PLEDGE_QUANTITY[kind];
  const problems: { path: string; message: string }[] = [];
  const given = {
    hours: input.hours !== null,
    amount: input.amount !== null,
    days: input.days !== null,
  };
  for (const q of ['hours', 'amount', 'days'] as const) {
    if (q === wanted && !given[q])
      problems.push({ path: q, message: `a pledge of ${kind} needs ${q}` });
    if (q !== wanted && given[q])
      problems.push({ path: q, message: `not for a pledge of ${kind}` });
  }
  if (problems.length) throw badRequest('The pledge quantities do not fit its kind.', problems);
}

async function openItem(db: Db, viewer: ActiveSession, id: string, side: 'offer' | 'request') {
  const r = await visibleItemRow(db, viewer, id);
  const field = side === 'offer' ? 'offerId' : 'requestId';
  if (r.side !== side)
    throw badRequest(`That item is not ${side === 'offer' ? 'an offer' : 'a request'}.`, [
      { path: field, message: `is not ${side === 'offer' ? 'an offer' : 'a request'}` },
    ]);
  if (r.status !== 'open') throw conflict('item_not_open', 'That item is no longer open.');
  return r;
}

export async function createPledge(
  db: Db,
  viewer: ActiveSession,
  input: PledgeCreate,
): Promise<Pledge> {
  const offer = input.offerId ? await openItem(db, viewer, input.offerId, 'offer') : null;
  const request = input.requestId ? await openItem(db, viewer, input.requestId, 'request') : null;
  if (
    input.organisationId &&
    (await getMembership(db, input.organisationId, viewer.user.id)) === null
  )
    throw badRequest('You can only act for an organisation you are a member of.', [
      { path: 'organisationId', message: 'is not an organisation you belong to' },
    ]);
  const me: PartyRef = { userId: viewer.user.id, organisationId: input.organisationId };
  let giver: PartyRef;
  let receiver: PartyRef;
  let proposedBy: 'giver' | 'receiver';
  if (offer && request) {
    if (offer.kind !== request.kind && !RELATED_KINDS[offer.kind].includes(request.kind))
      throw conflict(
        'kinds_differ',
        `An offer of ${offer.kind} does not answer a request for ${request.kind}.`,
      );
    const forOffer = await actsFor(db, viewer, partyOfItem(offer));
    const forRequest = await actsFor(db, viewer, partyOfItem(request));
    if (forOffer === forRequest)
      throw forOffer
        ? conflict('same_party', 'You are behind both the offer and the request.')
        : forbidden(
            'Only the people behind the offer or the request may propose a pledge between them.',
          );
    giver = partyOfItem(offer);
    receiver = partyOfItem(request);
    proposedBy = forOffer ? 'giver' : 'receiver';
  } else if (request) {
    if (await actsFor(db, viewer, partyOfItem(request)))
      throw conflict('same_party', 'You cannot pledge to your own request.');
    giver = me;
    receiver = partyOfItem(request);
    proposedBy = 'giver';
  } else {
    if (await actsFor(db, viewer, partyOfItem(offer!)))
      throw conflict('same_party', 'You cannot ask for your own offer.');
    giver = partyOfItem(offer!);
    receiver = me;
    proposedBy = 'receiver';
  }
  const kind = (offer ?? request)!.kind;
  checkQuantities(kind, input);
  const title = (request ?? offer)!.title;
  const id = await db.transaction(async (tx) => {
    const [made] = await tx
      .insert(exchangePledges)
      .values({
        kind,
        offerId: offer?.id ?? null,
        requestId: request?.id ?? null,
        initiativeId: request?.initiative_id ?? null,
        giverUserId: giver.userId,
        giverOrganisationId: giver.organisationId,
        receiverUserId: receiver.userId,
        receiverOrganisationId: receiver.organisationId,
        proposedBy,
        hours: input.hours,
        amount: input.amount,
        currency: input.currency,
        days: input.days,
        note: input.note,
      })
      .returning({ id: exchangePledges.id });
    await tx.insert(exchangePledgeEvents).values({
      pledgeId: made!.id,
      status: 'proposed',
      note: input.note,
      actorId: viewer.user.id,
    });
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'pledge.propose',
      targetType: 'pledge',
      targetId: made!.id,
    });
    const other = proposedBy === 'giver' ? receiver : giver;
    if (other.userId && other.userId !== viewer.user.id)
      await notify(tx, {
        userId: other.userId,
        kind: 'pledge.proposed',
        params: { actor: viewer.user.name, title },
        link: `/exchange/pledges/${made!.id}`,
      });
    return made!.id;
  });
  return getPledge(db, viewer, id);
}

type PledgeRow = {
  id: string;
  kind: Pledge['kind'];
  status: PledgeStatus;
  offer_id: string | null;
  offer_title: string | null;
  request_id: string | null;
  request_title: string | null;
  initiative_id: string | null;
  initiative_title: string | null;
  giver_user_id: string | null;
  giver_name: string | null;
  giver_organisation_id: string | null;
  giver_organisation_name: string | null;
  giver_organisation_kind: string | null;
  giver_organisation_country: string | null;
  receiver_user_id: string | null;
  receiver_name: string | null;
  receiver_organisation_id: string | null;
  receiver_organisation_name: string | null;
  receiver_organisation_kind: string | null;
  receiver_organisation_country: string | null;
  giver_country: string | null;
  receiver_country: string | null;
  proposed_by: 'giver' | 'receiver';
  hours: number | null;
  amount: string | number | null;
  currency: string | null;
  days: number | null;
  note: string;
  created_at: string | Date;
};

/** Pledges with their parties; a person is named only while not erased. */
const pledgeSelect = sql`
  select p.id, p.kind, p.status, p.offer_id, oi.title as offer_title, p.request_id,
         ri.title as request_title, p.initiative_id, n.title as initiative_title,
         p.giver_user_id, case when gu.erased_at is null then gu.name end as giver_name,
         p.giver_organisation_id, go.name as giver_organisation_name,
         go.kind as giver_organisation_kind, go.country as giver_organisation_country,
         p.receiver_user_id, case when ru.erased_at is null then ru.name end as receiver_name,
         p.receiver_organisation_id, ro.name as receiver_organisation_name,
         ro.kind as receiver_organisation_kind, ro.country as receiver_organisation_country,
         oi.country as giver_country, ri.country as receiver_country,
         p.proposed_by, p.hours, p.amount, p.currency, p.days, p.note, p.created_at
  from exchange_pledges p
  left join exchange_items oi on oi.id = p.offer_id
  left join exchange_items ri on ri.id = p.request_id
  left join initiatives n on n.id = p.initiative_id
  left join users gu on gu.id = p.giver_user_id
  left join users ru on ru.id = p.receiver_user_id
  left join organisations go on go.id = p.giver_organisation_id
  left join organisations ro on ro.id = p.receiver_organisation_id`;

function party(r: PledgeRow, side: 'giver' | 'receiver'): Party {
  const orgId = r[`${side}_organisation_id`];
  return {
    organisation: orgId
      ? {
          id: orgId,
          name: r[`${side}_organisation_name`]!,
          kind: r[`${side}_organisation_kind`]!,
          country: r[`${side}_organisation_country`],
        }
      : null,
    person: orgId ? null : r[`${side}_name`],
  };
}

const num = (v: string | number | null) => (v === null ? null : Number(v));

/** The organisations the viewer belongs to: whose party they act for. */
async function myOrganisations(db: Db | Tx, viewer: Viewer): Promise<Set<string>> {
  if (!viewer) return new Set();
  const found = await rows<{ organisation_id: string }>(
    db,
    sql`select organisation_id from organisation_members where user_id = ${viewer.user.id}`,
  );
  return new Set(found.map((m) => m.organisation_id));
}

/** Pledges as the viewer sees them: one query for all their histories, one for the viewer's organisations. */
async function presentAll(db: Db | Tx, viewer: Viewer, found: PledgeRow[]): Promise<Pledge[]> {
  if (found.length === 0) return [];
  const history = await rows<{
    pledge_id: string;
    status: PledgeStatus;
    note: string;
    by: string | null;
    at: string | Date;
  }>(
    db,
    sql`select e.pledge_id, e.status, e.note, case when u.erased_at is null then u.name end as by, e.at
        from exchange_pledge_events e left join users u on u.id = e.actor_id
        where e.pledge_id in (${sql.join(
          found.map((r) => sql`${r.id}`),
          sql`, `,
        )}) order by e.at, e.id`,
  );
  const orgs = await myOrganisations(db, viewer);
  return found.map(
    (r) =>
      ({
        id: r.id,
        kind: r.kind,
        status: r.status,
        offer: r.offer_id ? { id: r.offer_id, title: r.offer_title! } : null,
        request: r.request_id ? { id: r.request_id, title: r.request_title! } : null,
        initiative: r.initiative_id ? { id: r.initiative_id, title: r.initiative_title! } : null,
        giver: party(r, 'giver'),
        receiver: party(r, 'receiver'),
        hours: num(r.hours),
        amount: num(r.amount),
        currency: r.currency,
        days: r.days,
        note: r.note,
        proposedBy: r.proposed_by,
        canMoveTo: viewer ? allowedMoves(viewer, orgs, r) : [],
        history: history
          .filter((h) => h.pledge_id === r.id)
          .map((h) => ({
            status: h.status,
            note: h.note,
            by: h.by,
            at: new Date(h.at).toISOString(),
          })),
        createdAt: new Date(r.created_at).toISOString(),
      }) satisfies Pledge,
  );
}

/** The moves the viewer may make: as a party (in person, or a member of the party's organisation). */
function allowedMoves(viewer: ActiveSession, orgs: Set<string>, r: PledgeRow): PledgeStatus[] {
  const actsAs = (userId: string | null, organisationId: string | null) =>
    userId === viewer.user.id || (organisationId !== null && orgs.has(organisationId));
  const giver = actsAs(r.giver_user_id, r.giver_organisation_id);
  const receiver = actsAs(r.receiver_user_id, r.receiver_organisation_id);
  const other = r.proposed_by === 'giver' ? receiver : giver;
  const who = { giver, receiver, other, either: giver || receiver };
  return (Object.entries(PLEDGE_TRANSITIONS[r.status]) as [PledgeStatus, keyof typeof who][])
    .filter(([, by]) => who[by])
    .map(([to]) => to);
}

async function visiblePledgeRow(db: Db | Tx, viewer: Viewer, id: string, lock = false) {
  const [r] = await rows<PledgeRow>(
    db,
    sql`${pledgeSelect} where p.id = ${id} and ${pledgeVisible(viewer)}${lock ? sql` for update of p` : sql``}`,
  );
  if (!r) throw notFound('Pledge');
  return r;
}

export async function getPledge(db: Db, viewer: Viewer, id: string): Promise<Pledge> {
  const [pledge] = await presentAll(db, viewer, [await visiblePledgeRow(db, viewer, id)]);
  return pledge!;
}

export async function changePledge(
  db: Db,
  viewer: ActiveSession,
  id: string,
  change: { status: PledgeStatus; note: string },
): Promise<Pledge> {
  await db.transaction(async (tx) => {
    const r = await visiblePledgeRow(tx, viewer, id, true);
    if (!(change.status in PLEDGE_TRANSITIONS[r.status]))
      throw conflict(
        'illegal_transition',
        `A pledge that is ${r.status} cannot become ${change.status}.`,
      );
    if (!allowedMoves(viewer, await myOrganisations(tx, viewer), r).includes(change.status))
      throw forbidden(
        `Only the ${PLEDGE_TRANSITIONS[r.status][change.status] === 'either' ? 'parties' : PLEDGE_TRANSITIONS[r.status][change.status]} may do this.`,
      );
    await tx
      .update(exchangePledges)
      .set({ status: change.status, updatedAt: new Date() })
      .where(sql`${exchangePledges.id} = ${id}`);
    await tx
      .insert(exchangePledgeEvents)
      .values({ pledgeId: id, status: change.status, note: change.note, actorId: viewer.user.id });
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'pledge.status',
      targetType: 'pledge',
      targetId: id,
      details: { from: r.status, to: change.status },
    });
    const title = r.request_title ?? r.offer_title ?? '';
    for (const userId of [r.giver_user_id, r.receiver_user_id])
      if (userId && userId !== viewer.user.id)
        await notify(tx, {
          userId,
          kind: 'pledge.status',
          params: { title, pledge: change.status },
          link: `/exchange/pledges/${id}`,
        });
  });
  return getPledge(db, viewer, id);
}

/** Pledges the viewer may see on one item. */
export async function pledgesOfItem(db: Db, viewer: Viewer, itemId: string) {
  await visibleItemRow(db, viewer, itemId);
  const found = await rows<PledgeRow>(
    db,
    sql`${pledgeSelect} where (p.offer_id = ${itemId} or p.request_id = ${itemId})
          and ${pledgeVisible(viewer)} order by p.created_at desc, p.id limit 200`,
  );
  return { pledges: await presentAll(db, viewer, found) };
}

/** The pledges the viewer is a party of, newest first. */
export async function myPledges(db: Db, viewer: ActiveSession) {
  const found = await rows<PledgeRow>(
    db,
    sql`${pledgeSelect} where ${isParty(viewer)} order by p.created_at desc, p.id limit 200`,
  );
  return { pledges: await presentAll(db, viewer, found) };
}

function ledgerPledge(r: PledgeRow): LedgerPledge {
  const side = (s: 'giver' | 'receiver') => {
    const org = r[`${s}_organisation_id`];
    return org
      ? {
          key: `o:${org}`,
          kind: r[`${s}_organisation_kind`] as LedgerPledge['giver']['kind'],
          country: r[`${s}_organisation_country`],
        }
      : {
          key: `u:${r[`${s}_user_id`] ?? r.id}`,
          kind: 'person' as const,
          country: r[`${s}_country`],
        };
  };
  return {
    kind: r.kind,
    giver: side('giver'),
    receiver: side('receiver'),
    hours: num(r.hours),
    amount: num(r.amount),
    currency: r.currency,
    days: r.days,
  };
}

/** What an initiative received, from whom: its confirmed pledges the viewer may see. */
export async function initiativeLedger(
  db: Db,
  viewer: Viewer,
  initiativeId: string,
): Promise<InitiativeLedger> {
  const [initiative] = await rows<{ id: string; title: string }>(
    db,
    sql`select id, title from initiatives where id = ${initiativeId} and hidden_at is null`,
  );
  if (!initiative) throw notFound('Initiative');
  const found = await rows<PledgeRow>(
    db,
    sql`${pledgeSelect} where p.initiative_id = ${initiativeId} and p.status = 'confirmed'
          and ${pledgeVisible(viewer)} order by p.created_at, p.id`,
  );
  const byGiver = new Map<string, { giver: Party; pledges: LedgerPledge[] }>();
  for (const r of found) {
    const l = ledgerPledge(r);
    const g = byGiver.get(l.giver.key) ?? { giver: party(r, 'giver'), pledges: [] };
    g.pledges.push(l);
    byGiver.set(l.giver.key, g);
  }
  return {
    initiative,
    received: totalsByKind(found.map(ledgerPledge)),
    givers: [...byGiver.values()].map((g) => ({ giver: g.giver, totals: totalsByKind(g.pledges) })),
  };
}

/** An organisation's connective capacity from its confirmed pledges the viewer may see. */
export async function capacityProfile(
  db: Db,
  viewer: Viewer,
  organisationId: string,
): Promise<CapacityProfile> {
  const [org] = await rows<{ id: string; name: string; kind: string; country: string | null }>(
    db,
    sql`select id, name, kind, country from organisations where id = ${organisationId}`,
  );
  if (!org) throw notFound('Organisation');
  const found = await rows<PledgeRow>(
    db,
    sql`${pledgeSelect} where p.status = 'confirmed'
          and (p.giver_organisation_id = ${organisationId} or p.receiver_organisation_id = ${organisationId})
          and ${pledgeVisible(viewer)}`,
  );
  const summary = capacityOf(
    { key: `o:${org.id}`, kind: org.kind as LedgerPledge['giver']['kind'], country: org.country },
    found.map(ledgerPledge),
  );
  return { organisation: org, ...summary };
}
