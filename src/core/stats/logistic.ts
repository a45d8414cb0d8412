/**
 * Logistic regression for a 0/1 outcome by iteratively reweighted least squares (Fisher scoring),
 * reproducing R's `glm(family = binomial)` step for step: its starting values, its clamped logit
 * link, its convergence rule and its standard errors (Nelder & Wedderburn 1972; McCullagh & Nelder
 * 1989, §4.4; R's `glm.fit`). The weighted least-squares problems are solved by a Householder QR
 * decomposition, never by forming X'WX, so the condition number is not squared.
 */
import { normalCdf } from './distributions.ts';

const DBL_EPSILON = 2.220446049250313e-16;

/** A covariate given as a categorical variable, coded by treatment contrasts. */
export interface FactorTerm {
  /** The field of each row that holds the category. */
  readonly factor: string;
  /** The reference level: it gets no column, the others are compared with it. */
  readonly reference: string;
  /**
   * The levels in column order. Default: the distinct values sorted by code unit, as R sorts
   * them in the C locale.
   */
  readonly levels?: readonly string[];
}

/** A term of the model: a numeric field by name, or a categorical one. */
export type DesignTerm = string | FactorTerm;

/** A design matrix: named columns, one row per observation. */
export interface DesignMatrix {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly number[])[];
}

const INTERCEPT = '(Intercept)';

/**
 * Builds the design matrix of a model formula from plain rows, as R's `model.matrix` does: the
 * intercept first, then each term in order; a numeric term is one column; a factor has one 0/1
 * column per level other than the reference, named field + level (`traditionnordic`).
 *
 * @example
 * designMatrix(
 *   [{ tradition: 'anglo', slack: 0.3 }, { tradition: 'nordic', slack: -1.2 }],
 *   [{ factor: 'tradition', reference: 'anglo' }, 'slack'],
 * );
 * // { columns: ['(Intercept)', 'traditionnordic', 'slack'], rows: [[1, 0, 0.3], [1, 1, -1.2]] }
 */
export function designMatrix(data: readonly object[], terms: readonly DesignTerm[]): DesignMatrix {
  if (data.length === 0) throw new RangeError('data has no rows');
  const records = data as readonly Readonly<Record<string, unknown>>[];
  const columns: string[] = [INTERCEPT];
  // One encoder per term: it appends the term's columns for a row.
  const encoders: ((row: Readonly<Record<string, unknown>>, i: number, out: number[]) => void)[] =
    [];
  for (const term of terms) {
    if (typeof term === 'string') {
      columns.push(term);
      encoders.push((row, i, out) => {
        const v = row[term];
        if (typeof v !== 'number' || !Number.isFinite(v)) {
          throw new RangeError(`row ${i}: '${term}' must be a finite number, got ${String(v)}`);
        }
        out.push(v);
      });
      continue;
    }
    const name = term.factor;
    const valueOf = (row: Readonly<Record<string, unknown>>, i: number): string => {
      const v = row[name];
      if ((typeof v !== 'string' || v === '') && (typeof v !== 'number' || !Number.isFinite(v))) {
        throw new RangeError(`row ${i}: '${name}' has no category, got ${String(v)}`);
      }
      return String(v);
    };
    const levels =
      term.levels ??
      [...new Set(records.map((row, i) => valueOf(row, i)))].sort((a, b) =>
        a < b ? -1 : a > b ? 1 : 0,
      );
    if (!levels.includes(term.reference)) {
      throw new RangeError(
        `reference level '${term.reference}' of '${name}' is not one of its levels (${levels.join(', ')})`,
      );
    }
    const others = levels.filter((level) => level !== term.reference);
    for (const level of others) columns.push(`${name}${level}`);
    const known = new Set(levels);
    encoders.push((row, i, out) => {
      const v = valueOf(row, i);
      if (!known.has(v)) throw new RangeError(`row ${i}: '${name}' has an unknown level '${v}'`);
      for (const level of others) out.push(v === level ? 1 : 0);
    });
  }
  const seen = new Set<string>();
  for (const c of columns) {
    if (seen.has(c)) throw new RangeError(`two columns would both be named '${c}'`);
    seen.add(c);
  }
  const rows = records.map((row, i) => {
    const out = [1];
    for (const encode of encoders) encode(row, i, out);
    return out;
  });
  return { columns, rows };
}

