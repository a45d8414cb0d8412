/**
 * A small RFC 4180 CSV reader: quoted fields, doubled quotes, CRLF or LF line ends. It keeps the
 * physical line number on which each record starts so that errors can point at the file.
 */
import { QcaInputError } from './errors.ts';

/** One CSV record and the 1-based line on which it starts. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** A parsed CSV file: the header record and the data records. */
export interface CsvTable {
  source: string;
  header: string[];
  records: CsvRecord[];
}

/**
 * Parses CSV text. The first record is the header; blank lines are skipped.
 *
 * @example
 * const t = parseCsv('case,A\n"x",1\n', 'data.csv');
 * t.header; // ['case', 'A']
 * t.records[0]; // { line: 2, cells: ['x', '1'] }
 */
export function parseCsv(text: string, source = 'data'): CsvTable {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let sawAny = false;
  const endField = (): void => {
    cells.push(quoted ? field : field.trim());
    field = '';
    quoted = false;
  };
  const endRecord = (): void => {
    endField();
    if (!(cells.length === 1 && cells[0] === '' && !sawAny)) {
      records.push({ line: recordLine, cells });
    }
    cells = [];
    sawAny = false;
  };
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (field.trim() !== '') {
        throw new QcaInputError(`${source} line ${line}: unexpected quote inside a field`);
      }
      field = '';
      inQuotes = true;
      quoted = true;
      sawAny = true;
    } else if (ch === ',') {
      endField();
      sawAny = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      if (quoted) {
        if (ch.trim() !== '') {
          throw new QcaInputError(`${source} line ${line}: text after a closing quote`);
        }
      } else {
        field += ch;
        if (ch.trim() !== '') sawAny = true;
      }
    }
  }
  if (inQuotes) throw new QcaInputError(`${source} line ${recordLine}: unterminated quoted field`);
  if (field !== '' || cells.length > 0 || sawAny) endRecord();
  const first = records.shift();
  if (!first) throw new QcaInputError(`${source}: the file is empty`);
  for (const r of records) {
    if (r.cells.length !== first.cells.length) {
      throw new QcaInputError(
        `${source} line ${r.line}: ${r.cells.length} fields, but the header has ${first.cells.length}`,
      );
    }
  }
  return { source, header: first.cells, records };
}
