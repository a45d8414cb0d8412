/**
 * The Bass (1969) diffusion model fitted to a cumulative adoption curve by bounded non-linear least
 * squares, in the manner of Srinivasan & Mason (1986): N(t) = m F(t) with
 *
 *   F(t) = (1 − e^{−(p+q)t}) / (1 + (q/p) e^{−(p+q)t}),
 *
 * where p is the coefficient of innovation (adoption from outside influence), q the coefficient of
 * imitation (adoption from contact with earlier adopters) and m the number who will ever adopt.
 * F.M. Bass, "A new product growth for model consumer durables", Management Science 15, 1969;
 * V. Srinivasan & C.H. Mason, "Nonlinear least squares estimation of new product diffusion
 * models", Marketing Science 5, 1986.
 */

/** The three parameters of the Bass model. */
export interface BassParameters {
  /** Coefficient of innovation, > 0. */
  readonly p: number;
  /** Coefficient of imitation, > 0. */
  readonly q: number;
  /** Market potential: how many adopt in the end. */
  readonly m: number;
}

/**
 * Cumulative adopters at time t under the Bass model, m F(t).
 *
 * @example
 * bassCumulative(10, { p: 0.01, q: 0.4, m: 100 }); // 59.1
 */
export function bassCumulative(t: number, { p, q, m }: BassParameters): number {
  const e = Math.exp(-(p + q) * t);
  return (m * (1 - e)) / (1 + (q / p) * e);
}

/**
 * Adoptions per unit of time at time t, m f(t) = m (p + q)² e / (p (1 + (q/p) e)²) with
 * e = e^{−(p+q)t}: the derivative of {@link bassCumulative}.
 *
 * @example
 * bassAdoptionRate(0, { p: 0.01, q: 0.4, m: 100 }); // 1 (= m p: only innovators at launch)
 */
export function bassAdoptionRate(t: number, { p, q, m }: BassParameters): number {
  const e = Math.exp(-(p + q) * t);
  const d = 1 + (q / p) * e;
  return (m * (p + q) ** 2 * e) / (p * d * d);
}

/** The result of {@link fitBass}. */
export interface BassFit extends BassParameters {
  /**
   * When adoption per period peaks, t* = ln(q/p) / (p + q); 0 when q ≤ p (adoption is then
   * highest at launch and only falls).
   */
  readonly peakTime: number;
  /** Adoptions per unit of time at the peak, m (p + q)² / (4q), or m p when q ≤ p. */
  readonly peakRate: number;
  /** 1 − RSS / TSS of the cumulative curve. */
  readonly rSquared: number;
  /** Residual sum of squares of the cumulative counts. */
  readonly rss: number;
  /** The fitted cumulative count at each observed time. */
  readonly fitted: readonly number[];
  /** Levenberg–Marquardt iterations of the winning start. */
  readonly iterations: number;
  /** Whether the winning start met the convergence test (not the iteration limit). */
  readonly converged: boolean;
  /** The starting point that led to this fit. */
  readonly start: BassParameters;
}

/** Options of {@link fitBass}. */
export interface BassOptions {
  /** Starting values of p to try (default 0.001, 0.01, 0.03, 0.1). */
  readonly startP?: readonly number[];
  /** Starting values of q to try (default 0.1, 0.3, 0.6, 1). */
  readonly startQ?: readonly number[];
  /** Starting m as a multiple of the last observed count (default 1.5). */
  readonly startMFactor?: number;
  /** Iteration limit per start (default 1000). */
  readonly maxIterations?: number;
}

/** p and q are kept at or above this, so that q/p stays finite. */
export const BASS_MIN_COEFFICIENT = 1e-6;

function validate(times: readonly number[], cumulative: readonly number[]): void {
  if (times.length !== cumulative.length) {
    throw new RangeError(
      `times and cumulative must have the same length, got ${times.length} and ${cumulative.length}`,
    );
  }
  if (times.length < 3) {
    throw new RangeError(`at least 3 periods are needed to fit p, q and m, got ${times.length}`);
  }
  for (let i = 0; i < times.length; i++) {
    const t = times[i]!;
    const n = cumulative[i]!;
    if (!Number.isFinite(t) || t < 0) {
      throw new RangeError(`times[${i}] must be a finite number ≥ 0 (time since launch), got ${t}`);
    }
    if (i > 0 && !(t > times[i - 1]!)) {
      throw new RangeError(`times must increase: times[${i}] = ${t} after ${times[i - 1]}`);
    }
    if (!Number.isFinite(n) || n < 0) {
      throw new RangeError(`cumulative[${i}] must be a finite count ≥ 0, got ${n}`);
    }
    if (i > 0 && n < cumulative[i - 1]!) {
      throw new RangeError(
        `cumulative counts cannot decrease: cumulative[${i}] = ${n} after ${cumulative[i - 1]} ` +
          '(per-period counts must be summed first)',
      );
    }
  }
  if (!(cumulative[cumulative.length - 1]! > cumulative[0]!)) {
    throw new RangeError('the cumulative counts never grow: there is no diffusion to fit');
  }
}

