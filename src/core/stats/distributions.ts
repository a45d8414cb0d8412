/**
 * Distribution functions for the tests in this folder: the standard normal CDF and quantile, the
 * upper tail of chi-squared with one degree of freedom, and Student's t CDF and quantile for any
 * positive (also non-integer) degrees of freedom, with log-gamma, log-beta and the regularised
 * incomplete beta function they rest on. Written to agree with R 4.2.2 (`pnorm`, `qnorm`,
 * `pchisq`, `pt`, `qt`) to about 1e-14 relative.
 */

const DBL_EPSILON = 2.220446049250313e-16;
const LN_SQRT_2PI = 0.9189385332046727; // log(sqrt(2π))
const INV_SQRT_2PI = 0.3989422804014327; // 1 / sqrt(2π)
const SQRT_32 = 5.656854249492381;

function assertProbability(p: number, name: string): void {
  if (!(p >= 0 && p <= 1))
    throw new RangeError(`${name} must be a probability in [0, 1], got ${p}`);
}

function assertDegreesOfFreedom(df: number): void {
  if (!(df > 0)) throw new RangeError(`df must be a positive number, got ${df}`);
}

// W. J. Cody's rational Chebyshev approximations for the normal integral (Cody 1969; the ANORM
// routine of ACM TOMS Algorithm 715, Cody 1993), the coefficients R's pnorm.c uses, each written
// as its nearest double.
const CODY_A = [
  2.2352520354606837, 161.02823106855587, 1067.6894854603709, 18154.98125334356,
  0.06568233791820745,
];
const CODY_B = [47.202581904688245, 976.0985517377767, 10260.932208618979, 45507.78933502673];
const CODY_C = [
  0.39894151208813466, 8.883149794388377, 93.50665613217785, 597.2702763948002, 2494.5375852903726,
  6848.190450536283, 11602.65143764735, 9842.714838383978, 1.0765576773720192e-8,
];
const CODY_D = [
  22.266688044328117, 235.387901782625, 1519.3775994075547, 6485.558298266761, 18615.571640885097,
  34900.95272114598, 38912.00328609327, 19685.429676859992,
];
const CODY_P = [
  0.215898534057957, 0.12740116116024736, 0.022235277870649807, 0.0014216191932278934,
  2.9112874951168793e-5, 0.023073441764940174,
];
const CODY_Q = [
  1.284260096144911, 0.4682382124808651, 0.06598813786892856, 0.0037823963320275824,
  7.297515550839662e-5,
];

/**
 * exp(−x²/2) · r without losing the last digits of x²: x is split into a part with at most four
 * fractional bits (whose square is exact) and the rest, as in Cody's ANORM.
 */
function gaussianTail(x: number, r: number): number {
  const xsq = Math.trunc(x * 16) / 16;
  const del = (x - xsq) * (x + xsq);
  return Math.exp(-xsq * xsq * 0.5) * Math.exp(-del * 0.5) * r;
}

/**
 * The standard normal distribution function Φ(x) = P(Z ≤ x), with full relative precision in the
 * lower tail (down to Φ(−37.5) ≈ 4.6e−308; it underflows to 0 below that). Use `normalCdf(-x)` for
 * the upper tail: it is exact by symmetry, where `1 - normalCdf(x)` would lose every digit.
 *
 * Cody's rational Chebyshev approximations (W. J. Cody, "Rational Chebyshev approximations for the
 * error function", Math. Comp. 23, 1969; ACM TOMS Algorithm 715, 1993), the algorithm R's `pnorm`
 * uses: three ranges |x| ≤ 0.674, ≤ √32, and beyond.
 *
 * @example
 * normalCdf(1.959963984540054); // 0.975
 * normalCdf(-10); // 7.619853024160527e-24
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) throw new RangeError('x must be a number, got NaN');
  const y = Math.abs(x);
  if (y <= 0.67448975) {
    // |x| ≤ qnorm(3/4): Φ(x) = 1/2 + x · R(x²).
    let num = 0;
    let den = 0;
    if (y > DBL_EPSILON * 0.5) {
      const xsq = x * x;
      num = CODY_A[4]! * xsq;
      den = xsq;
      for (let i = 0; i < 3; i++) {
        num = (num + CODY_A[i]!) * xsq;
        den = (den + CODY_B[i]!) * xsq;
      }
    }
    return 0.5 + (x * (num + CODY_A[3]!)) / (den + CODY_B[3]!);
  }
  // P(Z ≤ −|x|); Φ(−37.5193) ≈ 2.2e−308 is about the smallest normal double (Cody's cut-off).
  const lower = y < 37.5193 ? gaussianTail(y, scaledNormalTail(y)) : 0;
  return x > 0 ? 1 - lower : lower;
}

/**
 * Φ(−y) · exp(y²/2) for y > 0.674 (Cody's rational forms, which never underflow): √(2π) times
 * Mills' ratio.
 */
