import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import reference from './fixtures/eha-glm.json';
import { ConvergenceError, designMatrix, logisticRegression } from './logistic.ts';

interface EhaRow {
  tradition: string;
  peer_share: number;
  slack: number;
  year: number;
  adopted: number;
}

/** eha-data.csv: a header, then quoted tradition and four numbers (no commas inside values). */
function readEha(): EhaRow[] {
  const text = readFileSync(new URL('./fixtures/eha-data.csv', import.meta.url), 'utf8');
  const [header, ...lines] = text.trim().split('\n');
  expect(header).toBe('"tradition","peer_share","slack","year","adopted"');
  return lines.map((line) => {
    const [tradition, peerShare, slack, year, adopted] = line.split(',');
    return {
      tradition: tradition!.replaceAll('"', ''),
      peer_share: Number(peerShare),
      slack: Number(slack),
      year: Number(year),
      adopted: Number(adopted),
    };
  });
}

const ehaTerms = [{ factor: 'tradition', reference: 'anglo' }, 'peer_share', 'slack', 'year'];

function expectRelative(actual: number, expected: number, tol: number): void {
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(
    tol * Math.abs(expected),
  );
}

describe('designMatrix', () => {
  const rows = [
    { tradition: 'nordic', slack: 0.5 },
    { tradition: 'anglo', slack: -1 },
    { tradition: 'cee', slack: 2 },
    { tradition: 'nordic', slack: 0 },
  ];

  it('puts the intercept first and codes a factor by treatment contrasts named like R', () => {
    const x = designMatrix(rows, [{ factor: 'tradition', reference: 'anglo' }, 'slack']);
    expect(x.columns).toEqual(['(Intercept)', 'traditioncee', 'traditionnordic', 'slack']);
    expect(x.rows).toEqual([
      [1, 0, 1, 0.5],
      [1, 0, 0, -1],
      [1, 1, 0, 2],
      [1, 0, 1, 0],
    ]);
  });

  it('follows the order of the terms and of explicitly given levels', () => {
    const x = designMatrix(rows, [
      'slack',
      { factor: 'tradition', reference: 'nordic', levels: ['nordic', 'cee', 'anglo'] },
    ]);
    expect(x.columns).toEqual(['(Intercept)', 'slack', 'traditioncee', 'traditionanglo']);
    expect(x.rows[1]).toEqual([1, -1, 0, 1]);
  });

  it('builds the eha design with the columns of the R oracle', () => {
    const x = designMatrix(readEha(), ehaTerms);
    expect(x.columns).toEqual(reference.coefficients.map((c) => c.term));
    expect(x.rows).toHaveLength(600);
  });

  it('refuses a reference level that does not occur, naming the factor', () => {
    expect(() => designMatrix(rows, [{ factor: 'tradition', reference: 'germanic' }])).toThrow(
      /reference level 'germanic' of 'tradition' is not one of its levels \(anglo, cee, nordic\)/,
    );
  });

  it('refuses missing categories, unknown levels and non-numeric values, naming row and field', () => {
    const withGap = [...rows, { tradition: '', slack: 1 }];
    expect(() => designMatrix(withGap, [{ factor: 'tradition', reference: 'anglo' }])).toThrow(
      /row 4: 'tradition' has no category/,
    );
    expect(() =>
      designMatrix(rows, [{ factor: 'tradition', reference: 'anglo', levels: ['anglo', 'cee'] }]),
    ).toThrow(/row 0: 'tradition' has an unknown level 'nordic'/);
    expect(() => designMatrix([{ slack: '0.5' }], ['slack'])).toThrow(
      /row 0: 'slack' must be a finite number, got 0.5/,
    );
    expect(() => designMatrix([{}], ['slack'])).toThrow(/row 0: 'slack' must be a finite number/);
    expect(() => designMatrix([], ['slack'])).toThrow(/data has no rows/);
    expect(() => designMatrix(rows, ['slack', 'slack'])).toThrow(/both be named 'slack'/);
  });
});

