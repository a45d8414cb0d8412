import fs from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../../../test/helpers.ts';
import { cases } from '../db/schema/index.ts';
import { findByProvenance, insertCode, loadCases, replaceCase } from './case-store.ts';
import { caseFieldsOf } from './case-exchange.ts';
import { importJrc, JRC_LICENCE, JRC_SOURCE, summarise } from './case-import-jrc.ts';
import { ImportFileError } from './csv-records.ts';

const sample = fs.readFileSync(
  fileURLToPath(new URL('./fixtures/jrc-sample.csv', import.meta.url)),
  'utf8',
);
const bundled = fileURLToPath(new URL('../demo/jrc/cases.csv', import.meta.url));
const retrievedAt = new Date('2024-09-04T00:00:00.000Z');

let database: TestDatabase;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => {
  await database.drop();
});

async function jrcCase(sourceId: string) {
  const id = await findByProvenance(database.db, JRC_SOURCE, sourceId);
  if (!id) throw new Error(`no case for JRC id ${sourceId}`);
  const [c] = await loadCases(database.db, [id]);
  return c!;
}

async function jrcCount(): Promise<number> {
  const [row] = await database.db
    .select({ n: count() })
    .from(cases)
    .where(eq(cases.source, JRC_SOURCE));
  return row!.n;
}

describe('summarise', () => {
  it('keeps a short description whole, with its whitespace collapsed', () => {
    expect(summarise('A chatbot  for\ncitizens.')).toBe('A chatbot for citizens.');
  });

  it('keeps whole sentences that fill at least half of the 280 characters, without "…"', () => {
    const first = `${'The city built a chatbot for its citizens. '.repeat(4).trim()}`;
    const text = `${first} ${'It answers questions about waste collection every day. '.repeat(6)}`;
    const s = summarise(text);
    expect(s.length).toBeLessThanOrEqual(280);
    expect(s.endsWith('.')).toBe(true);
    expect(text.startsWith(s)).toBe(true);
  });

  it('cuts at a word boundary and ends with "…" when the first sentence is too long', () => {
    const text = `${'word '.repeat(100)}end.`;
    const s = summarise(text);
    expect(s.length).toBeLessThanOrEqual(280);
    expect(s).toMatch(/word…$/);
  });

  it('does not end a sentence at "e.g." or a decimal point', () => {
    const text = `Tools (e.g. chatbots) cost 3.5 million ${'and more '.repeat(40)}`;
    expect(summarise(text).endsWith('…')).toBe(true);
  });
});

