import { describe, expect, it } from 'vitest';
import propTests from '../stats/fixtures/prop-test.json';
import welchTests from '../stats/fixtures/welch-t-test.json';
import { analyseOutcomes, OutcomeFileError, parseOutcomes } from './outcomes.ts';

const ARMS = ['treatment', 'control'];

/** An outcome file with x successes of n in treatment and y of m in control. */
function binaryCsv(x: number, n: number, y: number, m: number): string {
  const lines = ['unit,arm,value'];
  for (let i = 0; i < n; i++) lines.push(`t${i},treatment,${i < x ? 1 : 0}`);
  for (let i = 0; i < m; i++) lines.push(`c${i},control,${i < y ? 1 : 0}`);
  return lines.join('\n');
}

describe('outcome analysis against R', () => {
  it('gives prop.test(correct = FALSE) for a 0/1 outcome', () => {
    for (const r of propTests) {
      const rows = parseOutcomes(binaryCsv(r.x1, r.n1, r.x2, r.n2), ARMS, 'binary');
      const a = analyseOutcomes(rows, 'binary', 'treatment', 'control');
      expect(a.kind).toBe('binary');
      expect(Math.abs(a.difference - r.difference)).toBeLessThan(1e-9);
      expect(Math.abs(a.statistic! - r.statistic) / r.statistic).toBeLessThan(1e-6);
      expect(Math.abs(a.pValue! - r.p_value)).toBeLessThan(1e-6);
      expect(Math.abs(a.confLow - r.conf_low)).toBeLessThan(1e-6);
      expect(Math.abs(a.confHigh - r.conf_high)).toBeLessThan(1e-6);
    }
  });

  it('gives Welch’s t.test for a numeric outcome', () => {
    for (const r of welchTests) {
      const csv = [
        'arm,value,unit',
        ...r.a.map((v, i) => `treatment,${v},a${i}`),
        ...r.b.map((v, i) => `control,${v},b${i}`),
      ].join('\r\n');
      const a = analyseOutcomes(
        parseOutcomes(csv, ARMS, 'numeric'),
        'numeric',
        'treatment',
        'control',
      );
      if (a.kind !== 'numeric') throw new Error('expected a numeric analysis');
      expect(Math.abs(a.difference - r.difference)).toBeLessThan(1e-9);
      expect(Math.abs(a.statistic - r.statistic) / Math.abs(r.statistic)).toBeLessThan(1e-6);
      expect(Math.abs(a.df - r.df) / r.df).toBeLessThan(1e-6);
      expect(Math.abs(a.pValue - r.p_value)).toBeLessThan(1e-6);
      expect(Math.abs(a.confLow - r.conf_low)).toBeLessThan(1e-6);
      expect(Math.abs(a.confHigh - r.conf_high)).toBeLessThan(1e-6);
    }
  });

  it('says which arm has no data', () => {
    const rows = parseOutcomes('unit,arm,value\nu1,treatment,1\n', ARMS, 'binary');
    expect(() => analyseOutcomes(rows, 'binary', 'treatment', 'control')).toThrow(
      'arm control has no outcome data',
    );
  });
});

describe('reading outcome files', () => {
  it('reads quoted fields, a byte-order mark, blank lines and extra columns', () => {
    const rows = parseOutcomes(
      '\uFEFFunit,arm,value,note\n"u,1",treatment,2.5,"said ""yes"""\n\nu2,control,-1,\n',
      ARMS,
      'numeric',
    );
    expect(rows).toEqual([
      { unit: 'u,1', arm: 'treatment', value: 2.5 },
      { unit: 'u2', arm: 'control', value: -1 },
    ]);
  });

  it.each([
    ['unit,arm\nu1,control\n', 'line 1: the header lacks the column value'],
    ['unit,arm,value\nu1,placebo,1\n', 'line 2, column arm: "placebo" is not an arm'],
    [
      'unit,arm,value\nu1,control,1\nu2,control,abc\n',
      'line 3, column value: "abc" is not a number',
    ],
    ['unit,arm,value\nu1,control,2\n', 'line 2, column value: is 2; a binary outcome is 0 or 1'],
    [
      'unit,arm,value\nu1,control,1\nu1,treatment,0\n',
      'line 3, column unit: "u1" is already on line 2',
    ],
    ['unit,arm,value\nu1,control\n', 'line 2: has 2 fields, the header has 3'],
    ['unit,arm,value\n,control,1\n', 'line 2, column unit: is empty'],
    ['unit,arm,value\n"u1,control,1\n', 'line 2: a quoted field is not closed'],
    ['unit,arm,value\n', 'line 2: the file has no rows'],
    ['', 'line 1: the file is empty'],
  ])('refuses %j with the line and column', (csv, message) => {
    let error: unknown;
    try {
      parseOutcomes(csv, ARMS, 'binary');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OutcomeFileError);
    expect((error as Error).message).toContain(message);
  });
});
