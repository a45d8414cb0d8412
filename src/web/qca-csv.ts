/**
 * Reading an uploaded QCA data file in the browser: first column the case names, header row the
 * set names, one row per case. Commas, semicolons (with decimal commas, as spreadsheets in Dutch
 * save them) or tabs separate the cells; quoting follows RFC 4180. Every problem comes with the
 * line of the file it is on, so the page can say where to look.
 */
import { QCA_MAX_CASES, QCA_MAX_CONDITIONS, SetName, type QcaDataSet } from '../shared/qca.ts';

/** Most set columns a data set may have (conditions, outcome and spares). */
export const CSV_MAX_SETS = QCA_MAX_CONDITIONS + 10;
/** Problems listed before giving up (a wrong file would otherwise list thousands). */
const MAX_PROBLEMS = 20;
const MISSING = new Set(['', 'NA', 'N/A', 'NaN', 'na', 'n/a', 'null', 'NULL', '.']);

export type CsvProblem =
  | { line: number; kind: 'empty' }
  | { line: number; kind: 'unclosedQuote' }
  | { line: number; kind: 'tooFewSets'; found: number }
  | { line: number; kind: 'tooManySets'; found: number; max: number }
  | { line: number; kind: 'setName'; value: string }
  | { line: number; kind: 'duplicateSet'; value: string }
  | { line: number; kind: 'cellCount'; expected: number; found: number }
  | { line: number; kind: 'caseName' }
  | { line: number; kind: 'duplicateCase'; value: string }
  | { line: number; kind: 'notNumber'; column: string; value: string }
  | { line: number; kind: 'tooManyCases'; max: number };

export type CsvResult = { ok: true; data: QcaDataSet } | { ok: false; problems: CsvProblem[] };

interface Record_ {
  line: number;
  cells: string[];
}

/** The separator of the header line: a tab, a semicolon, or (by default) a comma. */
function separatorOf(firstLine: string): string {
  if (firstLine.includes('\t')) return '\t';
  const commas = firstLine.split(',').length;
  const semicolons = firstLine.split(';').length;
  return semicolons > commas ? ';' : ',';
}

function records(text: string, sep: string): Record_[] | CsvProblem {
  const out: Record_[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let k = 0;
  const endRecord = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0]!.trim() === '')) out.push({ line: start, cells });
    cells = [];
    cell = '';
  };
  while (k < text.length) {
    const ch = text[k]!;
    if (quoted) {
      if (ch === '"' && text[k + 1] === '"') {
        cell += '"';
        k += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line += 1;
        cell += ch;
      }
      k += 1;
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === sep) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[k + 1] === '\n') k += 1;
      endRecord();
      line += 1;
      start = line;
    } else {
      cell += ch;
    }
    k += 1;
  }
  if (quoted) return { line: start, kind: 'unclosedQuote' };
  endRecord();
  return out;
}

function parseNumber(raw: string, decimalComma: boolean): number | null | 'invalid' {
  const s = raw.trim();
  if (MISSING.has(s)) return null;
  const text = decimalComma ? s.replace(',', '.') : s;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return 'invalid';
  const n = Number(text);
  return Number.isFinite(n) ? n : 'invalid';
}

/**
 * Reads a QCA data file. On success the data set has one row per case; otherwise the problems,
 * each with its line (1 is the header).
 *
 * @example
 * parseQcaCsv('case,DEV,SURV\nAU,0.81,0.05\n');
 * // { ok: true, data: { columns: ['DEV', 'SURV'], rows: [{ case: 'AU', caseId: null, values: [0.81, 0.05] }] } }
 * parseQcaCsv('case,DEV,SURV\nAU,high,0.05\n');
 * // { ok: false, problems: [{ line: 2, kind: 'notNumber', column: 'DEV', value: 'high' }] }
 */
export function parseQcaCsv(input: string): CsvResult {
  const text = input.replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const sep = separatorOf(firstLine);
  const parsed = records(text, sep);
  if (!Array.isArray(parsed)) return { ok: false, problems: [parsed] };
  const [header, ...body] = parsed;
  if (!header) return { ok: false, problems: [{ line: 1, kind: 'empty' }] };

  const problems: CsvProblem[] = [];
  const columns = header.cells.slice(1).map((c) => c.trim());
  if (columns.length < 2) {
    problems.push({ line: header.line, kind: 'tooFewSets', found: columns.length });
  } else if (columns.length > CSV_MAX_SETS) {
    problems.push({
      line: header.line,
      kind: 'tooManySets',
      found: columns.length,
      max: CSV_MAX_SETS,
    });
  }
  const seen = new Set<string>();
  for (const name of columns) {
    if (!SetName.safeParse(name).success) {
      problems.push({ line: header.line, kind: 'setName', value: name });
    } else if (seen.has(name)) {
      problems.push({ line: header.line, kind: 'duplicateSet', value: name });
    }
    seen.add(name);
  }
  if (problems.length > 0) return { ok: false, problems };
  if (body.length === 0) return { ok: false, problems: [{ line: 2, kind: 'empty' }] };
  if (body.length > QCA_MAX_CASES) {
    return {
      ok: false,
      problems: [{ line: body[QCA_MAX_CASES]!.line, kind: 'tooManyCases', max: QCA_MAX_CASES }],
    };
  }

  const rows: QcaDataSet['rows'] = [];
  const cases = new Set<string>();
  for (const record of body) {
    if (problems.length >= MAX_PROBLEMS) break;
    if (record.cells.length !== columns.length + 1) {
      problems.push({
        line: record.line,
        kind: 'cellCount',
        expected: columns.length + 1,
        found: record.cells.length,
      });
      continue;
    }
    const name = record.cells[0]!.trim();
    if (name === '' || name.length > 300) {
      problems.push({ line: record.line, kind: 'caseName' });
    } else if (cases.has(name)) {
      problems.push({ line: record.line, kind: 'duplicateCase', value: name });
    }
    cases.add(name);
    const values: (number | null)[] = [];
    record.cells.slice(1).forEach((raw, j) => {
      const value = parseNumber(raw, sep === ';');
      if (value === 'invalid') {
        if (problems.length < MAX_PROBLEMS) {
          problems.push({
            line: record.line,
            kind: 'notNumber',
            column: columns[j]!,
            value: raw.trim(),
          });
        }
        values.push(null);
      } else {
        values.push(value);
      }
    });
    rows.push({ case: name, caseId: null, values });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, data: { columns, rows } };
}
