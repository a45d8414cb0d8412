import type { Readable } from 'node:stream';
import { CASE_SECTORS, type CaseLevel, type CaseMaturity } from '../../shared/case-vocabulary.ts';
import { CaseCreate, CaseLink, SUMMARY_MAX, type Provenance } from '../../shared/cases.ts';
import { COUNTRY_CODES, isCountryCode, type CountryCode } from '../../shared/countries.ts';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { cases } from '../db/schema/index.ts';
import { caseFieldsOf, describeIssues, sameFields } from './case-exchange.ts';
import { insertCase, loadCases, replaceCase, type CaseFields } from './case-store.ts';
import {
  fieldCountProblem,
  readCsv,
  readText,
  type CsvRecord,
  type ImportFailure,
  type ImportResult,
} from './csv-records.ts';

/**
 * Imports the JRC Innovative Public Services case list (`src/server/demo/jrc/cases.csv`) into the
 * case library. Every column's mapping, and why, is in docs/case-library.md ("JRC import
 * mapping"); keep the two together.
 */

export const JRC_SOURCE = 'jrc-ips';
export const JRC_LICENCE = 'EUPL-1.2 (European Commission, JRC)';

/** Columns the mapping reads; `geocoverage`, `cross_border` and `cross_sector` are optional. */
export const JRC_REQUIRED_COLUMNS = [
  'id',
  'name',
  'url',
  'description',
  'geoextent',
  'geocoverage_codes',
  'lead_organisation_name',
  'start_date',
  'end_date',
  'primary_sector',
  'secondary_sector',
  'technology',
  'type',
  'status',
] as const;

/** The fields the import owns: a re-import overwrites these and keeps every other field. */
const JRC_FIELDS = [
  'title',
  'summary',
  'countries',
  'level',
  'sector',
  'yearLaunched',
  'ongoing',
  'maturity',
  'technology',
  'tags',
  'links',
  'licence',
  'partners',
  'illustrative',
] as const satisfies readonly (keyof CaseFields)[];

const LEVELS: Record<string, CaseLevel> = {
  local: 'local',
  regional: 'regional',
  national: 'national',
  'across countries': 'cross_border',
  // The name the JRC taxonomy (geo-extent 2019) gives the same extent.
  international: 'cross_border',
};

const MATURITIES: Record<string, CaseMaturity | null> = {
  planned: 'planned',
  'in development': 'in_development',
  pilot: 'pilot',
  implemented: 'implemented',
  'in production': 'implemented',
  'not in use anymore': 'discontinued',
  unknown: null,
};

const SECTORS = new Map<string, CaseFields['sector']>(
  CASE_SECTORS.values.map((code) => [CASE_SECTORS.labels[code].en.toLowerCase(), code]),
);

/** Codes used by EU institutions that ISO 3166-1 writes otherwise. */
const COUNTRY_ALIASES: Record<string, CountryCode> = { UK: 'GB', EL: 'GR' };

/** English country names (as Node's ICU writes them, plus older names) to codes. */
const COUNTRY_NAMES: ReadonlyMap<string, CountryCode> = (() => {
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  const map = new Map<string, CountryCode>();
  for (const code of COUNTRY_CODES) {
    const name = names.of(code);
    if (name) map.set(name.toLowerCase(), code);
  }
  map.set('czech republic', 'CZ');
  map.set('russian federation', 'RU');
  map.set('republic of moldova', 'MD');
  return map;
})();

/** Tags longer than the 60-character limit, shortened by hand (COFOG groups 01.1 and 01.8). */
const SECONDARY_SECTOR_TAGS: Record<string, string> = {
  'executive and legislative organs, financial and fiscal affairs, external affairs':
    'executive, legislative, fiscal and external affairs',
  'transfers of a general character between different levels of government':
    'transfers between levels of government',
};

const TAG_MAX = 60;
const PARTNER_NAME_MAX = 300;
const LINKS_MAX = 20;
/** A summary of whole sentences must keep at least this much of the 280 characters. */
const SENTENCE_SUMMARY_MIN = SUMMARY_MAX / 2;

