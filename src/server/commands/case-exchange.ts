import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import {
  CASE_VOCABULARIES,
  NARRATIVE_SECTIONS,
  OUTCOME_DIMENSIONS,
  type VocabularyName,
} from '../../shared/case-vocabulary.ts';
import { CaseCreate, CodeCreate, Provenance } from '../../shared/cases.ts';
import type { Db, Tx } from '../db/client.ts';
import { caseCodes, cases, organisations } from '../db/schema/index.ts';
import {
  findByProvenance,
  insertCase,
  insertCode,
  loadCases,
  replaceCase,
  type CaseFields,
  type FullCase,
} from './case-store.ts';
import {
  fieldCountProblem,
  ImportFileError,
  readCsv,
  type CsvRecord,
  type ImportFailure,
  type ImportResult,
} from './csv-records.ts';

/**
 * Exchange of cases between databases and with analysis tools: a JSON file, or three flat CSV
 * files for R (`cases.csv`, `codes.csv`, `codebook.csv`). Both formats carry every field of a
 * case except who wrote and who coded it (exports are public; a code keeps its coder's name), and
 * an export imported into an empty database exports again to the same bytes. The formats are
 * described in docs/case-library.md ("Exchange formats").
 */

export const EXCHANGE_FORMAT = 'connective-cases';
export const EXCHANGE_VERSION = 1;

// ---- shared helpers (also used by the JRC importer) ----

const CASE_FIELD_KEYS = Object.keys(CaseCreate.shape) as (keyof CaseFields)[];

/** The writable fields of a stored case, in the schema's order. */
export function caseFieldsOf(c: FullCase): CaseFields {
  return Object.fromEntries(CASE_FIELD_KEYS.map((k) => [k, c[k]])) as CaseFields;
}

/** JSON with object keys sorted, so equal values give equal strings. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * Whether two cases' fields are the same as stored: tags compared as a set (the store sorts them)
 * and empty sections as absent (the store drops them).
 */
export function sameFields(a: CaseFields, b: CaseFields): boolean {
  const norm = (c: CaseFields) =>
    canonical({
      ...c,
      tags: [...c.tags].sort(),
      sections: Object.fromEntries(Object.entries(c.sections).filter(([, body]) => body)),
    });
  return norm(a) === norm(b);
}

/** A zod error as one line: `field: message; field: message`. */
export function describeIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  column: (path: readonly PropertyKey[]) => string = (p) => p.map(String).join('.'),
): string {
  return issues
    .map((i) => {
      const where = column(i.path);
      // zod lists every allowed value; past a few, point to the codebook instead.
      const options = /^Invalid option: expected one of (.*)$/.exec(i.message)?.[1]?.split('|');
      const message =
        options && options.length > 6
          ? `is not one of the ${options.length} allowed values (see the codebook)`
          : i.message;
      return where ? `${where}: ${message}` : message;
    })
    .join('; ');
}

// ---- the exported shape ----

export type ExportedCode = {
  factor: FullCase['codes'][number]['factor'];
  direction: FullCase['codes'][number]['direction'];
  evidence: string;
  coderName: string;
  createdAt: string;
};

/** A case as exported: its fields, identity, provenance, codes and timestamps. */
export type ExportedCase = { id: string } & CaseFields & {
    provenance: Provenance | null;
    codes: ExportedCode[];
    createdAt: string;
    updatedAt: string;
    publishedAt: string | null;
  };