/** Residuals m F(t) − N and their Jacobian with respect to (p, q, m). */
function residualsAndJacobian(
  times: readonly number[],
  cumulative: readonly number[],
  [p, q, m]: readonly number[],
  jacobian: Float64Array | null,
): Float64Array {
  const r = new Float64Array(times.length);
  const a = q! / p!;
  for (let i = 0; i < times.length; i++) {
    const t = times[i]!;
    const e = Math.exp(-(p! + q!) * t);
    const d = 1 + a * e;
    const f = (1 - e) / d;
    r[i] = m! * f - cumulative[i]!;
    if (jacobian) {
      // ∂F/∂p and ∂F/∂q by the quotient rule, with ∂e/∂p = ∂e/∂q = −t e, ∂a/∂p = −q/p², ∂a/∂q = 1/p.
      const d2 = d * d;
      jacobian[i * 3] = (m! * (t * e * d + (1 - e) * e * (q! / (p! * p!) + a * t))) / d2;
      jacobian[i * 3 + 1] = (m! * (t * e * d - (1 - e) * e * (1 / p! - a * t))) / d2;
      jacobian[i * 3 + 2] = f;
    }
  }
  return r;
}

function sumOfSquares(r: Float64Array): number {
  let s = 0;
  for (const v of r) s += v * v;
  return s;
}

/** Solves the symmetric positive definite system M x = b (size ≤ 3) by Cholesky; null if not SPD. */
function choleskySolve(mat: number[][], b: number[]): number[] | null {
  const k = b.length;
  const l: number[][] = mat.map(() => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = mat[i]![j]!;
      for (let c = 0; c < j; c++) s -= l[i]![c]! * l[j]![c]!;
      if (i === j) {
        if (!(s > 0)) return null;
        l[i]![i] = Math.sqrt(s);
      } else {
        l[i]![j] = s / l[j]![j]!;
      }
    }
  }
  const y = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++) {
    let s = b[i]!;
    for (let c = 0; c < i; c++) s -= l[i]![c]! * y[c]!;
    y[i] = s / l[i]![i]!;
  }
  const x = new Array<number>(k).fill(0);
  for (let i = k - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let c = i + 1; c < k; c++) s -= l[c]![i]! * x[c]!;
    x[i] = s / l[i]![i]!;
  }
  return x;
}

interface LmResult {
  theta: number[];
  rss: number;
  iterations: number;
  converged: boolean;
}

/**
 * Levenberg–Marquardt with Marquardt's diagonal scaling (Marquardt 1963; Moré 1978), kept inside
 * the box θ ≥ lower by projection. Parameters at their bound whose gradient points outwards are
 * held fixed for the step (an active set), so the free ones still move freely.
 */
