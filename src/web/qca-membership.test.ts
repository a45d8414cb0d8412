import { describe, expect, it } from 'vitest';
import { ExpressionError, membership, parseExpression } from './qca-membership.ts';

const columns = ['DEV', 'URB', 'IND', 'STB', 'SURV'];
// Two rows of R QCA's LF data set (Lipset, fuzzy): AU and BE.
const rows = [
  [0.81, 0.12, 0.73, 0.43, 0.05],
  [0.99, 0.89, 1, 0.98, 0.95],
];

function of(expression: string, data: (number | null)[][] = rows) {
  return membership(parseExpression(expression), columns, data);
}

describe('parseExpression', () => {
  it('reads terms, negations and multi-value literals', () => {
    expect(parseExpression('DEV*~IND + URB[1,2]')).toEqual([
      [
        { set: 'DEV', negated: false, values: null },
        { set: 'IND', negated: true, values: null },
      ],
      [{ set: 'URB', negated: false, values: [1, 2] }],
    ]);
  });

  it('ignores the outcome after an arrow', () => {
    expect(parseExpression('DEV -> SURV')).toEqual([
      [{ set: 'DEV', negated: false, values: null }],
    ]);
  });

  it('refuses what it cannot read', () => {
    expect(() => parseExpression('DEV**URB')).toThrow(ExpressionError);
    expect(() => parseExpression('  ')).toThrow(ExpressionError);
    expect(() => parseExpression('DEV + ')).toThrow(ExpressionError);
  });
});

describe('membership', () => {
  it('takes the minimum for a conjunction, with ~X = 1 − X', () => {
    const [au, be] = of('DEV*~IND');
    expect(au).toBeCloseTo(Math.min(0.81, 1 - 0.73));
    expect(be).toBeCloseTo(0);
  });

  it('takes the maximum for a disjunction', () => {
    // R: compute("DEV*~IND + URB*STB", data = LF) for AU and BE.
    const [au, be] = of('DEV*~IND + URB*STB');
    expect(au).toBeCloseTo(0.27);
    expect(be).toBeCloseTo(0.89);
  });

  it('gives 1 to a multi-value literal when the value matches, 0 otherwise', () => {
    const data = [
      [2, 1, 0, 0, 1],
      [1, 1, 0, 0, 1],
      [0, 0, 0, 0, 0],
    ];
    expect(of('DEV[2]', data)).toEqual([1, 0, 0]);
    expect(of('DEV[1,2]', data)).toEqual([1, 1, 0]);
    expect(of('~DEV[0]', data)).toEqual([1, 1, 0]);
    expect(of('DEV[2]*URB[1]', data)).toEqual([1, 0, 0]);
  });

  it('reads X[1] and X[0] of a fuzzy set as X and its negation', () => {
    const [au] = of('DEV[1]*URB[0]');
    expect(au).toBeCloseTo(Math.min(0.81, 0.88));
  });

  it('leaves a case out (null) when a value it needs is missing', () => {
    expect(of('DEV*URB', [[null, 1, 1, 1, 1]])).toEqual([null]);
    expect(of('URB', [[null, 1, 1, 1, 1]])).toEqual([1]);
  });

  it('refuses a set that is not in the data', () => {
    expect(() => of('DEV*XYZ')).toThrow(/'XYZ' is not a column/);
  });
});