function byCodeOrder(a: ExportedCode, b: ExportedCode): number {
  const ka = `${a.createdAt}\u0000${a.coderName}\u0000${a.factor}`;
  const kb = `${b.createdAt}\u0000${b.coderName}\u0000${b.factor}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Every key named, in a fixed order: no author, no coder ids, no internal revision. */
function toExported(c: FullCase): ExportedCase {
  return {
    id: c.id,
    ...caseFieldsOf(c),
    links: c.links.map((l) => ({ url: l.url, label: l.label })),
    partners: c.partners.map((p) => ({
      name: p.name,
      organisationId: p.organisationId,
      role: p.role,
    })),
    outcomes: c.outcomes.map((o) => ({
      dimension: o.dimension,
      evidence: o.evidence,
      note: o.note,
    })),
    provenance: c.provenance
      ? {
          source: c.provenance.source,
          sourceId: c.provenance.sourceId,
          sourceUrl: c.provenance.sourceUrl,
          retrievedAt: c.provenance.retrievedAt,
        }
      : null,
    codes: c.codes
      .map((k) => ({
        factor: k.factor,
        direction: k.direction,
        evidence: k.evidence,
        coderName: k.coderName,
        createdAt: k.createdAt,
      }))
      .sort(byCodeOrder),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    publishedAt: c.publishedAt,
  };
}

async function loadExported(db: Db, ids: string[]): Promise<ExportedCase[]> {
  const out: ExportedCase[] = [];
  for (let i = 0; i < ids.length; i += 500)
    for (const c of await loadCases(db, ids.slice(i, i + 500))) out.push(toExported(c));
  return out;
}

/** Ids of the cases to export, oldest first (all cases, or the published ones). */
export async function caseIdsForExport(
  db: Db,
  options: { publishedOnly?: boolean } = {},
): Promise<string[]> {
  const rows = await db
    .select({ id: cases.id })
    .from(cases)
    .where(options.publishedOnly ? eq(cases.status, 'published') : undefined)
    .orderBy(asc(cases.createdAt), asc(cases.id));
  return rows.map((r) => r.id);
}

// ---- JSON ----

/** The cases as one JSON document `{ format, version, cases: [...] }`, in the order of `ids`. */
export async function exportCasesJson(db: Db, ids: string[]): Promise<string> {
  const body = {
    format: EXCHANGE_FORMAT,
    version: EXCHANGE_VERSION,
    cases: await loadExported(db, ids),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

// ---- CSV ----

type ColumnType =
  | 'uuid'
  | 'text'
  | 'list of text'
  | 'vocabulary'
  | 'list of vocabulary'
  | 'countries'
  | 'integer'
  | 'date'
  | 'boolean'
  | 'timestamp'
  | 'url'
  | 'list of urls';

type Column = {
  name: string;
  type: ColumnType;
  meaning: string;
  vocabulary?: VocabularyName;
  /** Free text keeps a literal "NA"; elsewhere R's NA reads as empty. */
  freeText?: boolean;
};

const LIST_NOTE =
  'values separated by ";" (a ";" or "\\" inside a value is written "\\;" or "\\\\")';

/** The columns of cases.csv, in order. */
export const CASE_COLUMNS: readonly Column[] = [
  {
    name: 'id',
    type: 'uuid',
    meaning: 'Identifier of the case (empty in a file to import: a new case)',
  },
  { name: 'title', type: 'text', meaning: 'Title', freeText: true },
  { name: 'summary', type: 'text', meaning: 'Summary (at most 280 characters)', freeText: true },
  { name: 'status', type: 'vocabulary', vocabulary: 'status', meaning: 'Publication status' },
  {
    name: 'countries',
    type: 'countries',
    meaning: `Countries (ISO 3166-1 alpha-2 codes); ${LIST_NOTE}`,
  },
  { name: 'level', type: 'vocabulary', vocabulary: 'level', meaning: 'Level of government' },
  {
    name: 'sector',
    type: 'vocabulary',
    vocabulary: 'sector',
    meaning: 'Sector: COFOG division (read as text: "01" … "10")',
  },
  { name: 'year_launched', type: 'integer', meaning: 'Year the innovation was launched' },
  { name: 'start_date', type: 'date', meaning: 'Start date (YYYY-MM-DD)' },
  { name: 'end_date', type: 'date', meaning: 'End date (YYYY-MM-DD)' },
  { name: 'ongoing', type: 'boolean', meaning: 'Still running (true or false)' },
  {
    name: 'stage',
    type: 'vocabulary',
    vocabulary: 'stage',
    meaning: 'Stage of the OPSI innovation lifecycle',
  },
  { name: 'maturity', type: 'vocabulary', vocabulary: 'maturity', meaning: 'Maturity' },
  {
    name: 'facets',
    type: 'list of vocabulary',
    vocabulary: 'facet',
    meaning: `OPSI innovation facets; ${LIST_NOTE}`,
  },
  {
    name: 'innovation_types',
    type: 'list of vocabulary',
    vocabulary: 'innovationType',
    meaning: `Types of innovation; ${LIST_NOTE}`,
  },
  {
    name: 'citizen_roles',
    type: 'list of vocabulary',
    vocabulary: 'citizenRole',
    meaning: `Roles of citizens in co-creation; ${LIST_NOTE}`,
  },
  {
    name: 'participation',
    type: 'vocabulary',
    vocabulary: 'participation',
    meaning: 'Level of public participation (IAP2)',
  },
  {
    name: 'experimentation',
    type: 'vocabulary',
    vocabulary: 'experimentation',
    meaning: 'Space for experimentation',
  },
  {
    name: 'governance_tradition',
    type: 'vocabulary',
    vocabulary: 'tradition',
    meaning: "Governance tradition set for this case (empty: its countries' traditions apply)",
  },
  { name: 'technology', type: 'text', meaning: 'Main technology', freeText: true },
  {
    name: 'tags',
    type: 'list of text',
    meaning: `Tags (lower case); ${LIST_NOTE}`,
    freeText: true,
  },
  { name: 'licence', type: 'text', meaning: 'Licence of the case text', freeText: true },
  {
    name: 'illustrative',
    type: 'boolean',
    meaning: 'Written for the demo, not a real case (true or false)',
  },
  ...NARRATIVE_SECTIONS.values.map((s): Column => ({
    name: `section_${s}`,
    type: 'text',
    meaning: `Narrative section "${NARRATIVE_SECTIONS.labels[s].en}" (${NARRATIVE_SECTIONS.labels[s].nl})`,
    freeText: true,
  })),
  {
    name: 'partner_names',
    type: 'list of text',
    meaning: `Partners' names, in order; ${LIST_NOTE}`,
    freeText: true,
  },
  {
    name: 'partner_roles',
    type: 'list of vocabulary',
    vocabulary: 'partnerRole',
    meaning: `Role of each partner, same order and length as partner_names; ${LIST_NOTE}`,
  },
  {
    name: 'partner_organisation_ids',
    type: 'list of text',
    meaning: `Platform organisation of each partner (empty value: none), same order and length as partner_names; ${LIST_NOTE}`,
  },
  ...OUTCOME_DIMENSIONS.values.flatMap((d): Column[] => [
    {
      name: `outcome_${d}`,
      type: 'vocabulary',
      vocabulary: 'evidence',
      meaning: `Outcome "${OUTCOME_DIMENSIONS.labels[d].en}" (${OUTCOME_DIMENSIONS.labels[d].nl}): level of evidence; empty when not recorded`,
    },
    {
      name: `outcome_${d}_note`,
      type: 'text',
      meaning: `Outcome "${OUTCOME_DIMENSIONS.labels[d].en}": note`,
      freeText: true,
    },
  ]),
  {
    name: 'resources',
    type: 'list of vocabulary',
    vocabulary: 'resource',
    meaning: `Resources shared; ${LIST_NOTE}`,
  },
  {
    name: 'link_urls',
    type: 'list of urls',
    meaning: `Links (http or https); ${LIST_NOTE}`,
    freeText: true,
  },
  {
    name: 'link_labels',
    type: 'list of text',
    meaning: `Label of each link, same order and length as link_urls; ${LIST_NOTE}`,
    freeText: true,
  },
  {
    name: 'source',
    type: 'text',
    meaning:
      'Provenance: where the case comes from (e.g. jrc-ips); empty for cases written on the platform',
  },
  { name: 'source_id', type: 'text', meaning: 'Provenance: identifier of the case in its source' },
  { name: 'source_url', type: 'url', meaning: 'Provenance: address of the case in its source' },
  {
    name: 'retrieved_at',
    type: 'timestamp',
    meaning: 'Provenance: when the source was read (ISO 8601, UTC)',
  },
  { name: 'created_at', type: 'timestamp', meaning: 'When the case was created (ISO 8601, UTC)' },
  {
    name: 'updated_at',
    type: 'timestamp',
    meaning: 'When the case was last changed (ISO 8601, UTC)',
  },
  {
    name: 'published_at',
    type: 'timestamp',
    meaning: 'When the case was first published (ISO 8601, UTC)',
  },
];

