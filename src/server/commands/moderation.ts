/**
 * Moderation: reports, the moderators' queue, hiding and restoring with a justification the
 * author is told, and pre-moderation of needs for organisations that ask for it.
 */
import { sql, type SQL } from 'drizzle-orm';
import type {
  ModeratedType,
  ModerationDecision,
  ModerationItem,
  ReportCreate,
} from '../../shared/moderation.ts';
import type { ActiveSession } from '../auth/sessions.ts';
import type { Db } from '../db/client.ts';
import { rows } from '../db/rows.ts';
import { contentReports } from '../db/schema/index.ts';
import { conflict, forbidden, isUniqueViolation, notFound } from '../errors.ts';
import { notify } from '../notifications/notify.ts';
import { recordAudit } from './audit.ts';
import { isModerator } from './cases.ts';
import { getMembership } from './organisations.ts';

type Viewer = ActiveSession | null;

/** Where each kind of content lives, who wrote it, what to show of it and where. */
const TARGETS: Record<ModeratedType, { table: SQL; author: SQL; excerpt: SQL; link: SQL }> = {
  need: {
    table: sql`needs`,
    author: sql`t.author_id`,
    excerpt: sql`t.title`,
    link: sql`'/needs/' || t.id`,
  },
  need_comment: {
    table: sql`need_comments`,
    author: sql`t.author_id`,
    excerpt: sql`left(t.body, 200)`,
    link: sql`'/needs/' || t.need_id`,
  },
  initiative: {
    table: sql`initiatives`,
    author: sql`t.created_by`,
    excerpt: sql`t.title`,
    link: sql`'/initiatives/' || t.id`,
  },
  initiative_update: {
    table: sql`initiative_updates`,
    author: sql`t.author_id`,
    excerpt: sql`left(t.body, 200)`,
    link: sql`'/initiatives/' || t.initiative_id`,
  },
};

type TargetRow = {
  id: string;
  author_id: string | null;
  author_name: string | null;
  excerpt: string;
  link: string;
  hidden: boolean;
  hidden_reason: string | null;
  awaiting: boolean;
};

function targetSelect(type: ModeratedType) {
  const t = TARGETS[type];
  return sql`select t.id, ${t.author} as author_id, u.name as author_name, ${t.excerpt} as excerpt,
                    ${t.link} as link, t.hidden_at is not null as hidden, t.hidden_reason,
                    ${type === 'need' ? sql`t.awaiting_approval` : sql`false`} as awaiting
             from ${t.table} t left join users u on u.id = ${t.author}`;
}

/** The content as the viewer may see it: hidden content only for moderators and its author. */
async function visibleTarget(db: Db, viewer: Viewer, type: ModeratedType, id: string) {
  const [row] = await rows<TargetRow>(db, sql`${targetSelect(type)} where t.id = ${id}`);
  if (!row) throw notFound('Content');
  if (row.hidden && !isModerator(viewer) && row.author_id !== viewer?.user.id)
    throw notFound('Content');
  return row;
}

export async function reportContent(db: Db, viewer: ActiveSession, input: ReportCreate) {
  await visibleTarget(db, viewer, input.targetType, input.targetId);
  try {
    await db.insert(contentReports).values({ ...input, reporterId: viewer.user.id });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('already_reported', 'You reported this already.');
    throw err;
  }
}

/** Reported content and needs awaiting approval, with their open reports (moderators). */
export async function moderationQueue(db: Db, viewer: ActiveSession): Promise<ModerationItem[]> {
  if (!isModerator(viewer)) throw forbidden('Only moderators see the moderation queue.');
  const reports = await rows<{
    target_type: ModeratedType;
    target_id: string;
    reason: string;
    created_at: string | Date;
  }>(
    db,
    sql`select target_type, target_id, reason, created_at from content_reports
        where closed_at is null order by created_at limit 2000`,
  );
  const waiting = await rows<{ id: string }>(
    db,
    sql`select id from needs where awaiting_approval order by created_at limit 500`,
  );
  const keys = new Map<string, { type: ModeratedType; id: string }>();
  for (const w of waiting) keys.set(`need:${w.id}`, { type: 'need', id: w.id });
  for (const r of reports)
    keys.set(`${r.target_type}:${r.target_id}`, { type: r.target_type, id: r.target_id });
  const items: ModerationItem[] = [];
  for (const { type, id } of keys.values()) {
    const [row] = await rows<TargetRow>(db, sql`${targetSelect(type)} where t.id = ${id}`);
    if (!row) continue;
    items.push({
      targetType: type,
      targetId: id,
      excerpt: row.excerpt,
      link: row.link,
      author: row.author_id ? { id: row.author_id, name: row.author_name ?? '' } : null,
      hidden: row.hidden,
      hiddenReason: row.hidden_reason,
      awaitingApproval: row.awaiting,
      reports: reports
        .filter((r) => r.target_type === type && r.target_id === id)
        .map((r) => ({ reason: r.reason, at: new Date(r.created_at).toISOString() })),
    });
  }
  return items;
}

async function decide(db: Db, viewer: ActiveSession, input: ModerationDecision, hide: boolean) {
  if (!isModerator(viewer)) throw forbidden('Only moderators hide or restore content.');
  const target = await visibleTarget(db, viewer, input.targetType, input.targetId);
  const t = TARGETS[input.targetType];
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`update ${t.table} set hidden_at = ${hide ? sql`now()` : sql`null`}, hidden_reason = ${input.justification}
          ${input.targetType === 'need' ? sql`, awaiting_approval = false` : sql``}
          where id = ${input.targetId}`,
    );
    await tx.execute(
      sql`update content_reports set closed_at = now()
          where target_type = ${input.targetType} and target_id = ${input.targetId} and closed_at is null`,
    );
    if (target.author_id)
      await notify(tx, {
        userId: target.author_id,
        kind: hide ? 'moderation.hidden' : 'moderation.restored',
        params: { excerpt: target.excerpt.slice(0, 80), justification: input.justification },
        link: target.link,
      });
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: hide ? 'moderation.hide' : 'moderation.restore',
      targetType: input.targetType,
      targetId: input.targetId,
      details: { justification: input.justification },
    });
  });
}

/** Hides content: gone for everyone but moderators and its author, who sees why. */
export const hideContent = (db: Db, viewer: ActiveSession, input: ModerationDecision) =>
  decide(db, viewer, input, true);
/** Restores hidden content — and approves a need awaiting pre-moderation. */
export const restoreContent = (db: Db, viewer: ActiveSession, input: ModerationDecision) =>
  decide(db, viewer, input, false);

/** Turns pre-moderation of the needs an organisation is responsible for on or off (its admins). */
export async function setPremoderation(
  db: Db,
  viewer: ActiveSession,
  organisationId: string,
  required: boolean,
) {
  const role = await getMembership(db, organisationId, viewer.user.id);
  if (role !== 'owner' && role !== 'admin' && !isModerator(viewer))
    throw forbidden('Only the organisation’s owners and admins change this.');
  const done = await rows<{ id: string }>(
    db,
    sql`update organisations set premoderation = ${required}, updated_at = now() where id = ${organisationId} returning id`,
  );
  if (!done.length) throw notFound('Organisation');
  await recordAudit(db, {
    actorId: viewer.user.id,
    action: 'organisation.premoderation',
    targetType: 'organisation',
    targetId: organisationId,
    details: { required },
  });
  return { required };
}
