import { describe, expect, it } from 'vitest';
import { fit, sortTruthTable, xyPoints, type TruthTableRow } from './qca-results.ts';

const row = (over: Partial<TruthTableRow> & { row: number }): TruthTableRow => ({
  values: { A: 0, B: 0 },
  OUT: '0',
  n: 1,
  incl: 0.5,
  PRI: 0.5,
  cases: [],
  ...over,
});

const rows = [
  row({ row: 1, OUT: '1', n: 3, incl: 0.9, values: { A: 0, B: 0 } }),
  row({ row: 2, OUT: 'C', n: 1, incl: null, values: { A: 0, B: 1 } }),
  row({ row: 3, OUT: '0', n: 5, incl: 0.2, values: { A: 1, B: '-' } }),
  row({ row: 4, OUT: '?', n: 0, incl: 0.6, values: { A: 1, B: 1 } }),
];

describe('sortTruthTable', () => {
  it('sorts by a fit column, missing values last', () => {
    expect(sortTruthTable(rows, 'incl', 'descending').map((r) => r.row)).toEqual([1, 4, 3, 2]);
    expect(sortTruthTable(rows, 'incl', 'ascending').map((r) => r.row)).toEqual([3, 4, 1, 2]);
  });

  it('sorts OUT from 1 over contradictions and remainders to 0', () => {
    expect(sortTruthTable(rows, 'OUT', 'descending').map((r) => r.row)).toEqual([1, 2, 4, 3]);
  });

  it('sorts by a condition, ties in row order', () => {
    expect(sortTruthTable(rows, 'c:A', 'descending').map((r) => r.row)).toEqual([3, 4, 1, 2]);
    expect(sortTruthTable(rows, 'c:B', 'ascending').map((r) => r.row)).toEqual([1, 2, 4, 3]);
  });
});

describe('xyPoints', () => {
  const data = {
    columns: ['A', 'B', 'Y'],
    rows: [
      { case: 'x', caseId: null, values: [0.8, 0.3, 0.9] },
      { case: 'y', caseId: null, values: [0.2, null, 0.1] },
    ],
  };

  it('puts the solution on x and the outcome on y, leaving out cases with missing values', () => {
    expect(xyPoints(data, 'A*~B', 'Y')).toEqual([{ case: 'x', x: 0.7, y: 0.9 }]);
    expect(xyPoints(data, 'A', '~Y')).toEqual([
      { case: 'x', x: 0.8, y: expect.closeTo(0.1) },
      { case: 'y', x: 0.2, y: 0.9 },
    ]);
  });
});

describe('fit', () => {
  it('gives consistency and coverage of sufficiency', () => {
    const result = fit([
      { case: 'a', x: 1, y: 1 },
      { case: 'b', x: 0.5, y: 0 },
    ]);
    expect(result.consistency).toBeCloseTo(2 / 3);
    expect(result.coverage).toBe(1);
    expect(fit([])).toEqual({ consistency: null, coverage: null });
  });
});