/** The columns of codes.csv (long format: one row per code). */
export const CODE_COLUMNS: readonly Column[] = [
  { name: 'case_id', type: 'uuid', meaning: 'The coded case (id in cases.csv)' },
  {
    name: 'factor',
    type: 'vocabulary',
    vocabulary: 'factor',
    meaning:
      'Factor (antecedent of innovation); its prefix names the level: env, org, inn, ind, coo, coc',
  },
  {
    name: 'direction',
    type: 'vocabulary',
    vocabulary: 'direction',
    meaning: 'Whether the factor drove or hindered the innovation in this case',
  },
  {
    name: 'evidence',
    type: 'text',
    meaning: 'Quote or observation supporting the code',
    freeText: true,
  },
  {
    name: 'coder',
    type: 'text',
    meaning: 'Name of the coder (one code per coder, case and factor)',
    freeText: true,
  },
  { name: 'created_at', type: 'timestamp', meaning: 'When the code was made (ISO 8601, UTC)' },
];

const escapeItem = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;');
const joinList = (xs: readonly string[]) => xs.map(escapeItem).join(';');

/** Splits a list cell; a backslash escapes the next character. */
function splitList(cell: string): string[] {
  const out: string[] = [];
  let item = '';
  for (let i = 0; i < cell.length; i++) {
    const ch = cell[i]!;
    if (ch === '\\' && i + 1 < cell.length) item += cell[++i];
    else if (ch === ';') {
      out.push(item);
      item = '';
    } else item += ch;
  }
  out.push(item);
  return out;
}

const bool = (b: boolean) => (b ? 'true' : 'false');

