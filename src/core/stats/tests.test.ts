import { describe, expect, it } from 'vitest';
import { normalQuantile } from './distributions.ts';
import propTests from './fixtures/prop-test.json';
import welchTests from './fixtures/welch-t-test.json';
import { proportionTest, welchTest } from './tests.ts';

/** Estimates: within 1e-6 relative (or 1e-12 absolute for values at 0). */
function expectEstimate(actual: number | null, expected: number): void {
  expect(actual).not.toBeNull();
  const err = Math.abs(actual! - expected);
  expect(err, `${actual} vs ${expected}`).toBeLessThanOrEqual(
    Math.max(1e-6 * Math.abs(expected), 1e-12),
  );
}

/** p-values: within 1e-6 absolute. */
function expectPValue(actual: number | null, expected: number): void {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(1e-6);
}

describe('proportionTest', () => {
  it.each(propTests.map((c) => [`${c.x1}/${c.n1} vs ${c.x2}/${c.n2}`, c] as const))(
    'matches R prop.test(correct = FALSE) for %s',
    (_, c) => {
      const r = proportionTest(c.x1, c.n1, c.x2, c.n2);
      expectEstimate(r.difference, c.difference);
      expectEstimate(r.statistic, c.statistic);
      expectPValue(r.pValue, c.p_value);
      expectEstimate(r.confLow, c.conf_low);
      expectEstimate(r.confHigh, c.conf_high);
      // Far tighter than the brief's tolerance: nothing here is approximated.
      expect(r.statistic! / c.statistic - 1).toBeCloseTo(0, 12);
      expect(r.pValue! / c.p_value - 1).toBeCloseTo(0, 11);
      expect(r.confLow).toBeCloseTo(c.conf_low, 13);
      expect(r.confHigh).toBeCloseTo(c.conf_high, 13);
    },
  );

  it('gives the statistic as the square of the pooled z statistic', () => {
    const r = proportionTest(30, 80, 45, 90);
    const pooled = 75 / 170;
    const z = (30 / 80 - 45 / 90) / Math.sqrt(pooled * (1 - pooled) * (1 / 80 + 1 / 90));
    expect(r.statistic).toBeCloseTo(z * z, 12);
  });

  it('widens the interval with the confidence level', () => {
    const r95 = proportionTest(30, 80, 45, 90);
    const r99 = proportionTest(30, 80, 45, 90, { confidenceLevel: 0.99 });
    expect(r99.confidenceLevel).toBe(0.99);
    const ratio = (r99.confHigh - r99.difference) / (r95.confHigh - r95.difference);
    expect(ratio).toBeCloseTo(normalQuantile(0.995) / normalQuantile(0.975), 12);
  });

  it('clips the interval to [−1, 1] as R does', () => {
    const r = proportionTest(1, 1, 0, 2);
    expect(r.difference).toBe(1);
    expect(r.confHigh).toBe(1);
    const s = proportionTest(0, 3, 3, 3);
    expect(s.confLow).toBe(-1);
  });

  it('reports an undefined statistic when every unit succeeded or every unit failed', () => {
    for (const r of [proportionTest(0, 10, 0, 12), proportionTest(10, 10, 12, 12)]) {
      expect(r.statistic).toBeNull();
      expect(r.pValue).toBeNull();
      expect(r.difference).toBe(0);
      expect([r.confLow, r.confHigh]).toEqual([0, 0]);
    }
  });

  it('refuses impossible counts, naming the argument', () => {
    expect(() => proportionTest(5, 4, 1, 10)).toThrow(RangeError);
    expect(() => proportionTest(5, 4, 1, 10)).toThrow(/x1 must be a whole number from 0 to n1/);
    expect(() => proportionTest(1, 4, 11, 10)).toThrow(/x2 must be a whole number from 0 to n2/);
    expect(() => proportionTest(0, 0, 1, 10)).toThrow(/n1 must be a whole number above 0/);
    expect(() => proportionTest(1, 4, 0, 0)).toThrow(/n2 must be a whole number above 0/);
    expect(() => proportionTest(-1, 4, 1, 10)).toThrow(/x1/);
    expect(() => proportionTest(1.5, 4, 1, 10)).toThrow(/x1/);
    expect(() => proportionTest(1, 4, 1, 10, { confidenceLevel: 1 })).toThrow(/confidenceLevel/);
  });
});

describe('welchTest', () => {
  it.each(welchTests.map((c, i) => [`case ${i + 1} (${c.a.length} vs ${c.b.length})`, c] as const))(
    'matches R t.test(var.equal = FALSE) for %s',
    (_, c) => {
      const r = welchTest(c.a, c.b);
      expectEstimate(r.difference, c.difference);
      expectEstimate(r.statistic, c.statistic);
      expectEstimate(r.df, c.df);
      expectPValue(r.pValue, c.p_value);
      expectEstimate(r.confLow, c.conf_low);
      expectEstimate(r.confHigh, c.conf_high);
      expect(r.df / c.df - 1).toBeCloseTo(0, 12);
      expect(r.pValue / c.p_value - 1).toBeCloseTo(0, 10);
      expect(r.confLow).toBeCloseTo(c.conf_low, 12);
      expect(r.confHigh).toBeCloseTo(c.conf_high, 12);
    },
  );

  it('is antisymmetric in its samples', () => {
    const a = [3.1, 4.7, 2.2, 5.9, 4.4];
    const b = [6.3, 5.1, 7.7, 6.0, 8.2, 5.5];
    const ab = welchTest(a, b);
    const ba = welchTest(b, a);
    expect(ba.statistic).toBeCloseTo(-ab.statistic, 14);
    expect(ba.df).toBeCloseTo(ab.df, 12);
    expect(ba.pValue).toBeCloseTo(ab.pValue, 14);
    expect(ba.confLow).toBeCloseTo(-ab.confHigh, 12);
  });

  it('takes the degrees of freedom of the varying sample when the other is constant', () => {
    const r = welchTest([5, 5, 5], [1, 2, 4, 7]);
    expect(r.df).toBeCloseTo(3, 12);
    expect(r.meanA).toBe(5);
  });

  it('keeps the variance exact for data with a large common offset', () => {
    const r = welchTest([1e9 + 1, 1e9 + 2, 1e9 + 3], [1e9 + 2, 1e9 + 4, 1e9 + 6]);
    expect(r.difference).toBe(-2);
    expect(r.stdError).toBeCloseTo(Math.sqrt(1 / 3 + 4 / 3), 9);
  });

  it('refuses samples that are too small, constant on both sides, or not finite', () => {
    expect(() => welchTest([1], [1, 2, 3])).toThrow(/a needs at least two values, got 1/);
    expect(() => welchTest([1, 2], [])).toThrow(/b needs at least two values, got 0/);
    expect(() => welchTest([2, 2, 2], [3, 3])).toThrow(/both constant/);
    expect(() => welchTest([0, 0], [0, 0])).toThrow(RangeError);
    expect(() => welchTest([1, Number.NaN], [1, 2])).toThrow(/a\[1\] is not a finite number/);
    expect(() => welchTest([1, 2], [Infinity, 2])).toThrow(/b\[0\]/);
  });
});
