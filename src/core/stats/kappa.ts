/**
 * Cohen's kappa for two raters from their confusion matrix: `matrix[i][j]` is the number of units
 * rater A put in category i and rater B in category j (Cohen 1960).
 *
 *   kappa = (po - pe) / (1 - pe),  po = Σ m[i][i] / n,  pe = Σ (row_i / n) (col_i / n)
 *
 * `kappa` is null when it is undefined: no units, or chance agreement of 1 (both raters used one
 * and the same category for every unit).
 *
 * @example
 * cohenKappa([[20, 5], [10, 15]]); // { observed: 0.7, expected: 0.5, kappa: 0.4, units: 50 }
 */
export function cohenKappa(matrix: readonly (readonly number[])[]): {
  observed: number | null;
  expected: number | null;
  kappa: number | null;
  units: number;
} {
  const k = matrix.length;
  for (const row of matrix) {
    if (row.length !== k) throw new Error('the confusion matrix must be square');
    for (const x of row) {
      if (!Number.isInteger(x) || x < 0) throw new Error('counts must be whole numbers ≥ 0');
    }
  }
  let n = 0;
  let agree = 0;
  const rows = new Array<number>(k).fill(0);
  const cols = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const x = matrix[i]![j]!;
      n += x;
      rows[i]! += x;
      cols[j]! += x;
      if (i === j) agree += x;
    }
  }
  if (n === 0) return { observed: null, expected: null, kappa: null, units: 0 };
  const observed = agree / n;
  let expected = 0;
  for (let i = 0; i < k; i++) expected += (rows[i]! / n) * (cols[i]! / n);
  const kappa = expected === 1 ? null : (observed - expected) / (1 - expected);
  return { observed, expected, kappa, units: n };
}
