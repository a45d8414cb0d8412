/**
 * A working group's decisions: proposals that members take a stance on (agree, abstain,
 * disagree, block, each with a reason) and polls (one choice, or ranked choice counted round by
 * round). One vote per member, changeable until the closing time; results shown while open or
 * only after closing, as the proposer chose; an outcome statement once it is closed.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { countRankedChoice, validateBallot } from '../../core/groups/ranked-choice.ts';
import { STANCES, tallyStances } from '../../core/groups/stances.ts';
import type { Decision, DecisionCreate, Stance, VoteCast } from '../../shared/groups.ts';
import type { ActiveSession } from '../auth/sessions.ts';
import type { Db, Tx } from '../db/client.ts';
import { rows } from '../db/rows.ts';
import { groupDecisions, groupVotes } from '../db/schema/index.ts';
import { badRequest, conflict, forbidden, notFound } from '../errors.ts';
import { notifyAll } from '../notifications/notify.ts';
import { recordAudit } from './audit.ts';
import { groupOf, memberGroup, visibleGroup, type GroupAccess } from './groups.ts';

type Viewer = ActiveSession | null;
type DecisionRow = typeof groupDecisions.$inferSelect;
const iso = (d: string | Date) => new Date(d).toISOString();

async function visibleDecision(db: Db | Tx, viewer: Viewer, id: string, lock = false) {
  const [d] = await db
    .select()
    .from(groupDecisions)
    .where(sql`${groupDecisions.id} = ${id}${lock ? sql` for update` : sql``}`);
  if (!d) throw notFound('Decision');
  return { decision: d, group: await groupOf(db, viewer, d.groupId, 'Decision') };
}

async function present(
  db: Db | Tx,
  viewer: Viewer,
  d: DecisionRow,
  group: GroupAccess,
  now: Date,
): Promise<Decision> {
  const votes = await rows<{
    user_id: string;
    name: string | null;
    stance: Stance | null;
    reason: string;
    ranking: string[];
  }>(
    db,
    sql`select v.user_id, case when u.erased_at is null then u.name end as name, v.stance, v.reason, v.ranking
        from group_votes v join users u on u.id = v.user_id
        where v.decision_id = ${d.id} order by v.updated_at, v.user_id`,
  );
  const closed = d.closesAt <= now;
  const shown = closed || d.resultsVisible === 'during';
  const mine = votes.find((v) => v.user_id === viewer?.user.id);
  const optionIds = d.options.map((o) => o.id);
  let results: Decision['results'] = null;
  if (shown) {
    const stances = votes.filter((v) => v.stance !== null) as ((typeof votes)[number] & {
      stance: Stance;
    })[];
    const tally = tallyStances(stances);
    const ranked =
      d.kind === 'ranked_choice'
        ? countRankedChoice(
            optionIds,
            votes.map((v) => v.ranking),
          )
        : null;
    results = {
      stances: STANCES.map((stance) => ({
        stance,
        count: tally.counts[stance],
        reasons: stances
          .filter((v) => v.stance === stance && v.reason !== '')
          .map((v) => ({ name: v.name, reason: v.reason })),
      })),
      blocked: tally.blocked,
      choices:
        d.kind === 'single_choice'
          ? optionIds.map((option) => ({
              option,
              votes: votes.filter((v) => v.ranking[0] === option).length,
            }))
          : [],
      rounds: ranked
        ? ranked.rounds.map((r) => ({
            ...r,
            tallies: [...r.tallies],
            eliminated: [...r.eliminated],
          }))
        : [],
      winner: ranked?.winner ?? null,
      tie: ranked?.tie ? [...ranked.tie] : null,
    };
  }
  return {
    id: d.id,
    groupId: d.groupId,
    kind: d.kind,
    title: d.title,
    description: d.description,
    options: d.options,
    closesAt: iso(d.closesAt),
    closed,
    resultsVisible: d.resultsVisible,
    outcome: d.outcome,
    votes: votes.length,
    myVote: mine ? { stance: mine.stance, reason: mine.reason, ranking: mine.ranking } : null,
    results,
    canVote: group.canTakePart && !closed,
    canManage: group.canManage || (viewer !== null && d.createdBy === viewer.user.id),
    createdAt: iso(d.createdAt),
  } satisfies Decision;
}

export async function listDecisions(db: Db, viewer: Viewer, groupId: string, now = new Date()) {
  const group = await visibleGroup(db, viewer, groupId);
  const found = await db
    .select()
    .from(groupDecisions)
    .where(sql`${groupDecisions.groupId} = ${groupId}`)
    .orderBy(sql`${groupDecisions.closesAt} desc, ${groupDecisions.id}`)
    .limit(200);
  return { items: await Promise.all(found.map((d) => present(db, viewer, d, group, now))) };
}

export async function getDecision(db: Db, viewer: Viewer, id: string, now = new Date()) {
  const { decision, group } = await visibleDecision(db, viewer, id);
  return present(db, viewer, decision, group, now);
}

export async function createDecision(
  db: Db,
  viewer: ActiveSession,
  groupId: string,
  input: DecisionCreate,
  now = new Date(),
): Promise<Decision> {
  const group = await memberGroup(db, viewer, groupId);
  const closesAt = new Date(input.closesAt);
  if (closesAt <= now)
    throw badRequest('A decision closes in the future.', [
      { path: 'closesAt', message: 'is not in the future' },
    ]);
  const id = await db.transaction(async (tx) => {
    const [made] = await tx
      .insert(groupDecisions)
      .values({
        groupId,
        kind: input.kind,
        title: input.title,
        description: input.description,
        options: input.options.map((o) => ({ id: randomUUID().slice(0, 8), label: o.label })),
        closesAt,
        resultsVisible: input.resultsVisible,
        createdBy: viewer.user.id,
      })
      .returning({ id: groupDecisions.id });
    const members = await rows<{ user_id: string }>(
      tx,
      sql`select user_id from group_members where group_id = ${groupId} and user_id <> ${viewer.user.id}`,
    );
    await notifyAll(
      tx,
      members.map((m) => m.user_id),
      {
        kind: 'group.decision',
        params: {
          group: group.name,
          title: input.title,
          closes: closesAt.toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
        },
        link: `/groups/${groupId}/decisions/${made!.id}`,
      },
    );
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'group.decision.create',
      targetType: 'group',
      targetId: groupId,
    });
    return made!.id;
  });
  return getDecision(db, viewer, id, now);
}

/** A member's vote, made or changed while the decision is open. */
export async function castVote(
  db: Db,
  viewer: ActiveSession,
  id: string,
  vote: VoteCast,
  now = new Date(),
): Promise<Decision> {
  await db.transaction(async (tx) => {
    const { decision: d, group } = await visibleDecision(tx, viewer, id, true);
    if (!group.canTakePart) throw forbidden('Only members of the group may vote.');
    if (d.closesAt <= now) throw conflict('closed', 'This decision is closed.');
    const optionIds = d.options.map((o) => o.id);
    if (d.kind === 'proposal') {
      if (!vote.stance)
        throw badRequest('A proposal takes a stance.', [
          { path: 'stance', message: 'is required for a proposal' },
        ]);
      if (vote.stance !== 'agree' && vote.reason === '')
        throw badRequest('Say why.', [
          { path: 'reason', message: `is required with ${vote.stance}` },
        ]);
    } else {
      if (!vote.ranking)
        throw badRequest('A poll takes a choice.', [
          { path: 'ranking', message: 'is required for a poll' },
        ]);
      const problem = validateBallot(vote.ranking, optionIds);
      if (problem)
        throw badRequest(`The ballot is not valid: ${problem.message}.`, [
          { path: 'ranking', message: problem.message },
        ]);
      if (d.kind === 'single_choice' && vote.ranking.length !== 1)
        throw badRequest('Choose one option.', [
          { path: 'ranking', message: 'takes exactly one option in a single-choice poll' },
        ]);
    }
    const values = {
      stance: d.kind === 'proposal' ? vote.stance! : null,
      reason: vote.reason,
      ranking: d.kind === 'proposal' ? [] : vote.ranking!,
      updatedAt: now,
    };
    await tx
      .insert(groupVotes)
      .values({ decisionId: id, userId: viewer.user.id, ...values })
      .onConflictDoUpdate({ target: [groupVotes.decisionId, groupVotes.userId], set: values });
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'group.vote',
      targetType: 'group',
      targetId: group.id,
    });
  });
  return getDecision(db, viewer, id, now);
}

