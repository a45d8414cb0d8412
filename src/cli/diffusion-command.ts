import { readFileSync } from 'node:fs';
import { Option } from 'commander';
import type { Command } from 'commander';
import { fitBass } from '../core/stats/bass.ts';
import {
  ConvergenceError,
  designMatrix,
  logisticRegression,
  type DesignTerm,
} from '../core/stats/logistic.ts';
import {
  fieldCountProblem,
  ImportFileError,
  readCsv,
  type CsvRecord,
} from '../server/commands/csv-records.ts';

/** A problem with the input, reported as `connective diffusion …: message` and exit code 1. */
class InputError extends Error {
  override name = 'InputError';
}

function load(file: string, required: readonly string[]) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    const { header, records } = readCsv(text, { required, file });
    for (const r of records) {
      const problem = fieldCountProblem(r, header);
      if (problem) throw new InputError(`${file}: line ${r.line}: ${problem}`);
    }
    return { header, records };
  } catch (error) {
    if (error instanceof ImportFileError) throw new InputError(error.message);
    throw error;
  }
}

function numberAt(file: string, r: CsvRecord, column: string, integer = false): number {
  const raw = r.values[column]!.trim();
  const v = Number(raw);
  if (raw === '' || !Number.isFinite(v) || (integer && !Number.isInteger(v)))
    throw new InputError(
      `${file}: line ${r.line}: ${column} '${raw}' is not ${integer ? 'a whole number' : 'a number'}`,
    );
  return v;
}

/** What `connective diffusion bass` prints as JSON: the peak as a decimal year. */
export type BassSummary = {
  p: number;
  q: number;
  m: number;
  peak: number | null;
  r2: number;
  sse: number;
};

/**
 * Fits the Bass model to new adopters per year (`year,adopters`), t = year − first year + 1:
 * the cumulative curve is fitted, as R's nls on N(t) = m F(t).
 */
export function bassFromCsv(file: string): BassSummary {
  const { records } = load(file, ['year', 'adopters']);
  const years: number[] = [];
  const counts: number[] = [];
  for (const r of records) {
    const year = numberAt(file, r, 'year', true);
    const n = numberAt(file, r, 'adopters');
    if (n < 0) throw new InputError(`${file}: line ${r.line}: adopters must not be negative`);
    if (years.length && year !== years.at(-1)! + 1)
      throw new InputError(
        `${file}: line ${r.line}: year ${year} does not follow ${years.at(-1)} (give every year, 0 when nobody adopted)`,
      );
    years.push(year);
    counts.push(n);
  }
  if (years.length < 3)
    throw new InputError(
      `${file}: a Bass fit needs at least 3 years, the file has ${years.length}`,
    );
  const origin = years[0]! - 1;
  let total = 0;
  const cumulative = counts.map((n) => (total += n));
  let fit;
  try {
    fit = fitBass(
      years.map((y) => y - origin),
      cumulative,
    );
  } catch (error) {
    if (error instanceof RangeError) throw new InputError(`${file}: ${error.message}`);
    throw error;
  }
  if (!fit.converged)
    throw new InputError(
      `${file}: the curve does not determine the model (adoption has not slowed down, so m cannot be estimated)`,
    );
  return {
    p: fit.p,
    q: fit.q,
    m: fit.m,
    peak: fit.q > fit.p ? origin + fit.peakTime : null,
    r2: fit.rSquared,
    sse: fit.rss,
  };
}

/**
 * Parses `y ~ a + b + c` into the outcome and terms; a column holding anything but numbers is a
 * factor with its alphabetically first level as the reference (R's default).
 */
export function parseFormula(formula: string): { outcome: string; terms: string[] } {
  const m = /^\s*([A-Za-z_.][\w.]*)\s*~\s*(.+)$/.exec(formula);
  if (!m) throw new InputError(`--formula '${formula}' is not of the form 'y ~ a + b'`);
  const terms = m[2]!.split('+').map((t) => t.trim());
  const bad = terms.find((t) => !/^[A-Za-z_.][\w.:]*$/.test(t));
  if (bad !== undefined) throw new InputError(`--formula: '${bad}' is not a column name`);
  return { outcome: m[1]!, terms };
}

export type EhaSummary = {
  coefficients: { term: string; estimate: number; se: number; z: number; p: number }[];
  deviance: number;
  nullDeviance: number;
  aic: number;
  iterations: number;
  n: number;
};

