/**
 * One whole analysis, as the workbench and `connective qca` run it: calibrate the listed
 * columns, check the data, build the truth table, compute the necessity and sufficiency of
 * single conditions, minimise, and report everything as one plain object (the JSON of
 * `connective qca --format json`, plus the calibrated data).
 *
 * The types here are structural on purpose: the server passes the shared `QcaDataSet` and
 * `QcaParams` values in unchanged, while the core stays independent of `src/shared`.
 */
import { calibrateCrisp, calibrateFuzzy } from './calibration.ts';
import type { ConditionKind, DataFrame, QcaData, RawCell } from './dataset.ts';
import { parseOutcomeSpec, prepareQcaData } from './dataset.ts';
import { inputError, QcaInputError } from './errors.ts';
import { singleConditions } from './fit.ts';
import type { MinimizeResult } from './minimize.ts';
import { minimize } from './minimize.ts';
import type { SingleConditionReport, SolutionReport, TruthTableReport } from './report.ts';
import { singleConditionsReport, solutionReport, truthTableReport } from './report.ts';
import type { TruthTable } from './truth-table.ts';
import { buildTruthTable } from './truth-table.ts';

/** Most conditions {@link runAnalysis} accepts (the workbench's limit). */
export const ANALYSIS_MAX_CONDITIONS = 20;

/** One case: its name and one value per column (numbers; null for missing). */
export interface AnalysisRow {
  case: string;
  /** Passed through to the calibrated data when present (the case in the library). */
  caseId?: string | null;
  /** Numbers, or null when missing; text cells (e.g. `-` for "don't care") from a CSV file. */
  values: readonly RawCell[];
}

/** A data set: column names and one row per case. */
export interface AnalysisData {
  columns: readonly string[];
  rows: readonly AnalysisRow[];
}

/** Another name for {@link AnalysisData}. */
export type AnalysisDataSet = AnalysisData;

/** How to calibrate one column (R QCA's `calibrate()`). */
export type ColumnCalibration =
  /** Crisp: a value at or above each threshold goes up one set value. */
  | { method: 'crisp'; thresholds: readonly number[] }
  /** Fuzzy, direct method: `calibrate(x, type = "fuzzy", thresholds = c(e, c, i))`. */
  | { method: 'fuzzy'; exclusion: number; crossover: number; inclusion: number };

/** The parameters of an analysis, with R QCA's names and meanings. */
export interface AnalysisParams {
  /** The outcome column; `~Y` for its negation, `Y[2]` for a value of a multi-value outcome. */
  outcome: string;
  conditions: readonly string[];
  /** Columns to calibrate before the analysis. */
  calibration: Readonly<Record<string, ColumnCalibration>>;
  /** incl.cut: one value, or two (for OUT 1 and for OUT 0). */
  inclCut: readonly number[];
  nCut: number;
  priCut: number;
  /** Remainders and contradictions the minimisation may use: '', '?', 'C' or '?,C'. */
  include: string;
  /** Directional expectations for the intermediate solution, in R's syntax. */
  dirExp: string | null;
  allSol: boolean;
  rowDom: boolean;
}

/** Options of {@link runAnalysis}. */
export interface AnalysisOptions {
  /** Stop listing models after this many (default 10 000). */
  maxModels?: number;
  /** The data's name in messages (default `data`). */
  source?: string;
  /** The file line of each row, for messages (a CSV file); otherwise rows are numbered from 1. */
  lines?: readonly number[];
  /**
   * Checks beyond R QCA's (default true): at most {@link ANALYSIS_MAX_CONDITIONS} conditions
   * and no constant condition. `connective qca` turns them off to behave as R does.
   */
  strict?: boolean;
}

/** The calibrated data: the outcome and condition columns of the cases analysed. */
export interface CalibratedData {
  columns: string[];
  rows: { case: string; caseId?: string | null; values: (number | null)[] }[];
}

/** The report of one analysis (the JSON of `connective qca`, plus the calibrated data). */
export type AnalysisReport = {
  data: { cases: number; cases_dropped_for_NA: string[]; n_dropped_for_NA: number };
  params: {
    outcome: string;
    conditions: string[];
    condition_types: Record<string, ConditionKind>;
    'incl.cut': number[];
    'n.cut': number;
    'pri.cut': number;
    include: string[];
    'dir.exp': string | null;
    'all.sol': boolean;
    'row.dom': boolean;
  };
  truth_table: TruthTableReport;
  single_conditions: SingleConditionReport[];
  solution: SolutionReport;
  calibrated: CalibratedData;
};

/** The report with the objects it was made from (for text output). */
export interface AnalysisResult {
  report: AnalysisReport;
  data: QcaData;
  truthTable: TruthTable;
  result: MinimizeResult;
}