function scaledNormalTail(y: number): number {
  if (y <= SQRT_32) {
    let num = CODY_C[8]! * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + CODY_C[i]!) * y;
      den = (den + CODY_D[i]!) * y;
    }
    return (num + CODY_C[7]!) / (den + CODY_D[7]!);
  }
  // Asymptotic form: φ(y)/y times a rational correction in 1/y².
  const xsq = 1 / (y * y);
  let num = CODY_P[5]! * xsq;
  let den = xsq;
  for (let i = 0; i < 4; i++) {
    num = (num + CODY_P[i]!) * xsq;
    den = (den + CODY_Q[i]!) * xsq;
  }
  const r = (xsq * (num + CODY_P[4]!)) / (den + CODY_Q[4]!);
  return (INV_SQRT_2PI - r) / y;
}

/**
 * The upper tail P(X > x) of the chi-squared distribution with one degree of freedom, i.e. the
 * p-value of a 1-df chi-squared statistic; R's `pchisq(x, 1, lower.tail = FALSE)`. Computed as
 * 2 Φ(−√x), since X = Z² for a standard normal Z.
 *
 * @example
 * chiSquared1UpperTail(3.841458820694124); // 0.05
 */
export function chiSquared1UpperTail(x: number): number {
  if (Number.isNaN(x)) throw new RangeError('x must be a number, got NaN');
  if (x <= 0) return 1;
  return 2 * normalCdf(-Math.sqrt(x));
}

// Wichura's AS 241 (PPND16) coefficients, as nearest doubles: ranges |p − 1/2| ≤ 0.425,
// r = √−log(min(p, 1−p)) ≤ 5, and r > 5.
const AS241_A = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987,
  67265.7709270087, 33430.57558358813, 2509.0809287301227,
];
const AS241_B = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271,
  28729.085735721943, 5226.495278852854,
];
const AS241_C = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684,
  0.2417807251774506, 0.022723844989269184, 7.745450142783414e-4,
];
const AS241_D = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008,
  0.015198666563616457, 5.475938084995345e-4, 1.0507500716444169e-9,
];
const AS241_E = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487,
  0.026532189526576124, 0.0012426609473880784, 2.7115555687434876e-5, 2.0103343992922881e-7,
];
const AS241_F = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 7.868691311456133e-4,
  1.8463183175100548e-5, 1.421511758316446e-7, 2.0442631033899397e-15,
];

/** c[0] + c[1] x + … + c[7] x⁷ by Horner's rule. */
function poly7(c: readonly number[], x: number): number {
  let v = c[7]!;
  for (let i = 6; i >= 0; i--) v = v * x + c[i]!;
  return v;
}

/**
 * The standard normal quantile Φ⁻¹(p), R's `qnorm(p)`: Wichura's algorithm AS 241 (M. J. Wichura,
 * "The percentage points of the normal distribution", Applied Statistics 37, 1988), accurate to
 * about 1e-16 relative. `p` = 0 and 1 give −∞ and +∞.
 *
 * @example
 * normalQuantile(0.975); // 1.959963984540054
 */
export function normalQuantile(p: number): number {
  assertProbability(p, 'p');
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly7(AS241_A, r)) / poly7(AS241_B, r);
  }
  const tail = q < 0 ? p : 1 - p;
  if (tail === 0) return q < 0 ? -Infinity : Infinity;
  let r = Math.sqrt(-Math.log(tail));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value = poly7(AS241_C, r) / poly7(AS241_D, r);
  } else {
    r -= 5;
    value = poly7(AS241_E, r) / poly7(AS241_F, r);
  }
  return q < 0 ? -value : value;
}

// Lanczos approximation, g = 7 with nine coefficients (Godfrey's set; Lanczos 1964).
const LANCZOS_G = 7;
const LANCZOS = [
  0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.984369578019572e-6,
  1.5056327351493116e-7,
];

