/**
 * One whole analysis from a data set and R QCA's parameters: calibration of the chosen columns,
 * the single conditions (necessity and sufficiency), the truth table and the minimisation, as the
 * JSON report `connective qca --format json` prints, plus the calibrated data it used.
 */
import { calibrate } from './calibration.ts';
import type { DataFrame, RawCell } from './dataset.ts';
import { MAX_CONDITIONS, parseOutcomeSpec, prepareQcaData } from './dataset.ts';
import { inputError, QcaInputError } from './errors.ts';
import { singleConditions } from './fit.ts';
import { minimize } from './minimize.ts';
import { singleConditionsReport, solutionReport, truthTableReport } from './report.ts';
import { buildTruthTable } from './truth-table.ts';

export type AnalysisDataSet = {
  columns: string[];
  rows: { case: string; caseId?: string | null; values: (number | null)[] }[];
};

export type AnalysisCalibration =
  | { method: 'crisp'; thresholds: number[] }
  | { method: 'fuzzy'; exclusion: number; crossover: number; inclusion: number };

export type AnalysisParams = {
  outcome: string;
  conditions: string[];
  calibration: Record<string, AnalysisCalibration>;
  inclCut: number[];
  nCut: number;
  priCut: number;
  include: string;
  dirExp: string | null;
  allSol: boolean;
  rowDom: boolean;
};

export type AnalysisReport = {
  data: { cases: number; cases_dropped_for_NA: string[]; n_dropped_for_NA: number };
  params: Record<string, unknown> & { outcome: string; conditions: string[] };
  truth_table: Record<string, unknown>;
  single_conditions: Record<string, unknown>[];
  solution: Record<string, unknown>;
  calibrated: AnalysisDataSet;
};

const rowLabel = (d: AnalysisDataSet, i: number) => `row ${i + 1} (case ${d.rows[i]!.case})`;

/** Gives the engine's own input errors a place and a kind, from what they say. */
function located<T>(run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof QcaInputError && !err.path) {
      const m = err.message;
      if (/nothing to explain/.test(m)) {
        err.path = 'params.inclCut';
        err.code = 'nothing_to_explain';
      } else if (/dir\.exp|expectation/i.test(m)) {
        err.path = 'params.dirExp';
        err.code = 'bad_dir_exp';
      } else if (/outcome/i.test(m)) {
        err.path = 'params.outcome';
      } else if (/include/i.test(m)) {
        err.path = 'params.include';
      } else err.path = 'data';
      err.code ??= 'invalid';
    }
    throw err;
  }
}

/**
 * Runs the analysis. Throws QcaInputError naming the column and the row for data it cannot
 * analyse, QcaLimitError past the engine's limits.
 *
 * @example
 * runAnalysis(
 *   { columns: ['A', 'Y'], rows: [{ case: 'a', values: [1, 1] }, { case: 'b', values: [0, 0] }] },
 *   { outcome: 'Y', conditions: ['A'], calibration: {}, inclCut: [1], nCut: 1, priCut: 0,
 *     include: '', dirExp: null, allSol: false, rowDom: false },
 * ).solution; // { models: [{ expression: 'A', … }], … }
 */
