import { count } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../../../test/helpers.ts';
import { CASE_LEVELS, FACTORS, NARRATIVE_SECTIONS } from '../../shared/case-vocabulary.ts';
import { CaseCreate } from '../../shared/cases.ts';
import type { Db } from '../db/client.ts';
import { cases, organisations, users } from '../db/schema/index.ts';
import {
  CASE_COLUMNS,
  CODE_COLUMNS,
  caseIdsForExport,
  codebookCsv,
  exportCasesCsv,
  exportCasesJson,
  importCases,
  type ExportedCase,
} from './case-exchange.ts';
import { insertCase, insertCode, loadCases } from './case-store.ts';
import { ImportFileError } from './csv-records.ts';

let source: TestDatabase;
const targets: TestDatabase[] = [];
let author: { id: string; name: string };
let organisationId: string;
const ids: { full: string; draft: string; plain: string } = { full: '', draft: '', plain: '' };

/** Text with everything a CSV or a list encoding can trip over. */
const ODD = 'semi;colon | pipe "quoted" back\\slash \\; ünïcødé ✓ 🚲';

async function emptyDatabase(withOrganisation = true): Promise<TestDatabase> {
  const d = await freshDatabase();
  targets.push(d);
  // Organisations are not part of a case export; the partner link survives where one exists.
  if (withOrganisation)
    await d.db
      .insert(organisations)
      .values({ id: organisationId, name: 'Gemeente Test', kind: 'public_body', country: 'NL' });
  return d;
}

async function makeCase(db: Db, input: Record<string, unknown>, meta: Record<string, unknown>) {
  return db.transaction(async (tx) => {
    const row = await insertCase(tx, CaseCreate.parse(input), meta);
    return row.id;
  });
}

beforeAll(async () => {
  source = await freshDatabase();
  const [user] = await source.db
    .insert(users)
    .values({ name: 'Zoë Coder', email: 'zoe@example.org' })
    .returning();
  author = { id: user!.id, name: user!.name };
  const [org] = await source.db
    .insert(organisations)
    .values({ name: 'Gemeente Test', kind: 'public_body', country: 'NL' })
    .returning();
  organisationId = org!.id;

  ids.full = await makeCase(
    source.db,
    {
      title: `A case with "every" field; ${ODD}`,
      summary: `Summary; with | odd "characters"\nand a second line ${ODD}`,
      status: 'published',
      countries: ['NL', 'BE'],
      level: 'cross_border',
      sector: '04',
      yearLaunched: 2019,
      startDate: '2019-03-01',
      endDate: '2021-12-31',
      ongoing: false,
      stage: 'evaluating',
      maturity: 'implemented',
      facets: ['mission', 'adaptive'],
      innovationTypes: ['governance', 'product_service'],
      citizenRoles: ['co_designer', 'co_implementer'],
      participation: 'collaborate',
      experimentation: 'sandbox',
      governanceTradition: 'germanic',
      technology: 'AI; "LLM" | v2',
      tags: ['a;b', 'back\\slash\\', 'pipe|tag', 'ünïcødé 🚲', 'ends with ;'],
      links: [
        { url: 'https://example.org/a?x=1;y=2', label: 'Report; final "v2"' },
        { url: 'https://example.org/b', label: '' },
      ],
      licence: 'CC BY 4.0',
      sections: Object.fromEntries(
        NARRATIVE_SECTIONS.values.map((s, i) => [
          s,
          `${s} body ${i};\r\nline two | "quoted"\n\n${ODD}`,
        ]),
      ),
      partners: [
        { name: `Lead; the "first" | ${ODD}`, role: 'lead', organisationId },
        { name: 'Partner\nwith a newline', role: 'funder', organisationId: null },
        { name: 'Back\\slash\\', role: 'facilitator', organisationId: null },
      ],
      outcomes: [
        { dimension: 'efficiency', evidence: 'evaluated', note: `Saved 20%; ${ODD}` },
        { dimension: 'effectiveness', evidence: 'monitored', note: '' },
        { dimension: 'cost', evidence: 'anecdotal', note: 'Line one\nline two' },
      ],
      resources: ['money', 'knowledge', 'space'],
      illustrative: true,
    },
    {
      authorId: author.id,
      provenance: {
        source: 'test-source',
        sourceId: 'A;1 | "x"',
        sourceUrl: 'https://example.org/source',
        retrievedAt: '2024-09-04T10:11:12.345Z',
      },
    },
  );
  ids.draft = await makeCase(
    source.db,
    { title: 'A draft', summary: 'Only the required fields.' },
    { authorId: author.id },
  );
  ids.plain = await makeCase(
    source.db,
    {
      title: 'Plain published case',
      summary: 'Two partners without organisations, two links without labels.',
      status: 'published',
      partners: [
        { name: 'One', role: 'partner' },
        { name: 'Two', role: 'implementer' },
      ],
      links: [{ url: 'https://example.org/1' }, { url: 'https://example.org/2' }],
      sections: { problem: 'Only a problem.' },
    },
    {},
  );
  await source.db.transaction(async (tx) => {
    await insertCode(tx, ids.full, {
      factor: 'org.leadership',
      direction: 'driver',
      evidence: 'The mayor "pushed"; hard\nand long',
      coderId: author.id,
      coderName: author.name,
      createdAt: '2024-01-01T00:00:00.001Z',
    });
    await insertCode(tx, ids.full, {
      factor: 'env.regulation',
      direction: 'barrier',
      evidence: ODD,
      coderId: null,
      coderName: 'Ann "the coder"; Smith',
      createdAt: '2024-01-02T00:00:00.000Z',
    });
    await insertCode(tx, ids.plain, {
      factor: 'coc.trust',
      direction: 'driver',
      evidence: '',
      coderId: author.id,
      coderName: author.name,
      createdAt: '2024-01-03T00:00:00.000Z',
    });
  });
});

