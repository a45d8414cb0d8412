import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { cohenKappa } from '../../core/stats/kappa.ts';
import { firstAfter, type SortKey } from '../../core/search/facet-index.ts';
import {
  AGREEMENT_CATEGORIES,
  FACET_NAMES,
  type Agreement,
  type CaseCreate,
  type CaseFilters,
  type CaseHit,
  type CaseSearchQuery,
  type CaseUpdate,
  type CodeCreate,
  type Comparison,
  type FacetCount,
  type FacetName,
  type SearchSort,
} from '../../shared/cases.ts';
import { FACTORS, type Factor } from '../../shared/case-vocabulary.ts';
import type { ActiveSession } from '../auth/sessions.ts';
import type { Db } from '../db/client.ts';
import { rows } from '../db/rows.ts';
import {
  caseCodes,
  casePartners,
  cases,
  organisationMembers,
  organisations,
} from '../db/schema/index.ts';
import { badRequest, conflict, forbidden, isUniqueViolation, notFound } from '../errors.ts';
import { caseTraditions, indexFilters, tsQuery, type CaseIndex } from '../search/case-index.ts';
import { recordAudit } from './audit.ts';
import { caseFieldsOf } from './case-exchange.ts';
import {
  deleteCaseRow,
  insertCase,
  insertCode,
  loadCases,
  replaceCase,
  touchCase,
  type FullCase,
} from './case-store.ts';

type Viewer = ActiveSession | null;

// ---- permissions ----

/** Moderators and platform admins may edit and remove any case or code. */
export const isModerator = (viewer: ActiveSession | null) =>
  viewer?.user.platformRole === 'moderator' || viewer?.user.platformRole === 'admin';

/**
 * Who may edit a case: its author, members of its lead organisation, moderators and admins.
 * Everyone else may only read it, and only once it is published.
 */
export async function canEditCase(db: Db, viewer: Viewer, c: FullCase): Promise<boolean> {
  if (!viewer) return false;
  if (isModerator(viewer) || (c.authorId !== null && c.authorId === viewer.user.id)) return true;
  const leads = c.partners
    .filter((p) => p.role === 'lead' && p.organisationId)
    .map((p) => p.organisationId!);
  if (leads.length === 0) return false;
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(organisationMembers)
    .where(
      and(
        eq(organisationMembers.userId, viewer.user.id),
        inArray(organisationMembers.organisationId, leads),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** A case the viewer may see (published, or one they may edit), with that permission. */
export async function visibleCase(db: Db, viewer: Viewer, id: string) {
  const [c] = await loadCases(db, [id]);
  if (!c) throw notFound('Case');
  const canEdit = await canEditCase(db, viewer, c);
  // A draft is invisible to those who may not edit it: the same answer as a case that does not exist.
  if (c.status !== 'published' && !canEdit) throw notFound('Case');
  return { c, canEdit };
}

async function editableCase(db: Db, viewer: ActiveSession, id: string) {
  const { c, canEdit } = await visibleCase(db, viewer, id);
  if (!canEdit)
    throw forbidden(
      'Only the author, members of the lead organisation and moderators may edit this case.',
    );
  return c;
}

async function checkPartnerOrganisations(db: Db, partners: CaseCreate['partners']) {
  const ids = [...new Set(partners.map((p) => p.organisationId).filter((x) => x !== null))];
  if (ids.length === 0) return;
  const found = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(inArray(organisations.id, ids));
  const known = new Set(found.map((r) => r.id));
  const details = partners.flatMap((p, i) =>
    p.organisationId && !known.has(p.organisationId)
      ? [
          {
            path: `partners.${i}.organisationId`,
            message: 'is not an organisation on the platform',
          },
        ]
      : [],
  );
  if (details.length) throw badRequest('A partner organisation does not exist.', details);
}

// ---- writes ----

export async function createCase(db: Db, viewer: ActiveSession, input: CaseCreate) {
  await checkPartnerOrganisations(db, input.partners);
  return db.transaction(async (tx) => {
    const row = await insertCase(tx, input, { authorId: viewer.user.id });
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'case.create',
      targetType: 'case',
      targetId: row.id,
      details: { status: input.status },
    });
    return row.id;
  });
}

export async function updateCase(db: Db, viewer: ActiveSession, id: string, patch: CaseUpdate) {
  const existing = await editableCase(db, viewer, id);
  const merged: CaseCreate = { ...caseFieldsOf(existing), ...patch } as CaseCreate;
  if (merged.startDate && merged.endDate && merged.endDate < merged.startDate) {
    throw badRequest('The end date is before the start date.', [
      { path: 'endDate', message: 'must not be before the start date' },
    ]);
  }
  if (patch.partners) await checkPartnerOrganisations(db, patch.partners);
  await db.transaction(async (tx) => {
    await replaceCase(tx, id, merged);
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'case.update',
      targetType: 'case',
      targetId: id,
      details: { fields: Object.keys(patch) },
    });
  });
}