/** Conveners (or the proposer) state the outcome once the decision has closed. */
export async function recordOutcome(
  db: Db,
  viewer: ActiveSession,
  id: string,
  outcome: string,
  now = new Date(),
): Promise<Decision> {
  const { decision: d, group } = await visibleDecision(db, viewer, id);
  if (!group.canManage && d.createdBy !== viewer.user.id)
    throw forbidden('Only the conveners and the proposer may state the outcome.');
  if (d.closesAt > now)
    throw conflict('still_open', 'State the outcome once the decision has closed.');
  await db.transaction(async (tx) => {
    await tx
      .update(groupDecisions)
      .set({ outcome })
      .where(sql`${groupDecisions.id} = ${id}`);
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'group.decision.outcome',
      targetType: 'group',
      targetId: group.id,
    });
  });
  return getDecision(db, viewer, id, now);
}

/** Closes a decision now (conveners or the proposer), e.g. when everyone has voted. */
export async function closeDecision(db: Db, viewer: ActiveSession, id: string, now = new Date()) {
  const { decision: d, group } = await visibleDecision(db, viewer, id);
  if (!group.canManage && d.createdBy !== viewer.user.id)
    throw forbidden('Only the conveners and the proposer may close it.');
  if (d.closesAt <= now) throw conflict('closed', 'This decision is closed already.');
  await db.transaction(async (tx) => {
    await tx
      .update(groupDecisions)
      .set({ closesAt: now })
      .where(sql`${groupDecisions.id} = ${id}`);
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'group.decision.close',
      targetType: 'group',
      targetId: group.id,
    });
  });
  return getDecision(db, viewer, id, now);
}