afterAll(async () => {
  await source.drop();
  for (const t of targets) await t.drop();
});

async function caseCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(cases);
  return row!.n;
}

/** The physical line (1-based) at which `needle` occurs in `text`. */
function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`${needle} not found`);
  return text.slice(0, at).split('\n').length;
}

describe('exportCasesJson', () => {
  it('exports every field of a case but its author and coder ids', async () => {
    const json = await exportCasesJson(source.db, await caseIdsForExport(source.db));
    const doc = JSON.parse(json) as { format: string; version: number; cases: ExportedCase[] };
    expect(doc.format).toBe('connective-cases');
    expect(doc.cases.map((c) => c.id)).toEqual([ids.full, ids.draft, ids.plain]);
    const full = doc.cases[0]!;
    expect(Object.keys(full)).toEqual([
      'id',
      ...Object.keys(CaseCreate.shape),
      'provenance',
      'codes',
      'createdAt',
      'updatedAt',
      'publishedAt',
    ]);
    expect(json).not.toContain(author.id);
    expect(json).not.toContain('authorName');
    expect(full.codes).toEqual([
      {
        factor: 'org.leadership',
        direction: 'driver',
        evidence: 'The mayor "pushed"; hard\nand long',
        coderName: 'Zoë Coder',
        createdAt: '2024-01-01T00:00:00.001Z',
      },
      {
        factor: 'env.regulation',
        direction: 'barrier',
        evidence: ODD,
        coderName: 'Ann "the coder"; Smith',
        createdAt: '2024-01-02T00:00:00.000Z',
      },
    ]);
    expect(full.provenance).toEqual({
      source: 'test-source',
      sourceId: 'A;1 | "x"',
      sourceUrl: 'https://example.org/source',
      retrievedAt: '2024-09-04T10:11:12.345Z',
    });
    expect(full.partners[0]!.organisationId).toBe(organisationId);
    expect(doc.cases[1]!.publishedAt).toBeNull();
    expect(typeof full.publishedAt).toBe('string');
  });
});

