import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BASS_MIN_COEFFICIENT, bassAdoptionRate, bassCumulative, fitBass } from './bass.ts';

/**
 * jrc-first-adoption.csv holds, per year, how many countries had their first JRC case that year:
 * counts per period, not cumulative (they go up and down and sum to the 30 countries).
 */
function readJrc(): { years: number[]; adopters: number[] } {
  const text = readFileSync(new URL('./fixtures/jrc-first-adoption.csv', import.meta.url), 'utf8');
  const [header, ...lines] = text.trim().split('\n');
  expect(header).toBe('year,adopters');
  const pairs = lines.map((line) => line.split(',').map(Number) as [number, number]);
  return { years: pairs.map(([y]) => y), adopters: pairs.map(([, a]) => a) };
}

function runningSum(xs: readonly number[]): number[] {
  let s = 0;
  return xs.map((x) => (s += x));
}

// R 4.2.2's nls (port algorithm) on the same cumulative curve, as printed; see fixtures/SOURCE.md.
const R_FIT = { p: 0.00655, q: 0.442, m: 34.49, rss: 12.996 };

describe('fitBass on the JRC first-adoption curve', () => {
  const { years, adopters } = readJrc();
  const t = years.map((y) => y - 2006);
  const cumulative = runningSum(adopters);

  it('reads per-year counts that must be summed into a cumulative curve', () => {
    expect(adopters.some((a, i) => i > 0 && a < adopters[i - 1]!)).toBe(true);
    expect(cumulative.at(-1)).toBe(30);
    expect(() => fitBass(t, adopters)).toThrow(/cumulative counts cannot decrease/);
  });

  it("reaches R's residual sum of squares (or lower) and its market potential", () => {
    const fit = fitBass(t, cumulative);
    expect(fit.converged).toBe(true);
    expect(fit.rss).toBeLessThanOrEqual(R_FIT.rss * 1.01);
    expect(Math.abs(fit.m - R_FIT.m) / R_FIT.m).toBeLessThan(0.05);
    // It is in fact R's optimum, to the digits R printed.
    expect(fit.rss).toBeCloseTo(R_FIT.rss, 3);
    expect(fit.p).toBeCloseTo(R_FIT.p, 5);
    expect(fit.q).toBeCloseTo(R_FIT.q, 4);
    expect(fit.m).toBeCloseTo(R_FIT.m, 2);
  });

  it('derives the peak, R² and the fitted curve from the estimates', () => {
    const fit = fitBass(t, cumulative);
    const { p, q, m } = fit;
    expect(fit.peakTime).toBeCloseTo(Math.log(q / p) / (p + q), 12);
    expect(fit.peakTime).toBeGreaterThan(9); // 2015–2016
    expect(fit.peakTime).toBeLessThan(10);
    expect(fit.peakRate).toBeCloseTo(bassAdoptionRate(fit.peakTime, fit), 10);
    expect(fit.peakRate).toBeCloseTo((m * (p + q) ** 2) / (4 * q), 12);
    expect(fit.fitted).toHaveLength(t.length);
    const rss = fit.fitted.reduce((s, f, i) => s + (f - cumulative[i]!) ** 2, 0);
    expect(rss).toBeCloseTo(fit.rss, 10);
    const mean = cumulative.reduce((s, v) => s + v, 0) / cumulative.length;
    const tss = cumulative.reduce((s, v) => s + (v - mean) ** 2, 0);
    expect(fit.rSquared).toBeCloseTo(1 - rss / tss, 12);
    expect(fit.rSquared).toBeGreaterThan(0.99);
  });

  it('finds the same optimum from a single start inside the grid', () => {
    const single = fitBass(t, cumulative, { startP: [0.03], startQ: [0.3] });
    expect(single.rss).toBeCloseTo(fitBass(t, cumulative).rss, 8);
    expect(single.start).toEqual({ p: 0.03, q: 0.3, m: 45 });
  });
});

