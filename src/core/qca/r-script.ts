/**
 * An R script that reproduces an analysis with the QCA package (Dușa): the data inline, the
 * calibrations, the truth table and the minimisation, called with R QCA's own arguments.
 */
import type { AnalysisDataSet, AnalysisParams } from './analysis.ts';
import { parseOutcomeSpec } from './dataset.ts';

/** A string as an R string literal (double quotes; backslashes, quotes and controls escaped). */
export function rString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** A number as R reads it back exactly (JavaScript's shortest round-trip form). */
const rNumber = (v: number): string => String(v);

const rVector = (xs: readonly string[]) => `c(${xs.join(', ')})`;
const rBool = (b: boolean) => (b ? 'TRUE' : 'FALSE');

/** One CSV field for the inline data (quoted when needed, quotes doubled). */
function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * The script. Comments (in English, as R scripts are usually shared) explain each step.
 *
 * @example
 * rScript(data, params, { title: 'Leadership and success', generatedAt: '2026-11-27T08:00:00Z' });
 * // '# Leadership and success\n…library(QCA)\n…minimize(tt, …)'
 */
export function rScript(
  data: AnalysisDataSet,
  params: AnalysisParams,
  meta: { title: string; generatedAt: string; url?: string },
): string {
  const outcome = parseOutcomeSpec(params.outcome);
  const used = [...params.conditions, outcome.column];
  const csv = [
    ['case', ...data.columns].map(csvField).join(','),
    ...data.rows.map((r) =>
      [r.case, ...r.values.map((v) => (v === null ? 'NA' : rNumber(v)))].map(csvField).join(','),
    ),
  ].join('\n');
  const lines: string[] = [];
  const comment = (s: string) => lines.push(...s.split('\n').map((l) => `# ${l}`.trimEnd()));
  comment(meta.title.replace(/[\r\n]+/g, ' '));
  comment(`Made by Connective on ${meta.generatedAt}${meta.url ? ` (${meta.url})` : ''}.`);
  comment('Reproduces the analysis with the R package QCA (Dusa): install.packages("QCA")');
  lines.push('', 'library(QCA)', '');
  comment('The data: one row per case (row names), one column per set.');
  lines.push(
    `data <- read.csv(text = ${rString(`${csv}\n`)},`,
    '                 row.names = 1, check.names = FALSE, na.strings = "NA")',
    '',
  );
  const calibrated = Object.entries(params.calibration).filter(([name]) => used.includes(name));
  if (calibrated.length) {
    comment('Calibration of the raw columns into set memberships.');
    for (const [name, c] of calibrated) {
      const col = `data[[${rString(name)}]]`;
      if (c.method === 'crisp')
        lines.push(
          `${col} <- calibrate(${col}, type = "crisp", thresholds = ${rVector(c.thresholds.map(rNumber))})`,
        );
      else
        lines.push(
          `${col} <- calibrate(${col}, type = "fuzzy", thresholds = ${rVector([c.exclusion, c.crossover, c.inclusion].map(rNumber))})`,
        );
    }
    lines.push('');
  }
  comment('Necessity of each condition and its negation.');
  lines.push(
    `for (set in ${rVector(params.conditions.flatMap((c) => [rString(c), rString(`~${c}`)]))}) {`,
    `  print(pof(set, ${rString(params.outcome)}, data = data, relation = "necessity"))`,
    '}',
    '',
  );
  comment('The truth table.');
  lines.push(
    `tt <- truthTable(data, outcome = ${rString(params.outcome)},`,
    `                 conditions = ${rVector(params.conditions.map(rString))},`,
    `                 incl.cut = ${params.inclCut.length === 1 ? rNumber(params.inclCut[0]!) : rVector(params.inclCut.map(rNumber))}, n.cut = ${params.nCut}, pri.cut = ${rNumber(params.priCut)},`,
    '                 complete = TRUE, show.cases = TRUE)',
    'tt',
    '',
  );
  const kind = params.dirExp ? 'intermediate' : params.include ? 'parsimonious' : 'conservative';
  comment(
    `Minimisation: the ${kind} solution${params.include ? ` (remainders included: "${params.include}")` : ''}.`,
  );
  const args = [
    'tt',
    ...(params.include ? [`include = ${rString(params.include)}`] : []),
    ...(params.dirExp ? [`dir.exp = ${rString(params.dirExp)}`] : []),
    ...(params.allSol ? [`all.sol = ${rBool(true)}`] : []),
    ...(params.rowDom ? [`row.dom = ${rBool(true)}`] : []),
    'details = TRUE',
  ];
  lines.push(`sol <- minimize(${args.join(', ')})`, 'sol', '');
  return `${lines.join('\n')}\n`;
}
