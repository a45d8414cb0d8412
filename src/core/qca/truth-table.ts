/**
 * The truth table, as R QCA's `truthTable()` builds it: each case is placed in the row of its
 * crisp values (fuzzy scores above 0.5 count as 1, below as 0, exactly 0.5 in no row); `n`
 * counts those cases, `incl` and `PRI` use every case's membership in the row; the output is
 * "?" below `n.cut`, 1 when both inclusion and PRI pass their cut-offs, "C" between the two
 * inclusion cut-offs, else 0.
 */
import type { QcaCondition, QcaData } from './dataset.ts';
import { inputError } from './errors.ts';

/** The output value of a truth table row. */
export type OutputValue = '1' | '0' | 'C' | '?';

/** Options of {@link buildTruthTable}. */
export interface TruthTableOptions {
  /** `ic1` or `[ic1, ic0]`: inclusion cut-off for 1, and the lower one for contradictions. */
  inclCut?: number | readonly number[];
  /** Minimum number of cases for a row to be more than a remainder (default 1). */
  nCut?: number;
  /** Minimum PRI for an output of 1 (default 0). */
  priCut?: number;
}

/** One observed row of the truth table. */
export interface TruthTableRow {
  /** R's row number: 1 + Σ vⱼ·Π_{l>j} levels_l ("don't care" counts as an extra level). */
  row: number;
  /** The level of each condition, -1 for "don't care". */
  values: number[];
  OUT: OutputValue;
  n: number;
  incl: number;
  PRI: number;
  cases: string[];
  /** Indices (into the data's cases) of the cases in this row. */
  caseIndices: number[];
}

/** A truth table with the data it was built from. */
export interface TruthTable {
  data: QcaData;
  conditions: string[];
  noflevels: number[];
  /** Observed rows (n ≥ 1), in row-number order; rows below n.cut have OUT "?". */
  rows: TruthTableRow[];
  inclCut: [number, number];
  nCut: number;
  priCut: number;
}

/** Tolerance R QCA adds before comparing with the cut-offs. */
const EPS = 1.49e-8;

/** The crisp row value of a case on a condition, -1 for don't care, null when exactly 0.5. */
function crispValue(c: QcaCondition, i: number): number | null {
  if (c.dontCare[i]) return -1;
  const x = c.values[i]!;
  if (c.kind !== 'fuzzy') return x;
  if (x > 0.5) return 1;
  if (x < 0.5) return 0;
  return null;
}

/**
 * R's row number of a configuration (values 0-based, -1 for don't care).
 *
 * @example
 * rowNumber([1, 0, 1], [{ levels: 2, hasDontCare: false }, { levels: 2, hasDontCare: false }, { levels: 2, hasDontCare: false }]); // 6
 */
export function rowNumber(
  values: readonly number[],
  conditions: readonly Pick<QcaCondition, 'levels' | 'hasDontCare'>[],
): number {
  let r = 0;
  for (let j = 0; j < values.length; j++) {
    const c = conditions[j]!;
    const radix = c.levels + (c.hasDontCare ? 1 : 0);
    const v = values[j]! < 0 ? c.levels : values[j]!;
    r = r * radix + v;
  }
  return r + 1;
}

/**
 * Normalises an inclusion cut-off given as one or two numbers.
 *
 * @example
 * normaliseInclCut(0.8); // [0.8, 1]
 * normaliseInclCut([0.8, 0.75]); // [0.8, 0.75]
 */
export function normaliseInclCut(
  inclCut: number | readonly number[] | undefined,
): [number, number] {
  const arr = inclCut === undefined ? [1] : typeof inclCut === 'number' ? [inclCut] : [...inclCut];
  if (arr.length < 1 || arr.length > 2) {
    throw inputError('incl.cut takes one or two values', 'params.inclCut');
  }
  const ic1 = arr[0]!;
  const ic0 = arr[1] ?? 1;
  for (const v of [ic1, ic0]) {
    if (!(v >= 0 && v <= 1)) {
      throw inputError(`incl.cut values must be in [0, 1], got ${v}`, 'params.inclCut');
    }
  }
  if (arr.length === 2 && ic0 > ic1) {
    throw inputError(
      `incl.cut: the second value (${ic0}) cannot exceed the first (${ic1})`,
      'params.inclCut',
    );
  }
  return [ic1, ic0];
}

