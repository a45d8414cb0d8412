import { describe, expect, it } from 'vitest';
import type { DataFrame } from './dataset.ts';
import { dataFrameFromCsv, prepareQcaData } from './dataset.ts';
import { QcaInputError } from './errors.ts';
import { buildTruthTable, normaliseInclCut, rowNumber } from './truth-table.ts';

function table(csv: string, outcome = 'Y') {
  return prepareQcaData(dataFrameFromCsv(csv, 't.csv'), { outcome });
}

describe('truth table', () => {
  it('numbers rows with the first condition as the most significant digit', () => {
    const bin = { levels: 2, hasDontCare: false };
    expect(rowNumber([0, 0, 0], [bin, bin, bin])).toBe(1);
    expect(rowNumber([1, 0, 1], [bin, bin, bin])).toBe(6);
    expect(rowNumber([2, 1], [{ levels: 3, hasDontCare: false }, bin])).toBe(6);
  });

  it('counts a "don\'t care" value as one more level in the row number', () => {
    const dc = { levels: 2, hasDontCare: true };
    const bin = { levels: 2, hasDontCare: false };
    expect(rowNumber([1, -1, 1], [bin, dc, bin])).toBe(1 + 6 + 4 + 1);
  });

  it('puts a fuzzy case in the row of its scores above 0.5, and a 0.5 score in no row', () => {
    const data = table('case,A,B,Y\na,0.8,0.2,0.9\nb,0.5,0.9,0.1\nc,0.3,0.7,0.4\n');
    const tt = buildTruthTable(data, { inclCut: 0.8 });
    expect(tt.rows.map((r) => [r.row, r.cases])).toEqual([
      [2, ['c']],
      [3, ['a']],
    ]);
    // incl uses every case's membership in the row: min(A, 1 - B) = [0.8, 0.1, 0.3].
    const r3 = tt.rows.find((r) => r.row === 3)!;
    expect(r3.incl).toBeCloseTo((0.8 + 0.1 + 0.3) / (0.8 + 0.1 + 0.3), 12);
  });

  it('marks rows under n.cut as remainders ("?")', () => {
    const data = table('case,A,Y\na,1,1\nb,1,1\nc,0,0\n');
    const tt = buildTruthTable(data, { nCut: 2 });
    expect(tt.rows.map((r) => r.OUT)).toEqual(['?', '1']);
  });

  it('marks contradictions between two inclusion cut-offs', () => {
    const data = table('case,A,Y\na,1,1\nb,1,1\nc,1,1\nd,1,0\ne,0,0\n');
    expect(buildTruthTable(data, { inclCut: [0.8, 0.7] }).rows.map((r) => r.OUT)).toEqual([
      '0',
      'C',
    ]);
    expect(buildTruthTable(data, { inclCut: 0.75 }).rows.map((r) => r.OUT)).toEqual(['0', '1']);
  });

  it('requires PRI to pass pri.cut for an output of 1', () => {
    const data = table('case,A,Y\na,0.9,0.6\nb,0.2,0.1\n');
    const tt = buildTruthTable(data, { inclCut: 0.5, priCut: 0.9 });
    expect(tt.rows.find((r) => r.row === 2)!.OUT).toBe('0');
  });

  it('validates the cut-offs', () => {
    expect(normaliseInclCut(0.8)).toEqual([0.8, 1]);
    expect(() => normaliseInclCut([0.7, 0.8])).toThrow(QcaInputError);
    const data = table('case,A,Y\na,1,1\n');
    expect(() => buildTruthTable(data, { nCut: 0 })).toThrow(/n.cut/);
  });
});

describe('data preparation', () => {
  it('reports the CSV line of a value that is not a number', () => {
    const csv = 'case,DEV,Y\na,1,1\nb,0,0\nc,x,1\n';
    expect(() => table(csv)).toThrow("t.csv line 4: value 'x' in column DEV is not a number");
  });

  it('drops cases with missing values in the columns used, and only those', () => {
    const df = dataFrameFromCsv('case,A,B,Y\na,1,,1\nb,0,1,NA\nc,1,0,0\nd,1,1,1\n', 't.csv');
    expect(prepareQcaData(df, { outcome: 'Y', conditions: ['A'] }).droppedCases).toEqual(['b']);
    expect(prepareQcaData(df, { outcome: 'Y' }).droppedCases).toEqual(['a', 'b']);
  });

  it('infers binary, multi-value and fuzzy conditions', () => {
    const data = table('case,A,B,C,Y\na,0,2,0.3,1\nb,1,0,1,0\n');
    expect(data.conditions.map((c) => [c.kind, c.levels])).toEqual([
      ['binary', 2],
      ['multivalue', 3],
      ['fuzzy', 2],
    ]);
  });

  it('negates the outcome with ~ and selects a value of a multi-value outcome', () => {
    const csv = 'case,A,Y,M\na,0,0.2,2\nb,1,1,1\n';
    expect(Array.from(table(csv, '~Y').outcome.membership)).toEqual([0.8, 0]);
    expect(Array.from(table(csv, 'M[2]').outcome.membership)).toEqual([1, 0]);
    expect(() => table(csv, 'M')).toThrow(/multi-value outcome/);
  });

  it('keeps "don\'t care" values of conditions apart', () => {
    const data = table('case,A,E,Y\na,1,-,1\nb,0,dc,0\nc,1,1,1\n');
    expect(Array.from(data.conditions[1]!.dontCare)).toEqual([1, 1, 0]);
  });

  it('rejects values that are neither fuzzy scores nor crisp levels', () => {
    expect(() => table('case,A,Y\na,2.5,1\n')).toThrow(/line 2.*calibrate/);
    expect(() => table('case,A,Y\na,-1,1\n')).toThrow(/negative/);
  });

  it('names unknown columns and duplicated conditions', () => {
    const df: DataFrame = dataFrameFromCsv('case,A,Y\na,1,1\n', 't.csv');
    expect(() => prepareQcaData(df, { outcome: 'Z' })).toThrow(/outcome column Z/);
    expect(() => prepareQcaData(df, { outcome: 'Y', conditions: ['B'] })).toThrow(
      /condition column B/,
    );
    expect(() => prepareQcaData(df, { outcome: 'Y', conditions: ['A', 'A'] })).toThrow(/twice/);
  });

  it('reads quoted fields, CRLF line ends and a header without a case column', () => {
    const df = dataFrameFromCsv('"A","Y"\r\n"1",0\r\n0,"1"\r\n', 't.csv');
    expect(df.caseNames).toEqual(['1', '2']);
    expect(df.cells).toEqual([
      ['1', '0'],
      ['0', '1'],
    ]);
    expect(() => dataFrameFromCsv('case,A\na,1,2\n', 't.csv')).toThrow('t.csv line 2: 3 fields');
    expect(() => dataFrameFromCsv('case,A\n"a,1\n', 't.csv')).toThrow(/unterminated/);
  });
});
