/**
 * Turning a table of raw cells into QCA input: the outcome (possibly negated `~Y` or a value of
 * a multi-value outcome `Y[2]`), the conditions with their kind (binary crisp, multi-value crisp
 * or fuzzy) and number of levels, cases with missing values dropped, and "don't care" cells
 * (`-` or `dc`) kept apart.
 */
import { parseCsv } from './csv.ts';
import { inputError, QcaInputError, QcaLimitError } from './errors.ts';

/** A raw cell: a number, a string still to be parsed, or `null` for missing. */
export type RawCell = string | number | null;

/** A table of raw cells, one array per column, with the case names. */
export interface DataFrame {
  /** Name used in error messages (e.g. the file name). */
  source: string;
  caseNames: string[];
  columns: string[];
  /** `cells[column][case]`. */
  cells: RawCell[][];
  /** Optional 1-based file line of each case, for error messages (else its 1-based row). */
  lines?: number[];
}

/** The kind of a condition as inferred from its values. */
export type ConditionKind = 'binary' | 'multivalue' | 'fuzzy';

/** One condition ready for analysis. */
export interface QcaCondition {
  name: string;
  kind: ConditionKind;
  /** Number of levels: 2 for binary and fuzzy sets, max + 1 for multi-value ones. */
  levels: number;
  /** The value of each case (fuzzy score or crisp level); 0 where `dontCare` is set. */
  values: Float64Array;
  /** 1 where the case has a "don't care" (`-` / `dc`) value. */
  dontCare: Uint8Array;
  hasDontCare: boolean;
}

/** The outcome: its label as given and each case's membership in it. */
export interface QcaOutcome {
  /** As given, e.g. `~SURV` or `DEV[2]`. */
  label: string;
  column: string;
  negated: boolean;
  /** The selected value of a multi-value outcome, if any. */
  value?: number;
  membership: Float64Array;
  fuzzy: boolean;
}

/** Analysis-ready data. */
export interface QcaData {
  caseNames: string[];
  conditions: QcaCondition[];
  outcome: QcaOutcome;
  /** Names of the cases dropped because a used column was missing. */
  droppedCases: string[];
}

/** Maximum number of conditions the engine accepts (terms are 32-bit masks). */
export const MAX_CONDITIONS = 30;

const MISSING = new Set(['', 'NA', 'N/A', 'NaN', 'na', 'null', 'NULL', '.']);
const DONT_CARE = new Set(['-', 'dc', 'DC']);

/**
 * Builds a data frame from CSV text. When the first header is `case` (any case) or empty, the
 * first column names the cases; otherwise cases are numbered from 1.
 *
 * @example
 * const df = dataFrameFromCsv('case,A,Y\nx,1,0\n', 'd.csv');
 * df.caseNames; // ['x']
 */
export function dataFrameFromCsv(text: string, source = 'data'): DataFrame {
  const table = parseCsv(text, source);
  const first = table.header[0]?.trim() ?? '';
  const named = first === '' || first.toLowerCase() === 'case';
  const offset = named ? 1 : 0;
  const columns = table.header.slice(offset).map((h) => h.trim());
  const seen = new Set<string>();
  for (const c of columns) {
    if (c === '') throw new QcaInputError(`${source} line 1: a column has an empty name`);
    if (seen.has(c)) throw new QcaInputError(`${source} line 1: column ${c} appears twice`);
    seen.add(c);
  }
  const cells: RawCell[][] = columns.map(() => []);
  const caseNames: string[] = [];
  const lines: number[] = [];
  table.records.forEach((r, i) => {
    caseNames.push(named ? (r.cells[0] ?? '') : String(i + 1));
    lines.push(r.line);
    for (let c = 0; c < columns.length; c++) cells[c]!.push(r.cells[c + offset] ?? '');
  });
  return { source, caseNames, columns, cells, lines };
}

/** An outcome specification split into its parts. */
export interface OutcomeSpec {
  column: string;
  negated: boolean;
  value?: number;
}

/**
 * Parses an outcome such as `SURV`, `~SURV`, `SURV[1]` or `~SURV[1]`.
 *
 * @example
 * parseOutcomeSpec('~PROTEST'); // { column: 'PROTEST', negated: true }
 */
