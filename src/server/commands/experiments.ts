/**
 * The experiment registry of a space. Everyone who may read the space reads its experiments;
 * its owners and members (not observers) register and run them. The plan is frozen when an
 * experiment starts (pre-registration): a later change to it needs a reason and is kept as an
 * amendment, visible to every reader.
 */
import { eq, sql } from 'drizzle-orm';
import {
  allocationCsv,
  analyseOutcomes,
  assignArms,
  OutcomeFileError,
  parseOutcomes,
  type OutcomeRow,
} from '../../core/experiments/index.ts';
import {
  PLAN_FIELDS,
  type AllocationRequest,
  type Decision,
  type Experiment,
  type ExperimentCreate,
  type ExperimentResult,
  type ExperimentSummary,
  type ExperimentUpdate,
  type OutcomeAnalysis,
  type Space,
} from '../../shared/havens.ts';
import type { ActiveSession } from '../auth/sessions.ts';
import type { Db, Tx } from '../db/client.ts';
import { rows } from '../db/rows.ts';
import { experimentAmendments, experimentDecisions, experiments } from '../db/schema/index.ts';
import { badRequest, conflict, forbidden, notFound } from '../errors.ts';
import { recordAudit } from './audit.ts';
import { logAccess, visibleSpace } from './spaces.ts';

type Viewer = ActiveSession | null;
type ExperimentRow = typeof experiments.$inferSelect;

/** The experiment and its space, as the viewer may see them (404 when the space is hidden). */
/** The experiment and its space, if the viewer may see the space; otherwise a 404. */
export async function visibleExperiment(db: Db, viewer: Viewer, id: string) {
  const [row] = await db.select().from(experiments).where(eq(experiments.id, id));
  if (!row) throw notFound('Experiment');
  try {
    return { row, space: await visibleSpace(db, viewer, row.spaceId) };
  } catch {
    throw notFound('Experiment');
  }
}