/**
 * log Γ(x) for x > 0 by the Lanczos approximation (C. Lanczos, "A precision approximation of the
 * gamma function", SIAM J. Numer. Anal. B 1, 1964; g = 7, Godfrey's nine coefficients): a few
 * 1e-15 relative, or about 1e-15 absolute near the zeros at 1 and 2 (which are returned exactly).
 *
 * @example
 * logGamma(0.5); // 0.57236494292470 (log √π)
 */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`x must be a positive number, got ${x}`);
  if (x === Infinity) return Infinity;
  if (x === 1 || x === 2) return 0; // exact zeros the approximation misses by ~1e-15
  // Below 1/2 the series loses accuracy; Γ(x) = Γ(x + 1) / x keeps us where it is exact.
  if (x < 0.5) return logGamma(x + 1) - Math.log(x);
  const z = x - 1;
  let a = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) a += LANCZOS[i]! / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return LN_SQRT_2PI + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * The remainder δ(x) of Stirling's series, log Γ(x) = (x − ½) log x − x + log √(2π) + δ(x), for
 * x ≥ 10: δ(x) = 1/(12x) − 1/(360x³) + 1/(1260x⁵) − … (Abramowitz & Stegun 6.1.41), seven terms,
 * truncation error below 1e-17 at x = 10.
 */
function stirlingRemainder(x: number): number {
  const x2 = 1 / (x * x);
  return (
    (1 / 12 -
      x2 *
        (1 / 360 -
          x2 * (1 / 1260 - x2 * (1 / 1680 - x2 * (1 / 1188 - x2 * (691 / 360360 - x2 / 156)))))) /
    x
  );
}

/**
 * log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b). When an argument is large the three log-gammas
 * are large and nearly cancel, so the large ones are combined analytically through Stirling's
 * series, as R's `lbeta` does (after W. Fullerton's SLATEC routine DLBETA).
 *
 * @example
 * logBeta(0.5, 0.5); // 1.1447298858494 (log π)
 */
export function logBeta(a: number, b: number): number {
  if (!(a > 0)) throw new RangeError(`a must be a positive number, got ${a}`);
  if (!(b > 0)) throw new RangeError(`b must be a positive number, got ${b}`);
  const p = Math.min(a, b);
  const q = Math.max(a, b);
  if (p >= 10) {
    const corr = stirlingRemainder(p) + stirlingRemainder(q) - stirlingRemainder(p + q);
    return (
      -0.5 * Math.log(q) +
      LN_SQRT_2PI +
      corr +
      (p - 0.5) * Math.log(p / (p + q)) +
      q * Math.log1p(-p / (p + q))
    );
  }
  if (q >= 10) {
    const corr = stirlingRemainder(q) - stirlingRemainder(p + q);
    return logGamma(p) + corr + p - p * Math.log(p + q) + (q - 0.5) * Math.log1p(-p / (p + q));
  }
  return logGamma(p) + logGamma(q) - logGamma(p + q);
}

const TINY = 1e-300;
const MAX_FRACTION_TERMS = 100_000;

/**
 * The continued fraction for I_x(a, b) (Abramowitz & Stegun 26.5.8), evaluated by the modified
 * Lentz method (Lentz 1976; Thompson & Barnett 1986), as in Numerical Recipes §6.4. `y` = 1 − x is
 * passed separately so that neither is computed by a subtraction that loses digits.
 */
function betaContinuedFraction(x: number, y: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  // 1 − (a + b) x / (a + 1), written without the cancellation it suffers when x is near 1.
  let d = (1 - b + qab * y) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_FRACTION_TERMS; m++) {
    const m2 = 2 * m;
    // Even step d_{2m}, then odd step d_{2m+1}.
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) <= DBL_EPSILON) return h;
  }
  throw new RangeError(`the incomplete beta continued fraction did not converge (a=${a}, b=${b})`);
}

/** I_x(a, b) with y = 1 − x given exactly; `upper` asks for 1 − I_x(a, b) instead. */
function incompleteBeta(x: number, y: number, a: number, b: number, upper: boolean): number {
  if (x <= 0) return upper ? 1 : 0;
  if (y <= 0) return upper ? 0 : 1;
  const logX = x < 0.5 ? Math.log(x) : Math.log1p(-y);
  const logY = y < 0.5 ? Math.log(y) : Math.log1p(-x);
  const front = a * logX + b * logY - logBeta(a, b);
  // The fraction converges fast for x < (a + 1) / (a + b + 2); otherwise use I_x(a, b) = 1 − I_y(b, a).
  if (x < (a + 1) / (a + b + 2)) {
    const lower = Math.exp(front - Math.log(a)) * betaContinuedFraction(x, y, a, b);
    return upper ? 1 - lower : lower;
  }
  const complement = Math.exp(front - Math.log(b)) * betaContinuedFraction(y, x, b, a);
  return upper ? complement : 1 - complement;
}

