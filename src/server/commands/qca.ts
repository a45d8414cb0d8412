import { and, desc, eq } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import type {
  AnalysisCreate,
  CaseDataSetRequest,
  CaseSetSpec,
  QcaDataSet,
} from '../../shared/qca.ts';
import { EVIDENCE_LEVELS } from '../../shared/case-vocabulary.ts';
import type { ActiveSession } from '../auth/sessions.ts';
import type { Db } from '../db/client.ts';
import { qcaAnalyses, users } from '../db/schema/index.ts';
import { forbidden, HttpError, notFound } from '../errors.ts';
import { caseTraditions, type CaseIndex } from '../search/case-index.ts';
import { recordAudit } from './audit.ts';
import { loadCases, type FullCase } from './case-store.ts';
import { isModerator, matchingCaseIds } from './cases.ts';

type Viewer = ActiveSession | null;

const evidenceRank = (e: string) => (EVIDENCE_LEVELS.values as readonly string[]).indexOf(e);

/** Whether a case is in a set made from the case library (1) or not (0). */
export function membership(c: FullCase, spec: CaseSetSpec): 0 | 1 {
  const has = (b: boolean): 0 | 1 => (b ? 1 : 0);
  switch (spec.source) {
    case 'driver':
    case 'barrier':
      return has(c.codes.some((k) => k.factor === spec.factor && k.direction === spec.source));
    case 'factor':
      return has(c.codes.some((k) => k.factor === spec.factor));
    case 'tradition':
      return has(caseTraditions(c.countries, c.governanceTradition).includes(spec.value));
    case 'sector':
      return has(c.sector === spec.value);
    case 'level':
      return has(c.level === spec.value);
    case 'resource':
      return has(c.resources.includes(spec.value));
    case 'innovationType':
      return has(c.innovationTypes.includes(spec.value));
    case 'citizenRole':
      return has(c.citizenRoles.includes(spec.value));
    case 'experimentation':
      return has(c.experimentation === spec.value);
    case 'maturity':
      return has(c.maturity !== null && spec.values.includes(c.maturity));
    case 'evidence':
      return has(c.outcomes.some((o) => evidenceRank(o.evidence) >= evidenceRank(spec.min)));
    case 'implementedWithEvidence':
      return has(
        c.maturity === 'implemented' &&
          c.outcomes.some((o) => evidenceRank(o.evidence) >= evidenceRank('monitored')),
      );
  }
}

/**
 * A crisp data set from the published cases that match the search's filters: one row per case
 * (named by its title, made unique), one 0/1 column per set.
 */
export async function caseDataSet(
  db: Db,
  index: CaseIndex,
  request: CaseDataSetRequest,
): Promise<QcaDataSet> {
  const ids = await matchingCaseIds(index, request.filters);
  const rows: QcaDataSet['rows'] = [];
  const names = new Map<string, number>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const c of await loadCases(db, ids.slice(i, i + 500))) {
      // A draft never enters a data set, even if the index has not caught up yet.
      if (c.status !== 'published') continue;
      if (request.codedOnly && c.codes.length === 0) continue;
      const seen = (names.get(c.title) ?? 0) + 1;
      names.set(c.title, seen);
      rows.push({
        case: seen === 1 ? c.title : `${c.title} (${seen})`,
        caseId: c.id,
        values: request.sets.map((s) => membership(c, s)),
      });
    }
  }
  if (rows.length === 0)
    throw new HttpError(
      422,
      'no_cases',
      request.codedOnly
        ? 'No coded published case matches the search: widen it, or include uncoded cases.'
        : 'No published case matches the search.',
    );
  return { columns: request.sets.map((s) => s.name), rows };
}

/** The data set as CSV: the case name first, then one column per set (R's row names). */
export function dataSetCsv(data: QcaDataSet): string {
  return stringify([
    ['case', ...data.columns],
    ...data.rows.map((r) => [r.case, ...r.values.map((v) => (v === null ? 'NA' : String(v)))]),
  ]);
}

// ---- saved analyses ----

export async function saveAnalysis(db: Db, viewer: ActiveSession, input: AnalysisCreate) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(qcaAnalyses)
      .values({
        title: input.title,
        description: input.description,
        data: input.data,
        params: input.params,
        ownerId: viewer.user.id,
      })
      .returning();
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'qca.analysis.save',
      targetType: 'qca_analysis',
      targetId: row!.id,
    });
    return row!;
  });
}

/** A saved analysis: anyone with its link may read it (the id is its secret). */
export async function getAnalysis(db: Db, viewer: Viewer, id: string) {
  const [found] = await db
    .select({ a: qcaAnalyses, ownerName: users.name })
    .from(qcaAnalyses)
    .leftJoin(users, eq(users.id, qcaAnalyses.ownerId))
    .where(eq(qcaAnalyses.id, id))
    .limit(1);
  if (!found) throw notFound('Analysis');
  const canDelete =
    viewer !== null &&
    ((found.a.ownerId !== null && found.a.ownerId === viewer.user.id) || isModerator(viewer));
  return { ...found, canDelete };
}

export async function listMyAnalyses(db: Db, viewer: ActiveSession) {
  return db
    .select({
      id: qcaAnalyses.id,
      title: qcaAnalyses.title,
      createdAt: qcaAnalyses.createdAt,
      data: qcaAnalyses.data,
    })
    .from(qcaAnalyses)
    .where(eq(qcaAnalyses.ownerId, viewer.user.id))
    .orderBy(desc(qcaAnalyses.createdAt), qcaAnalyses.id)
    .limit(500);
}

export async function deleteAnalysis(db: Db, viewer: ActiveSession, id: string) {
  const { canDelete } = await getAnalysis(db, viewer, id);
  if (!canDelete) throw forbidden('Only its owner and moderators may delete an analysis.');
  await db.transaction(async (tx) => {
    await tx.delete(qcaAnalyses).where(and(eq(qcaAnalyses.id, id)));
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'qca.analysis.delete',
      targetType: 'qca_analysis',
      targetId: id,
    });
  });
}