/**
 * The first ≤ `max` characters of a text, for a summary: whole sentences when they fill at least
 * half the room, otherwise cut at a word boundary and ended with "…". Whitespace is collapsed.
 *
 * @example
 * summarise('One. Two.', 280) // 'One. Two.'
 * summarise('a '.repeat(200), 10) // 'a a a a a…'
 */
export function summarise(text: string, max: number = SUMMARY_MAX): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  // A sentence ends in . ! ? (and closing quotes or brackets) before a capital or digit, so
  // "e.g. a" and "3.5" do not end one.
  const sentenceEnd = /[.!?…]["'”’)\]]*(?= ["'“‘(]?[\p{Lu}\d])/gu;
  let end = 0;
  for (const m of flat.matchAll(sentenceEnd)) {
    const at = m.index + m[0].length;
    if (at > max) break;
    end = at;
  }
  if (end >= Math.min(SENTENCE_SUMMARY_MIN, max / 2)) return flat.slice(0, end);
  return shorten(flat, max);
}

/** Cuts a text to ≤ max characters at a word boundary and ends it with "…". */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const space = text.lastIndexOf(' ', max - 1);
  const head = space > 0 ? text.slice(0, space) : text.slice(0, max - 1);
  return `${head.replace(/[\s,;:(–—-]+$/u, '')}…`;
}