describe('importJrc', () => {
  it('maps the JRC columns onto the case schema and reports bad rows by line', async () => {
    const progress: [number, number][] = [];
    const result = await importJrc(database.db, sample, {
      retrievedAt,
      batchSize: 4,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(result).toMatchObject({ created: 10, updated: 0, unchanged: 0 });
    expect(result.failed).toEqual([
      { line: 8, reason: "primary_sector 'Space exploration' is not a COFOG division" },
      { line: 17, reason: "geocoverage_codes 'XX' is not an ISO 3166-1 country code" },
      { line: 21, reason: 'name (the title) is empty' },
    ]);
    expect(progress).toEqual([
      [4, 13],
      [8, 13],
      [12, 13],
      [13, 13],
    ]);

    const ams = await jrcCase('10000');
    expect(ams).toMatchObject({
      title: 'AMS - public empolyment service',
      status: 'published',
      countries: ['AT'],
      level: 'national',
      sector: '10',
      yearLaunched: 2020,
      startDate: null,
      endDate: null,
      ongoing: false,
      maturity: 'discontinued',
      technology: 'Artificial intelligence',
      tags: ['service personalisation (various)', 'unemployment'],
      licence: JRC_LICENCE,
      illustrative: false,
      partners: [{ name: 'Public Employment Service Austria', role: 'lead', organisationId: null }],
      links: [
        {
          url: 'https://www.frontiersin.org/articles/10.3389/fdata.2020.00005/full',
          label: 'Source',
        },
      ],
      provenance: {
        source: 'jrc-ips',
        sourceId: '10000',
        sourceUrl: 'https://www.frontiersin.org/articles/10.3389/fdata.2020.00005/full',
        retrievedAt: '2024-09-04T00:00:00.000Z',
      },
      authorId: null,
    });
    expect(ams.sections.context).toMatch(/^As of 2020, the Public Employment Service Austria/);
    expect(ams.sections.context).toMatch(/Austrian data protection agency\.$/);
    // Whole first sentence (210 characters): the next one would pass 280.
    expect(ams.summary).toBe(
      'As of 2020, the Public Employment Service Austria (AMS) makes use of algorithmic profiling of job seekers to increase the efficiency of its counseling process and the effectiveness of active labor market programs.',
    );

    // COFOG group 01.1 is longer than a tag may be; "In production" is implemented.
    const mona = await jrcCase('10001');
    expect(mona.tags).toContain('executive, legislative, fiscal and external affairs');
    expect(mona).toMatchObject({ sector: '01', maturity: 'implemented', ongoing: true });
    expect(mona.summary.length).toBeLessThanOrEqual(280);
    expect(mona.summary.endsWith('…')).toBe(true);

    // Two URLs after a non-breaking space, separated by ",\n".
    const corpus = await jrcCase('10125');
    expect(corpus.links.map((l) => l.url)).toEqual([
      'http://journal.sepln.org/sepln/ojs/ojs/index.php/pln/article/view/6117',
      'https://rua.ua.es/dspace/bitstream/10045/96627/1/PLN_63_28.pdf',
    ]);
    expect(corpus.provenance?.sourceUrl).toBe(corpus.links[0]!.url);

    // No URL and no lead organisation; a description over several lines is kept as written.
    const ehps = await jrcCase('10145');
    expect(ehps).toMatchObject({ links: [], partners: [], countries: ['GB'], level: 'local' });
    expect(ehps.provenance?.sourceUrl).toBeNull();
    expect(ehps.sections.context).toContain('\n');

    // A lead organisation named in 434 characters is cut to 300 at a word.
    const icov = await jrcCase('10339');
    expect(icov.partners[0]!.name.length).toBeLessThanOrEqual(300);
    expect(icov.partners[0]!.name).toMatch(/^Public Prosecutor's Office, the National Police.*…$/);

    // cross_border Yes at national level keeps the level and becomes a tag.
    const blockcerts = await jrcCase('10691');
    expect(blockcerts).toMatchObject({ level: 'national', technology: 'Blockchain' });
    expect(blockcerts.tags).toContain('cross-border');

    // Russia is named but not coded.
    expect((await jrcCase('10767')).countries).toEqual(['RU']);

    // An EU-wide case is supranational and has no country.
    const ebsi = await jrcCase('10766');
    expect(ebsi).toMatchObject({ level: 'supranational', countries: [] });
    expect(ebsi.tags).toEqual(expect.arrayContaining(['cross-border', 'cross-sector']));

    // An end year is kept as a tag (not as a date) and the case is no longer ongoing.
    const episa = await jrcCase('10096');
    expect(episa).toMatchObject({ endDate: null, ongoing: false, maturity: 'in_development' });
    expect(episa.tags.some((t) => /^end year \d{4}$/.test(t))).toBe(true);

    // UK and EL are the EU's codes for GB and GR.
    expect(await jrcCase('90003')).toMatchObject({
      countries: ['GB', 'GR'],
      level: 'cross_border',
    });
    expect(await findByProvenance(database.db, JRC_SOURCE, '90001')).toBeNull();
  });

  it('reads a stream as well as a text, and leaves unchanged cases alone on a second import', async () => {
    const [before] = await database.db
      .select({ revision: sql<number>`max(${cases.revision})::int` })
      .from(cases);
    const result = await importJrc(database.db, Readable.from([sample]), { retrievedAt });
    expect(result).toMatchObject({ created: 0, updated: 0, unchanged: 10 });
    expect(result.failed.map((f) => f.line)).toEqual([8, 17, 21]);
    const [after] = await database.db
      .select({ revision: sql<number>`max(${cases.revision})::int` })
      .from(cases);
    expect(after!.revision).toBe(before!.revision);
    expect(await jrcCount()).toBe(10);
  });

  it('updates a changed case in place, keeping its codes and the fields the import does not own', async () => {
    const ams = await jrcCase('10000');
    await database.db.transaction(async (tx) => {
      await replaceCase(tx, ams.id, {
        ...caseFieldsOf(ams),
        stage: 'evaluating',
        facets: ['adaptive'],
        sections: { ...ams.sections, lessons: 'Explain a profiling model before using it.' },
      });
      await insertCode(tx, ams.id, {
        factor: 'env.regulation',
        direction: 'barrier',
        evidence: 'declared illegal by the data protection agency',
        coderId: null,
        coderName: 'Researcher',
      });
    });
    const changed = sample.replace(
      ',AMS - public empolyment service,',
      ',AMS - public employment service,',
    );
    expect(changed).not.toBe(sample);
    const later = new Date('2025-01-01T00:00:00.000Z');
    const result = await importJrc(database.db, changed, { retrievedAt: later });
    expect(result).toMatchObject({ created: 0, updated: 1, unchanged: 9 });

    const after = await jrcCase('10000');
    expect(after.id).toBe(ams.id);
    expect(after.title).toBe('AMS - public employment service');
    expect(after.stage).toBe('evaluating');
    expect(after.facets).toEqual(['adaptive']);
    expect(after.sections.lessons).toBe('Explain a profiling model before using it.');
    expect(after.sections.context).toBe(ams.sections.context);
    expect(after.codes.map((c) => [c.factor, c.coderName])).toEqual([
      ['env.regulation', 'Researcher'],
    ]);
    expect(after.provenance?.retrievedAt).toBe(later.toISOString());
    expect(after.revision).toBeGreaterThan(ams.revision);
    expect(await jrcCount()).toBe(10);
  });

  it('writes nothing when the header lacks required columns, and names them', async () => {
    const before = await jrcCount();
    const header = sample.slice(0, sample.indexOf('\n'));
    const broken = sample.replace(
      header,
      header.replace(',primary_sector,', ',sector,').replace(',status,', ',state,'),
    );
    const error = await importJrc(database.db, broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as ImportFileError).missingColumns).toEqual(['primary_sector', 'status']);
    expect((error as Error).message).toContain('primary_sector, status');
    expect(await jrcCount()).toBe(before);
  });

  it('refuses a file that is not CSV before writing anything', async () => {
    const before = await jrcCount();
    const header = sample.slice(0, sample.indexOf('\n') + 1);
    await expect(
      importJrc(database.db, `${header}case,1,"unclosed,quote\n`),
    ).rejects.toBeInstanceOf(ImportFileError);
    expect(await jrcCount()).toBe(before);
  });

  it('reports a row with the wrong number of fields and a repeated id by line', async () => {
    const lines = sample.split('\n');
    const text = [lines[0], lines[1], 'case,1,2,3', lines[1], ''].join('\n');
    const result = await importJrc(database.db, text, { retrievedAt });
    expect(result.failed).toEqual([
      { line: 3, reason: 'has 4 fields, the header has 26' },
      { line: 4, reason: 'id 10000 already appeared on line 2' },
    ]);
  });

  it('commits each batch whole: a failure in one batch leaves the earlier batches in and none of its rows', async () => {
    const target = await freshDatabase();
    try {
      // A trigger that makes the write of one row fail, as a crash in mid-batch would.
      await target.db.execute(
        sql.raw(`create function refuse_10767() returns trigger language plpgsql as $$
          begin raise exception 'refused for the test'; end $$`),
      );
      await target.db.execute(
        sql.raw(`create trigger refuse_10767 before insert on cases for each row
          when (new.source_id = '10767') execute function refuse_10767()`),
      );
      // Batches of 5 records: lines 2–8 (4 good, 1 bad), then lines 12–18, which hold 10767.
      const error = await importJrc(target.db, sample, { batchSize: 5 }).catch((e: unknown) => e);
      expect(String(error)).toMatch(/refused for the test|Failed query/);
      const ids = (
        await target.db
          .select({ sourceId: cases.sourceId })
          .from(cases)
          .where(eq(cases.source, JRC_SOURCE))
      ).map((r) => r.sourceId);
      expect(ids.sort()).toEqual(['10000', '10001', '10125', '10145']);
    } finally {
      await target.drop();
    }
  });
});

describe('importJrc on the bundled file', () => {
  it('imports all 853 cases, and a second run updates them in place without duplicates', async () => {
    const target = await freshDatabase();
    try {
      const text = fs.readFileSync(bundled, 'utf8');
      const first = await importJrc(target.db, text, { retrievedAt });
      expect(first).toEqual({ created: 853, updated: 0, unchanged: 0, failed: [] });
      // A later retrieval of the same file changes nothing but is no duplicate either.
      const second = await importJrc(target.db, fs.createReadStream(bundled), {
        retrievedAt: new Date(),
      });
      expect(second).toEqual({ created: 0, updated: 0, unchanged: 853, failed: [] });
      const [n] = await target.db
        .select({ n: count() })
        .from(cases)
        .where(and(eq(cases.source, JRC_SOURCE), eq(cases.status, 'published')));
      expect(n!.n).toBe(853);
      // Every case is searchable by its full text.
      const [hit] = await target.db
        .select({ n: count() })
        .from(cases)
        .where(sql`${cases.search} @@ plainto_tsquery('english', 'chatbot')`);
      expect(hit!.n).toBeGreaterThan(20);
    } finally {
      await target.drop();
    }
  }, 180_000);
});
