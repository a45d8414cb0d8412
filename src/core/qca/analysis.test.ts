import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerQcaCommand } from '../../cli/qca-command.ts';
import type { AnalysisData, AnalysisParams } from './analysis.ts';
import { runAnalysis } from './analysis.ts';
import { calibrateFuzzy } from './calibration.ts';
import { dataFrameFromCsv, prepareQcaData } from './dataset.ts';
import { QcaInputError } from './errors.ts';
import { singleConditions } from './fit.ts';
import { minimize } from './minimize.ts';
import { singleConditionsReport, solutionReport, truthTableReport } from './report.ts';
import { buildTruthTable } from './truth-table.ts';

const fixture = (name: string): string =>
  new URL(`./fixtures/data/${name}`, import.meta.url).pathname;

/** A fixture CSV as the workbench sends data: numbers, null for missing. */
function dataSet(name: string): AnalysisData {
  const df = dataFrameFromCsv(readFileSync(fixture(name), 'utf8'), name);
  return {
    columns: df.columns,
    rows: df.caseNames.map((c, i) => ({
      case: c,
      values: df.columns.map((_, j) => {
        const cell = df.cells[j]![i];
        return cell === '' || cell === 'NA' || cell === null ? null : Number(cell);
      }),
    })),
  };
}

function params(over: Partial<AnalysisParams> = {}): AnalysisParams {
  return {
    outcome: 'Y',
    conditions: ['A', 'B'],
    calibration: {},
    inclCut: [1],
    nCut: 1,
    priCut: 0,
    include: '',
    dirExp: null,
    allSol: false,
    rowDom: false,
    ...over,
  };
}

/** Runs `connective qca …` and returns its standard output. */
async function cli(args: string[]): Promise<string> {
  let out = '';
  let err = '';
  const program = new Command('connective')
    .exitOverride()
    .configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (err += s) });
  registerQcaCommand(program);
  try {
    await program.parseAsync(['node', 'connective', 'qca', ...args]);
  } catch (e) {
    if (e instanceof CommanderError) throw new Error(err, { cause: e });
    throw e;
  }
  return out;
}

/** The error `fn` throws (it must throw a QcaInputError). */
function inputError(fn: () => unknown): QcaInputError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(QcaInputError);
    return e as QcaInputError;
  }
  throw new Error('expected a QcaInputError');
}

const small: AnalysisData = {
  columns: ['A', 'B', 'Y'],
  rows: [
    { case: 'a', values: [1, 0, 1] },
    { case: 'b', values: [0, 1, 0] },
    { case: 'c', values: [1, 1, 1] },
    { case: 'd', values: [0, 0, 0] },
  ],
};