/** Thrown when Fisher scoring does not meet its convergence rule within the iteration limit. */
export class ConvergenceError extends Error {
  override name = 'ConvergenceError';
  constructor(
    message: string,
    /** Iterations done before giving up. */
    readonly iterations: number,
  ) {
    super(message);
  }
}

/** One coefficient of a fitted model, as a row of R's `summary(glm)` table. */
export interface LogisticCoefficient {
  readonly term: string;
  readonly estimate: number;
  readonly stdError: number;
  /** estimate / stdError. */
  readonly z: number;
  /** Two-sided Wald p-value, 2 Φ(−|z|). */
  readonly pValue: number;
}

/** A fitted logistic regression. */
export interface LogisticFit {
  readonly coefficients: readonly LogisticCoefficient[];
  /** Residual deviance, −2 log L for a 0/1 outcome. */
  readonly deviance: number;
  /** Deviance of the intercept-only model (of p = ½ when the design has no intercept). */
  readonly nullDeviance: number;
  readonly dfResidual: number;
  readonly dfNull: number;
  /** deviance + 2 × number of coefficients. */
  readonly aic: number;
  /** Fisher-scoring iterations, counted as R counts them. */
  readonly iterations: number;
  /** Fitted probabilities, one per row. */
  readonly fitted: readonly number[];
  /** Covariance matrix of the estimates, (X'WX)⁻¹. */
  readonly covariance: readonly (readonly number[])[];
}

/** Options of {@link logisticRegression}; the defaults are R's `glm.control()`. */
export interface LogisticOptions {
  /** Maximum number of Fisher-scoring iterations (default 25). */
  readonly maxIterations?: number;
  /** Convergence tolerance on the relative change in deviance (default 1e-8). */
  readonly epsilon?: number;
}

// R's logit link (family.c): η is clamped to ±30 so that μ stays strictly inside (0, 1).
const THRESH = 30;
function logitInverse(eta: number): number {
  const t = eta < -THRESH ? DBL_EPSILON : eta > THRESH ? 1 / DBL_EPSILON : Math.exp(eta);
  return t / (1 + t);
}
function logitDerivative(eta: number): number {
  if (eta > THRESH || eta < -THRESH) return DBL_EPSILON;
  const opexp = 1 + Math.exp(eta);
  return Math.exp(eta) / (opexp * opexp);
}
function binomialDeviance(y: readonly number[], mu: Float64Array): number {
  let dev = 0;
  for (let i = 0; i < y.length; i++) {
    // 2 [y log(y/μ) + (1 − y) log((1 − y)/(1 − μ))], as R's binomial_dev_resids.
    dev += 2 * Math.log(y[i] === 1 ? 1 / mu[i]! : 1 / (1 - mu[i]!));
  }
  return dev;
}

/** Euclidean norm, scaled so that no square overflows or underflows. */
function norm(a: Float64Array, from: number, to: number): number {
  let scale = 0;
  for (let i = from; i < to; i++) scale = Math.max(scale, Math.abs(a[i]!));
  if (scale === 0) return 0;
  let sum = 0;
  for (let i = from; i < to; i++) sum += (a[i]! / scale) ** 2;
  return scale * Math.sqrt(sum);
}

/** A Householder QR decomposition of an n × p matrix stored column by column. */
interface Qr {
  readonly n: number;
  readonly p: number;
  /** Householder vectors on and below the diagonal, R above it. */
  readonly a: Float64Array;
  /** The diagonal of R. */
  readonly rDiagonal: Float64Array;
  readonly beta: Float64Array;
}

/**
 * Householder QR without pivoting (Golub & Van Loan, Matrix Computations, §5.2). Returns the
 * index of the first column whose part orthogonal to the columns before it is below `tol` times
 * its own norm — the rank test of LINPACK's dqrdc2 that R uses — or the decomposition.
 */