function caseRow(c: ExportedCase): Record<string, string> {
  const row: Record<string, string> = {
    id: c.id,
    title: c.title,
    summary: c.summary,
    status: c.status,
    countries: joinList(c.countries),
    level: c.level ?? '',
    sector: c.sector ?? '',
    year_launched: c.yearLaunched === null ? '' : String(c.yearLaunched),
    start_date: c.startDate ?? '',
    end_date: c.endDate ?? '',
    ongoing: bool(c.ongoing),
    stage: c.stage ?? '',
    maturity: c.maturity ?? '',
    facets: joinList(c.facets),
    innovation_types: joinList(c.innovationTypes),
    citizen_roles: joinList(c.citizenRoles),
    participation: c.participation ?? '',
    experimentation: c.experimentation ?? '',
    governance_tradition: c.governanceTradition ?? '',
    technology: c.technology ?? '',
    tags: joinList(c.tags),
    licence: c.licence ?? '',
    illustrative: bool(c.illustrative),
    partner_names: joinList(c.partners.map((p) => p.name)),
    partner_roles: joinList(c.partners.map((p) => p.role)),
    partner_organisation_ids: joinList(c.partners.map((p) => p.organisationId ?? '')),
    resources: joinList(c.resources),
    link_urls: joinList(c.links.map((l) => l.url)),
    link_labels: joinList(c.links.map((l) => l.label)),
    source: c.provenance?.source ?? '',
    source_id: c.provenance?.sourceId ?? '',
    source_url: c.provenance?.sourceUrl ?? '',
    retrieved_at: c.provenance?.retrievedAt ?? '',
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    published_at: c.publishedAt ?? '',
  };
  for (const s of NARRATIVE_SECTIONS.values) row[`section_${s}`] = c.sections[s] ?? '';
  for (const d of OUTCOME_DIMENSIONS.values) {
    const o = c.outcomes.find((x) => x.dimension === d);
    row[`outcome_${d}`] = o?.evidence ?? '';
    row[`outcome_${d}_note`] = o?.note ?? '';
  }
  return row;
}

function toCsv(columns: readonly Column[], rows: Record<string, string>[]): string {
  const names = columns.map((c) => c.name);
  return stringify([names, ...rows.map((r) => names.map((n) => r[n] ?? ''))]);
}

/** cases.csv (one row per case) and codes.csv (one row per code), in the order of `ids`. */
export async function exportCasesCsv(
  db: Db,
  ids: string[],
): Promise<{ cases: string; codes: string }> {
  const exported = await loadExported(db, ids);
  const codeRows = exported.flatMap((c) =>
    c.codes.map((k) => ({
      case_id: c.id,
      factor: k.factor,
      direction: k.direction,
      evidence: k.evidence,
      coder: k.coderName,
      created_at: k.createdAt,
    })),
  );
  return {
    cases: toCsv(CASE_COLUMNS, exported.map(caseRow)),
    codes: toCsv(CODE_COLUMNS, codeRows),
  };
}

/**
 * codebook.csv: every column of cases.csv and codes.csv with its type and meaning, followed (for
 * vocabulary columns) by one row per allowed value with its English and Dutch labels.
 */
export function codebookCsv(): string {
  const rows: string[][] = [['file', 'column', 'type', 'meaning', 'value', 'label_en', 'label_nl']];
  for (const [file, columns] of [
    ['cases.csv', CASE_COLUMNS],
    ['codes.csv', CODE_COLUMNS],
  ] as const)
    for (const c of columns) {
      rows.push([file, c.name, c.type, c.meaning, '', '', '']);
      if (!c.vocabulary) continue;
      const v = CASE_VOCABULARIES[c.vocabulary];
      // Object keys put "10" before "01": list numeric codes (the sectors) in numeric order.
      const values = v.values.every((x) => /^\d+$/.test(x))
        ? [...v.values].sort((a, b) => Number(a) - Number(b))
        : v.values;
      for (const value of values) {
        const label = (v.labels as Record<string, { en: string; nl: string }>)[value]!;
        rows.push([file, c.name, '', '', value, label.en, label.nl]);
      }
    }
  return stringify(rows);
}

// ---- import ----

const ImportedCode = CodeCreate.extend({
  coderName: z.string().trim().min(1).max(300),
  createdAt: z.iso.datetime({ offset: true }).optional(),
});
type ImportedCode = z.infer<typeof ImportedCode>;

const Timestamp = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 timestamp' });
const Meta = z.strictObject({
  id: z.uuid().optional(),
  provenance: Provenance.nullable().default(null),
  codes: z.array(ImportedCode).max(1000).default([]),
  createdAt: Timestamp.optional(),
  updatedAt: Timestamp.optional(),
  publishedAt: Timestamp.nullable().optional(),
});
const META_KEYS = Object.keys(Meta.shape);