describe('fitBass on noise-free curves', () => {
  it('recovers p, q and m to 1e-6 from any curve of the model', () => {
    const times = Array.from({ length: 25 }, (_, i) => i + 1);
    fc.assert(
      fc.property(
        fc.double({ min: 0.002, max: 0.05, noNaN: true }),
        fc.double({ min: 0.1, max: 0.9, noNaN: true }),
        fc.double({ min: 10, max: 1e6, noNaN: true }),
        (p, q, m) => {
          const fit = fitBass(
            times,
            times.map((t) => bassCumulative(t, { p, q, m })),
          );
          expect(fit.converged).toBe(true);
          expect(Math.abs(fit.p - p) / p).toBeLessThan(1e-6);
          expect(Math.abs(fit.q - q) / q).toBeLessThan(1e-6);
          expect(Math.abs(fit.m - m) / m).toBeLessThan(1e-6);
        },
      ),
      { numRuns: 25, seed: 20260127 },
    );
  });

  it('recovers a curve without a peak after launch (q < p)', () => {
    const times = [1, 2, 3, 4, 5, 6, 7, 8];
    const truth = { p: 0.3, q: 0.05, m: 500 };
    const fit = fitBass(
      times,
      times.map((t) => bassCumulative(t, truth)),
    );
    expect(fit.p).toBeCloseTo(truth.p, 9);
    expect(fit.q).toBeCloseTo(truth.q, 9);
    expect(fit.m).toBeCloseTo(truth.m, 6);
    expect(fit.peakTime).toBe(0);
    expect(fit.peakRate).toBeCloseTo(truth.m * truth.p, 6);
  });

  it('keeps p, q and m inside their bounds', () => {
    // Nothing happens for three periods, then everyone adopts: p is pushed to its floor.
    const fit = fitBass([1, 2, 3, 4], [0, 0, 0, 10]);
    expect(fit.p).toBeGreaterThanOrEqual(BASS_MIN_COEFFICIENT);
    expect(fit.q).toBeGreaterThanOrEqual(BASS_MIN_COEFFICIENT);
    expect(fit.m).toBeGreaterThanOrEqual(10);
  });

  it('says so when the curve does not pin down the market potential', () => {
    // Steady linear growth: m can grow without bound while the fit improves.
    const times = Array.from({ length: 12 }, (_, i) => i + 1);
    const fit = fitBass(
      times,
      times.map((t) => 3 * t),
      { maxIterations: 200 },
    );
    expect(fit.converged).toBe(false);
    expect(fit.iterations).toBe(200);
  });
});

describe('the Bass curve', () => {
  it('starts at 0 with only innovators adopting and tends to m', () => {
    const params = { p: 0.01, q: 0.4, m: 100 };
    expect(bassCumulative(0, params)).toBe(0);
    expect(bassAdoptionRate(0, params)).toBeCloseTo(params.m * params.p, 12);
    expect(bassCumulative(200, params)).toBeCloseTo(100, 9);
  });

  it('has the adoption rate as the derivative of the cumulative curve', () => {
    const params = { p: 0.02, q: 0.35, m: 250 };
    for (const t of [0.5, 3, 8.2, 15]) {
      const h = 1e-5;
      const slope = (bassCumulative(t + h, params) - bassCumulative(t - h, params)) / (2 * h);
      expect(bassAdoptionRate(t, params)).toBeCloseTo(slope, 6);
    }
  });
});

describe('fitBass input checks', () => {
  it('refuses fewer than three periods', () => {
    expect(() => fitBass([1, 2], [1, 3])).toThrow(RangeError);
    expect(() => fitBass([1, 2], [1, 3])).toThrow(/at least 3 periods .* got 2/);
  });

  it('refuses decreasing cumulative counts, negative values and bad times', () => {
    expect(() => fitBass([1, 2, 3], [1, 4, 3])).toThrow(
      /cumulative counts cannot decrease: cumulative\[2\] = 3 after 4/,
    );
    expect(() => fitBass([1, 2, 3], [-1, 4, 5])).toThrow(
      /cumulative\[0\] must be a finite count ≥ 0/,
    );
    expect(() => fitBass([-1, 2, 3], [1, 4, 5])).toThrow(/times\[0\] must be a finite number ≥ 0/);
    expect(() => fitBass([1, 3, 3], [1, 4, 5])).toThrow(
      /times must increase: times\[2\] = 3 after 3/,
    );
    expect(() => fitBass([1, 2, 3], [1, 4, Number.NaN])).toThrow(/cumulative\[2\]/);
    expect(() => fitBass([1, 2, 3], [1, 4])).toThrow(/same length, got 3 and 2/);
  });

  it('refuses a curve that never grows', () => {
    expect(() => fitBass([1, 2, 3], [0, 0, 0])).toThrow(/never grow/);
    expect(() => fitBass([1, 2, 3], [5, 5, 5])).toThrow(/never grow/);
  });
});