export function parseOutcomeSpec(spec: string): OutcomeSpec {
  let s = spec.trim();
  let negated = false;
  while (s.startsWith('~') || s.startsWith('!')) {
    negated = !negated;
    s = s.slice(1).trim();
  }
  const m = /^(.+?)\s*[[{]\s*(\d+)\s*[\]}]$/.exec(s);
  if (m) return { column: m[1]!, negated, value: Number(m[2]) };
  if (s === '') throw inputError(`outcome '${spec}' is empty`, 'params.outcome', 'empty');
  return { column: s, negated };
}

interface ParsedColumn {
  values: Float64Array;
  missing: Uint8Array;
  dontCare: Uint8Array;
}

function parseColumn(df: DataFrame, col: number, allowDontCare: boolean): ParsedColumn {
  const raw = df.cells[col]!;
  const n = raw.length;
  const values = new Float64Array(n);
  const missing = new Uint8Array(n);
  const dontCare = new Uint8Array(n);
  const name = df.columns[col]!;
  for (let i = 0; i < n; i++) {
    const cell = raw[i];
    if (cell === null || cell === undefined) {
      missing[i] = 1;
      continue;
    }
    if (typeof cell === 'number') {
      if (Number.isNaN(cell)) missing[i] = 1;
      else values[i] = cell;
      continue;
    }
    const s = cell.trim();
    if (MISSING.has(s)) {
      missing[i] = 1;
      continue;
    }
    if (DONT_CARE.has(s)) {
      if (!allowDontCare) {
        throw inputError(
          `${where(df, i)}: the outcome ${name} cannot have a "don't care" value '${s}'`,
          cellPath(i, col),
          'dont_care_outcome',
        );
      }
      dontCare[i] = 1;
      continue;
    }
    const v = Number(s);
    if (!Number.isFinite(v)) {
      throw inputError(
        `${where(df, i)}: value '${s}' in column ${name} is not a number`,
        cellPath(i, col),
        'not_a_number',
      );
    }
    values[i] = v;
  }
  return { values, missing, dontCare };
}

/** Where a cell is, as a path into the analysis request (`data.rows.<row>.values.<column>`). */
function cellPath(i: number, col: number): string {
  return `data.rows.${i}.values.${col}`;
}

function where(df: DataFrame, i: number): string {
  const line = df.lines?.[i];
  return line !== undefined
    ? `${df.source} line ${line}`
    : `${df.source} row ${i + 1} (case ${df.caseNames[i]})`;
}

/** Options for {@link prepareQcaData}. */
export interface PrepareOptions {
  /** The outcome, e.g. `SURV`, `~SURV` or `DEV[2]`. */
  outcome: string;
  /** Condition columns; defaults to every column except the outcome's. */
  conditions?: string[];
}

/**
 * Selects the outcome and conditions, drops cases with a missing value in any of them, and
 * infers each condition's kind and levels.
 *
 * @example
 * const df = dataFrameFromCsv('case,A,B,Y\na,1,0,1\nb,0,1,0\n');
 * const data = prepareQcaData(df, { outcome: 'Y', conditions: ['A', 'B'] });
 * data.conditions.map((c) => c.kind); // ['binary', 'binary']
 */