/** A case ready to write, with where it came from in the file. */
type Incoming = {
  line: number;
  file?: string;
  fields: CaseFields;
  meta: z.infer<typeof Meta>;
};

type Problem = { path: readonly PropertyKey[]; message: string };

/** Validates one case of an import (fields with CaseCreate, the rest with Meta). */
function validateCase(
  raw: unknown,
): { ok: Incoming['fields']; meta: Incoming['meta'] } | Problem[] {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    return [{ path: [], message: 'is not an object' }];
  const fieldPart: Record<string, unknown> = {};
  const metaPart: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) (META_KEYS.includes(k) ? metaPart : fieldPart)[k] = v;
  const fields = CaseCreate.safeParse(fieldPart);
  const meta = Meta.safeParse(metaPart);
  const problems = [...(fields.error?.issues ?? []), ...(meta.error?.issues ?? [])];
  if (problems.length || !fields.success || !meta.success) return problems;
  const seen = new Set<string>();
  for (const [i, code] of meta.data.codes.entries()) {
    const key = `${code.coderName}\u0000${code.factor}`;
    if (seen.has(key))
      return [
        {
          path: ['codes', i],
          message: `${code.coderName} coded ${code.factor} twice (one code per coder and factor)`,
        },
      ];
    seen.add(key);
  }
  return { ok: fields.data, meta: meta.data };
}

/** Writes validated cases, upserting by id, in transactions of `batchSize` cases. */
async function writeCases(
  db: Db,
  incoming: Incoming[],
  batchSize: number,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportResult> {
  const result: ImportResult = { created: 0, updated: 0, unchanged: 0, failed: [] };
  for (let start = 0; start < incoming.length; start += batchSize) {
    const batch = incoming.slice(start, start + batchSize);
    // Read before the transaction: loadCases queries in parallel, which a pg transaction client
    // must not do.
    const ids = batch.map((b) => b.meta.id).filter((id): id is string => !!id);
    const existing = new Map((await loadCases(db, ids)).map((c) => [c.id, c]));
    const counts = await db.transaction((tx) => writeBatch(tx, batch, existing));
    result.created += counts.created;
    result.updated += counts.updated;
    result.unchanged += counts.unchanged;
    result.failed.push(...counts.failed);
    onProgress?.(Math.min(start + batchSize, incoming.length), incoming.length);
  }
  return result;
}

async function writeBatch(
  tx: Tx,
  batch: Incoming[],
  existing: Map<string, FullCase>,
): Promise<ImportResult> {
  const r: ImportResult = { created: 0, updated: 0, unchanged: 0, failed: [] };
  // Partners may name organisations of the exporting platform; keep those that exist here.
  const orgIds = [
    ...new Set(batch.flatMap((b) => b.fields.partners.map((p) => p.organisationId))),
  ].filter((id): id is string => !!id);
  const knownOrgs = new Set(
    orgIds.length
      ? (
          await tx
            .select({ id: organisations.id })
            .from(organisations)
            .where(inArray(organisations.id, orgIds))
        ).map((o) => o.id)
      : [],
  );
  for (const item of batch) {
    const fields: CaseFields = {
      ...item.fields,
      partners: item.fields.partners.map((p) => ({
        ...p,
        organisationId:
          p.organisationId && knownOrgs.has(p.organisationId) ? p.organisationId : null,
      })),
    };
    const { meta } = item;
    const fail = (reason: string) =>
      r.failed.push({ line: item.line, reason, ...(item.file ? { file: item.file } : {}) });
    if (meta.provenance) {
      const holder = await findByProvenance(tx, meta.provenance.source, meta.provenance.sourceId);
      if (holder && holder !== meta.id) {
        fail(
          `case ${holder} already has the provenance ${meta.provenance.source} ${meta.provenance.sourceId}`,
        );
        continue;
      }
    }
    const current = meta.id ? existing.get(meta.id) : undefined;
    if (!current) {
      const row = await insertCase(tx, fields, {
        ...(meta.id ? { id: meta.id } : {}),
        provenance: meta.provenance,
        ...(meta.createdAt ? { createdAt: meta.createdAt } : {}),
        ...(meta.updatedAt ? { updatedAt: meta.updatedAt } : {}),
        ...(meta.publishedAt !== undefined ? { publishedAt: meta.publishedAt } : {}),
      });
      for (const code of meta.codes) await insertCode(tx, row.id, storedCode(code));
      r.created += 1;
      continue;
    }
    const sameCase =
      sameFields(fields, caseFieldsOf(current)) &&
      canonical(meta.provenance) === canonical(current.provenance) &&
      (meta.publishedAt === undefined || meta.publishedAt === current.publishedAt);
    const imported = current.codes.filter((k) => k.coderId === null);
    const changedCodes = meta.codes.filter((code) => {
      const had = imported.find((k) => k.coderName === code.coderName && k.factor === code.factor);
      return !had || had.direction !== code.direction || had.evidence !== code.evidence;
    });
    if (sameCase && changedCodes.length === 0) {
      r.unchanged += 1;
      continue;
    }
    if (!sameCase)
      await replaceCase(tx, current.id, fields, {
        provenance: meta.provenance,
        ...(meta.publishedAt !== undefined ? { publishedAt: meta.publishedAt } : {}),
        ...(meta.updatedAt ? { updatedAt: meta.updatedAt } : {}),
      });
    for (const code of changedCodes) {
      // An imported code replaces the one the same coder (by name) gave the same factor.
      await tx
        .delete(caseCodes)
        .where(
          and(
            eq(caseCodes.caseId, current.id),
            isNull(caseCodes.coderId),
            eq(caseCodes.coderName, code.coderName),
            eq(caseCodes.factor, code.factor),
          ),
        );
      await insertCode(tx, current.id, storedCode(code));
    }
    r.updated += 1;
  }
  return r;
}

function storedCode(code: ImportedCode) {
  return {
    factor: code.factor,
    direction: code.direction,
    evidence: code.evidence,
    coderId: null,
    coderName: code.coderName,
    ...(code.createdAt ? { createdAt: code.createdAt } : {}),
  };
}

/** The line where each element of the `cases` array (or of a root array) starts. */
function jsonCaseLines(text: string): number[] {
  const lines: number[] = [];
  const stack: string[] = [];
  let line = 1;
  let key = '';
  let lastString = '';
  let target = -1;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      line += 1;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') continue;
    if (stack.length === target && expectElement && ch !== ']') {
      lines.push(line);
      expectElement = false;
    }
    if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      lastString = text.slice(i + 1, j);
      i = j;
    } else if (ch === ':') {
      if (stack.length === 1) key = lastString;
    } else if (ch === ',') {
      if (stack.length === target) expectElement = true;
    } else if (ch === '{' || ch === '[') {
      stack.push(ch);
      const isCases =
        ch === '[' &&
        target === -1 &&
        (stack.length === 1 || (stack.length === 2 && stack[0] === '{' && key === 'cases'));
      if (isCases) {
        target = stack.length;
        expectElement = true;
      }
    } else if (ch === '}' || ch === ']') {
      if (stack.length === target) target = -2;
      stack.pop();
    }
  }
  return lines;
}

