import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { CaseCreate, Provenance } from '../../shared/cases.ts';
import type { Factor, CodeDirection, NarrativeSection } from '../../shared/case-vocabulary.ts';
import {
  NARRATIVE_SECTIONS,
  OUTCOME_DIMENSIONS,
  RESOURCE_KINDS,
} from '../../shared/case-vocabulary.ts';
import type { Db, Tx } from '../db/client.ts';
import {
  caseCodes,
  caseCountries,
  caseDeletions,
  caseOutcomes,
  casePartners,
  caseResources,
  caseSections,
  caseTags,
  cases,
  users,
} from '../db/schema/index.ts';

/**
 * The storage of cases with their child tables: one place that writes a whole case (so the
 * search vector, the revision and the children always agree) and one that reads whole cases.
 * Routes, the importers, the exporter and the demo seed all go through here.
 */

export type CaseRow = typeof cases.$inferSelect;
/** A case as written: every field of the create schema, after defaults. */
export type CaseFields = CaseCreate;

/** An imported or exported code: the coder is a platform user or, for imported codes, a name. */
export type StoredCode = {
  factor: Factor;
  direction: CodeDirection;
  evidence: string;
  coderId: string | null;
  coderName: string;
  createdAt?: string;
};

/** A whole case: its fields, where it comes from, who wrote it and its codes. */
export type FullCase = CaseFields & {
  id: string;
  provenance: Provenance | null;
  authorId: string | null;
  authorName: string | null;
  codes: (StoredCode & { id: string; createdAt: string })[];
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  revision: number;
};

const REVISION_LOCK = 727275;
const dateOrNull = (s: string | null) => (s ? new Date(s) : null);
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The next case revision, taken under a transaction-scoped advisory lock so revisions become
 * visible in the order they were given out (the search index relies on it).
 */