async function writableExperiment(db: Db, viewer: ActiveSession, id: string) {
  const found = await visibleExperiment(db, viewer, id);
  if (!found.space.canWrite)
    throw forbidden('Only the owners and members of the space may change its experiments.');
  return found;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function analysisOf(row: ExperimentRow): {
  analysis: OutcomeAnalysis | null;
  analysisProblem: string | null;
} {
  if (!row.outcomes) return { analysis: null, analysisProblem: null };
  if (row.arms.length !== 2)
    return {
      analysis: null,
      analysisProblem: `The comparison covers two arms; this experiment has ${row.arms.length}.`,
    };
  try {
    // The difference is the second arm (treatment) minus the first (control).
    const a = analyseOutcomes(row.outcomes, row.outcomeKind, row.arms[1]!, row.arms[0]!);
    return { analysis: a as OutcomeAnalysis, analysisProblem: null };
  } catch (err) {
    return { analysis: null, analysisProblem: (err as Error).message };
  }
}

/** The analysis an experiment's outcomes give (null without outcomes or with a problem). */
export function experimentAnalysis(row: ExperimentRow): OutcomeAnalysis | null {
  return analysisOf(row).analysis;
}

async function present(db: Db, row: ExperimentRow, space: Space): Promise<Experiment> {
  const people = await rows<{ id: string; name: string }>(
    db,
    sql`select id, name from users where id = ${row.createdBy}`,
  );
  const amendments = await rows<{
    id: string;
    field: string;
    before: unknown;
    after: unknown;
    reason: string;
    by_user_id: string | null;
    name: string | null;
    at: string | Date;
  }>(
    db,
    sql`select a.id, a.field, a.before, a.after, a.reason, a.by_user_id, u.name, a.at
        from experiment_amendments a left join users u on u.id = a.by_user_id
        where a.experiment_id = ${row.id} order by a.at, a.id`,
  );
  const decisions = await rows<{
    id: string;
    text: string;
    by_user_id: string | null;
    name: string | null;
    at: string | Date;
  }>(
    db,
    sql`select d.id, d.text, d.by_user_id, u.name, d.at
        from experiment_decisions d left join users u on u.id = d.by_user_id
        where d.experiment_id = ${row.id} order by d.at, d.id`,
  );
  const [lesson] = await rows<{ id: string; published_at: string | Date; anonymised: boolean }>(
    db,
    sql`select id, published_at, anonymised from lessons where experiment_id = ${row.id}`,
  );
  const byArm: Record<string, number> = Object.fromEntries(row.arms.map((a) => [a, 0]));
  for (const o of row.outcomes ?? []) byArm[o.arm] = (byArm[o.arm] ?? 0) + 1;
  const a = row.allocation;
  return {
    id: row.id,
    space: { id: space.id, name: space.name, visibility: space.visibility },
    title: row.title,
    question: row.question,
    hypothesis: row.hypothesis,
    intervention: row.intervention,
    design: row.design as Experiment['design'],
    population: row.population,
    plannedSampleSize: row.plannedSampleSize,
    primaryMetric: row.primaryMetric,
    successCriterion: row.successCriterion,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    budget: row.budget,
    currency: row.currency,
    risks: row.risks,
    ethics: row.ethics,
    dataProtection: row.dataProtection,
    arms: row.arms,
    outcomeKind: row.outcomeKind,
    sector: row.sector,
    country: row.country,
    status: row.status,
    result: row.result,
    stopReason: row.stopReason,
    startedAt: iso(row.startedAt),
    endedAt: iso(row.endedAt),
    lessonsWorked: row.lessonsWorked,
    lessonsFailed: row.lessonsFailed,
    lessonsDifferently: row.lessonsDifferently,
    createdBy: people[0] ?? null,
    createdAt: iso(row.createdAt)!,
    updatedAt: iso(row.updatedAt)!,
    amendments: amendments.map((m) => ({
      id: m.id,
      field: m.field,
      before: m.before,
      after: m.after,
      reason: m.reason,
      by: m.by_user_id ? { id: m.by_user_id, name: m.name ?? '' } : null,
      at: iso(m.at)!,
    })),
    decisions: decisions.map((d) => ({
      id: d.id,
      text: d.text,
      by: d.by_user_id ? { id: d.by_user_id, name: d.name ?? '' } : null,
      at: iso(d.at)!,
    })),
    allocation: a
      ? {
          method: a.method,
          seed: a.seed,
          blockSize: a.blockSize ?? null,
          units: a.allocations.length,
          counts: { ...a.counts },
          countsByStratum: Object.fromEntries(
            Object.entries(a.countsByStratum).map(([k, v]) => [k, { ...v }]),
          ),
          createdAt: iso(row.allocatedAt)!,
        }
      : null,
    outcomes: row.outcomes
      ? { units: row.outcomes.length, byArm, uploadedAt: iso(row.outcomesAt)! }
      : null,
    ...analysisOf(row),
    lesson: lesson
      ? { id: lesson.id, publishedAt: iso(lesson.published_at)!, anonymised: lesson.anonymised }
      : null,
    canWrite: space.canWrite,
    canManage: space.canManage,
  };
}

async function reload(db: Db, viewer: Viewer, id: string): Promise<Experiment> {
  const { row, space } = await visibleExperiment(db, viewer, id);
  return present(db, row, space);
}

async function audit(
  tx: Tx,
  viewer: ActiveSession,
  row: { id: string; spaceId: string },
  action: string,
  details?: Record<string, unknown>,
) {
  await logAccess(tx, row.spaceId, viewer, action);
  await recordAudit(tx, {
    actorId: viewer.user.id,
    action,
    targetType: 'experiment',
    targetId: row.id,
    ...(details ? { details } : {}),
  });
}

export async function listExperiments(
  db: Db,
  viewer: Viewer,
  spaceId: string,
): Promise<ExperimentSummary[]> {
  await visibleSpace(db, viewer, spaceId);
  const found = await rows<{
    id: string;
    title: string;
    design: ExperimentSummary['design'];
    status: ExperimentSummary['status'];
    result: ExperimentResult | null;
    starts_on: string | null;
    ends_on: string | null;
    published: boolean;
    updated_at: string | Date;
  }>(
    db,
    sql`select e.id, e.title, e.design, e.status, e.result, e.starts_on::text, e.ends_on::text,
               exists (select 1 from lessons l where l.experiment_id = e.id) as published, e.updated_at
        from experiments e where e.space_id = ${spaceId}
        order by e.created_at desc, e.id limit 1000`,
  );
  return found.map((e) => ({
    id: e.id,
    spaceId,
    title: e.title,
    design: e.design,
    status: e.status,
    result: e.result,
    startsOn: e.starts_on,
    endsOn: e.ends_on,
    published: e.published,
    updatedAt: iso(e.updated_at)!,
  }));
}

export async function createExperiment(
  db: Db,
  viewer: ActiveSession,
  spaceId: string,
  input: ExperimentCreate,
): Promise<Experiment> {
  const space = await visibleSpace(db, viewer, spaceId);
  if (!space.canWrite)
    throw forbidden('Only the owners and members of the space may register experiments.');
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(experiments)
      .values({ ...input, spaceId, createdBy: viewer.user.id })
      .returning({ id: experiments.id, spaceId: experiments.spaceId });
    await audit(tx, viewer, row!, 'experiment.create');
    return row!.id;
  });
  return reload(db, viewer, id);
}