/** Every http(s) address in the `url` column (it sometimes holds several, or prose). */
export function jrcUrls(value: string): string[] {
  const urls: string[] = [];
  for (const token of value.split(/\s+/)) {
    const candidate = token.replace(/^[("'<]+/, '').replace(/[,;.)"'>]+$/, '');
    if (!/^https?:\/\//i.test(candidate)) continue;
    if (!CaseLink.shape.url.safeParse(candidate).success) continue;
    if (!urls.includes(candidate)) urls.push(candidate);
  }
  return urls.slice(0, LINKS_MAX);
}

function year(value: string, column: string): number | null | string {
  const v = value.trim();
  if (!v) return null;
  const m = /^(\d{4})(?:\.0+)?$/.exec(v);
  if (!m) return `${column} '${v}' is not a year`;
  const y = Number(m[1]);
  if (y < 1900 || y > 2100) return `${column} ${y} is outside 1900–2100`;
  return y;
}

function countries(codes: string, names: string): CountryCode[] | string {
  const out: CountryCode[] = [];
  const add = (c: CountryCode) => {
    if (!out.includes(c)) out.push(c);
  };
  for (const token of codes.split(/[^A-Za-z]+/).filter(Boolean)) {
    const code = token.toUpperCase();
    const resolved = COUNTRY_ALIASES[code] ?? code;
    if (!isCountryCode(resolved))
      return `geocoverage_codes '${token}' is not an ISO 3166-1 country code`;
    add(resolved);
  }
  // Some rows name the country but give no code; "European Union" names none.
  if (out.length === 0)
    for (const name of names.split(/[;,|/]+/)) {
      const code = COUNTRY_NAMES.get(name.trim().toLowerCase());
      if (code) add(code);
    }
  return out;
}

function secondarySectorTag(value: string): string | null {
  let v = value.replace(/\s+/g, ' ').trim().toLowerCase();
  if (!v) return null;
  v = v.replace(/\.+$/, '');
  if (v.endsWith(' n.e.c')) v += '.';
  return SECONDARY_SECTOR_TAGS[v] ?? shortenTag(v);
}

function shortenTag(v: string): string {
  if (v.length <= TAG_MAX) return v;
  const space = v.lastIndexOf(' ', TAG_MAX);
  return (space > 0 ? v.slice(0, space) : v.slice(0, TAG_MAX)).replace(/[\s,;:]+$/, '');
}

const yes = (v: string | undefined) => (v ?? '').trim().toLowerCase() === 'yes';

export type JrcMapped = { fields: CaseFields; sourceId: string; sourceUrl: string | null };

/** Maps one row of the JRC file onto the case schema, or says why it cannot. */
export function mapJrcRow(v: Record<string, string>): JrcMapped | { error: string } {
  const sourceId = (v.id ?? '').trim();
  if (!sourceId) return { error: 'id is empty' };
  const title = (v.name ?? '').replace(/\s+/g, ' ').trim();
  if (!title) return { error: 'name (the title) is empty' };
  const description = (v.description ?? '').trim();
  if (!description) return { error: 'description is empty (the summary is made from it)' };

  const extent = (v.geoextent ?? '').trim();
  let level: CaseLevel | null = null;
  if (extent) {
    const l = LEVELS[extent.toLowerCase()];
    if (!l)
      return {
        error: `geoextent '${extent}' is not Local, Regional, National or Across Countries`,
      };
    level = l;
  }
  const coverage = (v.geocoverage ?? '').trim();
  // Cases across the whole EU (EBSI and the like) are run at the EU level, not between neighbours.
  if (level === 'cross_border' && coverage.toLowerCase() === 'european union')
    level = 'supranational';

  const countryList = countries(v.geocoverage_codes ?? '', coverage);
  if (typeof countryList === 'string') return { error: countryList };

  const sectorText = (v.primary_sector ?? '').trim();
  let sector: CaseFields['sector'] = null;
  if (sectorText) {
    const s = SECTORS.get(sectorText.toLowerCase().replace(/\.$/, ''));
    if (!s) return { error: `primary_sector '${sectorText}' is not a COFOG division` };
    sector = s;
  }

  const statusText = (v.status ?? '').trim();
  let maturity: CaseMaturity | null = null;
  if (statusText) {
    const m = MATURITIES[statusText.toLowerCase()];
    if (m === undefined) return { error: `status '${statusText}' is not a known status` };
    maturity = m;
  }

  const started = year(v.start_date ?? '', 'start_date');
  if (typeof started === 'string') return { error: started };
  const ended = year(v.end_date ?? '', 'end_date');
  if (typeof ended === 'string') return { error: ended };

  const tags: string[] = [];
  const tag = (t: string | null) => {
    if (t && !tags.includes(t)) tags.push(t);
  };
  tag(shortenTag((v.type ?? '').replace(/\s+/g, ' ').trim().toLowerCase()) || null);
  tag(secondarySectorTag(v.secondary_sector ?? ''));
  if (yes(v.cross_border)) tag('cross-border');
  if (yes(v.cross_sector)) tag('cross-sector');
  if (ended !== null) tag(`end year ${ended}`);
  tags.sort();

  const lead = (v.lead_organisation_name ?? '').replace(/\s+/g, ' ').trim();
  const urls = jrcUrls(v.url ?? '');
  const technology = (v.technology ?? '').trim();

  const fields = CaseCreate.safeParse({
    title,
    summary: summarise(description),
    status: 'published',
    countries: countryList,
    level,
    sector,
    yearLaunched: started,
    // The source has no dates, only years; still running as of the JRC's 2022 update.
    ongoing:
      ended === null &&
      (maturity === 'pilot' || maturity === 'in_development' || maturity === 'implemented'),
    maturity,
    technology: technology || null,
    tags,
    links: urls.map((url) => ({ url, label: 'Source' })),
    licence: JRC_LICENCE,
    sections: { context: description },
    partners: lead
      ? [{ name: shorten(lead, PARTNER_NAME_MAX), role: 'lead', organisationId: null }]
      : [],
    illustrative: false,
  });
  if (!fields.success) return { error: describeIssues(fields.error.issues) };
  return { fields: fields.data, sourceId, sourceUrl: urls[0] ?? null };
}

export type JrcImportOptions = {
  /** Rows per transaction (default 100): a crash leaves each batch wholly in or out. */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** When the file was read from the JRC (default: now). */
  retrievedAt?: Date;
};

/**
 * Imports the JRC case list. Idempotent by provenance (`jrc-ips` + the row's `id`): a case
 * imported before is updated in place (its codes and the fields the import does not own are
 * kept), or left alone when nothing changed. Bad rows are reported with their line and skipped;
 * a header without the required columns throws ImportFileError before anything is written.
 */
export async function importJrc(
  db: Db,
  input: string | Readable,
  options: JrcImportOptions = {},
): Promise<ImportResult> {
  const text = await readText(input);
  const { header, records } = readCsv(text, {
    required: JRC_REQUIRED_COLUMNS,
    file: 'the JRC file',
  });
  const retrievedAt = (options.retrievedAt ?? new Date()).toISOString();
  const batchSize = Math.max(1, options.batchSize ?? 100);
  const result: ImportResult = { created: 0, updated: 0, unchanged: 0, failed: [] };
  const seen = new Map<string, number>();

  const prepare = (record: CsvRecord): JrcMapped | null => {
    const fail = (reason: string) => {
      result.failed.push({ line: record.line, reason });
      return null;
    };
    const problem = fieldCountProblem(record, header);
    if (problem) return fail(problem);
    const mapped = mapJrcRow(record.values);
    if ('error' in mapped) return fail(mapped.error);
    const earlier = seen.get(mapped.sourceId);
    if (earlier !== undefined)
      return fail(`id ${mapped.sourceId} already appeared on line ${earlier}`);
    seen.set(mapped.sourceId, record.line);
    return mapped;
  };

  for (let start = 0; start < records.length; start += batchSize) {
    const batch = records.slice(start, start + batchSize);
    const rows = batch
      .map((record) => ({ record, mapped: prepare(record) }))
      .filter((r): r is { record: CsvRecord; mapped: JrcMapped } => r.mapped !== null);
    // What findByProvenance does for one row, for the whole batch in one query (on the
    // provenance key's index). The reads run before the transaction: loadCases queries in
    // parallel, which a pg transaction client must not do; a case edited in between is
    // overwritten by the import either way.
    const sourceIds = rows.map((r) => r.mapped.sourceId);
    const found = sourceIds.length
      ? await db
          .select({ id: cases.id, sourceId: cases.sourceId })
          .from(cases)
          .where(and(eq(cases.source, JRC_SOURCE), inArray(cases.sourceId, sourceIds)))
      : [];
    const ids = new Map(found.map((f) => [f.sourceId!, f.id]));
    const existing = new Map((await loadCases(db, [...ids.values()])).map((x) => [x.id, x]));
    const counts = await db.transaction(async (tx) => {
      const c = { created: 0, updated: 0, unchanged: 0, failed: [] as ImportFailure[] };
      for (const { record, mapped } of rows) {
        const provenance: Provenance = {
          source: JRC_SOURCE,
          sourceId: mapped.sourceId,
          sourceUrl: mapped.sourceUrl,
          retrievedAt,
        };
        const id = ids.get(mapped.sourceId);
        const current = id ? existing.get(id) : undefined;
        if (!id || !current) {
          await insertCase(tx, mapped.fields, { provenance });
          c.created += 1;
          continue;
        }
        const kept = caseFieldsOf(current);
        const owned = Object.fromEntries(JRC_FIELDS.map((k) => [k, mapped.fields[k]]));
        const merged = CaseCreate.safeParse({
          ...kept,
          ...owned,
          sections: { ...kept.sections, context: mapped.fields.sections.context },
        });
        if (!merged.success) {
          c.failed.push({
            line: record.line,
            reason: `cannot update case ${id}: ${describeIssues(merged.error.issues)}`,
          });
          continue;
        }
        if (sameFields(merged.data, kept) && current.provenance?.sourceUrl === mapped.sourceUrl) {
          c.unchanged += 1;
          continue;
        }
        await replaceCase(tx, id, merged.data, { provenance });
        c.updated += 1;
      }
      return c;
    });
    result.created += counts.created;
    result.updated += counts.updated;
    result.unchanged += counts.unchanged;
    result.failed.push(...counts.failed);
    options.onProgress?.(Math.min(start + batchSize, records.length), records.length);
  }
  result.failed.sort((a, b) => a.line - b.line);
  return result;
}