export async function nextRevision(tx: Tx): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(${REVISION_LOCK})`);
  const r = (await tx.execute(
    sql`select nextval('cases_revision_seq')::bigint as v`,
  )) as unknown as {
    rows: { v: string | number }[];
  };
  return Number(r.rows[0]!.v);
}

/** Text of the narrative and the partners' names, for the search vector's weight C. */
function bodyText(c: CaseFields): string {
  const parts: string[] = [];
  for (const s of NARRATIVE_SECTIONS.values) {
    const body = c.sections[s];
    if (body) parts.push(body);
  }
  for (const p of c.partners) parts.push(p.name);
  if (c.technology) parts.push(c.technology);
  parts.push(...c.tags);
  return parts.join('\n');
}

/** English stems (so "chatbots" finds "chatbot") plus the plain words (names, other languages). */
export function searchVector(c: Pick<CaseFields, 'title' | 'summary'> & { body: string }): SQL {
  const part = (text: string, weight: 'A' | 'B' | 'C') =>
    sql`setweight(to_tsvector('english', ${text}), ${weight}) || setweight(to_tsvector('simple', ${text}), ${weight})`;
  return sql`(${part(c.title, 'A')} || ${part(c.summary, 'B')} || ${part(c.body, 'C')})`;
}

function rowValues(c: CaseFields) {
  return {
    title: c.title,
    summary: c.summary,
    status: c.status,
    level: c.level,
    sector: c.sector,
    yearLaunched: c.yearLaunched,
    startDate: c.startDate,
    endDate: c.endDate,
    ongoing: c.ongoing,
    stage: c.stage,
    maturity: c.maturity,
    facets: c.facets,
    innovationTypes: c.innovationTypes,
    citizenRoles: c.citizenRoles,
    participation: c.participation,
    experimentation: c.experimentation,
    governanceTradition: c.governanceTradition,
    technology: c.technology,
    links: c.links,
    licence: c.licence,
    illustrative: c.illustrative,
    search: searchVector({ title: c.title, summary: c.summary, body: bodyText(c) }),
  };
}

async function writeChildren(
  tx: Tx,
  caseId: string,
  c: CaseFields,
  replacing: boolean,
): Promise<void> {
  if (replacing) {
    for (const table of [
      caseCountries,
      casePartners,
      caseSections,
      caseOutcomes,
      caseResources,
      caseTags,
    ]) {
      await tx.delete(table).where(eq(table.caseId, caseId));
    }
  }
  if (c.countries.length)
    await tx
      .insert(caseCountries)
      .values(c.countries.map((country, position) => ({ caseId, country, position })));
  if (c.partners.length)
    await tx.insert(casePartners).values(
      c.partners.map((p, position) => ({
        caseId,
        position,
        name: p.name,
        organisationId: p.organisationId,
        role: p.role,
      })),
    );
  const sections = Object.entries(c.sections).filter(([, body]) => body && body.length > 0);
  if (sections.length)
    await tx.insert(caseSections).values(
      sections.map(([section, body]) => ({
        caseId,
        section: section as NarrativeSection,
        body: body!,
      })),
    );
  if (c.outcomes.length)
    await tx.insert(caseOutcomes).values(c.outcomes.map((o) => ({ caseId, ...o })));
  if (c.resources.length)
    await tx.insert(caseResources).values(c.resources.map((kind) => ({ caseId, kind })));
  if (c.tags.length) await tx.insert(caseTags).values(c.tags.map((tag) => ({ caseId, tag })));
}

export type InsertMeta = {
  authorId?: string | null;
  provenance?: Provenance | null;
  /** Kept when importing an export; otherwise now. */
  createdAt?: string;
  updatedAt?: string;
  publishedAt?: string | null;
  id?: string;
};

/** Inserts a whole case; call inside a transaction. */
export async function insertCase(tx: Tx, c: CaseFields, meta: InsertMeta = {}): Promise<CaseRow> {
  const revision = await nextRevision(tx);
  const now = new Date();
  const [row] = await tx
    .insert(cases)
    .values({
      ...(meta.id ? { id: meta.id } : {}),
      ...rowValues(c),
      authorId: meta.authorId ?? null,
      source: meta.provenance?.source ?? null,
      sourceId: meta.provenance?.sourceId ?? null,
      sourceUrl: meta.provenance?.sourceUrl ?? null,
      retrievedAt: meta.provenance?.retrievedAt ? new Date(meta.provenance.retrievedAt) : null,
      createdAt: meta.createdAt ? new Date(meta.createdAt) : now,
      updatedAt: meta.updatedAt ? new Date(meta.updatedAt) : now,
      publishedAt:
        meta.publishedAt !== undefined
          ? dateOrNull(meta.publishedAt)
          : c.status === 'published'
            ? now
            : null,
      revision,
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  await writeChildren(tx, row.id, c, false);
  return row;
}

/** Replaces every field of a case (lists entirely); call inside a transaction. */
export async function replaceCase(
  tx: Tx,
  id: string,
  c: CaseFields,
  meta: { provenance?: Provenance | null; publishedAt?: string | null; updatedAt?: string } = {},
): Promise<CaseRow> {
  const revision = await nextRevision(tx);
  const [row] = await tx
    .update(cases)
    .set({
      ...rowValues(c),
      ...(meta.provenance !== undefined
        ? {
            source: meta.provenance?.source ?? null,
            sourceId: meta.provenance?.sourceId ?? null,
            sourceUrl: meta.provenance?.sourceUrl ?? null,
            retrievedAt: meta.provenance?.retrievedAt
              ? new Date(meta.provenance.retrievedAt)
              : null,
          }
        : {}),
      updatedAt: meta.updatedAt ? new Date(meta.updatedAt) : new Date(),
      // The first publication is remembered; a case taken back to draft keeps it for "newest".
      publishedAt:
        meta.publishedAt !== undefined
          ? dateOrNull(meta.publishedAt)
          : c.status === 'published'
            ? sql`coalesce(${cases.publishedAt}, now())`
            : cases.publishedAt,
      revision,
    })
    .where(eq(cases.id, id))
    .returning();
  if (!row) throw new Error(`case ${id} vanished`);
  await writeChildren(tx, id, c, true);
  return row;
}

/** Marks a case as changed (its codes changed), so search indexes reread it. */
export async function touchCase(tx: Tx, id: string): Promise<void> {
  const revision = await nextRevision(tx);
  await tx.update(cases).set({ revision }).where(eq(cases.id, id));
}

/** Deletes a case and leaves a tombstone for the search indexes. */
export async function deleteCaseRow(tx: Tx, id: string): Promise<void> {
  const revision = await nextRevision(tx);
  await tx.delete(cases).where(eq(cases.id, id));
  await tx
    .insert(caseDeletions)
    .values({ caseId: id, revision })
    .onConflictDoUpdate({ target: caseDeletions.caseId, set: { revision } });
}

/** Writes a code; call inside a transaction (it also bumps the case's revision). */
export async function insertCode(tx: Tx, caseId: string, code: StoredCode) {
  const [row] = await tx
    .insert(caseCodes)
    .values({
      caseId,
      factor: code.factor,
      direction: code.direction,
      evidence: code.evidence,
      coderId: code.coderId,
      coderName: code.coderName,
      ...(code.createdAt ? { createdAt: new Date(code.createdAt) } : {}),
    })
    .returning();
  await touchCase(tx, caseId);
  return row!;
}

/** Like Promise.all over query builders, but each starts when the previous has finished. */
async function inTurn<T extends readonly unknown[]>(
  queries: T,
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const out: unknown[] = [];
  for (const q of queries) out.push(await q);
  return out as { -readonly [K in keyof T]: Awaited<T[K]> };
}

/** Whole cases by id, in the order given (missing ids are skipped). */
export async function loadCases(db: Db | Tx, ids: string[]): Promise<FullCase[]> {
  if (ids.length === 0) return [];
  // On a pool the queries run side by side; a transaction's one connection takes them in turn.
  const all = db instanceof PgTransaction ? inTurn : Promise.all.bind(Promise);
  const [rows, countries, partners, sections, outcomes, resources, tags, codes] = await all([
    db
      .select({ c: cases, authorName: users.name })
      .from(cases)
      .leftJoin(users, eq(users.id, cases.authorId))
      .where(inArray(cases.id, ids)),
    db
      .select()
      .from(caseCountries)
      .where(inArray(caseCountries.caseId, ids))
      .orderBy(asc(caseCountries.position)),
    db
      .select()
      .from(casePartners)
      .where(inArray(casePartners.caseId, ids))
      .orderBy(asc(casePartners.position)),
    db.select().from(caseSections).where(inArray(caseSections.caseId, ids)),
    db.select().from(caseOutcomes).where(inArray(caseOutcomes.caseId, ids)),
    db.select().from(caseResources).where(inArray(caseResources.caseId, ids)),
    db.select().from(caseTags).where(inArray(caseTags.caseId, ids)).orderBy(asc(caseTags.tag)),
    db
      .select()
      .from(caseCodes)
      .where(inArray(caseCodes.caseId, ids))
      .orderBy(asc(caseCodes.createdAt), asc(caseCodes.id)),
  ]);
  const group = <T extends { caseId: string }>(xs: T[]) => {
    const m = new Map<string, T[]>();
    for (const x of xs) {
      const list = m.get(x.caseId);
      if (list) list.push(x);
      else m.set(x.caseId, [x]);
    }
    return m;
  };
  const [gc, gp, gs, go, gr, gt, gcode] = [
    group(countries),
    group(partners),
    group(sections),
    group(outcomes),
    group(resources),
    group(tags),
    group(codes),
  ];
  const sectionOrder = NARRATIVE_SECTIONS.values;
  const outcomeOrder: readonly string[] = OUTCOME_DIMENSIONS.values;
  const resourceOrder: readonly string[] = RESOURCE_KINDS.values;
  const byId = new Map(rows.map((r) => [r.c.id, r]));
  const out: FullCase[] = [];
  for (const id of ids) {
    const found = byId.get(id);
    if (!found) continue;
    const c = found.c;
    const secs = (gs.get(id) ?? []).sort(
      (a, b) => sectionOrder.indexOf(a.section) - sectionOrder.indexOf(b.section),
    );
    out.push({
      id: c.id,
      title: c.title,
      summary: c.summary,
      status: c.status,
      countries: (gc.get(id) ?? []).map((x) => x.country) as FullCase['countries'],
      level: c.level,
      sector: c.sector,
      yearLaunched: c.yearLaunched,
      startDate: c.startDate,
      endDate: c.endDate,
      ongoing: c.ongoing,
      stage: c.stage,
      maturity: c.maturity,
      facets: c.facets,
      innovationTypes: c.innovationTypes,
      citizenRoles: c.citizenRoles,
      participation: c.participation,
      experimentation: c.experimentation,
      governanceTradition: c.governanceTradition,
      technology: c.technology,
      tags: (gt.get(id) ?? []).map((x) => x.tag),
      links: c.links,
      licence: c.licence,
      sections: Object.fromEntries(secs.map((s) => [s.section, s.body])),
      partners: (gp.get(id) ?? []).map((p) => ({
        name: p.name,
        organisationId: p.organisationId,
        role: p.role,
      })),
      outcomes: (go.get(id) ?? [])
        .sort((a, b) => outcomeOrder.indexOf(a.dimension) - outcomeOrder.indexOf(b.dimension))
        .map((o) => ({ dimension: o.dimension, evidence: o.evidence, note: o.note })),
      resources: (gr.get(id) ?? [])
        .map((r) => r.kind)
        .sort((a, b) => resourceOrder.indexOf(a) - resourceOrder.indexOf(b)),
      illustrative: c.illustrative,
      provenance:
        c.source && c.sourceId
          ? {
              source: c.source,
              sourceId: c.sourceId,
              sourceUrl: c.sourceUrl,
              retrievedAt: iso(c.retrievedAt),
            }
          : null,
      authorId: c.authorId,
      authorName: found.authorName,
      codes: (gcode.get(id) ?? []).map((k) => ({
        id: k.id,
        factor: k.factor,
        direction: k.direction,
        evidence: k.evidence,
        coderId: k.coderId,
        coderName: k.coderName,
        createdAt: k.createdAt.toISOString(),
      })),
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
      publishedAt: iso(c.publishedAt),
      revision: c.revision,
    });
  }
  return out;
}

/** The id of the case with this provenance, if one exists. */
export async function findByProvenance(
  db: Db | Tx,
  source: string,
  sourceId: string,
): Promise<string | null> {
  const [row] = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.source, source), eq(cases.sourceId, sourceId)))
    .limit(1);
  return row?.id ?? null;
}