describe('runAnalysis', () => {
  it('reports exactly what `connective qca --format json` prints, plus the calibrated data', async () => {
    const p = params({
      outcome: 'SURV',
      conditions: ['DEV', 'URB', 'LIT', 'IND', 'STB'],
      inclCut: [0.8],
      include: '?',
      dirExp: 'DEV, STB, ~LIT*IND',
    });
    const report = runAnalysis(dataSet('LF.csv'), p);
    const printed = JSON.parse(
      await cli([
        '--data',
        fixture('LF.csv'),
        '--outcome',
        'SURV',
        '--conditions',
        'DEV,URB,LIT,IND,STB',
        '--incl-cut',
        '0.8',
        '--include',
        '?',
        '--dir-exp',
        'DEV, STB, ~LIT*IND',
      ]),
    ) as Record<string, unknown>;
    const { calibrated, data, ...rest } = report;
    expect(printed).toEqual(
      JSON.parse(JSON.stringify({ data: { file: fixture('LF.csv'), ...data }, ...rest })),
    );
    expect(report.solution.models.map((m) => m.expression)).toEqual(['DEV*URB*STB + DEV*~IND*STB']);
    expect(calibrated.columns).toEqual(['DEV', 'URB', 'LIT', 'IND', 'STB', 'SURV']);
    expect(calibrated.rows).toHaveLength(18);
    expect(calibrated.rows[0]).toEqual({
      case: 'AU',
      values: [0.81, 0.12, 0.99, 0.73, 0.43, 0.05],
    });
  });

  it('equals the truth table, single conditions and solution built step by step', () => {
    const text = readFileSync(fixture('d.BWB.csv'), 'utf8');
    const conds = ['BC', 'SP', 'PH', 'PR', 'CH', 'AS', 'LI', 'HS', 'LC', 'TS'];
    const data = prepareQcaData(dataFrameFromCsv(text, 'd.BWB.csv'), {
      outcome: '~CAN',
      conditions: conds,
    });
    const tt = buildTruthTable(data, { inclCut: [1], nCut: 1, priCut: 0 });
    const report = runAnalysis(
      dataSet('d.BWB.csv'),
      params({ outcome: '~CAN', conditions: conds, include: '?' }),
    );
    expect(report.data.cases_dropped_for_NA).toEqual(['01', '03', '26']);
    expect(report.truth_table).toEqual(truthTableReport(tt));
    expect(report.single_conditions).toEqual(singleConditionsReport(singleConditions(data)));
    expect(report.solution).toEqual(solutionReport(minimize(tt, { include: '?' })));
    // The calibrated data hold the cases analysed only.
    expect(report.calibrated.rows.map((r) => r.case)).toEqual(data.caseNames);
  });

  it('calibrates the listed columns as R does before the analysis', () => {
    const raw: AnalysisData = {
      columns: ['GDP', 'URB', 'Y'],
      rows: [
        { case: 'a', caseId: 'id-a', values: [1, 10, 1] },
        { case: 'b', caseId: null, values: [4, 40, 0] },
        { case: 'c', values: [6, 70, 1] },
        { case: 'd', values: [9, null, 0] },
        { case: 'e', values: [7, 55, 1] },
      ],
    };
    const report = runAnalysis(
      raw,
      params({
        outcome: 'Y',
        conditions: ['GDP', 'URB'],
        calibration: {
          GDP: { method: 'fuzzy', exclusion: 2, crossover: 5, inclusion: 8 },
          URB: { method: 'crisp', thresholds: [50] },
        },
      }),
    );
    const gdp = calibrateFuzzy([1, 4, 6, 7], { thresholds: [2, 5, 8] });
    expect(report.calibrated).toEqual({
      columns: ['GDP', 'URB', 'Y'],
      rows: [
        { case: 'a', caseId: 'id-a', values: [gdp[0], 0, 1] },
        { case: 'b', caseId: null, values: [gdp[1], 0, 0] },
        { case: 'c', values: [gdp[2], 1, 1] },
        { case: 'e', values: [gdp[3], 1, 1] },
      ],
    });
    expect(report.data.cases_dropped_for_NA).toEqual(['d']);
    expect(report.params.condition_types).toEqual({ GDP: 'fuzzy', URB: 'binary' });
  });

  it('finds the parsimonious solution of a small crisp data set', () => {
    const report = runAnalysis(small, params({ include: '?' }));
    expect(report.solution.models.map((m) => m.expression)).toEqual(['A']);
    expect(report.params).toMatchObject({ include: ['?'], 'dir.exp': null, 'incl.cut': [1] });
  });
});

