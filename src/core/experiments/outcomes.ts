/**
 * Outcome data of an experiment and its analysis: one row per unit with its arm and its value,
 * read from CSV with every problem located by line and column, then compared between two arms —
 * a difference of proportions for a 0/1 outcome (R's `prop.test(correct = FALSE)`), a
 * difference of means for a numeric one (Welch's `t.test`).
 */
import { proportionTest, welchTest } from '../stats/tests.ts';

export type OutcomeKind = 'binary' | 'numeric';

export interface OutcomeRow {
  readonly unit: string;
  readonly arm: string;
  readonly value: number;
}

/** A problem in an outcome file, with where it is (1-based; the header is line 1). */
export class OutcomeFileError extends Error {
  override name = 'OutcomeFileError';
  constructor(
    readonly line: number,
    readonly column: string | null,
    message: string,
  ) {
    super(`line ${line}${column ? `, column ${column}` : ''}: ${message}`);
  }
}

/** Splits one CSV line into fields (RFC 4180 quotes; no line breaks inside fields). */
function fields(line: string, at: number): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let value = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        if (i >= line.length) throw new OutcomeFileError(at, null, 'a quoted field is not closed');
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            value += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else value += line[i++];
      }
      if (i < line.length && line[i] !== ',')
        throw new OutcomeFileError(at, null, 'text follows a closing quote');
    } else {
      const end = line.indexOf(',', i);
      value = line.slice(i, end === -1 ? line.length : end);
      i = end === -1 ? line.length : end;
    }
    out.push(value.trim());
    if (i >= line.length) return out;
    i++; // the comma
  }
}

/**
 * Reads outcome data: a header with the columns `unit`, `arm` and `value` (in any order, others
 * ignored), one row per unit. Refuses, naming the line and column: an arm not among `arms`, a
 * value that is not a number (or not 0/1 for a binary outcome), an empty or repeated unit, a row
 * with the wrong number of fields.
 *
 * @example
 * parseOutcomes('unit,arm,value\nu1,control,0\nu2,treatment,1\n', ['control', 'treatment'], 'binary');
 * // [{ unit: 'u1', arm: 'control', value: 0 }, { unit: 'u2', arm: 'treatment', value: 1 }]
 */
export function parseOutcomes(
  text: string,
  arms: readonly string[],
  kind: OutcomeKind,
): OutcomeRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  while (lines.length && lines.at(-1)!.trim() === '') lines.pop();
  if (lines.length === 0) throw new OutcomeFileError(1, null, 'the file is empty');
  const header = fields(lines[0]!, 1).map((h) => h.toLowerCase());
  const index = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new OutcomeFileError(1, null, `the header lacks the column ${name}`);
    return i;
  };
  const [iu, ia, iv] = [index('unit'), index('arm'), index('value')];
  const seen = new Map<string, number>();
  const rows: OutcomeRow[] = [];
  for (let n = 1; n < lines.length; n++) {
    const line = n + 1;
    if (lines[n]!.trim() === '') continue;
    const f = fields(lines[n]!, line);
    if (f.length !== header.length)
      throw new OutcomeFileError(
        line,
        null,
        `has ${f.length} fields, the header has ${header.length}`,
      );
    const unit = f[iu]!;
    if (unit === '') throw new OutcomeFileError(line, 'unit', 'is empty');
    const before = seen.get(unit);
    if (before !== undefined)
      throw new OutcomeFileError(line, 'unit', `"${unit}" is already on line ${before}`);
    seen.set(unit, line);
    const arm = f[ia]!;
    if (!arms.includes(arm))
      throw new OutcomeFileError(
        line,
        'arm',
        `"${arm}" is not an arm of this experiment (${arms.join(', ')})`,
      );
    const raw = f[iv]!;
    const value = Number(raw);
    if (raw === '' || !Number.isFinite(value))
      throw new OutcomeFileError(line, 'value', `"${raw}" is not a number`);
    if (kind === 'binary' && value !== 0 && value !== 1)
      throw new OutcomeFileError(line, 'value', `is ${raw}; a binary outcome is 0 or 1`);
    rows.push({ unit, arm, value });
  }
  if (rows.length === 0) throw new OutcomeFileError(2, null, 'the file has no rows');
  return rows;
}

/** The comparison of two arms: `treatment` − `control`, with R's statistic and interval. */
export type OutcomeAnalysis =
  | {
      kind: 'binary';
      arms: [string, string];
      n: [number, number];
      successes: [number, number];
      proportions: [number, number];
      difference: number;
      statistic: number | null;
      pValue: number | null;
      confLow: number;
      confHigh: number;
    }
  | {
      kind: 'numeric';
      arms: [string, string];
      n: [number, number];
      means: [number, number];
      difference: number;
      statistic: number;
      df: number;
      pValue: number;
      confLow: number;
      confHigh: number;
    };

/**
 * Compares arm `first` with arm `second` (difference = first − second) on the outcome rows.
 * Throws a RangeError naming the arm when it has too few units for the test.
 *
 * @example
 * analyseOutcomes(rows, 'binary', 'treatment', 'control'); // { difference: 0.12, pValue: 0.03, … }
 */
export function analyseOutcomes(
  rows: readonly OutcomeRow[],
  kind: OutcomeKind,
  first: string,
  second: string,
): OutcomeAnalysis {
  const a = rows.filter((r) => r.arm === first).map((r) => r.value);
  const b = rows.filter((r) => r.arm === second).map((r) => r.value);
  for (const [arm, values] of [
    [first, a],
    [second, b],
  ] as const)
    if (values.length === 0) throw new RangeError(`arm ${arm} has no outcome data`);
  if (kind === 'binary') {
    const x1 = a.filter((v) => v === 1).length;
    const x2 = b.filter((v) => v === 1).length;
    const r = proportionTest(x1, a.length, x2, b.length);
    return {
      kind,
      arms: [first, second],
      n: [a.length, b.length],
      successes: [x1, x2],
      proportions: [r.estimate1, r.estimate2],
      difference: r.difference,
      statistic: r.statistic,
      pValue: r.pValue,
      confLow: r.confLow,
      confHigh: r.confHigh,
    };
  }
  const r = welchTest(a, b);
  return {
    kind,
    arms: [first, second],
    n: [a.length, b.length],
    means: [r.meanA, r.meanB],
    difference: r.difference,
    statistic: r.statistic,
    df: r.df,
    pValue: r.pValue,
    confLow: r.confLow,
    confHigh: r.confHigh,
  };
}