function householderQr(a: Float64Array, n: number, p: number, tol: number): Qr | number {
  const rDiagonal = new Float64Array(p);
  const beta = new Float64Array(p);
  for (let k = 0; k < p; k++) {
    const col = k * n;
    const original = norm(a, col, col + n);
    const alphaNorm = k < n ? norm(a, col + k, col + n) : 0;
    if (original === 0 || alphaNorm <= tol * original) return k;
    const x0 = a[col + k]!;
    const alpha = x0 >= 0 ? -alphaNorm : alphaNorm;
    // v = x − α e₁ overwrites the column; H = I − β v v'.
    a[col + k] = x0 - alpha;
    const vv = alphaNorm * alphaNorm - x0 * x0 + (x0 - alpha) ** 2;
    beta[k] = 2 / vv;
    rDiagonal[k] = alpha;
    for (let j = k + 1; j < p; j++) {
      const cj = j * n;
      let dot = 0;
      for (let i = k; i < n; i++) dot += a[col + i]! * a[cj + i]!;
      const f = beta[k]! * dot;
      for (let i = k; i < n; i++) a[cj + i] = a[cj + i]! - f * a[col + i]!;
    }
  }
  return { n, p, a, rDiagonal, beta };
}

/** Solves min ‖A x − b‖ given the QR decomposition of A. */
function qrSolve(qr: Qr, b: Float64Array): Float64Array {
  const { n, p, a, rDiagonal, beta } = qr;
  const qtb = Float64Array.from(b);
  for (let k = 0; k < p; k++) {
    const col = k * n;
    let dot = 0;
    for (let i = k; i < n; i++) dot += a[col + i]! * qtb[i]!;
    const f = beta[k]! * dot;
    for (let i = k; i < n; i++) qtb[i] = qtb[i]! - f * a[col + i]!;
  }
  const x = new Float64Array(p);
  for (let k = p - 1; k >= 0; k--) {
    let s = qtb[k]!;
    for (let j = k + 1; j < p; j++) s -= a[j * n + k]! * x[j]!;
    x[k] = s / rDiagonal[k]!;
  }
  return x;
}

/** (R'R)⁻¹ = R⁻¹ R⁻ᵀ from the triangular factor, as R's `chol2inv`. */
function inverseCrossProduct(qr: Qr): number[][] {
  const { n, p, a, rDiagonal } = qr;
  const rAt = (i: number, j: number): number => (i === j ? rDiagonal[i]! : a[j * n + i]!);
  // R⁻¹ is upper triangular; solve column by column.
  const inv: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let j = 0; j < p; j++) {
    inv[j]![j] = 1 / rAt(j, j);
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let k = i + 1; k <= j; k++) s += rAt(i, k) * inv[k]![j]!;
      inv[i]![j] = -s / rAt(i, i);
    }
  }
  const cov: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let i = 0; i < p; i++) {
    for (let j = i; j < p; j++) {
      let s = 0;
      for (let k = j; k < p; k++) s += inv[i]![k]! * inv[j]![k]!;
      cov[i]![j] = s;
      cov[j]![i] = s;
    }
  }
  return cov;
}

function columnMajor(rows: readonly (readonly number[])[], p: number, scale?: Float64Array) {
  const n = rows.length;
  const a = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    const w = scale ? scale[i]! : 1;
    for (let j = 0; j < p; j++) a[j * n + i] = row[j]! * w;
  }
  return a;
}

/** Root mean square of each column: the scale on which to compare coefficients. */
function columnScales(rows: readonly (readonly number[])[], p: number): Float64Array {
  const scales = new Float64Array(p);
  for (const row of rows) for (let j = 0; j < p; j++) scales[j] = scales[j]! + row[j]! ** 2;
  return scales.map((sq) => Math.sqrt(sq / rows.length));
}

/** The index of the largest |v_j| · scale_j. */
function largestScaled(v: Float64Array, scales: Float64Array): number {
  let best = 0;
  for (let j = 1; j < v.length; j++) {
    if (Math.abs(v[j]!) * scales[j]! > Math.abs(v[best]!) * scales[best]!) best = j;
  }
  return best;
}