export async function deleteCase(db: Db, viewer: ActiveSession, id: string) {
  await editableCase(db, viewer, id);
  await db.transaction(async (tx) => {
    await deleteCaseRow(tx, id);
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'case.delete',
      targetType: 'case',
      targetId: id,
    });
  });
}

export async function addCode(db: Db, viewer: ActiveSession, caseId: string, input: CodeCreate) {
  await visibleCase(db, viewer, caseId);
  try {
    return await db.transaction(async (tx) => {
      const row = await insertCode(tx, caseId, {
        factor: input.factor,
        direction: input.direction,
        evidence: input.evidence,
        coderId: viewer.user.id,
        coderName: viewer.user.name,
      });
      await recordAudit(tx, {
        actorId: viewer.user.id,
        action: 'case.code.add',
        targetType: 'case',
        targetId: caseId,
        details: { factor: input.factor, direction: input.direction },
      });
      return row;
    });
  } catch (err) {
    if (isUniqueViolation(err, 'case_codes_one_per_factor_key'))
      throw conflict(
        'already_coded',
        'You have already coded this factor in this case; remove that code to change it.',
      );
    throw err;
  }
}

export async function removeCode(db: Db, viewer: ActiveSession, caseId: string, codeId: string) {
  await visibleCase(db, viewer, caseId);
  const [code] = await db
    .select()
    .from(caseCodes)
    .where(and(eq(caseCodes.id, codeId), eq(caseCodes.caseId, caseId)))
    .limit(1);
  if (!code) throw notFound('Code');
  if (code.coderId !== viewer.user.id && !isModerator(viewer))
    throw forbidden('Only the coder and moderators may remove a code.');
  await db.transaction(async (tx) => {
    await tx.delete(caseCodes).where(eq(caseCodes.id, codeId));
    await touchCase(tx, caseId);
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'case.code.remove',
      targetType: 'case',
      targetId: caseId,
      details: { factor: code.factor },
    });
  });
}

// ---- search ----

export function encodeSortKey(key: SortKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeSortKey(raw: string): SortKey {
  try {
    const v: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (
      Array.isArray(v) &&
      v.length >= 1 &&
      v.length <= 4 &&
      v.every((x) => typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x)))
    )
      return v as SortKey;
  } catch {
    // fall through
  }
  throw badRequest('Invalid cursor.', [
    { path: 'cursor', message: 'is not a cursor this API gave out' },
  ]);
}

/** A page of results from the index's copy of each case, with snippets for a text query. */
async function hits(index: CaseIndex, ids: string[], q: string | undefined): Promise<CaseHit[]> {
  const snippets = q ? await index.snippets(q, ids) : null;
  return ids.flatMap((id) => {
    const h = index.hit(id);
    return h ? [{ ...h, snippet: snippets?.get(id) ?? [] }] : [];
  });
}

function facetList(name: FacetName, counts: Map<string, number>): FacetCount[] {
  const list = [...counts].map(([value, count]) => ({ value, count }));
  if (name === 'year') return list.sort((a, b) => Number(a.value) - Number(b.value));
  return list.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
}

/** The published cases matching the text and the filters, as a bitset, with the text ranks. */
async function matching(index: CaseIndex, filters: CaseFilters) {
  const facets = await index.current();
  const q = filters.q?.trim() ? filters.q.trim() : undefined;
  const text = q ? await index.textMatches(q) : null;
  const base = text?.base ?? null;
  const f = indexFilters(filters, facets.valueList('year'));
  return { facets, q, text, base, f, matches: facets.match(f, base) };
}

/** A search page with its facet counts (the same query asked again is answered from memory). */
export async function searchCases(index: CaseIndex, query: CaseSearchQuery) {
  await index.current();
  return index.answer(`search:${JSON.stringify(query)}`, () => computeSearch(index, query));
}

