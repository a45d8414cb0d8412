/**
 * Plain-object and text reports of a QCA analysis: the truth table, the single conditions and
 * the solution, shaped like the reference output of R QCA (snake_case keys, fit values as full
 * doubles, NaN as null).
 */
import type { SetFit } from './fit.ts';
import type { IntermediatePair, MinimizeResult, SolutionModel } from './minimize.ts';
import type { OutputValue, TruthTable } from './truth-table.ts';

/** A JSON-ready model. */
export type ModelReport = {
  name: string;
  expression: string;
  inclS: number | null;
  PRI: number | null;
  covS: number | null;
  terms: {
    term: string;
    inclS: number | null;
    PRI: number | null;
    covS: number | null;
    covU: number | null;
    cases: string[];
  }[];
  simplifying_assumptions?: number[];
};

/** A JSON-ready truth table (observed rows only). */
export type TruthTableReport = {
  outcome: string;
  conditions: string[];
  noflevels: number[];
  incl_cut: [number, number];
  n_cut: number;
  pri_cut: number;
  rows: {
    row: number;
    values: Record<string, number | '-'>;
    OUT: OutputValue;
    n: number;
    incl: number | null;
    PRI: number | null;
    cases: string[];
  }[];
  positive_rows: number[];
  negative_rows: number[];
  contradiction_rows: number[];
  remainder_rows_observed: number[];
};

/** JSON-ready necessity and sufficiency of one single condition (or its negation). */
export type SingleConditionReport = {
  set: string;
  inclN: number | null;
  RoN: number | null;
  covN: number | null;
  inclS: number | null;
  PRI: number | null;
  covS: number | null;
};

/** The models of one pair of a conservative and a parsimonious model (intermediate solutions). */
export type IntermediatePairReport = {
  name: string;
  conservative: string[];
  parsimonious: string[];
  easy_counterfactuals: number[];
  essential: string[];
  prime_implicants: { term: string; covers: number[] }[];
  models: ModelReport[];
  truncated: boolean;
};

/** A JSON-ready solution. */
export type SolutionReport = {
  type: 'conservative' | 'parsimonious' | 'intermediate';
  include: string[];
  positive_rows: number[];
  negative_rows: number[];
  n_models: number;
  truncated: boolean;
  essential: string[];
  prime_implicants: {
    term: string;
    covers: number[];
    inclS: number | null;
    PRI: number | null;
    covS: number | null;
  }[];
  models: ModelReport[];
  intermediate?: IntermediatePairReport[];
  conservative?: SolutionReport;
  parsimonious?: SolutionReport;
};