/** A discrete-time event-history logit: `glm(formula, family = binomial)` on a risk-set CSV. */
export function ehaFromCsv(file: string, formula: string): EhaSummary {
  const { outcome, terms } = parseFormula(formula);
  const { records } = load(file, [outcome, ...terms]);
  const factors = terms.filter((t) =>
    records.some((r) => {
      const raw = r.values[t]!.trim();
      return raw !== '' && !Number.isFinite(Number(raw));
    }),
  );
  const data = records.map((r) => {
    const row: Record<string, string | number> = {};
    const y = numberAt(file, r, outcome);
    if (y !== 0 && y !== 1)
      throw new InputError(`${file}: line ${r.line}: ${outcome} must be 0 or 1, not ${y}`);
    row[outcome] = y;
    for (const t of terms) {
      if (factors.includes(t)) {
        const v = r.values[t]!.trim();
        if (v === '') throw new InputError(`${file}: line ${r.line}: ${t} is empty`);
        row[t] = v;
      } else row[t] = numberAt(file, r, t);
    }
    return row;
  });
  if (data.length === 0) throw new InputError(`${file} has no rows`);
  const design: DesignTerm[] = terms.map((t) =>
    factors.includes(t)
      ? { factor: t, reference: [...new Set(data.map((r) => String(r[t])))].sort()[0]! }
      : t,
  );
  try {
    const fit = logisticRegression(
      designMatrix(data, design),
      data.map((r) => r[outcome] as number),
    );
    return {
      coefficients: fit.coefficients.map((c) => ({
        term: c.term,
        estimate: c.estimate,
        se: c.stdError,
        z: c.z,
        p: c.pValue,
      })),
      deviance: fit.deviance,
      nullDeviance: fit.nullDeviance,
      aic: fit.aic,
      iterations: fit.iterations,
      n: data.length,
    };
  } catch (error) {
    if (error instanceof RangeError || error instanceof ConvergenceError)
      throw new InputError(`${file}: the model cannot be estimated: ${error.message}`);
    throw error;
  }
}

const fmt = (x: number | null, digits = 6) => (x === null ? 'none' : x.toFixed(digits));

function bassTable(s: BassSummary): string {
  return (
    [
      `p (innovation)   ${fmt(s.p)}`,
      `q (imitation)    ${fmt(s.q)}`,
      `m (potential)    ${fmt(s.m, 3)}`,
      `peak (year)      ${fmt(s.peak, 2)}`,
      `R²               ${fmt(s.r2)}`,
      `SSE              ${fmt(s.sse, 4)}`,
    ].join('\n') + '\n'
  );
}

function ehaTable(s: EhaSummary): string {
  const header = ['term', 'estimate', 'std. error', 'z', 'p'];
  const rows = s.coefficients.map((c) => [
    c.term,
    fmt(c.estimate),
    fmt(c.se),
    fmt(c.z, 3),
    c.p < 1e-4 ? c.p.toExponential(2) : fmt(c.p, 4),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const render = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return (
    [render(header), ...rows.map(render)].join('\n') +
    `\n\nn = ${s.n}; deviance ${fmt(s.deviance, 4)} (null ${fmt(s.nullDeviance, 4)}); AIC ${fmt(s.aic, 4)}; ${s.iterations} Fisher-scoring iterations\n`
  );
}

function run(name: string, action: () => string): void {
  try {
    process.stdout.write(action());
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    process.stderr.write(`connective diffusion ${name}: ${error.message}\n`);
    process.exitCode = 1;
  }
}

const formatOption = () =>
  new Option('--format <format>', 'output format').choices(['table', 'json']).default('table');

/** Registers `connective diffusion bass` and `connective diffusion eha`. */
export function registerDiffusionCommand(program: Command): void {
  const diffusion = program
    .command('diffusion')
    .description('Diffusion models: Bass curves and event-history analysis');
  diffusion
    .command('bass')
    .description(
      'Fit the Bass model to new adopters per year (CSV columns year,adopters); JSON: { p, q, m, peak, r2, sse }',
    )
    .requiredOption('--data <file>', 'CSV with columns year,adopters (every year, in order)')
    .addOption(formatOption())
    .action((o: { data: string; format: 'table' | 'json' }) =>
      run('bass', () => {
        const s = bassFromCsv(o.data);
        return o.format === 'json' ? `${JSON.stringify(s)}\n` : bassTable(s);
      }),
    );
  diffusion
    .command('eha')
    .description(
      "Discrete-time event-history analysis: a logit on a risk-set CSV, as R's glm(family = binomial)",
    )
    .requiredOption('--data <file>', 'CSV with one row per unit and year at risk')
    .requiredOption('--formula <formula>', "e.g. 'adopted ~ tradition + peer_share + year'")
    .addOption(formatOption())
    .action((o: { data: string; formula: string; format: 'table' | 'json' }) =>
      run('eha', () => {
        const s = ehaFromCsv(o.data, o.formula);
        return o.format === 'json' ? `${JSON.stringify(s)}\n` : ehaTable(s);
      }),
    );
}