export function prepareQcaData(df: DataFrame, options: PrepareOptions): QcaData {
  const spec = parseOutcomeSpec(options.outcome);
  const outIdx = df.columns.indexOf(spec.column);
  if (outIdx < 0) {
    throw inputError(
      `outcome column ${spec.column} is not in ${df.source}`,
      'params.outcome',
      'unknown_column',
    );
  }
  const condNames = options.conditions ?? df.columns.filter((c) => c !== spec.column);
  if (condNames.length === 0) {
    throw inputError('no conditions given', 'params.conditions', 'no_conditions');
  }
  if (condNames.length > MAX_CONDITIONS) {
    throw new QcaLimitError(`at most ${MAX_CONDITIONS} conditions are supported`);
  }
  const seen = new Set<string>();
  const condIdx = condNames.map((c, k) => {
    const name = c.trim();
    const path = `params.conditions.${k}`;
    if (seen.has(name)) {
      throw inputError(`condition ${name} is given twice`, path, 'duplicate_condition');
    }
    seen.add(name);
    if (name === spec.column) {
      throw inputError(
        `${name} cannot be both the outcome and a condition`,
        path,
        'outcome_as_condition',
      );
    }
    const i = df.columns.indexOf(name);
    if (i < 0) {
      throw inputError(`condition column ${name} is not in ${df.source}`, path, 'unknown_column');
    }
    return i;
  });
  const outcomeRaw = parseColumn(df, outIdx, false);
  const condRaw = condIdx.map((i) => parseColumn(df, i, true));
  const n = df.caseNames.length;
  const keep: number[] = [];
  const droppedCases: string[] = [];
  for (let i = 0; i < n; i++) {
    if (outcomeRaw.missing[i] || condRaw.some((c) => c.missing[i])) {
      droppedCases.push(df.caseNames[i]!);
    } else keep.push(i);
  }
  if (keep.length === 0) {
    throw inputError('no case is left after dropping missing values', 'data.rows', 'no_cases');
  }
  const pick = <T extends Float64Array | Uint8Array>(arr: T, make: (n: number) => T): T => {
    const out = make(keep.length);
    keep.forEach((k, j) => (out[j] = arr[k]!));
    return out;
  };
  const conditions: QcaCondition[] = condIdx.map((ci, j) => {
    const raw = condRaw[j]!;
    const values = pick(raw.values, (m) => new Float64Array(m));
    const dontCare = pick(raw.dontCare, (m) => new Uint8Array(m));
    return describeCondition(df, df.columns[ci]!, values, dontCare, keep);
  });
  const ov = pick(outcomeRaw.values, (m) => new Float64Array(m));
  const outcome = describeOutcome(df, options.outcome.trim(), spec, ov, keep);
  return { caseNames: keep.map((k) => df.caseNames[k]!), conditions, outcome, droppedCases };
}

function describeCondition(
  df: DataFrame,
  name: string,
  values: Float64Array,
  dontCare: Uint8Array,
  keep: number[],
): QcaCondition {
  let integer = true;
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    if (dontCare[i]) continue;
    const v = values[i]!;
    if (v < 0) {
      throw inputError(
        `${where(df, keep[i]!)}: value ${v} in column ${name} is negative; calibrate it first`,
        cellPath(keep[i]!, df.columns.indexOf(name)),
        'not_a_membership',
      );
    }
    if (!Number.isInteger(v)) integer = false;
    if (v > max) max = v;
  }
  const hasDontCare = dontCare.some((d) => d === 1);
  if (integer) {
    const levels = Math.max(2, max + 1);
    if (levels > 64) {
      throw inputError(
        `column ${name} has ${levels} levels; calibrate it first`,
        `data.columns.${df.columns.indexOf(name)}`,
        'too_many_levels',
      );
    }
    return {
      name,
      kind: levels > 2 ? 'multivalue' : 'binary',
      levels,
      values,
      dontCare,
      hasDontCare,
    };
  }
  for (let i = 0; i < values.length; i++) {
    if (!dontCare[i] && values[i]! > 1) {
      throw inputError(
        `${where(df, keep[i]!)}: value ${values[i]} in column ${name} is not a fuzzy score in [0, 1] or a crisp level; calibrate it first`,
        cellPath(keep[i]!, df.columns.indexOf(name)),
        'not_a_membership',
      );
    }
  }
  return { name, kind: 'fuzzy', levels: 2, values, dontCare, hasDontCare };
}

function describeOutcome(
  df: DataFrame,
  label: string,
  spec: OutcomeSpec,
  values: Float64Array,
  keep: number[],
): QcaOutcome {
  const membership = new Float64Array(values.length);
  let fuzzy = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let m: number;
    if (spec.value !== undefined) {
      m = v === spec.value ? 1 : 0;
    } else {
      if (v < 0 || v > 1) {
        throw inputError(
          `${where(df, keep[i]!)}: outcome ${spec.column} has value ${v}; it must be in [0, 1] (for a multi-value outcome, choose a value, e.g. ${spec.column}[${v}])`,
          cellPath(keep[i]!, df.columns.indexOf(spec.column)),
          'not_a_membership',
        );
      }
      if (!Number.isInteger(v)) fuzzy = true;
      m = v;
    }
    membership[i] = spec.negated ? 1 - m : m;
  }
  return {
    label,
    column: spec.column,
    negated: spec.negated,
    ...(spec.value !== undefined ? { value: spec.value } : {}),
    membership,
    fuzzy,
  };
}
