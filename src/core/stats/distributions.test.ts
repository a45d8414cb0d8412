import { describe, expect, it } from 'vitest';
import {
  chiSquared1UpperTail,
  logBeta,
  logGamma,
  normalCdf,
  normalQuantile,
  regularizedBeta,
  studentTCdf,
  studentTQuantile,
} from './distributions.ts';
import propTests from './fixtures/prop-test.json';
import welchTests from './fixtures/welch-t-test.json';

/** |actual − expected| ≤ tol · |expected|. */
function expectRelative(actual: number, expected: number, tol: number): void {
  const err = Math.abs(actual - expected) / Math.abs(expected);
  expect(err, `${actual} vs ${expected}`).toBeLessThanOrEqual(tol);
}

// Reference values below marked "exact" are the mathematical values, computed with mpmath 1.3.0
// at 40 significant digits and rounded to the nearest double (see fixtures/SOURCE.md); R 4.2.2's
// pnorm/qnorm/pt/qt agree with them to the last digit or two.

describe('normalCdf', () => {
  // [x, Φ(x)], exact.
  const values: [number, number][] = [
    [-37, 5.725571222524577e-300],
    [-30, 4.906713927148187e-198],
    [-20, 2.7536241186062337e-89],
    [-10, 7.619853024160525e-24],
    [-8, 6.220960574271784e-16],
    [-5.657, 7.702088172177601e-9],
    [-5, 2.866515718791939e-7],
    [-3, 0.0013498980316300946],
    [-1.96, 0.024997895148220435],
    [-1, 0.15865525393145705],
    [-0.6744, 0.2500285213729406],
    [-0.3, 0.3820885778110474],
    [0.3, 0.6179114221889527],
    [1, 0.8413447460685429],
    [1.96, 0.9750021048517795],
    [3, 0.9986501019683699],
    [8, 0.9999999999999993],
  ];

  it.each(values)('Φ(%d) has full relative precision, also deep in the lower tail', (x, p) => {
    expectRelative(normalCdf(x), p, 2e-15);
  });

  it('is exactly symmetric, so normalCdf(-x) is the upper tail without cancellation', () => {
    for (const x of [0.1, 0.7, 2.5, 6, 12, 30]) {
      expect(normalCdf(-x) + normalCdf(x)).toBeCloseTo(1, 15);
    }
    expectRelative(normalCdf(-12), 1.776482112077679e-33, 2e-15); // exact
  });

  it('is ½ at 0, 0 and 1 at the infinities and far out, and monotone across the range joins', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(-40)).toBe(0);
    let previous = 0;
    for (let x = -37; x <= 8; x += 0.001) {
      const p = normalCdf(x);
      expect(p).toBeGreaterThanOrEqual(previous);
      previous = p;
    }
  });

  it('refuses NaN', () => {
    expect(() => normalCdf(Number.NaN)).toThrow(RangeError);
  });
});

describe('chiSquared1UpperTail', () => {
  it('is 0.05 at the 95 % critical value and 1 at 0', () => {
    // qchisq(0.95, 1) = qnorm(0.975)², exact.
    expectRelative(chiSquared1UpperTail(1.9599639845400538 ** 2), 0.05, 1e-14);
    expect(chiSquared1UpperTail(0)).toBe(1);
  });

  it("reproduces R's p-values for every prop.test statistic in the oracle", () => {
    for (const c of propTests) {
      expectRelative(chiSquared1UpperTail(c.statistic), c.p_value, 1e-13);
    }
  });
});

describe('normalQuantile', () => {
  // [p, Φ⁻¹(p)], exact (for p as a double).
  const values: [number, number][] = [
    [1e-300, -37.0470962993612],
    [1e-100, -21.273453560965326],
    [1e-20, -9.262340089798407],
    [1e-10, -6.361340902404057],
    [1e-5, -4.264890793922825],
    [0.025, -1.9599639845400543],
    [0.1, -1.2815515655446004],
    [0.3, -0.5244005127080408],
    [0.7, 0.5244005127080407],
    [0.975, 1.9599639845400538],
    [0.999, 3.090232306167813],
  ];

  it.each(values)('Φ⁻¹(%d) agrees to about 1e-16', (p, z) => {
    expectRelative(normalQuantile(p), z, 1e-15);
  });

  it('inverts normalCdf and gives the infinities at 0 and 1', () => {
    for (const p of [1e-200, 0.001, 0.2, 0.5, 0.6, 0.95]) {
      // A relative error ε in z moves Φ by about z² ε in relative terms.
      const z = normalQuantile(p);
      expectRelative(normalCdf(z), p, 4e-16 * (1 + z * z));
    }
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });

  it('refuses a p outside [0, 1]', () => {
    expect(() => normalQuantile(1.5)).toThrow(/p must be a probability/);
    expect(() => normalQuantile(Number.NaN)).toThrow(RangeError);
  });
});

