import { describe, expect, it } from 'vitest';
import { QcaInputError } from './errors.ts';
import {
  compareTerms,
  formatExpression,
  formatTerm,
  parseExpression,
  parseLiteral,
  splitTopLevel,
} from './expression.ts';
import {
  intersectTerms,
  isSupersetTerm,
  parseDirectionalExpectations,
  relaxTerm,
} from './intermediate.ts';

const bin = (...names: string[]) => names.map((name) => ({ name, levels: 2 }));

describe('expressions in R notation', () => {
  it('prints literals in column order with ~ for negation', () => {
    expect(formatTerm([1, -1, 0, 1], ['DEV', 'URB', 'IND', 'STB'], false)).toBe('DEV*~IND*STB');
    expect(formatTerm([-1, -1], ['A', 'B'], false)).toBe('1');
  });

  it('prints every condition as X[v] once one is multi-value', () => {
    expect(formatTerm([2, 0, -1], ['DEV', 'URB', 'LIT'], true)).toBe('DEV[2]*URB[0]');
  });

  it('orders terms as R prints them: fewer literals, then by values with absent last', () => {
    const names = ['DEMOC', 'ETHFRACT', 'GEOCON', 'POLDIS', 'NATPRIDE'];
    const terms = [
      [1, 0, -1, -1, -1],
      [1, -1, 1, 1, -1],
      [0, 1, -1, 1, -1],
      [1, 1, 1, -1, -1],
      [-1, -1, -1, -1, 0],
    ];
    expect(formatExpression(terms, names, false)).toBe(
      '~NATPRIDE + DEMOC*~ETHFRACT + ~DEMOC*ETHFRACT*POLDIS + DEMOC*ETHFRACT*GEOCON + DEMOC*GEOCON*POLDIS',
    );
    expect(compareTerms([1, -1], [1, -1])).toBe(0);
  });

  it('parses sums of products, multi-value literals and negations', () => {
    const conds = [...bin('A', 'B'), { name: 'DEV', levels: 3 }];
    expect(parseExpression('A*~B + DEV[1,2]', conds)).toEqual([
      [
        { condition: 0, values: [1] },
        { condition: 1, values: [0] },
      ],
      [{ condition: 2, values: [1, 2] }],
    ]);
    expect(parseLiteral('~DEV[0]', conds)).toEqual({ condition: 2, values: [1, 2] });
    expect(() => parseLiteral('DEV', conds)).toThrow(/multi-value/);
    expect(() => parseLiteral('C', conds)).toThrow(QcaInputError);
    expect(() => parseExpression('A*A', conds)).toThrow(/twice/);
    expect(splitTopLevel('A[1,2], B', ',')).toEqual(['A[1,2]', ' B']);
  });
});

describe('directional expectations', () => {
  const conds = bin('DEV', 'URB', 'LIT', 'IND', 'STB');

  it('drops literals that contradict single expectations and keeps unconstrained ones', () => {
    const d = parseDirectionalExpectations('DEV, ~LIT', conds);
    expect(Array.from(relaxTerm([1, 0, 1, 0, 1], d))).toEqual([1, 0, -1, 0, 1]);
  });

  it('treats a conjunctural expectation as a block', () => {
    const d = parseDirectionalExpectations('DEV, STB, ~LIT*IND', conds);
    // LIT*IND does not match ~LIT*IND: both literals go.
    expect(Array.from(relaxTerm([1, 1, 1, 1, 1], d))).toEqual([1, 1, -1, -1, 1]);
    // ~LIT*IND matches: both stay.
    expect(Array.from(relaxTerm([1, 1, 0, 1, 1], d))).toEqual([1, 1, 0, 1, 1]);
  });

  it('accepts several expected values of a multi-value condition', () => {
    const mv = [{ name: 'DEV', levels: 3 }, ...bin('URB')];
    const d = parseDirectionalExpectations('DEV[1,2], URB[1]', mv);
    expect(Array.from(relaxTerm([0, 1], d))).toEqual([-1, 1]);
    expect(Array.from(relaxTerm([2, 0], d))).toEqual([2, -1]);
  });

  it('compares and intersects terms', () => {
    expect(isSupersetTerm([1, -1], [1, 0])).toBe(true);
    expect(isSupersetTerm([1, 0], [1, -1])).toBe(false);
    expect(Array.from(intersectTerms([1, -1], [-1, 0])!)).toEqual([1, 0]);
    expect(intersectTerms([1, -1], [0, -1])).toBeNull();
  });
});