/**
 * Runs one analysis and returns its report. Throws `QcaInputError` for data that cannot be
 * analysed, naming the column and the row (1-based, with the case's name).
 *
 * @example
 * const report = runAnalysis(
 *   { columns: ['A', 'B', 'Y'], rows: [
 *     { case: 'a', values: [1, 0, 1] }, { case: 'b', values: [0, 1, 0] }, { case: 'c', values: [1, 1, 1] },
 *   ] },
 *   { outcome: 'Y', conditions: ['A', 'B'], calibration: {}, inclCut: [1], nCut: 1, priCut: 0,
 *     include: '?', dirExp: null, allSol: false, rowDom: false },
 * );
 * report.solution.models[0].expression; // 'A'
 */
export function runAnalysis(
  data: AnalysisData,
  params: AnalysisParams,
  options: AnalysisOptions = {},
): AnalysisReport {
  return analyse(data, params, options).report;
}

/**
 * {@link runAnalysis}, also returning the truth table and minimisation result.
 *
 * @example
 * // const { report, truthTable, result } = analyse(data, params);
 */
export function analyse(
  input: AnalysisData,
  params: AnalysisParams,
  options: AnalysisOptions = {},
): AnalysisResult {
  const strict = options.strict ?? true;
  const source = options.source ?? 'data';
  const { columns, rows } = input;
  const where = (i: number): string =>
    options.lines?.[i] !== undefined
      ? `${source} line ${options.lines[i]}`
      : `${source} row ${i + 1} (case ${rows[i]!.case})`;

  const seen = new Set<string>();
  columns.forEach((c, j) => {
    if (seen.has(c)) {
      throw inputError(`column ${c} appears twice in ${source}`, `data.columns.${j}`, 'duplicate');
    }
    seen.add(c);
  });
  rows.forEach((r, i) => {
    if (r.values.length !== columns.length) {
      throw inputError(
        `${where(i)}: ${r.values.length} values, but there are ${columns.length} columns`,
        `data.rows.${i}.values`,
        'wrong_length',
      );
    }
  });
  if (rows.length === 0) throw inputError(`${source} has no cases`, 'data.rows', 'no_cases');

  const spec = parseOutcomeSpec(params.outcome);
  if (!columns.includes(spec.column)) {
    throw inputError(
      `outcome column ${spec.column} is not in ${source}`,
      'params.outcome',
      'unknown_column',
    );
  }
  if (params.conditions.length === 0) {
    throw inputError('no conditions given', 'params.conditions', 'no_conditions');
  }
  if (strict && params.conditions.length > ANALYSIS_MAX_CONDITIONS) {
    throw inputError(
      `${params.conditions.length} conditions: at most ${ANALYSIS_MAX_CONDITIONS} are supported`,
      'params.conditions',
      'too_many_conditions',
    );
  }
  params.conditions.forEach((c, k) => {
    if (!columns.includes(c)) {
      throw inputError(
        `condition column ${c} is not in ${source}`,
        `params.conditions.${k}`,
        'unknown_column',
      );
    }
  });
  for (const c of Object.keys(params.calibration)) {
    if (!columns.includes(c)) {
      throw inputError(
        `calibration: column ${c} is not in ${source}`,
        `params.calibration.${c}`,
        'unknown_column',
      );
    }
  }
  const used = new Set([...params.conditions, spec.column]);

  // The cells of each column, numbers checked (NaN and infinities are errors), calibrated.
  const cells: RawCell[][] = columns.map((name, j) => {
    const col = rows.map((r, i) => {
      const v = r.values[j];
      if (typeof v === 'number' && !Number.isFinite(v) && used.has(name)) {
        throw inputError(
          `${where(i)}: value ${v} in column ${name} is not a number`,
          `data.rows.${i}.values.${j}`,
          'not_a_number',
        );
      }
      return v ?? null;
    });
    const cal = params.calibration[name];
    return cal ? calibrateColumn(name, j, col, cal, where) : col;
  });

  const df: DataFrame = {
    source,
    caseNames: rows.map((r) => r.case),
    columns: [...columns],
    cells,
    ...(options.lines ? { lines: [...options.lines] } : {}),
  };
  const data = prepareQcaData(df, { outcome: params.outcome, conditions: [...params.conditions] });
  if (strict) checkNotConstant(data, params.conditions);

  const tt = buildTruthTable(data, {
    inclCut: params.inclCut,
    nCut: params.nCut,
    priCut: params.priCut,
  });
  const dirExp = params.dirExp !== null && params.dirExp.trim() !== '' ? params.dirExp : undefined;
  const result = minimize(tt, {
    include: params.include,
    ...(dirExp !== undefined ? { dirExp } : {}),
    allSol: params.allSol,
    rowDom: params.rowDom,
    ...(options.maxModels !== undefined ? { maxModels: options.maxModels } : {}),
  });

  // The cases analysed are those with no missing value in the outcome or a condition.
  const outCols = [...params.conditions, spec.column];
  const outIdx = outCols.map((c) => columns.indexOf(c));
  const calibrated: CalibratedData = {
    columns: outCols,
    rows: rows.flatMap((r, i) =>
      rowHasMissing(outIdx, cells, i)
        ? []
        : [
            {
              case: r.case,
              ...(r.caseId !== undefined ? { caseId: r.caseId } : {}),
              values: outIdx.map((j) => numericOrNull(cells[j]![i])),
            },
          ],
    ),
  };

  const report: AnalysisReport = {
    data: {
      cases: data.caseNames.length,
      cases_dropped_for_NA: data.droppedCases,
      n_dropped_for_NA: data.droppedCases.length,
    },
    params: {
      outcome: data.outcome.label,
      conditions: data.conditions.map((c) => c.name),
      condition_types: Object.fromEntries(data.conditions.map((c) => [c.name, c.kind])),
      'incl.cut': [...params.inclCut],
      'n.cut': params.nCut,
      'pri.cut': params.priCut,
      include: result.include,
      'dir.exp': params.dirExp,
      'all.sol': params.allSol,
      'row.dom': params.rowDom,
    },
    truth_table: truthTableReport(tt),
    single_conditions: singleConditionsReport(singleConditions(data)),
    solution: solutionReport(result),
    calibrated,
  };
  return { report, data, truthTable: tt, result };
}