describe('logGamma and logBeta', () => {
  it('match the exact values at whole and half-whole numbers', () => {
    expect(logGamma(1)).toBeCloseTo(0, 15);
    expect(logGamma(2)).toBeCloseTo(0, 15);
    expectRelative(logGamma(0.5), Math.log(Math.sqrt(Math.PI)), 1e-15);
    expectRelative(logGamma(3.5), Math.log((15 * Math.sqrt(Math.PI)) / 8), 3e-15);
    expectRelative(logGamma(10), Math.log(362880), 1e-15);
    let logFactorial = 0;
    for (let k = 2; k < 171; k++) logFactorial += Math.log(k);
    expectRelative(logGamma(171), logFactorial, 1e-14);
    // Γ(x) ~ 1/x near 0.
    expectRelative(logGamma(1e-10), -Math.log(1e-10) - 0.5772156649015329e-10, 1e-15);
  });

  it('computes log B(a, b) without cancellation when one argument is large', () => {
    expectRelative(logBeta(0.5, 0.5), Math.log(Math.PI), 1e-15);
    expectRelative(logBeta(2, 3), Math.log(1 / 12), 2e-15);
    expectRelative(logBeta(1e5, 0.5), -5.184096539560414, 1e-15); // exact
    expectRelative(logBeta(2e5, 1e5), logBeta(1e5, 2e5), 1e-15);
    expectRelative(logBeta(12, 30), logGamma(12) + logGamma(30) - logGamma(42), 1e-13);
  });

  it('refuses non-positive arguments', () => {
    expect(() => logGamma(0)).toThrow(/x must be a positive number/);
    expect(() => logBeta(-1, 2)).toThrow(/a must be a positive number/);
  });
});

describe('regularizedBeta', () => {
  it('equals the binomial sum for whole-number parameters', () => {
    // I_x(a, b) = P(Binomial(a + b − 1, x) ≥ a).
    const binomialUpper = (n: number, k: number, x: number): number => {
      let sum = 0;
      let coef = 1;
      for (let j = 0; j <= n; j++) {
        if (j >= k) sum += coef * x ** j * (1 - x) ** (n - j);
        coef = (coef * (n - j)) / (j + 1);
      }
      return sum;
    };
    for (const [x, a, b] of [
      [0.5, 2, 3],
      [0.1, 1, 7],
      [0.9, 6, 2],
      [0.3, 12, 9],
      [0.01, 2, 40],
    ] as const) {
      expectRelative(regularizedBeta(x, a, b), binomialUpper(a + b - 1, a, x), 1e-13);
    }
    expectRelative(regularizedBeta(0.5, 2, 3), 0.6875, 2e-15);
  });

  it('is 0 and 1 at the ends and satisfies I_x(a, b) = 1 − I_{1−x}(b, a)', () => {
    expect(regularizedBeta(0, 2.5, 3)).toBe(0);
    expect(regularizedBeta(1, 2.5, 3)).toBe(1);
    expect(regularizedBeta(0.37, 2.5, 0.8) + regularizedBeta(0.63, 0.8, 2.5)).toBeCloseTo(1, 14);
  });

  it('refuses an x outside [0, 1] or non-positive shape parameters', () => {
    expect(() => regularizedBeta(1.2, 1, 1)).toThrow(/x must be a probability/);
    expect(() => regularizedBeta(0.5, 0, 1)).toThrow(/a must be a positive number/);
    expect(() => regularizedBeta(0.5, 1, -2)).toThrow(/b must be a positive number/);
  });
});

