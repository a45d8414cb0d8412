import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse/sync';

/**
 * Reading the CSV files of the case importers: records keyed by column name, each with the
 * physical line where it starts (header = line 1), so a bad row can be reported as `line N`.
 */

/** The file cannot be imported at all (wrong header, malformed CSV or JSON); nothing was written. */
export class ImportFileError extends Error {
  override name = 'ImportFileError';
  constructor(
    message: string,
    /** Required columns the header lacks (empty for other problems). */
    readonly missingColumns: string[] = [],
  ) {
    super(message);
  }
}

/** A row that was not imported: where it is and why. */
export type ImportFailure = { line: number; reason: string; file?: string };

export type ImportResult = {
  created: number;
  updated: number;
  /** Rows whose case already held exactly these values (nothing written). */
  unchanged: number;
  failed: ImportFailure[];
};

export type CsvRecord = {
  /** Physical line of the file where the record starts (the header is line 1). */
  line: number;
  values: Record<string, string>;
  /** Number of fields in the record; differs from the header's when the row is malformed. */
  fieldCount: number;
};

/** Reads a whole text or stream (import files are small: the JRC file is under 1 MB). */
export async function readText(input: string | Readable): Promise<string> {
  if (typeof input === 'string') return input;
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

const lineBreaks = /\r\n|\n|\r/g;
const countLines = (s: string) => s.match(lineBreaks)?.length ?? 0;

/**
 * Parses a CSV text with a header row. Throws ImportFileError when the text is not CSV or the
 * header lacks one of `required` (the message names every missing column).
 */
export function readCsv(
  text: string,
  options: { required: readonly string[]; file: string },
): { header: string[]; records: CsvRecord[] } {
  let parsed: { record: string[]; raw: string }[];
  try {
    parsed = parse(text, {
      bom: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; raw: string }[];
  } catch (err) {
    if (err instanceof CsvError) {
      const where =
        'lines' in err && typeof err.lines === 'number' ? ` (near line ${err.lines})` : '';
      throw new ImportFileError(
        `${options.file} is not a readable CSV file${where}: ${err.message}`,
      );
    }
    throw err;
  }
  const [first, ...rest] = parsed;
  if (!first) throw new ImportFileError(`${options.file} is empty`);
  const header = first.record.map((h) => h.trim());
  const missing = options.required.filter((c) => !header.includes(c));
  if (missing.length)
    throw new ImportFileError(
      `${options.file} lacks the required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
      missing,
    );
  const records: CsvRecord[] = [];
  // `raw` holds the record's text with any skipped empty lines before it, so counting line breaks
  // through the raw texts gives each record's first line (info.lines would give its last).
  let line = 1 + countLines(first.raw);
  for (const { record, raw } of rest) {
    const leading = /^(?:\r\n|\n|\r)*/.exec(raw)![0];
    const values: Record<string, string> = {};
    header.forEach((name, i) => {
      if (!(name in values)) values[name] = record[i] ?? '';
    });
    records.push({ line: line + countLines(leading), values, fieldCount: record.length });
    line += countLines(raw);
  }
  return { header, records };
}

/** The reason a record with the wrong number of fields is refused, or null when it is fine. */
export function fieldCountProblem(record: CsvRecord, header: string[]): string | null {
  return record.fieldCount === header.length
    ? null
    : `has ${record.fieldCount} fields, the header has ${header.length}`;
}
