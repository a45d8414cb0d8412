/**
 * Facilitation: government's supporting role for an initiative. Only a public body facilitates
 * (403 for any other organisation). Its members or the initiative's owners record a request;
 * the public body's members commit, deliver or withdraw it (with a reason), in that order.
 */
import { sql, type SQL } from 'drizzle-orm';
import {
  FACILITATION_TRANSITIONS,
  type Facilitation,
  type FacilitationCreate,
  type FacilitationStatus,
} from '../../shared/initiatives.ts';
import type { ActiveSession } from '../auth/sessions.ts';
import type { Db } from '../db/client.ts';
import { rows } from '../db/rows.ts';
import { facilitationActions } from '../db/schema/index.ts';
import { badRequest, conflict, forbidden, notFound } from '../errors.ts';
import { notifyAll } from '../notifications/notify.ts';
import { recordAudit } from './audit.ts';
import { getMembership } from './organisations.ts';

type Viewer = ActiveSession | null;

type FacilitationRow = {
  id: string;
  initiative_id: string;
  initiative_title: string;
  organisation_id: string;
  organisation_name: string;
  kind: Facilitation['kind'];
  description: string;
  address: string;
  period_start: string | null;
  period_end: string | null;
  conditions: string;
  amount: number | null;
  currency: string;
  status: FacilitationStatus;
  reason: string | null;
  created_at: string | Date;
  can_change: boolean;
};

/** Facilitation actions matching a condition on `f`, of initiatives that are not hidden. */
export async function facilitationOf(db: Db, viewer: Viewer, where: SQL): Promise<Facilitation[]> {
  const found = await rows<FacilitationRow>(
    db,
    sql`select f.id, f.initiative_id, i.title as initiative_title, f.organisation_id,
               o.name as organisation_name, f.kind, f.description, f.address,
               f.period_start::text, f.period_end::text, f.conditions, f.amount, f.currency,
               f.status, f.reason, f.created_at,
               exists (select 1 from organisation_members m
                       where m.organisation_id = f.organisation_id
                         and m.user_id = ${viewer?.user.id ?? null}) as can_change
        from facilitation_actions f
        join initiatives i on i.id = f.initiative_id
        join organisations o on o.id = f.organisation_id
        where ${where} and i.hidden_at is null
        order by f.created_at, f.id`,
  );
  return found.map((f) => ({
    id: f.id,
    initiative: { id: f.initiative_id, title: f.initiative_title },
    organisation: { id: f.organisation_id, name: f.organisation_name },
    kind: f.kind,
    description: f.description,
    address: f.address,
    periodStart: f.period_start,
    periodEnd: f.period_end,
    conditions: f.conditions,
    amount: f.amount === null ? null : Number(f.amount),
    currency: f.currency,
    status: f.status,
    reason: f.reason,
    createdAt: new Date(f.created_at).toISOString(),
    canChange: f.can_change,
  }));
}

export async function recordFacilitation(
  db: Db,
  viewer: ActiveSession,
  initiativeId: string,
  input: FacilitationCreate,
): Promise<Facilitation> {
  const [initiative] = await rows<{ id: string; owner: boolean }>(
    db,
    sql`select i.id, exists (select 1 from initiative_stakeholders s
                              where s.initiative_id = i.id and s.user_id = ${viewer.user.id} and s.owner) as owner
        from initiatives i where i.id = ${initiativeId} and i.hidden_at is null`,
  );
  if (!initiative) throw notFound('Initiative');
  const [org] = await rows<{ kind: string }>(
    db,
    sql`select kind from organisations where id = ${input.organisationId}`,
  );
  if (!org)
    throw badRequest('There is no such organisation.', [
      { path: 'organisationId', message: 'is not an organisation on the platform' },
    ]);
  if (org.kind !== 'public_body')
    throw forbidden('Facilitation is government’s supporting role: only a public body records it.');
  const member = (await getMembership(db, input.organisationId, viewer.user.id)) !== null;
  if (!member && !initiative.owner)
    throw forbidden(
      'Only members of the public body, or owners of the initiative asking for its support, record facilitation.',
    );
  const id = await db.transaction(async (tx) => {
    const [made] = await tx
      .insert(facilitationActions)
      .values({ ...input, initiativeId, createdBy: viewer.user.id })
      .returning({ id: facilitationActions.id });
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'facilitation.create',
      targetType: 'initiative',
      targetId: initiativeId,
      details: { organisationId: input.organisationId, kind: input.kind },
    });
    return made!.id;
  });
  return (await facilitationOf(db, viewer, sql`f.id = ${id}`))[0]!;
}

/** Commit, deliver or withdraw (members of the public body), in order only (409 otherwise). */
export async function changeFacilitation(
  db: Db,
  viewer: ActiveSession,
  id: string,
  to: FacilitationStatus,
  reason: string | null,
): Promise<Facilitation> {
  const [f] = await facilitationOf(db, viewer, sql`f.id = ${id}`);
  if (!f) throw notFound('Facilitation');
  if (!f.canChange) throw forbidden('Only members of the public body change its facilitation.');
  if (!FACILITATION_TRANSITIONS[f.status].includes(to))
    throw conflict('illegal_transition', `Facilitation that is ${f.status} cannot become ${to}.`);
  await db.transaction(async (tx) => {
    const done = await rows<{ id: string }>(
      tx,
      sql`update facilitation_actions set status = ${to}, reason = ${reason}, updated_at = now()
          where id = ${id} and status = ${f.status} returning id`,
    );
    if (!done.length) throw conflict('changed', 'It changed meanwhile: reload it.');
    const owners = await rows<{ user_id: string }>(
      tx,
      sql`select user_id from initiative_stakeholders where initiative_id = ${f.initiative.id} and owner and user_id is not null`,
    );
    await notifyAll(
      tx,
      owners.map((o) => o.user_id).filter((u) => u !== viewer.user.id),
      {
        kind: 'facilitation.status',
        params: {
          organisation: f.organisation.name,
          initiative: f.initiative.title,
          facilitation: to,
        },
        link: `/initiatives/${f.initiative.id}`,
      },
    );
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: `facilitation.${to}`,
      targetType: 'initiative',
      targetId: f.initiative.id,
      details: { facilitationId: id },
    });
  });
  return (await facilitationOf(db, viewer, sql`f.id = ${id}`))[0]!;
}

/** What an organisation did to facilitate initiatives, counted by kind and status. */
export async function facilitationProfile(db: Db, viewer: Viewer, organisationId: string) {
  const [org] = await rows<{ id: string; name: string }>(
    db,
    sql`select id, name from organisations where id = ${organisationId}`,
  );
  if (!org) throw notFound('Organisation');
  const items = await facilitationOf(db, viewer, sql`f.organisation_id = ${organisationId}`);
  const byKind: Record<string, Record<string, number>> = {};
  for (const f of items) {
    byKind[f.kind] ??= {};
    byKind[f.kind]![f.status] = (byKind[f.kind]![f.status] ?? 0) + 1;
  }
  return { organisation: org, byKind, items };
}