describe('exportCasesCsv', () => {
  it('writes one row per case and codes in long format, with documented columns', async () => {
    const csv = await exportCasesCsv(source.db, await caseIdsForExport(source.db));
    const rows = parse(csv.cases, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(CASE_COLUMNS.map((c) => c.name));
    const full = rows[0]!;
    expect(full.countries).toBe('NL;BE');
    expect(full.tags).toBe('a\\;b;back\\\\slash\\\\;ends with \\;;pipe|tag;ünïcødé 🚲');
    expect(full.partner_roles).toBe('lead;funder;facilitator');
    expect(full.partner_organisation_ids).toBe(`${organisationId};;`);
    expect(full.outcome_efficiency).toBe('evaluated');
    expect(full.outcome_service_quality).toBe('');
    expect(full.section_challenges).toContain('\r\nline two');
    expect(full.ongoing).toBe('false');
    expect(full.illustrative).toBe('true');
    expect(rows[2]!.link_labels).toBe(';');
    expect(csv.cases).not.toContain(author.id);
    const codes = parse(csv.codes, { columns: true }) as Record<string, string>[];
    expect(Object.keys(codes[0]!)).toEqual(CODE_COLUMNS.map((c) => c.name));
    expect(codes.map((c) => [c.case_id, c.factor, c.coder])).toEqual([
      [ids.full, 'org.leadership', 'Zoë Coder'],
      [ids.full, 'env.regulation', 'Ann "the coder"; Smith'],
      [ids.plain, 'coc.trust', 'Zoë Coder'],
    ]);
  });
});

describe('codebookCsv', () => {
  it('lists every column and every allowed value with English and Dutch labels', () => {
    const rows = parse(codebookCsv(), { columns: true }) as Record<string, string>[];
    for (const c of CASE_COLUMNS)
      expect(rows.some((r) => r.file === 'cases.csv' && r.column === c.name && r.meaning)).toBe(
        true,
      );
    for (const c of CODE_COLUMNS)
      expect(rows.some((r) => r.file === 'codes.csv' && r.column === c.name)).toBe(true);
    const levels = rows.filter((r) => r.column === 'level' && r.value);
    expect(levels.map((r) => [r.value, r.label_en, r.label_nl])).toEqual(
      CASE_LEVELS.values.map((v) => [v, CASE_LEVELS.labels[v].en, CASE_LEVELS.labels[v].nl]),
    );
    expect(rows.filter((r) => r.column === 'factor' && r.value)).toHaveLength(
      FACTORS.values.length,
    );
    expect(rows.filter((r) => r.column === 'sector' && r.value).map((r) => r.value)).toEqual([
      '01',
      '02',
      '03',
      '04',
      '05',
      '06',
      '07',
      '08',
      '09',
      '10',
    ]);
    expect(rows.find((r) => r.column === 'outcome_cost' && r.value === 'evaluated')).toMatchObject({
      label_en: 'Formally evaluated',
      label_nl: 'Formeel geëvalueerd',
    });
  });
});

describe('importCases', () => {
  it('round-trips JSON losslessly: export, import into an empty database, export again', async () => {
    const first = await exportCasesJson(source.db, await caseIdsForExport(source.db));
    const target = await emptyDatabase();
    const result = await importCases(target.db, first, { format: 'json' });
    expect(result).toEqual({ created: 3, updated: 0, unchanged: 0, failed: [] });
    const again = await exportCasesJson(target.db, await caseIdsForExport(target.db));
    expect(again).toBe(first);
    const [full] = await loadCases(target.db, [ids.full]);
    expect(full!.authorId).toBeNull();
    expect(full!.codes.every((c) => c.coderId === null)).toBe(true);
  });

  it('round-trips CSV losslessly: export, import into an empty database, export again', async () => {
    const first = await exportCasesCsv(source.db, await caseIdsForExport(source.db));
    const target = await emptyDatabase();
    const result = await importCases(target.db, first, { format: 'csv' });
    expect(result).toEqual({ created: 3, updated: 0, unchanged: 0, failed: [] });
    const again = await exportCasesCsv(target.db, await caseIdsForExport(target.db));
    expect(again.cases).toBe(first.cases);
    expect(again.codes).toBe(first.codes);
  });

  it('upserts by id: the same file changes nothing, an edited one updates in place', async () => {
    const exported = await exportCasesJson(source.db, await caseIdsForExport(source.db));
    const target = await emptyDatabase();
    await importCases(target.db, exported, { format: 'json' });
    expect(await importCases(target.db, exported, { format: 'json' })).toEqual({
      created: 0,
      updated: 0,
      unchanged: 3,
      failed: [],
    });
    const doc = JSON.parse(exported) as { cases: ExportedCase[] };
    const full = doc.cases[0]!;
    full.title = 'A renamed case';
    full.codes[1]!.direction = 'driver';
    full.codes.push({
      factor: 'inn.trialability',
      direction: 'driver',
      evidence: 'piloted first',
      coderName: 'Ann "the coder"; Smith',
      createdAt: '2024-02-01T00:00:00.000Z',
    });
    const result = await importCases(target.db, JSON.stringify(doc), { format: 'json' });
    expect(result).toEqual({ created: 0, updated: 1, unchanged: 2, failed: [] });
    expect(await caseCount(target.db)).toBe(3);
    const [after] = await loadCases(target.db, [ids.full]);
    expect(after!.title).toBe('A renamed case');
    expect(after!.codes.map((c) => [c.factor, c.direction, c.coderName])).toEqual([
      ['org.leadership', 'driver', 'Zoë Coder'],
      ['env.regulation', 'driver', 'Ann "the coder"; Smith'],
      ['inn.trialability', 'driver', 'Ann "the coder"; Smith'],
    ]);
  });

  it('drops the link to an organisation this database does not have', async () => {
    const exported = await exportCasesJson(source.db, [ids.full]);
    const target = await emptyDatabase(false);
    await importCases(target.db, exported, { format: 'json' });
    const [full] = await loadCases(target.db, [ids.full]);
    expect(full!.partners.map((p) => p.organisationId)).toEqual([null, null, null]);
  });

  it('refuses bad values in cases.csv and codes.csv with their line numbers, and imports the rest', async () => {
    const csv = await exportCasesCsv(source.db, await caseIdsForExport(source.db));
    const casesText = csv.cases;
    const draftLine = lineOf(casesText, `\n${ids.draft},`) + 1;
    const plainLine = lineOf(casesText, `\n${ids.plain},`) + 1;
    const bad = casesText
      .split('\n')
      .map((l, i) =>
        i + 1 === draftLine
          ? l.replace(',draft,,', ',draft,XX,')
          : i + 1 === plainLine
            ? l.replace(',published,,,,', ',published,,galactic,,')
            : l,
      )
      .join('\n');
    expect(bad).not.toBe(casesText);
    const codes = `${csv.codes.trimEnd()}\n${ids.full},org.magic,driver,,Someone,\n`;
    const target = await emptyDatabase();
    const result = await importCases(target.db, { cases: bad, codes }, { format: 'csv' });
    expect(result.created).toBe(1);
    expect(result.failed).toEqual([
      {
        file: 'cases.csv',
        line: draftLine,
        reason: expect.stringMatching(/^countries\b.*ISO 3166-1/),
      },
      { file: 'cases.csv', line: plainLine, reason: expect.stringMatching(/^level: /) },
      // Line 2–3 holds a code whose evidence has a newline.
      { file: 'codes.csv', line: 5, reason: expect.stringMatching(/its case .* was not imported/) },
      { file: 'codes.csv', line: 6, reason: expect.stringMatching(/^factor: /) },
    ]);
    expect(await caseCount(target.db)).toBe(1);
  });

  it('refuses a bad case in a JSON file with the line where it starts', async () => {
    const exported = await exportCasesJson(source.db, await caseIdsForExport(source.db));
    const bad = exported.replace('"status": "draft"', '"status": "archived"');
    const target = await emptyDatabase();
    const result = await importCases(target.db, bad, { format: 'json' });
    expect(result.created).toBe(2);
    expect(result.failed).toEqual([
      { line: lineOf(bad, `"id": "${ids.draft}"`) - 1, reason: expect.stringMatching(/^status: /) },
    ]);
  });

  it('writes nothing when a header lacks columns, and names them', async () => {
    const csv = await exportCasesCsv(source.db, await caseIdsForExport(source.db));
    const target = await emptyDatabase();
    const noTitle = csv.cases.replace('id,title,summary,', 'id,name,summary,');
    const error = await importCases(target.db, noTitle, { format: 'csv' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as Error).message).toContain('cases.csv lacks the required column title');
    const badCodes = csv.codes.replace('case_id,factor,', 'case,factor,');
    await expect(
      importCases(target.db, { cases: csv.cases, codes: badCodes }, { format: 'csv' }),
    ).rejects.toThrow('codes.csv lacks the required column case_id');
    await expect(importCases(target.db, '{"cases": [', { format: 'json' })).rejects.toThrow(
      ImportFileError,
    );
    expect(await caseCount(target.db)).toBe(0);
  });

  it('refuses a case whose provenance belongs to another case', async () => {
    const exported = await exportCasesJson(source.db, [ids.full]);
    const target = await emptyDatabase();
    await importCases(target.db, exported, { format: 'json' });
    const doc = JSON.parse(exported) as { cases: ExportedCase[] };
    doc.cases[0]!.id = '00000000-0000-4000-8000-000000000001';
    const result = await importCases(target.db, JSON.stringify(doc, null, 2), { format: 'json' });
    expect(result.failed).toEqual([
      { line: 5, reason: `case ${ids.full} already has the provenance test-source A;1 | "x"` },
    ]);
  });
});
