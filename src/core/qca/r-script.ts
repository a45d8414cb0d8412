/**
 * An R script that reproduces an analysis with the R package QCA (Dușa 2019, "QCA with R"):
 * the data inline, the calibrations, the truth table and the minimisation, with the arguments
 * that the parity fixtures (fixtures/ref_*.json) show R QCA was called with, e.g.
 * `minimize(tt, include = c("?", "C"), dir.exp = "DEV, STB, ~LIT*IND")`.
 */
import type { AnalysisData, AnalysisParams } from './analysis.ts';
import type { RawCell } from './dataset.ts';
import { parseOutcomeSpec } from './dataset.ts';

/** What the script says about itself in its header. */
export interface RScriptMeta {
  title: string;
  /** When the script was made (ISO 8601). */
  generatedAt: string;
  /** Where the analysis can be found again. */
  url?: string;
}

/**
 * A string as an R string literal: double quotes, with backslashes, quotes and control
 * characters escaped (NUL, which R strings cannot hold, is dropped). With `rawNewlines`, line
 * feeds stay as they are (R string literals may span lines).
 *
 * @example
 * rString('say "hi"\\'); // '"say \\"hi\\"\\\\"'
 */
export function rString(s: string, rawNewlines = false): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += rawNewlines ? '\n' : '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code === 0) continue;
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** A number as R reads it back exactly (JavaScript's shortest round-trip form). */
function rNumber(v: number): string {
  if (Number.isNaN(v)) return 'NA';
  if (!Number.isFinite(v)) return v > 0 ? 'Inf' : '-Inf';
  return String(v);
}

function rVector(xs: readonly string[]): string {
  return xs.length === 1 ? xs[0]! : `c(${xs.join(', ')})`;
}

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
function csvField(s: string): string {
  return /[",\n\r]/.test(s) || s !== s.trim() ? `"${s.replaceAll('"', '""')}"` : s;
}

/** A data cell in the inline CSV: numbers as R reads them, NA for missing, text as given. */
function csvCell(v: RawCell | undefined): string {
  if (v === null || v === undefined) return 'NA';
  if (typeof v === 'number') return Number.isFinite(v) ? rNumber(v) : 'NA';
  return csvField(v);
}

/**
 * Names made unique as R's make.unique() does (a, a.1, a.2 …); "NA", which read.csv would read
 * as missing, becomes NA.1.
 */
function makeUnique(names: readonly string[]): string[] {
  const seen = new Set(names);
  const counts = new Map<string, number>();
  const used = new Set<string>(['NA']);
  return names.map((n) => {
    if (!used.has(n)) {
      used.add(n);
      return n;
    }
    let k = counts.get(n) ?? 0;
    let candidate: string;
    do candidate = `${n}.${++k}`;
    while (seen.has(candidate) || used.has(candidate));
    counts.set(n, k);
    used.add(candidate);
    return candidate;
  });
}

/** Text for a comment line: no line breaks, so nothing can escape the comment. */
function oneLine(s: string): string {
  return s.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();
}

/**
 * The R script that reproduces an analysis. Each step has a comment saying what it does.
 *
 * @example
 * const script = rScript(
 *   { columns: ['A', 'Y'], rows: [{ case: 'a', values: [1, 1] }, { case: 'b', values: [0, 0] }] },
 *   { outcome: 'Y', conditions: ['A'], calibration: {}, inclCut: [1], nCut: 1, priCut: 0,
 *     include: '?', dirExp: null, allSol: false, rowDom: false },
 *   { title: 'Example', generatedAt: '2026-11-27T08:00:00Z' },
 * );
 * // script contains 'tt <- truthTable(data, outcome = "Y", conditions = "A", …' and 'minimize(tt, …'
 */
export function rScript(data: AnalysisData, params: AnalysisParams, meta: RScriptMeta): string {
  const outcome = parseOutcomeSpec(params.outcome);
  const used = [...new Set([...params.conditions, outcome.column])];
  const names = makeUnique(data.rows.map((r) => r.case));
  const renamed = names.some((n, i) => n !== data.rows[i]!.case);
  const csv = [
    ['case', ...data.columns].map(csvField).join(','),
    ...data.rows.map((r, i) => [csvField(names[i]!), ...r.values.map(csvCell)].join(',')),
  ].join('\n');

  const out: string[] = [];
  const comment = (...lines: string[]): void => {
    for (const l of lines) out.push(`# ${oneLine(l)}`.trimEnd());
  };
  comment(meta.title);
  comment(
    `Made by Connective on ${meta.generatedAt}${meta.url ? ` from ${meta.url}` : ''}.`,
    'This script reproduces the analysis with the R package QCA (Dusa), whose results',
    "Connective's engine matches (QCA 3.25.1). Install the package once with",
    'install.packages("QCA"), then run the script in R or RStudio.',
  );
  out.push('', 'library(QCA)', '');

  comment(
    'Step 1: the data. One row per case (the case names become the row names), one column',
    'per condition or outcome; NA marks a missing value.',
  );
  if (renamed) {
    comment('Repeated case names (and "NA") were made unique as make.unique() does: a, a.1, …');
  }
  out.push(
    `data <- read.csv(text = ${rString(`${csv}\n`, true)},`,
    `  row.names = 1, colClasses = c("character", rep(NA, ${data.columns.length})),`,
    '  check.names = FALSE, na.strings = "NA")',
    '',
  );

  comment(
    'Step 2: cases with a missing value in the outcome or in a condition are left out,',
    'as in Connective.',
  );
  out.push(
    `data <- data[complete.cases(data[, ${rVector(used.map((c) => rString(c)))}, drop = FALSE]), , drop = FALSE]`,
    '',
  );

  const calibrations = Object.entries(params.calibration).filter(([name]) => used.includes(name));
  if (calibrations.length > 0) {
    comment('Step 3: calibration of raw values into set membership scores.');
    for (const [name, c] of calibrations) {
      const col = `data[[${rString(name)}]]`;
      if (c.method === 'crisp') {
        comment(
          `${name}: crisp; a case goes up one set value at each threshold (${c.thresholds.join(', ')}).`,
        );
        out.push(
          `${col} <- calibrate(${col}, type = "crisp", thresholds = ${rVector(c.thresholds.map(rNumber))})`,
        );
      } else {
        comment(
          `${name}: fuzzy, direct method: full exclusion at ${c.exclusion}, crossover at ${c.crossover}, full inclusion at ${c.inclusion}.`,
        );
        out.push(
          `${col} <- calibrate(${col}, type = "fuzzy", thresholds = c(${[c.exclusion, c.crossover, c.inclusion].map(rNumber).join(', ')}))`,
        );
      }
    }
  } else comment('Step 3: no calibration; the data are set membership scores already.');
  out.push('');

  const inclCut = rVector(params.inclCut.map(rNumber));
  comment(
    'Step 4: the truth table. Each row is a configuration of the conditions; OUT is 1 when its',
    `cases' consistency reaches incl.cut (${params.inclCut.join(', ')}) and its PRI reaches pri.cut,`,
    `and rows with fewer than n.cut (${params.nCut}) cases are remainders.`,
  );
  out.push(
    `tt <- truthTable(data, outcome = ${rString(params.outcome)},`,
    `  conditions = ${rVector(params.conditions.map((c) => rString(c)))},`,
    `  incl.cut = ${inclCut}, n.cut = ${rNumber(params.nCut)}, pri.cut = ${rNumber(params.priCut)},`,
    '  complete = TRUE, show.cases = TRUE)',
    'print(tt)',
    '',
  );

  const include = params.include
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const dirExp = params.dirExp !== null && params.dirExp.trim() !== '' ? params.dirExp : null;
  const kind = dirExp ? 'intermediate' : include.includes('?') ? 'parsimonious' : 'conservative';
  const explain: Record<typeof kind, string> = {
    conservative: 'the conservative solution (no remainders used).',
    parsimonious: 'the parsimonious solution (remainders used as simplifying assumptions).',
    intermediate:
      'the intermediate solution (only the remainders that agree with the directional expectations).',
  };
  comment(
    `Step 5: Boolean minimisation, ${explain[kind]}`,
    'Every model with the fewest prime implicants is listed (M1, M2, …); details = TRUE adds',
    'the parameters of fit.',
  );
  out.push(
    `sol <- minimize(tt, include = ${include.length === 0 ? '""' : rVector(include.map((s) => rString(s)))},`,
    `  dir.exp = ${dirExp ? rString(dirExp) : 'NULL'},`,
    `  all.sol = ${params.allSol ? 'TRUE' : 'FALSE'}, row.dom = ${params.rowDom ? 'TRUE' : 'FALSE'}, details = TRUE)`,
    'print(sol)',
  );
  return `${out.join('\n')}\n`;
}