function boundedLevenbergMarquardt(
  times: readonly number[],
  cumulative: readonly number[],
  start: readonly number[],
  lower: readonly number[],
  maxIterations: number,
): LmResult {
  const n = times.length;
  const jac = new Float64Array(n * 3);
  let theta = start.map((v, j) => Math.max(v, lower[j]!));
  let r = residualsAndJacobian(times, cumulative, theta, jac);
  let rss = sumOfSquares(r);
  const scale = cumulative.reduce((s, v) => s + v * v, 0);
  let lambda = 1e-3;
  for (let iter = 1; iter <= maxIterations; iter++) {
    // Gradient g = J'r and Gauss–Newton matrix J'J.
    const g = [0, 0, 0];
    const jtj = [
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ];
    for (let i = 0; i < n; i++) {
      for (let a = 0; a < 3; a++) {
        g[a] = g[a]! + jac[i * 3 + a]! * r[i]!;
        for (let b = 0; b <= a; b++) jtj[a]![b] = jtj[a]![b]! + jac[i * 3 + a]! * jac[i * 3 + b]!;
      }
    }
    for (let a = 0; a < 3; a++) for (let b = a + 1; b < 3; b++) jtj[a]![b] = jtj[b]![a]!;
    const free = [0, 1, 2].filter((j) => !(theta[j]! <= lower[j]! && g[j]! > 0));
    if (free.length === 0) return { theta, rss, iterations: iter, converged: true };

    let accepted: number[] | null = null;
    let acceptedRss = rss;
    while (lambda <= 1e16) {
      const mat = free.map((a) =>
        free.map((b) => jtj[a]![b]! + (a === b ? lambda * Math.max(jtj[a]![a]!, 1e-300) : 0)),
      );
      const step = choleskySolve(
        mat,
        free.map((j) => -g[j]!),
      );
      if (step) {
        const candidate = [...theta];
        for (const [k, j] of free.entries()) {
          candidate[j] = Math.max(theta[j]! + step[k]!, lower[j]!);
        }
        const candidateRss = sumOfSquares(residualsAndJacobian(times, cumulative, candidate, null));
        if (candidateRss < rss) {
          accepted = candidate;
          acceptedRss = candidateRss;
          lambda = Math.max(lambda / 10, 1e-12);
          break;
        }
      }
      lambda *= 10;
    }
    // No step lowers the sum of squares: θ is a minimum to working precision.
    if (accepted === null) return { theta, rss, iterations: iter, converged: true };

    const relativeStep = Math.max(
      ...accepted.map((v, j) => Math.abs(v - theta[j]!) / Math.max(Math.abs(theta[j]!), 1e-12)),
    );
    theta = accepted;
    rss = acceptedRss;
    r = residualsAndJacobian(times, cumulative, theta, jac);
    if (relativeStep < 1e-10 || rss <= 1e-28 * scale) {
      return { theta, rss, iterations: iter, converged: true };
    }
  }
  return { theta, rss, iterations: maxIterations, converged: false };
}

/**
 * Fits the Bass model to cumulative adopters `cumulative[i]` at times `times[i]` (time since
 * launch, t ≥ 0, increasing; per-period counts must be summed first) by minimising the squared
 * error of the cumulative curve, with p, q ≥ 1e-6 and m ≥ the last observed count. A bounded
 * Levenberg–Marquardt search runs from every start of a grid (p × q, m = 1.5 × last count) and
 * the fit with the lowest residual sum of squares is kept, since the surface can have several
 * local minima.
 *
 * @example
 * const t = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14];
 * const n = [1, 1, 1, 2, 5, 7, 7, 12, 15, 18, 24, 28, 28, 30];
 * const fit = fitBass(t, n); // { p: 0.00655, q: 0.442, m: 34.49, peakTime: 9.39, rss: 12.996, … }
 */
export function fitBass(
  times: readonly number[],
  cumulative: readonly number[],
  options: BassOptions = {},
): BassFit {
  validate(times, cumulative);
  const startP = options.startP ?? [0.001, 0.01, 0.03, 0.1];
  const startQ = options.startQ ?? [0.1, 0.3, 0.6, 1];
  const startMFactor = options.startMFactor ?? 1.5;
  const maxIterations = options.maxIterations ?? 1000;
  const last = cumulative[cumulative.length - 1]!;
  const lower = [BASS_MIN_COEFFICIENT, BASS_MIN_COEFFICIENT, last];

  let best: (LmResult & { start: BassParameters }) | null = null;
  for (const p of startP) {
    for (const q of startQ) {
      const start = { p, q, m: startMFactor * last };
      const result = boundedLevenbergMarquardt(
        times,
        cumulative,
        [p, q, start.m],
        lower,
        maxIterations,
      );
      if (Number.isFinite(result.rss) && (best === null || result.rss < best.rss)) {
        best = { ...result, start };
      }
    }
  }
  if (best === null) throw new RangeError('no starting point gave a finite fit');

  const [p, q, m] = best.theta as [number, number, number];
  const params = { p, q, m };
  const fitted = times.map((t) => bassCumulative(t, params));
  const mean = cumulative.reduce((s, v) => s + v, 0) / cumulative.length;
  const tss = cumulative.reduce((s, v) => s + (v - mean) ** 2, 0);
  return {
    p,
    q,
    m,
    peakTime: q > p ? Math.log(q / p) / (p + q) : 0,
    peakRate: q > p ? (m * (p + q) ** 2) / (4 * q) : m * p,
    rSquared: 1 - best.rss / tss,
    rss: best.rss,
    fitted,
    iterations: best.iterations,
    converged: best.converged,
    start: best.start,
  };
}
