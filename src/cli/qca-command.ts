import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { AnalysisData, AnalysisParams } from '../core/qca/index.ts';
import {
  analyse,
  dataFrameFromCsv,
  formatSolutionText,
  formatTruthTableText,
  parseOutcomeSpec,
  QcaInputError,
  QcaLimitError,
  runAnalysis,
} from '../core/qca/index.ts';

/** Options of `connective qca`, as commander parses them. */
interface QcaCliOptions {
  data: string;
  outcome: string;
  conditions?: string;
  inclCut: string;
  nCut: string;
  priCut: string;
  include?: string;
  dirExp?: string;
  allSol?: boolean;
  rowDom?: boolean;
  maxModels?: string;
  format: string;
}

/** A problem with a command-line flag. */
class FlagError extends Error {
  override name = 'FlagError';
}

function numberList(flag: string, value: string): number[] {
  return value.split(',').map((s) => {
    const v = Number(s.trim());
    if (s.trim() === '' || !Number.isFinite(v)) {
      throw new FlagError(`${flag}: '${s.trim()}' is not a number`);
    }
    return v;
  });
}

function integerFlag(flag: string, value: string, min: number): number {
  const v = Number(value);
  if (!Number.isInteger(v) || v < min) {
    throw new FlagError(`${flag}: '${value}' must be an integer of at least ${min}`);
  }
  return v;
}

/**
 * Runs the analysis and returns what to print.
 *
 * @example
 * // runQca({ data: 'LF.csv', outcome: 'SURV', inclCut: '0.8', nCut: '1', priCut: '0', format: 'json' })
 */
function runQca(opts: QcaCliOptions): string {
  if (opts.format !== 'json' && opts.format !== 'text') {
    throw new FlagError(`--format: '${opts.format}' must be json or text`);
  }
  const inclCut = numberList('--incl-cut', opts.inclCut);
  if (inclCut.length < 1 || inclCut.length > 2) {
    throw new FlagError('--incl-cut takes one or two comma-separated values');
  }
  const nCut = integerFlag('--n-cut', opts.nCut, 1);
  const [priCut] = numberList('--pri-cut', opts.priCut);
  if (priCut === undefined || priCut < 0 || priCut > 1) {
    throw new FlagError(`--pri-cut: '${opts.priCut}' must be in [0, 1]`);
  }
  const maxModels =
    opts.maxModels !== undefined ? integerFlag('--max-models', opts.maxModels, 1) : undefined;
  const conditions = opts.conditions
    ?.split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  let text: string;
  try {
    text = readFileSync(opts.data, 'utf8');
  } catch (e) {
    throw new FlagError(
      `--data: cannot read ${opts.data} (${(e as NodeJS.ErrnoException).code ?? String(e)})`,
    );
  }
  const df = dataFrameFromCsv(text, basename(opts.data));
  const data: AnalysisData = {
    columns: df.columns,
    rows: df.caseNames.map((name, i) => ({
      case: name,
      values: df.columns.map((_, j) => df.cells[j]![i] ?? null),
    })),
  };
  const outcomeColumn = parseOutcomeSpec(opts.outcome).column;
  const params: AnalysisParams = {
    outcome: opts.outcome,
    // As R's truthTable(): every other column when no conditions are given.
    conditions:
      conditions && conditions.length > 0
        ? conditions
        : df.columns.filter((c) => c !== outcomeColumn),
    calibration: {},
    inclCut,
    nCut,
    priCut,
    include: opts.include ?? '',
    dirExp: opts.dirExp ?? null,
    allSol: opts.allSol === true,
    rowDom: opts.rowDom === true,
  };
  // R's behaviour: no limit of 20 conditions, constant conditions allowed.
  const options = {
    source: df.source,
    ...(df.lines ? { lines: df.lines } : {}),
    ...(maxModels !== undefined ? { maxModels } : {}),
    strict: false,
  };
  if (opts.format === 'text') {
    const { data: analysed, truthTable, result } = analyse(data, params, options);
    const dropped = analysed.droppedCases.length
      ? `\n${analysed.droppedCases.length} case(s) dropped for missing values: ${analysed.droppedCases.join(', ')}\n`
      : '';
    return `${formatTruthTableText(truthTable)}\n${dropped}\n${formatSolutionText(result, analysed.outcome.label)}\n`;
  }
  const { data: summary, calibrated: _calibrated, ...rest } = runAnalysis(data, params, options);
  const report = { data: { file: opts.data, ...summary }, ...rest };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/**
 * Registers `connective qca`: truth table and Boolean minimisation of a CSV file (first column
 * `case` names the cases), printed as JSON or text.
 *
 * @example
 * // connective qca --data LF.csv --outcome SURV --conditions DEV,URB,LIT,IND,STB --incl-cut 0.8 --include ?
 */
export function registerQcaCommand(program: Command): void {
  program
    .command('qca')
    .description(
      'Qualitative Comparative Analysis: truth table and minimisation (parity with R QCA)',
    )
    .requiredOption('--data <file>', 'CSV file; a first column named "case" names the cases')
    .requiredOption('--outcome <name>', 'outcome column; ~Y negates it, Y[v] picks a value')
    .option('--conditions <list>', 'comma-separated condition columns (default: all others)')
    .option('--incl-cut <x[,y]>', 'inclusion cut-off(s): 1 above x, C between y and x', '1')
    .option('--n-cut <n>', 'minimum number of cases in a row', '1')
    .option('--pri-cut <p>', 'minimum PRI for an output of 1', '0')
    .option('--include <values>', 'other outputs to include: ? (remainders) and/or C')
    .option('--dir-exp <expectations>', 'directional expectations, e.g. "A, ~B, C"')
    .option('--all-sol', 'all irredundant models, not only the minimal ones')
    .option('--row-dom', 'remove dominated prime implicants first')
    .option('--max-models <n>', 'stop listing models after n')
    .option('--format <format>', 'json or text', 'json')
    .action(function (this: Command, opts: QcaCliOptions) {
      const out = this.configureOutput();
      let printed: string;
      try {
        printed = runQca(opts);
      } catch (e) {
        if (e instanceof QcaInputError || e instanceof QcaLimitError || e instanceof FlagError) {
          this.error(`error: ${e.message}`, { exitCode: 1, code: 'connective.qca' });
        }
        throw e;
      }
      if (out.writeOut) out.writeOut(printed);
      else process.stdout.write(printed);
    });
}