const MISSING_TEXT = new Set(['', 'NA', 'N/A', 'NaN', 'na', 'null', 'NULL', '.']);

/** Whether a cell counts as missing (as prepareQcaData reads it). */
function isMissing(cell: RawCell | undefined): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell === 'number') return Number.isNaN(cell);
  return MISSING_TEXT.has(cell.trim());
}

function rowHasMissing(cols: readonly number[], cells: readonly RawCell[][], i: number): boolean {
  return cols.some((j) => isMissing(cells[j]![i]));
}

/** A cell as a number, or null when it is missing or not numeric ("don't care"). */
function numericOrNull(cell: RawCell | undefined): number | null {
  if (isMissing(cell)) return null;
  const v = typeof cell === 'number' ? cell : Number(cell);
  return Number.isFinite(v) ? v : null;
}

/** Calibrates one column; missing cells stay missing. */
function calibrateColumn(
  name: string,
  j: number,
  col: readonly RawCell[],
  cal: ColumnCalibration,
  where: (i: number) => string,
): RawCell[] {
  const raw = col.map((cell, i) => {
    if (isMissing(cell)) return Number.NaN;
    const v = typeof cell === 'number' ? cell : Number(cell);
    if (!Number.isFinite(v)) {
      throw inputError(
        `${where(i)}: value '${String(cell)}' in column ${name} is not a number and cannot be calibrated`,
        `data.rows.${i}.values.${j}`,
        'not_a_number',
      );
    }
    return v;
  });
  let out: number[];
  try {
    out =
      cal.method === 'crisp'
        ? calibrateCrisp(raw, cal.thresholds)
        : calibrateFuzzy(raw, { thresholds: [cal.exclusion, cal.crossover, cal.inclusion] });
  } catch (e) {
    if (e instanceof QcaInputError) {
      throw inputError(
        `calibration of column ${name}: ${e.message}`,
        `params.calibration.${name}`,
        'bad_calibration',
      );
    }
    throw e;
  }
  return out.map((v) => (Number.isNaN(v) ? null : v));
}

/** Rejects a condition that has the same value in every case analysed: it explains nothing. */
function checkNotConstant(data: QcaData, names: readonly string[]): void {
  const n = data.caseNames.length;
  for (const c of data.conditions) {
    let constant = true;
    for (let i = 1; i < n && constant; i++) {
      if (c.dontCare[i] !== c.dontCare[0] || c.values[i] !== c.values[0]) constant = false;
    }
    if (constant) {
      const value = c.dontCare[0] ? '-' : String(c.values[0]);
      const range =
        n === 1
          ? `row 1 (case ${data.caseNames[0]})`
          : `rows 1 to ${n} (cases ${data.caseNames[0]} to ${data.caseNames[n - 1]})`;
      throw inputError(
        `condition ${c.name} has the value ${value} in every case analysed, ${range}: a constant condition cannot explain the outcome; leave it out or calibrate it differently`,
        `params.conditions.${names.indexOf(c.name)}`,
        'constant_condition',
      );
    }
  }
}