describe('studentTCdf', () => {
  // [t, df, P(T ≤ t)], exact.
  const values: [number, number, number][] = [
    [-2.5, 3.7, 0.03591101145591338],
    [-11.3, 36.5590032508803, 8.718020460416344e-14],
    [1.3, 16.7034758432103, 0.8943725898232951],
    [-40, 2.5, 7.097817145246691e-5],
    [-3, 300.5, 0.0014629175526057409],
    [-2, 5000, 0.022777129994146987],
    [0.5, 0.3, 0.5996446036892612],
    [-8, 45.25, 1.6581579248962816e-10],
    [-1e5, 7.5, 8.519708020979954e-36],
  ];

  it.each(values)('P(T ≤ %d) with %d df agrees to 5e-14', (t, df, p) => {
    expectRelative(studentTCdf(t, df), p, 5e-14);
  });

  it('matches the closed forms for 1 and 2 degrees of freedom', () => {
    // Written for t < 0 without the cancellation of ½ + atan(t)/π and ½ + t / (2√(2 + t²)).
    for (const t of [-300, -12.7, -3, -1, -0.2]) {
      const r = Math.sqrt(2 + t * t);
      expectRelative(studentTCdf(t, 1), Math.atan(-1 / t) / Math.PI, 1e-14);
      expectRelative(studentTCdf(t, 2), 1 / (r * (r - t)), 1e-14);
      expectRelative(studentTCdf(-t, 1), 1 - Math.atan(-1 / t) / Math.PI, 1e-15);
    }
  });

  it("reproduces R's p-value for every Welch test in the oracle from its t and df", () => {
    for (const c of welchTests) {
      expectRelative(2 * studentTCdf(-Math.abs(c.statistic), c.df), c.p_value, 1e-12);
    }
  });

  it('tends to the normal distribution as df grows', () => {
    expect(studentTCdf(-1.96, Infinity)).toBe(normalCdf(-1.96));
    // Above 4e5 df R switches to a corrected normal approximation; it joins the exact value.
    expectRelative(studentTCdf(-1.96, 4e5), studentTCdf(-1.96, 4.0001e5), 1e-9);
    expectRelative(studentTCdf(-1.96, 1e9), normalCdf(-1.96), 1e-8);
  });

  it('is ½ at 0, 0 and 1 at the infinities, and refuses non-positive df', () => {
    expect(studentTCdf(0, 3.3)).toBe(0.5);
    expect(studentTCdf(-Infinity, 3.3)).toBe(0);
    expect(studentTCdf(Infinity, 3.3)).toBe(1);
    expect(() => studentTCdf(1, 0)).toThrow(/df must be a positive number/);
    expect(() => studentTCdf(1, Number.NaN)).toThrow(/df must be a positive number/);
  });
});

describe('studentTQuantile', () => {
  // [p, df, t], exact.
  const values: [number, number, number][] = [
    [0.975, 3.7, 2.8675207071911886],
    [0.975, 10, 2.2281388519862744],
    [0.975, 16.7034758432103, 2.1126722892234358],
    [0.975, 54.6285252704528, 2.0043511359723785],
    [0.975, 300.5, 1.9678897491561396],
    [1e-10, 4.5, -241.117429191934],
    [0.025, 2.5, -3.574654842003683],
    [0.9, 1.3, 2.4259474107879173],
  ];

  it.each(values)('the %d quantile with %d df agrees to 1e-14', (p, df, t) => {
    expectRelative(studentTQuantile(p, df), t, 1e-14);
  });

  it('matches the closed forms for 1 and 2 degrees of freedom', () => {
    for (const p of [1e-12, 0.001, 0.025, 0.3]) {
      // tan(π (p − ½)) = −1 / tan(π p), which keeps the digits of a small p.
      expectRelative(studentTQuantile(p, 1), -1 / Math.tan(Math.PI * p), 1e-14);
      expectRelative(studentTQuantile(p, 2), (2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 1e-14);
      // 1 − p is exact enough in binary only when p is not tiny.
      if (p >= 0.001) expectRelative(studentTQuantile(1 - p, 2), -studentTQuantile(p, 2), 1e-12);
    }
  });

  it('reproduces the t quantile behind every R Welch interval in the oracle', () => {
    for (const c of welchTests) {
      // conf_high − difference = qt(0.975, df) · se, and se = difference / statistic.
      const q = ((c.conf_high - c.difference) * c.statistic) / c.difference;
      expectRelative(studentTQuantile(0.975, c.df), q, 1e-10);
    }
  });

  it('inverts studentTCdf, also far in the tails and for fractional df', () => {
    for (const df of [0.4, 1.7, 6.25, 80.5, 2e4, 1e6]) {
      for (const p of [1e-100, 1e-8, 0.01, 0.2, 0.8, 0.99]) {
        const t = studentTQuantile(p, df);
        expectRelative(studentTCdf(t, df), p, 1e-12);
        if (p >= 0.01) expectRelative(studentTQuantile(1 - p, df), -t, 1e-12);
      }
    }
  });

  it('gives the normal quantile for infinite df and the infinities at 0 and 1', () => {
    expect(studentTQuantile(0.975, Infinity)).toBe(normalQuantile(0.975));
    expect(studentTQuantile(0, 5)).toBe(-Infinity);
    expect(studentTQuantile(1, 5)).toBe(Infinity);
    // The 1e-300 quantile of t with 0.3 df is beyond the largest double.
    expect(studentTQuantile(1e-300, 0.3)).toBe(-Infinity);
  });

  it('refuses a p outside [0, 1] or non-positive df', () => {
    expect(() => studentTQuantile(-0.1, 5)).toThrow(/p must be a probability/);
    expect(() => studentTQuantile(0.5, -5)).toThrow(/df must be a positive number/);
  });
});