describe('logisticRegression', () => {
  const eha = readEha();
  const fit = logisticRegression(
    designMatrix(eha, ehaTerms),
    eha.map((r) => r.adopted),
  );

  it.each(reference.coefficients.map((c, j) => [c.term, c, j] as const))(
    "matches R glm(family = binomial) for '%s': estimate, SE and z within 1e-6, p within 1e-6",
    (term, c, j) => {
      const mine = fit.coefficients[j]!;
      expect(mine.term).toBe(term);
      expectRelative(mine.estimate, c.estimate, 1e-6);
      expectRelative(mine.stdError, c.std_error, 1e-6);
      expectRelative(mine.z, c.z, 1e-6);
      expect(Math.abs(mine.pValue - c.p_value)).toBeLessThanOrEqual(1e-6);
      // In fact the agreement is at the level of rounding.
      expectRelative(mine.estimate, c.estimate, 1e-12);
      expectRelative(mine.stdError, c.std_error, 1e-12);
      expectRelative(mine.pValue, c.p_value, 1e-11);
    },
  );

  it("matches R's deviance, null deviance, AIC and number of iterations", () => {
    expectRelative(fit.deviance, reference.deviance, 1e-12);
    expectRelative(fit.nullDeviance, reference.null_deviance, 1e-12);
    expectRelative(fit.aic, reference.aic, 1e-12);
    expect(fit.iterations).toBe(reference.iterations);
    expect(fit.dfResidual).toBe(600 - 8);
    expect(fit.dfNull).toBe(599);
  });

  it('returns fitted probabilities and a symmetric covariance whose diagonal is SE²', () => {
    expect(fit.fitted).toHaveLength(600);
    const loglik = fit.fitted.reduce(
      (s, m, i) => s + (eha[i]!.adopted === 1 ? Math.log(m) : Math.log(1 - m)),
      0,
    );
    expect(-2 * loglik).toBeCloseTo(fit.deviance, 9);
    for (const [j, c] of fit.coefficients.entries()) {
      expect(fit.covariance[j]![j]).toBeCloseTo(c.stdError ** 2, 15);
      for (let k = 0; k < j; k++) expect(fit.covariance[j]![k]).toBe(fit.covariance[k]![j]);
    }
  });

  it('gives the closed-form log odds ratio and its SE for one binary covariate', () => {
    // 2 × 2 table: exposed 30 of 50 adopt, unexposed 10 of 40.
    const rows = [
      ...Array.from({ length: 50 }, (_, i) => ({ exposed: 1, y: i < 30 ? 1 : 0 })),
      ...Array.from({ length: 40 }, (_, i) => ({ exposed: 0, y: i < 10 ? 1 : 0 })),
    ];
    const r = logisticRegression(
      designMatrix(rows, ['exposed']),
      rows.map((row) => row.y),
    );
    const [intercept, slope] = r.coefficients;
    expect(intercept!.estimate).toBeCloseTo(Math.log(10 / 30), 10);
    expect(slope!.estimate).toBeCloseTo(Math.log((30 / 20) * (30 / 10)), 10);
    // Like R, the SE uses the weights of the last step, not of the final estimate: close, not equal.
    expectRelative(slope!.stdError, Math.sqrt(1 / 30 + 1 / 20 + 1 / 10 + 1 / 30), 1e-5);
  });

  it('is unchanged by the order of the rows and equivariant to the scale of a covariate', () => {
    const reversed = [...eha].reverse();
    const r = logisticRegression(
      designMatrix(reversed, ehaTerms),
      reversed.map((row) => row.adopted),
    );
    for (const [j, c] of r.coefficients.entries()) {
      expectRelative(c.estimate, fit.coefficients[j]!.estimate, 1e-9);
    }
    const scaled = eha.map((row) => ({ ...row, slack: row.slack * 10 }));
    const s = logisticRegression(
      designMatrix(scaled, ehaTerms),
      scaled.map((row) => row.adopted),
    );
    const slack = fit.coefficients.findIndex((c) => c.term === 'slack');
    expectRelative(s.coefficients[slack]!.estimate * 10, fit.coefficients[slack]!.estimate, 1e-9);
    expectRelative(s.coefficients[slack]!.z, fit.coefficients[slack]!.z, 1e-9);
  });

  it('reports complete separation, naming the covariate whose estimate diverges', () => {
    const rows = Array.from({ length: 10 }, (_, i) => ({ x: i + 1, y: i + 1 > 5 ? 1 : 0 }));
    expect(() =>
      logisticRegression(
        designMatrix(rows, ['x']),
        rows.map((r) => r.y),
      ),
    ).toThrow(/perfectly or quasi-perfectly separated .*the estimate for 'x' diverges/);
  });

  it('reports quasi-complete separation: a level in which nobody adopted', () => {
    // Levels a and b overlap; no row of level c has the outcome.
    const rows = Array.from({ length: 90 }, (_, i) => ({
      g: ['a', 'b', 'c'][i % 3]!,
      x: ((i * 37) % 19) / 9 - 1,
      y: i % 3 === 2 ? 0 : (i * 7) % 5 < 2 ? 1 : 0,
    }));
    expect(() =>
      logisticRegression(
        designMatrix(rows, [{ factor: 'g', reference: 'a' }, 'x']),
        rows.map((r) => r.y),
      ),
    ).toThrow(/quasi-perfectly separated: the estimate for 'gc' diverges/);
    // Without level c the same data fit normally.
    const overlap = rows.filter((r) => r.g !== 'c');
    const ok = logisticRegression(
      designMatrix(overlap, [{ factor: 'g', reference: 'a' }, 'x']),
      overlap.map((r) => r.y),
    );
    expect(ok.iterations).toBeLessThan(10);
  });

  it('reports a singular design, naming the column that duplicates the others', () => {
    const rows = eha.map((r) => ({ ...r, slack2: 2 * r.slack - 3 }));
    expect(() =>
      logisticRegression(
        designMatrix(rows, [...ehaTerms, 'slack2']),
        rows.map((r) => r.adopted),
      ),
    ).toThrow(/the design is singular at column 'slack2': .*linear combination/);
    const constant = eha.map((r) => ({ ...r, zero: 0 }));
    expect(() =>
      logisticRegression(
        designMatrix(constant, ['zero', 'slack']),
        constant.map((r) => r.adopted),
      ),
    ).toThrow(RangeError);
    expect(() =>
      logisticRegression(designMatrix(eha.slice(0, 2), ['slack', 'year']), [0, 1]),
    ).toThrow(/singular at column 'year': there are more columns than rows \(2\)/);
  });

  it('throws a ConvergenceError when the iteration limit is too low', () => {
    const run = () =>
      logisticRegression(
        designMatrix(eha, ehaTerms),
        eha.map((r) => r.adopted),
        { maxIterations: 2 },
      );
    expect(run).toThrow(ConvergenceError);
    expect(run).toThrow(/did not converge in 2 iterations/);
  });

  it('refuses an outcome that is not 0/1, has the wrong length or never varies', () => {
    const x = designMatrix(eha.slice(0, 3), ['slack']);
    expect(() => logisticRegression(x, [0, 2, 1])).toThrow(/y\[1\] must be 0 or 1, got 2/);
    expect(() => logisticRegression(x, [0, 1])).toThrow(/y has 2 values but the design has 3/);
    expect(() => logisticRegression(x, [1, 1, 1])).toThrow(/y is 1 in every row/);
  });
});