function parseJsonCases(text: string): { failed: ImportFailure[]; incoming: Incoming[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ImportFileError(`the file is not valid JSON: ${(err as Error).message}`);
  }
  let list: unknown;
  if (Array.isArray(doc)) list = doc;
  else if (doc && typeof doc === 'object') {
    const o = doc as Record<string, unknown>;
    if (o.format !== undefined && o.format !== EXCHANGE_FORMAT)
      throw new ImportFileError(
        `the file's format is ${JSON.stringify(o.format)}, not ${EXCHANGE_FORMAT}`,
      );
    if (typeof o.version === 'number' && o.version > EXCHANGE_VERSION)
      throw new ImportFileError(
        `the file is version ${o.version}; this version reads up to ${EXCHANGE_VERSION}`,
      );
    if (!Array.isArray(o.cases))
      throw new ImportFileError('the file lacks the required key cases (a list)');
    list = o.cases;
  } else throw new ImportFileError('the file is neither a list of cases nor { "cases": [...] }');
  const items = list as unknown[];
  const lines = jsonCaseLines(text);
  const failed: ImportFailure[] = [];
  const incoming: Incoming[] = [];
  const seen = new Map<string, number>();
  items.forEach((raw, i) => {
    const line = lines[i] ?? i + 1;
    const v = validateCase(raw);
    if (Array.isArray(v)) {
      failed.push({ line, reason: describeIssues(v) });
      return;
    }
    const id = v.meta.id;
    if (id && seen.has(id)) {
      failed.push({ line, reason: `id ${id} already appeared on line ${seen.get(id)}` });
      return;
    }
    if (id) seen.set(id, line);
    incoming.push({ line, fields: v.ok, meta: v.meta });
  });
  return { failed, incoming };
}

/** Column of cases.csv for a path of the JSON shape, for messages. */
function columnOf(path: readonly PropertyKey[]): string {
  const [head, index, sub] = path.map(String);
  switch (head) {
    case undefined:
      return '';
    case 'partners':
      return sub === 'role'
        ? 'partner_roles'
        : sub === 'organisationId'
          ? 'partner_organisation_ids'
          : 'partner_names';
    case 'links':
      return sub === 'label' ? 'link_labels' : 'link_urls';
    case 'sections':
      return index ? `section_${index}` : 'sections';
    case 'outcomes':
      return 'outcome_*';
    case 'provenance':
      return index === 'sourceId'
        ? 'source_id'
        : index === 'sourceUrl'
          ? 'source_url'
          : index === 'retrievedAt'
            ? 'retrieved_at'
            : 'source';
    default:
      return head.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  }
}