/**
 * Builds the truth table of the data's conditions for its outcome.
 *
 * @example
 * // const tt = buildTruthTable(data, { inclCut: [0.8], nCut: 1 });
 * // tt.rows.filter((r) => r.OUT === '1').map((r) => r.row)
 */
export function buildTruthTable(data: QcaData, options: TruthTableOptions = {}): TruthTable {
  const inclCut = normaliseInclCut(options.inclCut);
  const nCut = options.nCut ?? 1;
  const priCut = options.priCut ?? 0;
  if (!Number.isInteger(nCut) || nCut < 1) {
    throw inputError(`n.cut must be a positive integer, got ${nCut}`, 'params.nCut');
  }
  if (!(priCut >= 0 && priCut <= 1)) {
    throw inputError(`pri.cut must be in [0, 1]`, 'params.priCut');
  }
  const conds = data.conditions;
  const nCases = data.caseNames.length;
  const groups = new Map<string, { values: number[]; cases: number[] }>();
  for (let i = 0; i < nCases; i++) {
    const values: number[] = [];
    let placed = true;
    for (const c of conds) {
      const v = crispValue(c, i);
      if (v === null) {
        placed = false;
        break;
      }
      values.push(v);
    }
    if (!placed) continue;
    const key = values.join(',');
    const g = groups.get(key);
    if (g) g.cases.push(i);
    else groups.set(key, { values, cases: [i] });
  }
  const y = data.outcome.membership;
  const rows: TruthTableRow[] = [];
  for (const g of groups.values()) {
    const m = rowMembership(conds, g.values, nCases);
    let sx = 0;
    let sxy = 0;
    let sxyn = 0;
    for (let i = 0; i < nCases; i++) {
      const a = m[i]!;
      const b = y[i]!;
      const mn = a < b ? a : b;
      sx += a;
      sxy += mn;
      sxyn += Math.min(mn, 1 - b);
    }
    const incl = sxy / sx;
    const PRI = (sxy - sxyn) / (sx - sxyn);
    const n = g.cases.length;
    let OUT: OutputValue;
    if (n < nCut) OUT = '?';
    else {
      OUT = incl + EPS > inclCut[0] && PRI + EPS > priCut ? '1' : '0';
      if (incl < inclCut[0] && incl >= inclCut[1]) OUT = 'C';
    }
    rows.push({
      row: rowNumber(g.values, conds),
      values: g.values,
      OUT,
      n,
      incl,
      PRI,
      cases: g.cases.map((i) => data.caseNames[i]!),
      caseIndices: g.cases,
    });
  }
  rows.sort((a, b) => a.row - b.row);
  return {
    data,
    conditions: conds.map((c) => c.name),
    noflevels: conds.map((c) => c.levels),
    rows,
    inclCut,
    nCut,
    priCut,
  };
}

/** Each case's membership in a configuration (crisp: 1 when equal, fuzzy: x or 1 − x). */
function rowMembership(
  conds: readonly QcaCondition[],
  values: readonly number[],
  n: number,
): Float64Array {
  const m = new Float64Array(n).fill(1);
  conds.forEach((c, j) => {
    const v = values[j]!;
    for (let i = 0; i < n; i++) {
      let s: number;
      if (v < 0 || c.dontCare[i]) s = v < 0 && c.dontCare[i] ? 1 : 0;
      else if (c.kind === 'fuzzy') s = v === 1 ? c.values[i]! : 1 - c.values[i]!;
      else s = c.values[i] === v ? 1 : 0;
      if (s < m[i]!) m[i] = s;
    }
  });
  return m;
}
