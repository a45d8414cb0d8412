/**
 * Publication of experiments and the public lessons library. Publishing takes a snapshot —
 * exactly what the preview showed the owner — so later edits inside the space never reach the
 * public until the owner publishes again. Anonymising leaves out the organisation and the
 * team's names, and blanks those names wherever the texts mention them.
 */
import { sql, type SQL } from 'drizzle-orm';
import {
  LESSONS_PAGE_SIZE,
  type Lesson,
  type LessonList,
  type LessonsQuery,
  type LessonSummary,
} from '../../shared/havens.ts';
import type { ActiveSession } from '../auth/sessions.ts';
import type { Db } from '../db/client.ts';
import { rows } from '../db/rows.ts';
import { lessons, type experiments } from '../db/schema/index.ts';
import { conflict, forbidden, notFound } from '../errors.ts';
import { recordAudit } from './audit.ts';
import { experimentAnalysis, visibleExperiment } from './experiments.ts';
import { logAccess } from './spaces.ts';
import { notifyAll } from '../notifications/notify.ts';

type LessonContent = Omit<Lesson, 'id' | 'publishedAt'>;

/** What replaces a name in an anonymised text. */
export const BLANKED = '[…]';
const PARTICLES = new Set(['van', 'der', 'den', 'von', 'het', 'ter', 'ten', 'les', 'del', 'della']);