/** Reads one cases.csv row into the JSON shape (values still to validate). */
function caseFromRow(v: Record<string, string>): Record<string, unknown> | string {
  const cell = (name: string) => {
    const value = v[name] ?? '';
    const col = CASE_COLUMNS.find((c) => c.name === name);
    return !col?.freeText && value.trim() === 'NA' ? '' : value;
  };
  const opt = (name: string) => (cell(name).trim() === '' ? null : cell(name).trim());
  const list = (name: string) => (cell(name) === '' ? [] : splitList(cell(name)));
  const parallel = (name: string, n: number): string[] | string => {
    if (n === 0) return cell(name) === '' ? [] : `${name} has values but there are none to match`;
    const xs = splitList(cell(name));
    return xs.length === n ? xs : `${name} has ${xs.length} values, expected ${n}`;
  };
  const flag = (name: string): boolean | undefined | string => {
    const s = cell(name).trim().toLowerCase();
    if (s === '') return undefined;
    if (s === 'true') return true;
    if (s === 'false') return false;
    return `${name} '${cell(name)}' is not true or false`;
  };
  const yearText = opt('year_launched');
  if (yearText !== null && !/^\d+(\.0+)?$/.test(yearText))
    return `year_launched '${yearText}' is not a whole number`;
  const ongoing = flag('ongoing');
  if (typeof ongoing === 'string') return ongoing;
  const illustrative = flag('illustrative');
  if (typeof illustrative === 'string') return illustrative;

  const names = list('partner_names');
  const roles = parallel('partner_roles', names.length);
  if (typeof roles === 'string') return roles;
  const orgIds = parallel('partner_organisation_ids', names.length);
  if (typeof orgIds === 'string') return orgIds;
  const urls = list('link_urls');
  const labels = parallel('link_labels', urls.length);
  if (typeof labels === 'string') return labels;

  const outcomes: { dimension: string; evidence: string; note: string }[] = [];
  for (const d of OUTCOME_DIMENSIONS.values) {
    const evidence = opt(`outcome_${d}`);
    const note = cell(`outcome_${d}_note`);
    if (evidence) outcomes.push({ dimension: d, evidence, note });
    else if (note.trim()) return `outcome_${d}_note is set but outcome_${d} is empty`;
  }
  const sections: Record<string, string> = {};
  for (const s of NARRATIVE_SECTIONS.values) {
    const body = cell(`section_${s}`);
    if (body.trim()) sections[s] = body;
  }
  const source = opt('source');
  const sourceId = opt('source_id');
  const hasProvenance = source || sourceId || opt('source_url') || opt('retrieved_at');

  const c: Record<string, unknown> = {
    title: cell('title'),
    summary: cell('summary'),
    status: opt('status') ?? undefined,
    countries: list('countries'),
    level: opt('level'),
    sector: opt('sector'),
    yearLaunched: yearText === null ? null : Number(yearText),
    startDate: opt('start_date'),
    endDate: opt('end_date'),
    ongoing,
    stage: opt('stage'),
    maturity: opt('maturity'),
    facets: list('facets'),
    innovationTypes: list('innovation_types'),
    citizenRoles: list('citizen_roles'),
    participation: opt('participation'),
    experimentation: opt('experimentation'),
    governanceTradition: opt('governance_tradition'),
    technology: opt('technology'),
    tags: list('tags'),
    links: urls.map((url, i) => ({ url, label: labels[i] })),
    licence: opt('licence'),
    sections,
    partners: names.map((name, i) => ({
      name,
      role: roles[i],
      organisationId: orgIds[i] === '' ? null : orgIds[i],
    })),
    outcomes,
    resources: list('resources'),
    illustrative,
    provenance: hasProvenance
      ? { source, sourceId, sourceUrl: opt('source_url'), retrievedAt: opt('retrieved_at') }
      : null,
    createdAt: opt('created_at') ?? undefined,
    updatedAt: opt('updated_at') ?? undefined,
    publishedAt: opt('published_at'),
  };
  const id = opt('id');
  if (id) c.id = id;
  for (const k of Object.keys(c)) if (c[k] === undefined) delete c[k];
  return c;
}