export async function getExperiment(db: Db, viewer: Viewer, id: string): Promise<Experiment> {
  const { row, space } = await visibleExperiment(db, viewer, id);
  await logAccess(db, row.spaceId, viewer, 'experiment.view');
  return present(db, row, space);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Changes an experiment. Before the start the plan may change freely; after it, every changed
 * plan field needs `amendmentReason` and becomes an amendment. The result may only be set once
 * the experiment has ended. Lessons may change at any time.
 */
export async function updateExperiment(
  db: Db,
  viewer: ActiveSession,
  id: string,
  patch: ExperimentUpdate,
): Promise<Experiment> {
  const { row } = await writableExperiment(db, viewer, id);
  const { amendmentReason, ...changes } = patch;
  const startsOn = changes.startsOn === undefined ? row.startsOn : changes.startsOn;
  const endsOn = changes.endsOn === undefined ? row.endsOn : changes.endsOn;
  if (startsOn && endsOn && endsOn < startsOn)
    throw badRequest('The experiment would end before it starts.', [
      {
        path: changes.endsOn === undefined ? 'startsOn' : 'endsOn',
        message: 'must not be after endsOn',
      },
    ]);
  if (
    changes.result !== undefined &&
    changes.result !== null &&
    (row.status === 'planned' || row.status === 'running')
  )
    throw conflict(
      'not_ended',
      'The result is recorded when the experiment is completed or stopped.',
    );
  const amended = PLAN_FIELDS.filter(
    (f) => changes[f] !== undefined && !same(changes[f], row[f as keyof ExperimentRow]),
  );
  if (row.status !== 'planned' && amended.length && !amendmentReason)
    throw badRequest('The plan is frozen since the start: give the reason for this amendment.', [
      {
        path: 'amendmentReason',
        message: `is required to change ${amended.join(', ')} after the start`,
      },
    ]);
  await db.transaction(async (tx) => {
    await tx
      .update(experiments)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(experiments.id, id));
    if (row.status !== 'planned' && amended.length)
      await tx.insert(experimentAmendments).values(
        amended.map((field) => ({
          experimentId: id,
          field,
          before: row[field as keyof ExperimentRow] ?? null,
          after: changes[field] ?? null,
          reason: amendmentReason!,
          byUserId: viewer.user.id,
        })),
      );
    await audit(
      tx,
      viewer,
      row,
      row.status !== 'planned' && amended.length ? 'experiment.amend' : 'experiment.update',
      {
        fields: Object.keys(changes),
      },
    );
  });
  return reload(db, viewer, id);
}

async function transition(
  db: Db,
  viewer: ActiveSession,
  id: string,
  action: string,
  check: (row: ExperimentRow) => void,
  set: Partial<typeof experiments.$inferInsert>,
): Promise<Experiment> {
  const { row } = await writableExperiment(db, viewer, id);
  check(row);
  await db.transaction(async (tx) => {
    // The status in the WHERE clause makes two concurrent transitions safe: one wins.
    const done = await tx
      .update(experiments)
      .set({ ...set, updatedAt: new Date() })
      .where(sql`${experiments.id} = ${id} and ${experiments.status} = ${row.status}`)
      .returning({ id: experiments.id });
    if (done.length === 0)
      throw conflict('changed', 'The experiment changed meanwhile: reload it.');
    await audit(tx, viewer, row, action);
  });
  return reload(db, viewer, id);
}

/** Starts a planned experiment: 409 without a hypothesis or a success criterion. */
export function startExperiment(db: Db, viewer: ActiveSession, id: string) {
  return transition(
    db,
    viewer,
    id,
    'experiment.start',
    (row) => {
      if (row.status !== 'planned')
        throw conflict('not_planned', 'Only a planned experiment can start.');
      const missing = [
        row.hypothesis.trim() === '' ? 'a hypothesis' : null,
        row.successCriterion.trim() === '' ? 'a success criterion' : null,
      ].filter(Boolean);
      if (missing.length)
        throw conflict(
          'plan_incomplete',
          `An experiment cannot start without ${missing.join(' and ')}: register it first.`,
        );
    },
    { status: 'running', startedAt: new Date() },
  );
}