/**
 * Whether the last Fisher-scoring step is evidence that the maximum-likelihood estimate does not
 * exist: a direction d along which every observation's linear predictor moves towards its own
 * outcome, (2y − 1) x'd ≥ 0, while the observations it moves are already fitted almost perfectly.
 * The likelihood then keeps rising along d for ever (Albert & Anderson 1984, quasi-complete
 * separation).
 */
function isSeparatingStep(
  rows: readonly (readonly number[])[],
  y: readonly number[],
  eta: Float64Array,
  step: Float64Array,
): boolean {
  const n = rows.length;
  const s = new Float64Array(n);
  let largest = 0;
  for (let i = 0; i < n; i++) {
    let v = 0;
    for (let j = 0; j < step.length; j++) v += rows[i]![j]! * step[j]!;
    s[i] = (2 * y[i]! - 1) * v;
    largest = Math.max(largest, Math.abs(s[i]!));
  }
  if (largest === 0) return false;
  for (let i = 0; i < n; i++) {
    if (s[i]! < -1e-6 * largest) return false;
    if (s[i]! > 1e-3 * largest && (2 * y[i]! - 1) * eta[i]! < 10) return false;
  }
  return true;
}

/**
 * Fits a logistic regression of a 0/1 outcome `y` on a design matrix (see {@link designMatrix}),
 * matching R's `glm(y ~ ..., family = binomial)`: starting from μ = (y + ½) / 2, each Fisher-scoring
 * step solves a weighted least-squares problem by QR, until |dev − dev_old| / (|dev| + 0.1) <
 * 1e-8, at most 25 times. Standard errors come from (X'WX)⁻¹ with the weights of the last step, as
 * in `summary.glm`; p-values are two-sided Wald tests.
 *
 * Throws a RangeError for a singular design (naming the column that is a linear combination of
 * the ones before it, as R would report it NA), for a non-0/1 outcome, and for (quasi-)complete
 * separation, where the estimate does not exist (naming the column whose estimate diverges);
 * a ConvergenceError when the iteration limit is reached.
 *
 * @example
 * // rows: [{ tradition: 'cee', peer_share: 0.85, slack: 0.63, year: 6, adopted: 1 }, …]
 * const x = designMatrix(rows, [{ factor: 'tradition', reference: 'anglo' }, 'peer_share']);
 * const fit = logisticRegression(x, rows.map((r) => r.adopted));
 * fit.coefficients[1]; // { term: 'traditioncee', estimate: -0.16, stdError: 0.29, z: -0.55, pValue: 0.58 }
 */