function num(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

function modelReport(m: SolutionModel): ModelReport {
  return {
    name: m.name,
    expression: m.expression,
    inclS: num(m.inclS),
    PRI: num(m.PRI),
    covS: num(m.covS),
    terms: m.terms.map((t) => ({
      term: t.term,
      inclS: num(t.inclS),
      PRI: num(t.PRI),
      covS: num(t.covS),
      covU: t.covU === null ? null : num(t.covU),
      cases: t.cases,
    })),
    ...(m.simplifyingAssumptions ? { simplifying_assumptions: m.simplifyingAssumptions } : {}),
  };
}

/**
 * The truth table as a plain object.
 *
 * @example
 * // truthTableReport(tt).rows[0] -> { row: 1, values: { A: 0, B: 0 }, OUT: '0', n: 3, incl: 0.2, PRI: 0, cases: [...] }
 */
export function truthTableReport(tt: TruthTable): TruthTableReport {
  return {
    outcome: tt.data.outcome.label,
    conditions: tt.conditions,
    noflevels: tt.noflevels,
    incl_cut: tt.inclCut,
    n_cut: tt.nCut,
    pri_cut: tt.priCut,
    rows: tt.rows.map((r) => ({
      row: r.row,
      values: Object.fromEntries(
        tt.conditions.map((c, j) => [c, r.values[j]! < 0 ? '-' : r.values[j]!]),
      ),
      OUT: r.OUT,
      n: r.n,
      incl: num(r.incl),
      PRI: num(r.PRI),
      cases: r.cases,
    })),
    positive_rows: tt.rows.filter((r) => r.OUT === '1').map((r) => r.row),
    negative_rows: tt.rows.filter((r) => r.OUT === '0').map((r) => r.row),
    contradiction_rows: tt.rows.filter((r) => r.OUT === 'C').map((r) => r.row),
    remainder_rows_observed: tt.rows.filter((r) => r.OUT === '?').map((r) => r.row),
  };
}

function pairReport(p: IntermediatePair): IntermediatePairReport {
  return {
    name: p.name,
    conservative: p.conservative,
    parsimonious: p.parsimonious,
    easy_counterfactuals: p.easyCounterfactuals,
    essential: p.essential,
    prime_implicants: p.primeImplicants.map((pi) => ({ term: pi.term, covers: pi.covers })),
    models: p.models.map(modelReport),
    truncated: p.truncated,
  };
}

/**
 * The solution as a plain object; for intermediate solutions `models` lists the distinct
 * intermediate models of all pairs, `intermediate` the pairs themselves.
 *
 * @example
 * // solutionReport(minimize(tt, { include: '?' })).models[0].expression
 */
export function solutionReport(res: MinimizeResult): SolutionReport {
  const out: SolutionReport = {
    type: res.kind,
    include: res.include,
    positive_rows: res.positiveRows,
    negative_rows: res.negativeRows,
    n_models: res.models.length,
    truncated: res.truncated,
    essential: res.essential,
    prime_implicants: res.primeImplicants.map((pi) => ({
      term: pi.term,
      covers: pi.covers,
      inclS: num(pi.inclS),
      PRI: num(pi.PRI),
      covS: num(pi.covS),
    })),
    models: res.models.map(modelReport),
  };
  if (res.intermediate) {
    out.intermediate = res.intermediate.map(pairReport);
    if (res.conservative) out.conservative = solutionReport(res.conservative);
    if (res.parsimonious) out.parsimonious = solutionReport(res.parsimonious);
  }
  return out;
}

/**
 * Single-condition fit as plain objects.
 *
 * @example
 * // singleConditionsReport(singleConditions(data))[0].set -> 'DEV'
 */
export function singleConditionsReport(fits: readonly SetFit[]): SingleConditionReport[] {
  return fits.map((f) => ({
    set: f.set,
    inclN: num(f.inclN),
    RoN: num(f.RoN),
    covN: num(f.covN),
    inclS: num(f.inclS),
    PRI: num(f.PRI),
    covS: num(f.covS),
  }));
}

function fmt(v: number): string {
  return Number.isFinite(v) ? v.toFixed(3) : '  NaN';
}

function table(header: string[], rows: string[][], alignLeft: Set<number> = new Set()): string[] {
  const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k]!.length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, k) => (alignLeft.has(k) ? c.padEnd(widths[k]!) : c.padStart(widths[k]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

function inclCutText([ic1, ic0]: [number, number]): string {
  return ic0 === 1 || ic0 === ic1 ? String(ic1) : `${ic1}, ${ic0}`;
}

/**
 * A readable text rendering of the truth table.
 *
 * @example
 * // formatTruthTableText(tt) -> '  row  DEV  URB  OUT  n  incl   PRI    cases\n ...'
 */
export function formatTruthTableText(tt: TruthTable): string {
  const header = ['row', ...tt.conditions, 'OUT', 'n', 'incl', 'PRI', 'cases'];
  const rows = tt.rows.map((r) => [
    String(r.row),
    ...r.values.map((v) => (v < 0 ? '-' : String(v))),
    r.OUT,
    String(r.n),
    fmt(r.incl),
    fmt(r.PRI),
    r.cases.join(','),
  ]);
  const lines = [
    `Truth table for ${tt.data.outcome.label} (incl.cut ${inclCutText(tt.inclCut)}, n.cut ${tt.nCut}, pri.cut ${tt.priCut})`,
    '',
    ...table(header, rows, new Set([header.length - 1])),
  ];
  return lines.join('\n');
}

function modelText(m: SolutionModel, outcome: string): string[] {
  const header = ['', 'inclS', 'PRI', 'covS', 'covU', 'cases'];
  const rows = m.terms.map((t) => [
    t.term,
    fmt(t.inclS),
    fmt(t.PRI),
    fmt(t.covS),
    t.covU === null ? '' : fmt(t.covU),
    t.cases.join(','),
  ]);
  rows.push([m.name, fmt(m.inclS), fmt(m.PRI), fmt(m.covS), '', '']);
  return [`${m.name}: ${m.expression} -> ${outcome}`, '', ...table(header, rows, new Set([0, 5]))];
}

/**
 * A readable text rendering of the solution(s) with the fit of every term and model.
 *
 * @example
 * // formatSolutionText(result, 'SURV') -> 'Parsimonious solution\n\nM1: DEV*~IND + URB*STB -> SURV\n...'
 */
export function formatSolutionText(res: MinimizeResult, outcome: string): string {
  const title = res.kind[0]!.toUpperCase() + res.kind.slice(1);
  const lines: string[] = [
    `${title} solution${res.include.length ? ` (include ${res.include.join(', ')})` : ''}`,
    '',
  ];
  if (res.intermediate) {
    for (const p of res.intermediate) {
      lines.push(
        `From ${p.name} (easy counterfactuals: ${p.easyCounterfactuals.join(', ') || 'none'}):`,
        '',
      );
      for (const m of p.models) lines.push(...modelText(m, outcome), '');
    }
  } else {
    for (const m of res.models) lines.push(...modelText(m, outcome), '');
  }
  if (res.truncated) lines.push('(model list truncated)');
  return lines.join('\n');
}