/**
 * The regularised incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b), the distribution
 * function of Beta(a, b) (R's `pbeta(x, a, b)`), by its continued fraction and Lentz's method.
 *
 * @example
 * regularizedBeta(0.5, 2, 3); // 0.6875
 */
export function regularizedBeta(x: number, a: number, b: number): number {
  assertProbability(x, 'x');
  if (!(a > 0)) throw new RangeError(`a must be a positive number, got ${a}`);
  if (!(b > 0)) throw new RangeError(`b must be a positive number, got ${b}`);
  return incompleteBeta(x, 1 - x, a, b, false);
}

/**
 * P(T > |t|) for Student's t with `df` degrees of freedom: ½ I_{ν/(ν+t²)}(ν/2, ½), from whichever
 * side of the incomplete beta keeps full precision. Above 4e5 degrees of freedom, R's `pt` switches
 * to a normal approximation with a variance correction (Abramowitz & Stegun 26.7.8); so do we.
 */
function studentTTail(t: number, df: number): number {
  const at = Math.abs(t);
  if (at === Infinity) return 0;
  if (df === Infinity) return normalCdf(-at);
  if (df > 4e5) {
    const v = 1 / (4 * df);
    return normalCdf((-at * (1 - v)) / Math.sqrt(1 + at * at * 2 * v));
  }
  const t2 = at * at;
  if (t2 === 0) return 0.5;
  if (t2 / df > 1e100) {
    // x = ν/(ν+t²) would underflow: the leading term x^(ν/2) / ((ν/2) B(ν/2, ½)) is exact here.
    const logX = Math.log(df) - 2 * Math.log(at);
    return 0.5 * Math.exp((df / 2) * logX - logBeta(df / 2, 0.5) - Math.log(df / 2));
  }
  const x = df / (df + t2);
  const y = t2 / (df + t2);
  // Near the centre with many degrees of freedom the continued fraction is ill-conditioned (it
  // loses about log10(df) digits); the expansion for large a is exact to rounding there.
  if (df >= 30 && x >= 0.5) return 0.5 * incompleteBetaLargeA(x, y, df / 2);
  return 0.5 * incompleteBeta(x, y, df / 2, 0.5, false);
}

/**
 * I_x(a, ½) for large a (≥ 15) and x ≥ ½, by the asymptotic expansion in powers of 1/T, T = a − ¼,
 * that Didonato & Morris use in this regime (ACM TOMS Algorithm 708, 1992, §9, their BGRAT).
 * Derivation: with x = e^{−w/T},
 *
 *   B(a, b) I_x(a, b) = T^{−b} Σ_n c_n T^{−2n} Γ(b + 2n, u),  u = −T log x,
 *
 * where Σ c_n r^{2n} is the series of (sinh(r/2) / (r/2))^{b−1}. For b = ½ the incomplete gamma
 * function starts from Γ(½, u) = 2√π Φ(−√(2u)), and Γ(s + 2, u) follows from Γ(s, u) by
 * recurrence. The series converges fast for x ≥ ½ (its ratio is about (log x / 2π)²).
 */
function incompleteBetaLargeA(x: number, y: number, a: number): number {
  const b = 0.5;
  const logX = x < 0.5 ? Math.log(x) : Math.log1p(-y);
  const T = a + (b - 1) / 2;
  const u = -T * logX;
  const w2 = logX * logX; // (u / T)²
  // H_n = Γ(b + 2n, u) / (u^b e^{−u} T^{2n}); H_0 from Φ, scaled so that nothing underflows.
  const sqrt2u = Math.sqrt(2 * u);
  const scaled = sqrt2u <= 0.67448975 ? normalCdf(-sqrt2u) * Math.exp(u) : scaledNormalTail(sqrt2u);
  let h = (2 * Math.sqrt(Math.PI) * scaled) / Math.sqrt(u);
  // c_n by J. C. P. Miller's recurrence for a power of a series: f = Σ s_k r^{2k} with
  // s_k = 1 / (4^k (2k + 1)!), c = f^{b−1}: c_n = (1/n) Σ_{k=1..n} (b k − n) s_k c_{n−k}.
  const s: number[] = [1];
  const c: number[] = [1];
  let sum = h;
  let wPow = 1; // (u/T)^{2n}
  for (let n = 0; n < 40; n++) {
    const sn = b + 2 * n;
    h = (sn * (sn + 1) * h + (sn + 1 + u) * wPow) / (T * T);
    wPow *= w2;
    const m = n + 1;
    s.push(s[m - 1]! / (4 * (2 * m) * (2 * m + 1)));
    let cm = 0;
    for (let k = 1; k <= m; k++) cm += (b * k - m) * s[k]! * c[m - k]!;
    cm /= m;
    c.push(cm);
    const term = cm * h;
    sum += term;
    if (Math.abs(term) <= DBL_EPSILON * 0.5 * Math.abs(sum)) break;
  }
  return Math.exp(b * Math.log(-logX) - u - logBeta(a, b)) * sum;
}

