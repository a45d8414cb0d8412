/** Pure helpers for showing a QCA report: sorting the truth table, the XY plot's points. */
import type { QcaDataSet, QcaReport } from '../shared/qca.ts';
import { membership, parseExpression } from './qca-membership.ts';

export type TruthTableRow = QcaReport['truth_table']['rows'][number];
/** A column to sort by: a fixed one, or a condition (`c:NAME`). */
export type TruthTableSort = 'row' | 'OUT' | 'n' | 'incl' | 'PRI' | `c:${string}`;
export type SortDirection = 'ascending' | 'descending';

/** OUT from "least" to "most" positive: 0, remainder, contradiction, 1. */
const OUT_ORDER: Record<string, number> = { '0': 0, '?': 1, C: 2, '1': 3 };

function sortValue(row: TruthTableRow, key: TruthTableSort): number | null {
  if (key === 'OUT') return OUT_ORDER[row.OUT] ?? -1;
  if (key.startsWith('c:')) {
    const v = row.values[key.slice(2)];
    return typeof v === 'number' ? v : null;
  }
  return row[key as 'row' | 'n' | 'incl' | 'PRI'];
}

/**
 * The rows sorted by one column; missing values (NaN fit, "don't care") last either way, ties
 * kept in row order.
 *
 * @example
 * sortTruthTable(rows, 'incl', 'descending');
 */
export function sortTruthTable(
  rows: readonly TruthTableRow[],
  key: TruthTableSort,
  direction: SortDirection,
): TruthTableRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    if (x === null || y === null) {
      if (x === y) return a.row - b.row;
      return x === null ? 1 : -1;
    }
    return (x - y) * sign || a.row - b.row;
  });
}

export interface XyPoint {
  case: string;
  /** Membership in the solution or term. */
  x: number;
  /** Membership in the outcome (negated when the outcome is `~Y`). */
  y: number;
}

/**
 * Each case's membership in an expression (x) and in the outcome (y), from the calibrated data;
 * cases missing a value are left out.
 *
 * @example
 * xyPoints(report.calibrated, 'DEV*~IND + URB*STB', 'SURV');
 */
export function xyPoints(data: QcaDataSet, expression: string, outcome: string): XyPoint[] {
  const values = data.rows.map((r) => r.values);
  const x = membership(parseExpression(expression), data.columns, values);
  const y = membership(parseExpression(outcome), data.columns, values);
  const points: XyPoint[] = [];
  data.rows.forEach((row, k) => {
    const xi = x[k];
    const yi = y[k];
    if (xi === null || xi === undefined || yi === null || yi === undefined) return;
    points.push({ case: row.case, x: xi, y: yi });
  });
  return points;
}

/**
 * Sufficiency consistency and coverage of the points (Ragin 2006): Σmin(x, y) / Σx and
 * Σmin(x, y) / Σy; null when a sum is 0. The server's figures are the reference; these describe
 * the plot for a screen reader.
 *
 * @example
 * fit([{ case: 'a', x: 1, y: 1 }, { case: 'b', x: 0.5, y: 0 }]); // { consistency: 0.667, coverage: 1 }
 */
export function fit(points: readonly XyPoint[]): {
  consistency: number | null;
  coverage: number | null;
} {
  let both = 0;
  let sx = 0;
  let sy = 0;
  for (const p of points) {
    both += Math.min(p.x, p.y);
    sx += p.x;
    sy += p.y;
  }
  return { consistency: sx > 0 ? both / sx : null, coverage: sy > 0 ? both / sy : null };
}