export function logisticRegression(
  design: DesignMatrix,
  y: readonly number[],
  options: LogisticOptions = {},
): LogisticFit {
  const maxIterations = options.maxIterations ?? 25;
  const epsilon = options.epsilon ?? 1e-8;
  if (!(Number.isInteger(maxIterations) && maxIterations >= 1)) {
    throw new RangeError(`maxIterations must be a whole number ≥ 1, got ${maxIterations}`);
  }
  if (!(epsilon > 0)) throw new RangeError(`epsilon must be positive, got ${epsilon}`);
  const { columns, rows } = design;
  const n = rows.length;
  const p = columns.length;
  if (n === 0) throw new RangeError('the design has no rows');
  if (p === 0) throw new RangeError('the design has no columns');
  if (y.length !== n) {
    throw new RangeError(`y has ${y.length} values but the design has ${n} rows`);
  }
  for (const [i, row] of rows.entries()) {
    if (row.length !== p) {
      throw new RangeError(`design row ${i} has ${row.length} values for ${p} columns`);
    }
    for (const v of row) {
      if (!Number.isFinite(v)) throw new RangeError(`design row ${i} holds a non-finite value`);
    }
  }
  for (const [i, v] of y.entries()) {
    if (v !== 0 && v !== 1) throw new RangeError(`y[${i}] must be 0 or 1, got ${v}`);
  }
  if (y.every((v) => v === y[0])) {
    throw new RangeError(`y is ${y[0]} in every row: there is no variation to model`);
  }

  // The rank test on the unweighted design, with lm's tolerance.
  const check = householderQr(columnMajor(rows, p), n, p, 1e-7);
  if (typeof check === 'number') {
    const reason =
      check >= n
        ? `there are more columns than rows (${n})`
        : 'it is constant zero or a linear combination of the columns before it';
    throw new RangeError(`the design is singular at column '${columns[check]}': ${reason}`);
  }

  const eta = new Float64Array(n);
  const mu = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const start = (y[i]! + 0.5) / 2;
    eta[i] = Math.log(start / (1 - start));
    mu[i] = logitInverse(eta[i]!);
  }
  let devOld = binomialDeviance(y, mu);
  let dev = devOld;
  let coef: Float64Array = new Float64Array(p);
  let previous: Float64Array | null = null;
  let lastQr: Qr | null = null;
  let converged = false;
  let collapsedAt: number | null = null;
  let iterations = 0;
  const w = new Float64Array(n);
  const z = new Float64Array(n);
  for (let iter = 1; iter <= maxIterations; iter++) {
    iterations = iter;
    for (let i = 0; i < n; i++) {
      const d = logitDerivative(eta[i]!);
      const variance = mu[i]! * (1 - mu[i]!);
      w[i] = Math.sqrt((d * d) / variance);
      z[i] = (eta[i]! + (y[i]! - mu[i]!) / d) * w[i]!;
    }
    // glm.fit's tolerance for the weighted fit: min(1e-7, epsilon / 1000).
    const qr = householderQr(columnMajor(rows, p, w), n, p, Math.min(1e-7, epsilon / 1000));
    if (typeof qr === 'number') {
      collapsedAt = qr;
      break;
    }
    lastQr = qr;
    previous = coef;
    coef = qrSolve(qr, z);
    for (let i = 0; i < n; i++) {
      let v = 0;
      for (let j = 0; j < p; j++) v += rows[i]![j]! * coef[j]!;
      eta[i] = v;
      mu[i] = logitInverse(v);
    }
    dev = binomialDeviance(y, mu);
    if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < epsilon) {
      converged = true;
      break;
    }
    devOld = dev;
  }

  // Separation: fitted probabilities numerically 0 or 1 (R's warning), a weighted design that
  // lost rank because the weights collapsed, or a step that keeps pushing well-fitted
  // observations further towards their outcomes.
  const eps10 = 10 * DBL_EPSILON;
  const extreme = mu.filter((m) => m > 1 - eps10 || m < eps10).length;
  const step = previous === null ? null : coef.map((c, j) => c - previous![j]!);
  const separating = step !== null && isSeparatingStep(rows, y, eta, step);
  if (extreme > 0 || separating || collapsedAt !== null) {
    const j = collapsedAt ?? largestScaled(step ?? coef, columnScales(rows, p));
    const detail = extreme > 0 ? ` (${extreme} fitted probabilities are numerically 0 or 1)` : '';
    throw new RangeError(
      `the outcome is perfectly or quasi-perfectly separated${detail}: the estimate for ` +
        `'${columns[j]}' diverges, so the maximum-likelihood estimate does not exist`,
    );
  }
  if (!converged || lastQr === null) {
    throw new ConvergenceError(
      `Fisher scoring did not converge in ${maxIterations} iterations`,
      iterations,
    );
  }

  const covariance = inverseCrossProduct(lastQr);
  const coefficients = columns.map((term, j) => {
    const estimate = coef[j]!;
    const stdError = Math.sqrt(covariance[j]![j]!);
    const zValue = estimate / stdError;
    return { term, estimate, stdError, z: zValue, pValue: 2 * normalCdf(-Math.abs(zValue)) };
  });

  const hasIntercept = columns.some((_, j) => rows.every((row) => row[j] === 1));
  let nullMu = 0.5;
  if (hasIntercept) nullMu = y.reduce((s, v) => s + v, 0) / n;
  const nullDeviance = binomialDeviance(y, new Float64Array(n).fill(nullMu));
  return {
    coefficients,
    deviance: dev,
    nullDeviance,
    dfResidual: n - p,
    dfNull: hasIntercept ? n - 1 : n,
    aic: dev + 2 * p,
    iterations,
    fitted: Array.from(mu),
    covariance,
  };
}