export function stopExperiment(db: Db, viewer: ActiveSession, id: string, reason: string) {
  return transition(
    db,
    viewer,
    id,
    'experiment.stop',
    (row) => {
      if (row.status !== 'planned' && row.status !== 'running')
        throw conflict('ended', 'The experiment has already ended.');
    },
    { status: 'stopped', stopReason: reason, endedAt: new Date() },
  );
}

export function completeExperiment(
  db: Db,
  viewer: ActiveSession,
  id: string,
  result: ExperimentResult,
) {
  return transition(
    db,
    viewer,
    id,
    'experiment.complete',
    (row) => {
      if (row.status !== 'running')
        throw conflict('not_running', 'Only a running experiment can be completed.');
    },
    { status: 'completed', result, endedAt: new Date() },
  );
}

/** Randomly assigns the given units to the experiment's arms (before or while it runs). */
export async function allocateExperiment(
  db: Db,
  viewer: ActiveSession,
  id: string,
  input: AllocationRequest,
): Promise<Experiment> {
  const { row } = await writableExperiment(db, viewer, id);
  if (row.status === 'completed' || row.status === 'stopped')
    throw conflict('ended', 'The experiment has ended: its allocation is final.');
  if (row.arms.length < 2)
    throw badRequest('Random assignment needs two arms or more.', [
      { path: 'arms', message: 'the experiment has fewer than two arms' },
    ]);
  let allocation;
  try {
    allocation = assignArms({
      units: input.units,
      arms: row.arms,
      seed: input.seed,
      method: input.method,
      ...(input.blockSize !== undefined ? { blockSize: input.blockSize } : {}),
    });
  } catch (err) {
    if (err instanceof RangeError || err instanceof TypeError)
      throw badRequest(err.message, [{ path: 'units', message: err.message }]);
    throw err;
  }
  await db.transaction(async (tx) => {
    await tx
      .update(experiments)
      .set({ allocation, allocatedAt: new Date(), updatedAt: new Date() })
      .where(eq(experiments.id, id));
    await audit(tx, viewer, row, 'experiment.allocate', {
      method: input.method,
      seed: input.seed,
      units: input.units.length,
    });
  });
  return reload(db, viewer, id);
}

/** The allocation list as CSV (readers of the space), or 404 when there is none. */
export async function experimentAllocationCsv(db: Db, viewer: Viewer, id: string) {
  const { row } = await visibleExperiment(db, viewer, id);
  if (!row.allocation) throw notFound('Allocation');
  await logAccess(db, row.spaceId, viewer, 'experiment.allocation.export');
  return { title: row.title, csv: allocationCsv(row.allocation) };
}

/** Replaces the outcome data with a CSV file (`unit,arm,value`); a bad file changes nothing. */
export async function uploadOutcomes(
  db: Db,
  viewer: ActiveSession,
  id: string,
  csv: string,
): Promise<Experiment> {
  const { row } = await writableExperiment(db, viewer, id);
  if (row.status === 'planned')
    throw conflict('not_started', 'Outcomes are recorded once the experiment has started.');
  let outcomes: OutcomeRow[];
  try {
    outcomes = parseOutcomes(csv, row.arms, row.outcomeKind);
  } catch (err) {
    if (err instanceof OutcomeFileError)
      throw badRequest(`The outcome file has a problem: ${err.message}`, [
        { path: 'csv', message: err.message },
      ]);
    throw err;
  }
  await db.transaction(async (tx) => {
    await tx
      .update(experiments)
      .set({ outcomes, outcomesAt: new Date(), updatedAt: new Date() })
      .where(eq(experiments.id, id));
    await audit(tx, viewer, row, 'experiment.outcomes', { units: outcomes.length });
  });
  return reload(db, viewer, id);
}

export async function addDecision(
  db: Db,
  viewer: ActiveSession,
  id: string,
  text: string,
): Promise<Decision> {
  const { row } = await writableExperiment(db, viewer, id);
  const made = await db.transaction(async (tx) => {
    const [d] = await tx
      .insert(experimentDecisions)
      .values({ experimentId: id, text, byUserId: viewer.user.id })
      .returning();
    await audit(tx, viewer, row, 'experiment.decision');
    return d!;
  });
  return {
    id: made.id,
    text: made.text,
    by: { id: viewer.user.id, name: viewer.user.name },
    at: made.at.toISOString(),
  };
}
