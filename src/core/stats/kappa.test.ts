import { describe, expect, it } from 'vitest';
import { cohenKappa } from './kappa.ts';

describe('cohenKappa', () => {
  it('gives the textbook value for a 2×2 table', () => {
    const r = cohenKappa([
      [20, 5],
      [10, 15],
    ]);
    expect(r.units).toBe(50);
    expect(r.observed).toBeCloseTo(0.7, 12);
    expect(r.expected).toBeCloseTo(0.5, 12);
    expect(r.kappa).toBeCloseTo(0.4, 12);
  });

  it('matches a hand computation for three categories', () => {
    // po = (10+8+68)/100 = .86; rows 14, 12, 74; cols 13, 12, 75
    // pe = (14*13 + 12*12 + 74*75)/100² = .5876
    const r = cohenKappa([
      [10, 1, 3],
      [0, 8, 4],
      [3, 3, 68],
    ]);
    expect(r.observed).toBeCloseTo(0.86, 12);
    const pe = 0.5876;
    expect(r.expected).toBeCloseTo(pe, 12);
    expect(r.kappa).toBeCloseTo((0.86 - pe) / (1 - pe), 12);
  });

  it('is 1 for perfect agreement and 0 or below for agreement at chance', () => {
    expect(
      cohenKappa([
        [5, 0],
        [0, 7],
      ]).kappa,
    ).toBe(1);
    expect(
      cohenKappa([
        [25, 25],
        [25, 25],
      ]).kappa,
    ).toBeCloseTo(0, 12);
  });

  it('is undefined without units or when both raters used one category only', () => {
    expect(cohenKappa([[0]]).kappa).toBeNull();
    expect(
      cohenKappa([
        [0, 0],
        [0, 9],
      ]).kappa,
    ).toBeNull();
  });

  it('refuses a matrix that is not square or holds negative counts', () => {
    expect(() => cohenKappa([[1, 2]])).toThrow(/square/);
    expect(() => cohenKappa([[-1]])).toThrow(/whole numbers/);
  });
});