/**
 * The distribution function P(T ≤ t) of Student's t with `df` > 0 degrees of freedom (need not be a
 * whole number: Welch's test uses fractional ones), R's `pt(t, df)`. Through the regularised
 * incomplete beta function, P(|T| > |t|) = I_{ν/(ν+t²)}(ν/2, ½) (Abramowitz & Stegun 26.7.1);
 * `df = Infinity` gives the normal distribution. Both tails keep full relative precision.
 *
 * @example
 * studentTCdf(2.228138851986274, 10); // 0.975
 * studentTCdf(-1, 1); // 0.25 (Cauchy)
 */
export function studentTCdf(t: number, df: number): number {
  if (Number.isNaN(t)) throw new RangeError('t must be a number, got NaN');
  assertDegreesOfFreedom(df);
  const tail = studentTTail(t, df);
  return t > 0 ? 1 - tail : tail;
}

/** The density of Student's t, for the Newton steps of the quantile. */
function studentTDensity(t: number, df: number): number {
  if (df === Infinity || df > 4e5) return INV_SQRT_2PI * Math.exp(-0.5 * t * t);
  return Math.exp(
    -logBeta(df / 2, 0.5) - 0.5 * Math.log(df) - ((df + 1) / 2) * Math.log1p((t * t) / df),
  );
}

/**
 * The quantile of Student's t, R's `qt(p, df)`, for any `df` > 0: the root of P(T > t) = min(p,
 * 1 − p) by Newton's method on the logarithm of the tail, safeguarded by bisection inside a bracket
 * that always holds the root. It starts from the Cornish–Fisher expansion around the normal
 * quantile (Abramowitz & Stegun 26.7.5) and stops at machine precision.
 *
 * @example
 * studentTQuantile(0.975, 10); // 2.228138851986274
 * studentTQuantile(0.975, 1); // 12.706204736174707 (= tan(0.475π))
 */
export function studentTQuantile(p: number, df: number): number {
  assertProbability(p, 'p');
  assertDegreesOfFreedom(df);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  if (df === Infinity) return normalQuantile(p);
  const alpha = Math.min(p, 1 - p); // target upper-tail probability, < 1/2
  const sign = p < 0.5 ? -1 : 1;

  // Cornish–Fisher start; for small df it may be poor, the bracket makes that harmless.
  const z = -normalQuantile(alpha);
  const z2 = z * z;
  let t =
    z +
    (z * (z2 + 1)) / (4 * df) +
    (z * ((5 * z2 + 16) * z2 + 3)) / (96 * df * df) +
    (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / (384 * df * df * df);
  if (!(t > 0) || !Number.isFinite(t)) t = Math.max(z, 1);

  // Bracket [lo, hi]: tail(lo) > alpha > tail(hi).
  let lo = 0;
  let hi = t;
  while (studentTTail(hi, df) > alpha) {
    lo = hi;
    hi *= 4;
    if (!Number.isFinite(hi)) return sign * Infinity; // beyond the largest double
  }
  const logAlpha = Math.log(alpha);
  for (let i = 0; i < 200; i++) {
    const tail = studentTTail(t, df);
    if (tail === alpha) break;
    if (tail > alpha) lo = t;
    else hi = t;
    // Newton on g(t) = log tail(t) − log alpha, g'(t) = −f(t) / tail(t).
    const density = studentTDensity(t, df);
    let next = t + ((Math.log(tail) - logAlpha) * tail) / density;
    if (!(next > lo && next < hi)) {
      // Bisect; geometrically when the bracket spans orders of magnitude.
      next = lo > 0 && hi / lo > 4 ? Math.sqrt(lo) * Math.sqrt(hi) : lo + (hi - lo) / 2;
    }
    if (Math.abs(next - t) <= 2 * DBL_EPSILON * t || next === lo || next === hi) {
      t = next;
      break;
    }
    t = next;
  }
  return sign * t;
}