function parseCsvCases(casesText: string, codesText: string | undefined) {
  const casesFile = readCsv(casesText, {
    required: CASE_COLUMNS.map((c) => c.name),
    file: 'cases.csv',
  });
  const codesFile =
    codesText === undefined
      ? undefined
      : readCsv(codesText, { required: CODE_COLUMNS.map((c) => c.name), file: 'codes.csv' });
  const failed: ImportFailure[] = [];
  const candidates: { record: CsvRecord; raw: Record<string, unknown> }[] = [];
  const caseLine = new Map<string, number>();
  for (const record of casesFile.records) {
    const fail = (reason: string) => failed.push({ file: 'cases.csv', line: record.line, reason });
    const problem = fieldCountProblem(record, casesFile.header);
    if (problem) {
      fail(problem);
      continue;
    }
    const raw = caseFromRow(record.values);
    if (typeof raw === 'string') {
      fail(raw);
      continue;
    }
    const id = typeof raw.id === 'string' ? raw.id : undefined;
    if (id) {
      const earlier = caseLine.get(id);
      if (earlier !== undefined) {
        fail(`id ${id} already appeared on line ${earlier}`);
        continue;
      }
      caseLine.set(id, record.line);
    }
    candidates.push({ record, raw: { ...raw, codes: [] } });
  }
  const byId = new Map(
    candidates.filter((c) => typeof c.raw.id === 'string').map((c) => [c.raw.id as string, c]),
  );
  const codeLines = new Map<string, number[]>();
  for (const record of codesFile?.records ?? []) {
    const fail = (reason: string) => failed.push({ file: 'codes.csv', line: record.line, reason });
    const problem = fieldCountProblem(record, codesFile!.header);
    if (problem) {
      fail(problem);
      continue;
    }
    const v = record.values;
    const caseId = (v.case_id ?? '').trim();
    const target = byId.get(caseId);
    if (!target) {
      fail(
        caseLine.has(caseId)
          ? `its case (cases.csv line ${caseLine.get(caseId)}) was not imported`
          : `case_id '${caseId}' is not in cases.csv`,
      );
      continue;
    }
    const code = ImportedCode.safeParse({
      factor: v.factor?.trim(),
      direction: v.direction?.trim(),
      evidence: v.evidence ?? '',
      coderName: v.coder ?? '',
      ...(v.created_at?.trim() && v.created_at.trim() !== 'NA'
        ? { createdAt: v.created_at.trim() }
        : {}),
    });
    if (!code.success) {
      fail(
        describeIssues(code.error.issues, (p) =>
          p[0] === 'coderName'
            ? 'coder'
            : p[0] === 'createdAt'
              ? 'created_at'
              : p.map(String).join('.'),
        ),
      );
      continue;
    }
    (target.raw.codes as unknown[]).push(code.data);
    const lines = codeLines.get(caseId) ?? [];
    lines.push(record.line);
    codeLines.set(caseId, lines);
  }
  const incoming: Incoming[] = [];
  for (const { record, raw } of candidates) {
    const v = validateCase(raw);
    if (!Array.isArray(v)) {
      incoming.push({ line: record.line, file: 'cases.csv', fields: v.ok, meta: v.meta });
      continue;
    }
    const id = typeof raw.id === 'string' ? raw.id : '';
    const caseIssues = v.filter((p) => p.path[0] !== 'codes');
    failed.push({
      file: 'cases.csv',
      line: record.line,
      reason: caseIssues.length
        ? describeIssues(caseIssues, columnOf)
        : 'one of its codes in codes.csv is refused',
    });
    (codeLines.get(id) ?? []).forEach((line, j) => {
      const issue = v.find((p) => p.path[0] === 'codes' && p.path[1] === j);
      failed.push({
        file: 'codes.csv',
        line,
        reason: issue?.message ?? `its case (cases.csv line ${record.line}) was not imported`,
      });
    });
  }
  return { failed, incoming };
}

export type ImportCasesInput = string | { cases: string; codes?: string };

/**
 * Imports an export (JSON, or cases.csv with an optional codes.csv) into this database. Cases
 * keep their ids and timestamps and are upserted by id; codes come in without a platform coder,
 * under their coder's name. Every case is validated with CaseCreate first; bad rows are reported
 * with their line and skipped, and a wrong header or malformed file throws ImportFileError before
 * anything is written. Cases are written in transactions of `batchSize` (default 100).
 */
export async function importCases(
  db: Db,
  input: ImportCasesInput,
  options: {
    format: 'json' | 'csv';
    batchSize?: number;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<ImportResult> {
  const parsed =
    options.format === 'json'
      ? parseJsonCases(typeof input === 'string' ? input : input.cases)
      : typeof input === 'string'
        ? parseCsvCases(input, undefined)
        : parseCsvCases(input.cases, input.codes);
  const { failed, incoming } = parsed;
  const result = await writeCases(
    db,
    incoming,
    Math.max(1, options.batchSize ?? 100),
    options.onProgress,
  );
  result.failed.push(...failed);
  result.failed.sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || a.line - b.line);
  return result;
}
