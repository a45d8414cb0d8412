/**
 * Two-sample tests as R computes them: the chi-squared test of two proportions (`prop.test`
 * without continuity correction) and Welch's unequal-variance t-test (`t.test`).
 */
import {
  chiSquared1UpperTail,
  normalQuantile,
  studentTCdf,
  studentTQuantile,
} from './distributions.ts';

const DBL_EPSILON = 2.220446049250313e-16;

/** Options shared by the tests. */
export interface TestOptions {
  /** Confidence level of the interval for the difference (default 0.95). */
  readonly confidenceLevel?: number;
}

function confidenceLevelOf(options: TestOptions): number {
  const level = options.confidenceLevel ?? 0.95;
  if (!(level > 0 && level < 1)) {
    throw new RangeError(`confidenceLevel must be between 0 and 1, got ${level}`);
  }
  return level;
}

/** The result of {@link proportionTest}. */
export interface ProportionTestResult {
  /** x1 / n1 and x2 / n2. */
  readonly estimate1: number;
  readonly estimate2: number;
  /** p1 − p2. */
  readonly difference: number;
  /**
   * Pearson's chi-squared statistic with 1 degree of freedom, or null when it is undefined
   * (every unit in both groups a success, or every unit a failure: R gives NaN).
   */
  readonly statistic: number | null;
  readonly df: 1;
  /** P(χ²₁ > statistic), or null with the statistic. */
  readonly pValue: number | null;
  /** The Wald interval for p1 − p2, clipped to [−1, 1] as R does. */
  readonly confLow: number;
  readonly confHigh: number;
  readonly confidenceLevel: number;
}

function assertCount(x: number, n: number, xName: string, nName: string): void {
  if (!Number.isInteger(n) || n <= 0) {
    throw new RangeError(`${nName} must be a whole number above 0, got ${n}`);
  }
  if (!Number.isInteger(x) || x < 0 || x > n) {
    throw new RangeError(`${xName} must be a whole number from 0 to ${nName} (${n}), got ${x}`);
  }
}

/**
 * Compares two proportions, x1 successes of n1 against x2 of n2: R's
 * `prop.test(c(x1, x2), c(n1, n2), correct = FALSE)`. The statistic is Pearson's chi-squared on the
 * 2 × 2 table (equal to the square of the pooled z statistic), and the interval is the Wald
 * interval p1 − p2 ± z √(p1 (1 − p1) / n1 + p2 (1 − p2) / n2) (Newcombe 1998, method 1).
 *
 * @example
 * const r = proportionTest(52, 240, 16, 140);
 * r.difference; // 0.10238
 * r.statistic; // 6.3081
 * r.pValue; // 0.01202
 * [r.confLow, r.confHigh]; // [0.02826, 0.17650]
 */
export function proportionTest(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  options: TestOptions = {},
): ProportionTestResult {
  assertCount(x1, n1, 'x1', 'n1');
  assertCount(x2, n2, 'x2', 'n2');
  const confidenceLevel = confidenceLevelOf(options);
  const estimate1 = x1 / n1;
  const estimate2 = x2 / n2;
  const difference = estimate1 - estimate2;

  // Σ (observed − expected)² / expected over the four cells of the table.
  const total = n1 + n2;
  const successes = x1 + x2;
  const failures = total - successes;
  let statistic: number | null = null;
  if (successes > 0 && failures > 0) {
    statistic = 0;
    for (const [x, n] of [
      [x1, n1],
      [x2, n2],
    ] as const) {
      const expectedSuccess = (n * successes) / total;
      const expectedFailure = (n * failures) / total;
      statistic +=
        (x - expectedSuccess) ** 2 / expectedSuccess +
        (n - x - expectedFailure) ** 2 / expectedFailure;
    }
  }

  const z = normalQuantile((1 + confidenceLevel) / 2);
  const width =
    z * Math.sqrt((estimate1 * (1 - estimate1)) / n1 + (estimate2 * (1 - estimate2)) / n2);
  return {
    estimate1,
    estimate2,
    difference,
    statistic,
    df: 1,
    pValue: statistic === null ? null : chiSquared1UpperTail(statistic),
    confLow: Math.max(difference - width, -1),
    confHigh: Math.min(difference + width, 1),
    confidenceLevel,
  };
}

/** The result of {@link welchTest}. */
export interface WelchTestResult {
  readonly meanA: number;
  readonly meanB: number;
  /** mean(a) − mean(b). */
  readonly difference: number;
  /** √(var(a)/nA + var(b)/nB). */
  readonly stdError: number;
  /** difference / stdError. */
  readonly statistic: number;
  /** Welch–Satterthwaite degrees of freedom (usually not a whole number). */
  readonly df: number;
  /** Two-sided p-value. */
  readonly pValue: number;
  readonly confLow: number;
  readonly confHigh: number;
  readonly confidenceLevel: number;
}

/** Mean and sample variance by two passes, the second corrected for the rounding of the mean. */
function meanAndVariance(xs: readonly number[], name: string): { mean: number; variance: number } {
  if (xs.length < 2) {
    throw new RangeError(`${name} needs at least two values, got ${xs.length}`);
  }
  let sum = 0;
  for (const [i, x] of xs.entries()) {
    if (!Number.isFinite(x)) throw new RangeError(`${name}[${i}] is not a finite number: ${x}`);
    sum += x;
  }
  let mean = sum / xs.length;
  let correction = 0;
  for (const x of xs) correction += x - mean;
  mean += correction / xs.length;
  let squares = 0;
  for (const x of xs) squares += (x - mean) ** 2;
  return { mean, variance: squares / (xs.length - 1) };
}

/**
 * Welch's two-sample t-test for a difference in means without assuming equal variances, R's
 * `t.test(a, b, var.equal = FALSE)`: t = (mean a − mean b) / √(s²_a/n_a + s²_b/n_b) with the
 * Welch–Satterthwaite degrees of freedom (Welch 1947; Satterthwaite 1946), a two-sided p-value and
 * the matching confidence interval for the difference.
 *
 * @example
 * const r = welchTest([10.9, 8.5, 3.1, 11.2, 5.9], [3.1, 11.5, 8.9, 4.7]);
 * r.difference; // 0.87
 * r.statistic; // 0.3534
 * r.df; // 6.1718 (not a whole number)
 * r.pValue; // 0.7355
 */
export function welchTest(
  a: readonly number[],
  b: readonly number[],
  options: TestOptions = {},
): WelchTestResult {
  const sa = meanAndVariance(a, 'a');
  const sb = meanAndVariance(b, 'b');
  const confidenceLevel = confidenceLevelOf(options);
  const va = sa.variance / a.length;
  const vb = sb.variance / b.length;
  const stdError = Math.sqrt(va + vb);
  // R's test for "data are essentially constant".
  if (
    stdError === 0 ||
    stdError < 10 * DBL_EPSILON * Math.max(Math.abs(sa.mean), Math.abs(sb.mean))
  ) {
    throw new RangeError('a and b are both constant: the t statistic is undefined');
  }
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  const difference = sa.mean - sb.mean;
  const statistic = difference / stdError;
  const q = studentTQuantile((1 + confidenceLevel) / 2, df);
  return {
    meanA: sa.mean,
    meanB: sb.mean,
    difference,
    stdError,
    statistic,
    df,
    pValue: 2 * studentTCdf(-Math.abs(statistic), df),
    confLow: difference - q * stdError,
    confHigh: difference + q * stdError,
    confidenceLevel,
  };
}