function escapeRegExp(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Blanks every mention of the given names — whole names, and each part of a person's name of
 * three letters or more that is not a particle — as whole words, ignoring case.
 */
export function blankNames(text: string, names: readonly string[]): string {
  const terms = new Set<string>();
  for (const name of names) {
    const n = name.trim();
    if (n.length >= 2) terms.add(n);
  }
  for (const name of names)
    for (const part of name.split(/\s+/))
      if (part.length >= 3 && !PARTICLES.has(part.toLowerCase())) terms.add(part);
  if (terms.size === 0) return text;
  // Longest first, so a whole name is blanked as one before its parts are.
  const alternatives = [...terms].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const re = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`,
    'giu',
  );
  return text.replace(re, BLANKED);
}

async function ownedExperiment(db: Db, viewer: ActiveSession, id: string) {
  const { row, space } = await visibleExperiment(db, viewer, id);
  if (!space.canManage)
    throw forbidden('Only the owners of the space may publish its experiments.');
  return { row, space };
}

/** The lesson an experiment would become, anonymised or not. */
async function lessonContent(
  db: Db,
  row: typeof experiments.$inferSelect,
  anonymise: boolean,
): Promise<LessonContent> {
  const [org] = await rows<{ id: string; name: string }>(
    db,
    sql`select o.id, o.name from spaces s join organisations o on o.id = s.organisation_id
        where s.id = ${row.spaceId}`,
  );
  const team = await rows<{ name: string }>(
    db,
    sql`select u.name from users u
        where u.erased_at is null
          and (u.id = ${row.createdBy}
               or u.id in (select m.user_id from space_members m
                           where m.space_id = ${row.spaceId} and m.role in ('owner', 'member')))
        order by u.name`,
  );
  const amendments = await rows<{
    field: string;
    before: unknown;
    after: unknown;
    reason: string;
    at: string | Date;
  }>(
    db,
    sql`select field, before, after, reason, at from experiment_amendments
        where experiment_id = ${row.id} order by at, id`,
  );
  const names = [...team.map((t) => t.name), ...(org ? [org.name] : [])];
  const t = (s: string) => (anonymise ? blankNames(s, names) : s);
  const v = (x: unknown) => (typeof x === 'string' ? t(x) : x);
  return {
    title: t(row.title),
    question: t(row.question),
    hypothesis: t(row.hypothesis),
    intervention: t(row.intervention),
    design: row.design as Lesson['design'],
    population: t(row.population),
    plannedSampleSize: row.plannedSampleSize,
    primaryMetric: t(row.primaryMetric),
    successCriterion: t(row.successCriterion),
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    risks: t(row.risks),
    ethics: t(row.ethics),
    dataProtection: t(row.dataProtection),
    sector: row.sector,
    country: row.country,
    status: row.status as Lesson['status'],
    stopReason: row.stopReason === null ? null : t(row.stopReason),
    result: row.result,
    lessonsWorked: t(row.lessonsWorked),
    lessonsFailed: t(row.lessonsFailed),
    lessonsDifferently: t(row.lessonsDifferently),
    organisation: anonymise || !org ? null : org,
    people: anonymise ? [] : team.map((p) => p.name),
    analysis: experimentAnalysis(row),
    amendments: amendments.map((a) => ({
      field: a.field,
      before: v(a.before),
      after: v(a.after),
      reason: t(a.reason),
      at: new Date(a.at).toISOString(),
    })),
    anonymised: anonymise,
  };
}

function publishable(row: typeof experiments.$inferSelect) {
  if (row.status !== 'completed' && row.status !== 'stopped')
    throw conflict(
      'not_ended',
      'An experiment is published once it is completed or stopped, whatever its result.',
    );
}

/** What would become public: owners only. Nothing is stored. */
export async function publicationPreview(
  db: Db,
  viewer: ActiveSession,
  id: string,
  anonymise: boolean,
): Promise<Lesson> {
  const { row } = await ownedExperiment(db, viewer, id);
  publishable(row);
  return {
    ...(await lessonContent(db, row, anonymise)),
    id: '00000000-0000-4000-8000-000000000000',
    publishedAt: new Date().toISOString(),
  };
}

export async function publishExperiment(
  db: Db,
  viewer: ActiveSession,
  id: string,
  anonymise: boolean,
): Promise<Lesson> {
  const { row } = await ownedExperiment(db, viewer, id);
  publishable(row);
  const content = await lessonContent(db, row, anonymise);
  const lessonId = await db.transaction(async (tx) => {
    const [made] = await tx
      .insert(lessons)
      .values({
        experimentId: id,
        content,
        title: content.title,
        design: content.design,
        outcome: content.status === 'stopped' ? 'stopped' : content.result,
        sector: content.sector,
        country: content.country,
        searchText: [
          content.title,
          content.question,
          content.hypothesis,
          content.intervention,
          content.lessonsWorked,
          content.lessonsFailed,
          content.lessonsDifferently,
          content.organisation?.name ?? '',
        ]
          .join('\n')
          .toLowerCase(),
        anonymised: anonymise,
        publishedBy: viewer.user.id,
      })
      .onConflictDoNothing()
      .returning({ id: lessons.id });
    if (!made)
      throw conflict('published', 'The experiment is published already: withdraw it first.');
    await logAccess(tx, row.spaceId, viewer, 'experiment.publish');
    const team = await rows<{ user_id: string }>(
      tx,
      sql`select user_id from space_members where space_id = ${row.spaceId} and user_id <> ${viewer.user.id}`,
    );
    await notifyAll(
      tx,
      team.map((m) => m.user_id),
      {
        kind: 'experiment.published',
        params: { title: content.title },
        link: `/lessons/${made.id}`,
      },
    );
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'experiment.publish',
      targetType: 'experiment',
      targetId: id,
      details: { anonymised: anonymise, lessonId: made.id },
    });
    return made.id;
  });
  return getLesson(db, lessonId);
}

export async function withdrawLesson(db: Db, viewer: ActiveSession, id: string) {
  const { row } = await ownedExperiment(db, viewer, id);
  await db.transaction(async (tx) => {
    const gone = await rows<{ id: string }>(
      tx,
      sql`delete from lessons where experiment_id = ${id} returning id`,
    );
    if (gone.length === 0) throw notFound('Lesson');
    await logAccess(tx, row.spaceId, viewer, 'experiment.withdraw');
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'experiment.withdraw',
      targetType: 'experiment',
      targetId: id,
    });
  });
}

type LessonRow = { id: string; content: LessonContent; published_at: string | Date };
const toLesson = (r: LessonRow): Lesson => ({
  ...r.content,
  id: r.id,
  publishedAt: new Date(r.published_at).toISOString(),
});

export async function getLesson(db: Db, id: string): Promise<Lesson> {
  const [r] = await rows<LessonRow>(
    db,
    sql`select id, content, published_at from lessons where id = ${id}`,
  );
  if (!r) throw notFound('Lesson');
  return toLesson(r);
}

type Facet = 'design' | 'result' | 'sector' | 'country';
const FACET_COLUMN: Record<Facet, SQL> = {
  design: sql`design`,
  result: sql`outcome`,
  sector: sql`sector`,
  country: sql`country`,
};

function conditions(query: LessonsQuery, except?: Facet): SQL {
  const parts: SQL[] = [sql`true`];
  const words = (query.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 10);
  for (const w of words)
    parts.push(sql`search_text like ${`%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  const filters: [Facet, string | undefined][] = [
    ['design', query.design],
    ['result', query.result],
    ['sector', query.sector],
    ['country', query.country],
  ];
  for (const [facet, value] of filters)
    if (value !== undefined && facet !== except) parts.push(sql`${FACET_COLUMN[facet]} = ${value}`);
  return sql.join(parts, sql` and `);
}

const excerpt = (c: LessonContent) =>
  (c.lessonsFailed || c.lessonsWorked || c.lessonsDifferently || c.question || c.hypothesis).slice(
    0,
    280,
  );

/** The library: published lessons only, newest first, with facet counts. */
export async function listLessons(db: Db, query: LessonsQuery): Promise<LessonList> {
  const where = conditions(query);
  const [{ total } = { total: 0 }] = await rows<{ total: number }>(
    db,
    sql`select count(*)::int as total from lessons where ${where}`,
  );
  const found = await rows<LessonRow>(
    db,
    sql`select id, content, published_at from lessons where ${where}
        order by published_at desc, id
        limit ${LESSONS_PAGE_SIZE} offset ${(query.page - 1) * LESSONS_PAGE_SIZE}`,
  );
  const facets = {} as LessonList['facets'];
  for (const facet of Object.keys(FACET_COLUMN) as Facet[]) {
    const counts = await rows<{ value: string; n: number }>(
      db,
      sql`select ${FACET_COLUMN[facet]} as value, count(*)::int as n from lessons
          where ${conditions(query, facet)} and ${FACET_COLUMN[facet]} is not null
          group by 1 order by 1`,
    );
    facets[facet] = Object.fromEntries(counts.map((c) => [c.value, c.n]));
  }
  return {
    items: found.map((r): LessonSummary => {
      const l = toLesson(r);
      return {
        id: l.id,
        title: l.title,
        design: l.design,
        status: l.status,
        result: l.result,
        sector: l.sector,
        country: l.country,
        organisation: l.organisation,
        anonymised: l.anonymised,
        publishedAt: l.publishedAt,
        excerpt: excerpt(l),
      };
    }),
    total,
    facets,
  };
}