async function computeSearch(index: CaseIndex, query: CaseSearchQuery) {
  const { facets, q, text, base, f, matches } = await matching(index, query);
  const counts = facets.counts(f, base);
  const sort: SearchSort =
    query.sort === 'relevance' && !text
      ? 'newest'
      : (query.sort ?? (text ? 'relevance' : 'newest'));
  const after = query.cursor ? decodeSortKey(query.cursor) : null;
  let page: { ids: string[]; more: boolean; keys: SortKey[] };
  if (sort === 'relevance' && text) {
    // The text matches come best first: find the cursor by binary search, then take matches.
    const ranked = text.ranked;
    const start = after ? firstAfter(ranked, (r) => r.key, after) : 0;
    page = { ids: [], keys: [], more: false };
    for (let i = start; i < ranked.length; i++) {
      const r = ranked[i]!;
      if (!matches.has(r.ordinal)) continue;
      if (page.ids.length === query.limit) {
        page.more = true;
        break;
      }
      page.ids.push(r.id);
      page.keys.push(r.key);
    }
  } else {
    const p = facets.page(matches, sort, query.limit, after);
    page = { ...p, keys: p.ids.map((id) => facets.sortKey(id, sort)!) };
  }
  const last = page.keys[page.keys.length - 1];
  return {
    items: await hits(index, page.ids, q),
    total: matches.count(),
    facets: Object.fromEntries(FACET_NAMES.map((n) => [n, facetList(n, counts[n])])) as Record<
      FacetName,
      FacetCount[]
    >,
    sort,
    nextCursor: page.more && last ? encodeSortKey(last) : null,
  };
}

/** The ids of the published cases matching the filters, newest first (for exports). */
export async function matchingCaseIds(index: CaseIndex, filters: CaseFilters): Promise<string[]> {
  const { facets, matches } = await matching(index, filters);
  return facets.page(matches, 'newest', Number.MAX_SAFE_INTEGER).ids;
}

// ---- comparison ----

export async function compareCases(
  db: Db,
  index: CaseIndex,
  filters: CaseFilters,
): Promise<Comparison> {
  await index.current();
  return index.answer(`compare:${JSON.stringify(filters)}`, () =>
    computeComparison(db, index, filters),
  );
}

async function computeComparison(
  db: Db,
  index: CaseIndex,
  filters: CaseFilters,
): Promise<Comparison> {
  const { facets, matches } = await matching(index, filters);
  const byCountry = [...facets.countWithin(matches, 'country')]
    .map(([country, count]) => ({ country, count }))
    .sort((a, b) => b.count - a.count || (a.country < b.country ? -1 : 1));
  const byYear = [...facets.countWithin(matches, 'year')]
    .map(([year, count]) => ({ year: Number(year), count }))
    .sort((a, b) => a.year - b.year);
  const codes = await rows<{ case_id: string; factor: Factor; direction: 'driver' | 'barrier' }>(
    db,
    sql`select k.case_id, k.factor, k.direction from case_codes k
        join cases c on c.id = k.case_id where c.status = 'published'`,
  );
  const cells = new Map<string, { drivers: number; barriers: number }>();
  for (const k of codes) {
    const o = facets.ordinal(k.case_id);
    if (o === undefined || !matches.has(o)) continue;
    for (const tradition of facets.values(k.case_id)?.tradition ?? []) {
      const key = `${tradition}\u0000${k.factor}`;
      const cell = cells.get(key) ?? { drivers: 0, barriers: 0 };
      if (k.direction === 'driver') cell.drivers += 1;
      else cell.barriers += 1;
      cells.set(key, cell);
    }
  }
  const traditionFactor = [...cells].map(([key, v]) => {
    const [tradition, factor] = key.split('\u0000') as [
      Comparison['traditionFactor'][0]['tradition'],
      Factor,
    ];
    return { tradition, factor, ...v };
  });
  traditionFactor.sort((a, b) =>
    a.tradition === b.tradition
      ? a.factor < b.factor
        ? -1
        : 1
      : a.tradition < b.tradition
        ? -1
        : 1,
  );
  return { total: matches.count(), byCountry, byYear, traditionFactor };
}

// ---- reading ----

export async function caseDetail(db: Db, viewer: Viewer, id: string) {
  const { c, canEdit } = await visibleCase(db, viewer, id);
  return { c, canEdit, traditions: caseTraditions(c.countries, c.governanceTradition) };
}

export async function similarCases(db: Db, viewer: Viewer, id: string) {
  const { c } = await visibleCase(db, viewer, id);
  const words = [
    ...new Set(
      [c.title, ...c.tags, c.technology ?? '']
        .join(' ')
        .toLowerCase()
        .match(/[\p{L}\p{N}]{3,}/gu) ?? [],
    ),
  ].slice(0, 12);
  if (words.length === 0) return [];
  const q = words.join(' or ');
  const found = await rows<{ id: string; title: string; score: number }>(
    db,
    sql`select c.id, c.title,
               ts_rank(c.search, ${tsQuery(q)})
               + case when c.sector = ${c.sector} then 0.05 else 0 end
               + case when c.technology = ${c.technology} then 0.05 else 0 end as score
        from cases c
        where c.status = 'published' and c.id <> ${id} and c.search @@ ${tsQuery(q)}
        order by score desc, c.id
        limit 6`,
  );
  return found.map((r) => ({ id: r.id, title: r.title, score: Number(r.score) }));
}