describe('runAnalysis rejects bad data, naming the column and the row', () => {
  it('a fuzzy score outside [0, 1] in a column used without calibration', () => {
    const e = inputError(() =>
      runAnalysis(
        {
          columns: ['A', 'Y'],
          rows: [
            { case: 'ok', values: [0.2, 1] },
            { case: 'broken', values: [1.7, 0] },
          ],
        },
        params({ conditions: ['A'] }),
      ),
    );
    expect(e.message).toBe(
      'data row 2 (case broken): value 1.7 in column A is not a fuzzy score in [0, 1] or a crisp level; calibrate it first',
    );
    expect([e.path, e.code]).toEqual(['data.rows.1.values.0', 'not_a_membership']);
  });

  it('a negative value and an outcome outside [0, 1]', () => {
    const neg = inputError(() =>
      runAnalysis(
        {
          columns: ['A', 'Y'],
          rows: [
            { case: 'x', values: [0, 1] },
            { case: 'y', values: [-0.2, 0] },
          ],
        },
        params({ conditions: ['A'] }),
      ),
    );
    expect(neg.message).toMatch(/^data row 2 \(case y\): value -0\.2 in column A is negative/);
    const out = inputError(() =>
      runAnalysis(
        {
          columns: ['A', 'Y'],
          rows: [
            { case: 'x', values: [0, 1] },
            { case: 'Big', values: [1, 3] },
          ],
        },
        params({ conditions: ['A'] }),
      ),
    );
    expect(out.message).toMatch(/^data row 2 \(case Big\): outcome Y has value 3/);
    expect(out.path).toBe('data.rows.1.values.1');
  });

  it('a constant condition', () => {
    const data: AnalysisData = {
      columns: ['A', 'B', 'Y'],
      rows: [
        { case: 'p', values: [1, 1, 1] },
        { case: 'q', values: [0, 1, 0] },
        { case: 'r', values: [0, 1, 0] },
      ],
    };
    const e = inputError(() => runAnalysis(data, params()));
    expect(e.message).toMatch(
      /^condition B has the value 1 in every case analysed, rows 1 to 3 \(cases p to r\)/,
    );
    expect([e.path, e.code]).toEqual(['params.conditions.1', 'constant_condition']);
    // R accepts it; so does the command line, which turns the extra checks off.
    expect(runAnalysis(data, params(), { strict: false }).truth_table.rows).toHaveLength(2);
  });

  it('a missing outcome or condition column', () => {
    const out = inputError(() => runAnalysis(small, params({ outcome: '~Z' })));
    expect(out.message).toBe('outcome column Z is not in data');
    expect(out.path).toBe('params.outcome');
    const cond = inputError(() => runAnalysis(small, params({ conditions: ['A', 'C'] })));
    expect(cond.message).toBe('condition column C is not in data');
    expect(cond.path).toBe('params.conditions.1');
    const cal = inputError(() =>
      runAnalysis(small, params({ calibration: { Q: { method: 'crisp', thresholds: [1] } } })),
    );
    expect(cal.message).toBe('calibration: column Q is not in data');
  });

  it('more than 20 conditions', () => {
    const columns = [...Array.from({ length: 21 }, (_, j) => `C${j + 1}`), 'Y'];
    const data: AnalysisData = {
      columns,
      rows: [{ case: 'a', values: columns.map(() => 1) }],
    };
    const e = inputError(() => runAnalysis(data, params({ conditions: columns.slice(0, 21) })));
    expect(e.message).toBe('21 conditions: at most 20 are supported');
    expect([e.path, e.code]).toEqual(['params.conditions', 'too_many_conditions']);
  });

  it('NaN and infinite values', () => {
    const nan = inputError(() =>
      runAnalysis(
        {
          columns: ['A', 'B', 'Y'],
          rows: [...small.rows, { case: 'e', values: [1, Number.NaN, 1] }],
        },
        params(),
      ),
    );
    expect(nan.message).toBe('data row 5 (case e): value NaN in column B is not a number');
    expect(nan.path).toBe('data.rows.4.values.1');
    const inf = inputError(() =>
      runAnalysis(
        {
          columns: ['A', 'B', 'Y'],
          rows: [{ case: 'z', values: [Infinity, 0, 1] }, ...small.rows],
        },
        params(),
      ),
    );
    expect(inf.message).toBe('data row 1 (case z): value Infinity in column A is not a number');
  });

  it('a row of the wrong length and bad calibration thresholds', () => {
    const short = inputError(() =>
      runAnalysis({ columns: ['A', 'B', 'Y'], rows: [{ case: 'w', values: [1, 0] }] }, params()),
    );
    expect(short.message).toBe('data row 1 (case w): 2 values, but there are 3 columns');
    expect(short.path).toBe('data.rows.0.values');
    const cal = inputError(() =>
      runAnalysis(
        small,
        params({
          calibration: { A: { method: 'fuzzy', exclusion: 2, crossover: 8, inclusion: 5 } },
        }),
      ),
    );
    expect(cal.message).toMatch(/^calibration of column A: /);
    expect([cal.path, cal.code]).toEqual(['params.calibration.A', 'bad_calibration']);
  });

  it('parameters that cannot be used say which one', () => {
    const dir = inputError(() => runAnalysis(small, params({ include: '?', dirExp: 'A, Q' })));
    expect(dir.path).toBe('params.dirExp');
    const none = inputError(() =>
      runAnalysis(
        {
          columns: ['A', 'B', 'Y'],
          rows: small.rows.map((r) => ({ ...r, values: [...r.values.slice(0, 2), 0] })),
        },
        params(),
      ),
    );
    expect([none.path, none.code]).toEqual(['params.inclCut', 'no_positive_rows']);
    expect(inputError(() => runAnalysis(small, params({ include: 'X' }))).path).toBe(
      'params.include',
    );
  });
});