export function runAnalysis(
  data: AnalysisDataSet,
  params: AnalysisParams,
  options: { maxModels?: number } = {},
): AnalysisReport {
  if (params.conditions.length > MAX_CONDITIONS)
    throw inputError(
      `at most ${MAX_CONDITIONS} conditions are supported`,
      'params.conditions',
      'too_many_conditions',
    );
  const outcomeColumn = parseOutcomeSpec(params.outcome).column;
  const used = [...params.conditions, outcomeColumn];
  for (const [path, names] of [
    ['params.conditions', params.conditions],
    ['params.outcome', [outcomeColumn]],
    ['params.calibration', Object.keys(params.calibration)],
  ] as const) {
    for (const name of names)
      if (!data.columns.includes(name))
        throw inputError(`column ${name} is not in the data set`, path, 'unknown_column');
  }
  const columnIndex = new Map(data.columns.map((c, i) => [c, i]));
  const cells: RawCell[][] = [];
  const calibrated: AnalysisDataSet = {
    columns: used,
    rows: data.rows.map((r) => ({ case: r.case, caseId: r.caseId ?? null, values: [] })),
  };
  for (const name of used) {
    const j = columnIndex.get(name)!;
    const raw = data.rows.map((r, i) => {
      const v = r.values[j];
      const at = `data.rows.${i}.values.${j}`;
      if (v === undefined)
        throw inputError(`${rowLabel(data, i)} has no value for column ${name}`, at, 'missing');
      if (v !== null && !Number.isFinite(v))
        throw inputError(
          `${rowLabel(data, i)}: column ${name} is not a number`,
          at,
          'not_a_number',
        );
      return v;
    });
    const calibration = params.calibration[name];
    let values: (number | null)[] = raw;
    if (calibration) {
      const present = raw.map((v) => v ?? Number.NaN);
      const out =
        calibration.method === 'crisp'
          ? calibrate(present, { type: 'crisp', thresholds: calibration.thresholds })
          : calibrate(present, {
              type: 'fuzzy',
              thresholds: [calibration.exclusion, calibration.crossover, calibration.inclusion],
            });
      values = out.map((v, i) => (raw[i] === null ? null : v));
    } else if (name !== outcomeColumn || !/\[/.test(params.outcome)) {
      // Uncalibrated values must already be set memberships: levels 0, 1, 2 … or scores in [0, 1].
      raw.forEach((v, i) => {
        if (v === null) return;
        if (v < 0 || (v > 1 && !Number.isInteger(v)))
          throw inputError(
            `${rowLabel(data, i)}: column ${name} has ${v}, which is neither a set membership in [0, 1] nor a crisp level; calibrate it first`,
            `data.rows.${i}.values.${j}`,
            'not_a_membership',
          );
      });
    }
    values.forEach((v, i) => calibrated.rows[i]!.values.push(v));
    cells.push(values);
  }
  for (const name of params.conditions) {
    const j = used.indexOf(name);
    const present = calibrated.rows.map((r) => r.values[j]).filter((v) => v !== null);
    if (present.length > 0 && present.every((v) => v === present[0]))
      throw inputError(
        `column ${name} has the same value (${present[0]}) in every case: a constant condition explains nothing`,
        'params.conditions',
        'constant_condition',
      );
  }
  const df: DataFrame = {
    source: 'the data set',
    caseNames: data.rows.map((r) => r.case),
    columns: used,
    cells,
  };
  const prepared = located(() =>
    prepareQcaData(df, { outcome: params.outcome, conditions: params.conditions }),
  );
  const tt = buildTruthTable(prepared, {
    inclCut: params.inclCut,
    nCut: params.nCut,
    priCut: params.priCut,
  });
  const result = located(() =>
    minimize(tt, {
      ...(params.include ? { include: params.include } : {}),
      ...(params.dirExp ? { dirExp: params.dirExp } : {}),
      allSol: params.allSol,
      rowDom: params.rowDom,
      ...(options.maxModels !== undefined ? { maxModels: options.maxModels } : {}),
    }),
  );
  return {
    data: {
      cases: prepared.caseNames.length,
      cases_dropped_for_NA: prepared.droppedCases,
      n_dropped_for_NA: prepared.droppedCases.length,
    },
    params: {
      outcome: prepared.outcome.label,
      conditions: prepared.conditions.map((c) => c.name),
      condition_types: Object.fromEntries(prepared.conditions.map((c) => [c.name, c.kind])),
      'incl.cut': params.inclCut,
      'n.cut': params.nCut,
      'pri.cut': params.priCut,
      include: result.include,
      'dir.exp': params.dirExp,
      'all.sol': params.allSol,
      'row.dom': params.rowDom,
    },
    truth_table: truthTableReport(tt),
    single_conditions: singleConditionsReport(singleConditions(prepared)),
    solution: solutionReport(result),
    calibrated,
  };
}