export async function myCases(db: Db, viewer: ActiveSession) {
  const leadOf = db
    .select({ one: sql`1` })
    .from(casePartners)
    .innerJoin(
      organisationMembers,
      eq(organisationMembers.organisationId, casePartners.organisationId),
    )
    .where(
      and(
        eq(casePartners.caseId, cases.id),
        eq(casePartners.role, 'lead'),
        eq(organisationMembers.userId, viewer.user.id),
      ),
    );
  return db
    .select({ id: cases.id, title: cases.title, status: cases.status, updatedAt: cases.updatedAt })
    .from(cases)
    .where(or(eq(cases.authorId, viewer.user.id), sql`exists (${leadOf})`))
    .orderBy(desc(cases.updatedAt), cases.id)
    .limit(500);
}

// ---- coding agreement ----

const coderKey = sql`coalesce(k.coder_id::text, 'name:' || k.coder_name)`;

/** Coders of published cases, with how many cases and codes each. */
export async function listCoders(db: Db) {
  const found = await rows<{ key: string; name: string; cases: number; codes: number }>(
    db,
    sql`select ${coderKey} as key, max(k.coder_name) as name,
               count(distinct k.case_id)::int as cases, count(*)::int as codes
        from case_codes k join cases c on c.id = k.case_id
        where c.status = 'published'
        group by 1 order by codes desc, name`,
  );
  return found;
}

/**
 * Agreement of two coders over the published cases both coded: every factor of the taxonomy in
 * every such case is a unit, rated driver, barrier or none (not coded) by each coder.
 */
export async function codingAgreement(db: Db, a: string, b: string): Promise<Agreement> {
  const coders = await listCoders(db);
  const coderA = coders.find((c) => c.key === a);
  const coderB = coders.find((c) => c.key === b);
  if (!coderA || !coderB)
    throw badRequest('Unknown coder.', [
      ...(coderA ? [] : [{ path: 'coderA', message: 'has coded no published case' }]),
      ...(coderB ? [] : [{ path: 'coderB', message: 'has coded no published case' }]),
    ]);
  const codes = await rows<{
    key: string;
    case_id: string;
    title: string;
    factor: Factor;
    direction: 'driver' | 'barrier';
  }>(
    db,
    sql`select ${coderKey} as key, k.case_id, c.title, k.factor, k.direction
        from case_codes k join cases c on c.id = k.case_id
        where c.status = 'published' and ${coderKey} in (${a}, ${b})`,
  );
  const ratings = new Map<string, Map<string, string>>(); // coder → case:factor → direction
  const casesOf = new Map<string, Set<string>>();
  const titles = new Map<string, string>();
  for (const k of codes) {
    titles.set(k.case_id, k.title);
    if (!ratings.has(k.key)) ratings.set(k.key, new Map());
    ratings.get(k.key)!.set(`${k.case_id}:${k.factor}`, k.direction);
    if (!casesOf.has(k.key)) casesOf.set(k.key, new Set());
    casesOf.get(k.key)!.add(k.case_id);
  }
  const both = [...(casesOf.get(a) ?? [])].filter((id) => casesOf.get(b)?.has(id)).sort();
  const cat = AGREEMENT_CATEGORIES as readonly string[];
  const matrix = cat.map(() => cat.map(() => 0));
  const disagreements = new Map<Factor, number>();
  for (const caseId of both) {
    for (const factor of FACTORS.values) {
      const ra = ratings.get(a)?.get(`${caseId}:${factor}`) ?? 'none';
      const rb = ratings.get(b)?.get(`${caseId}:${factor}`) ?? 'none';
      matrix[cat.indexOf(ra)]![cat.indexOf(rb)]! += 1;
      if (ra !== rb) disagreements.set(factor, (disagreements.get(factor) ?? 0) + 1);
    }
  }
  const k = cohenKappa(matrix);
  return {
    coderA,
    coderB,
    cases: both
      .map((id) => ({ id, title: titles.get(id)! }))
      .sort((x, y) => (x.title < y.title ? -1 : 1)),
    units: k.units,
    observed: k.observed,
    expected: k.expected,
    kappa: k.kappa,
    matrix,
    disagreements: [...disagreements]
      .map(([factor, count]) => ({ factor, count }))
      .sort((x, y) => y.count - x.count || (x.factor < y.factor ? -1 : 1)),
  };
}
