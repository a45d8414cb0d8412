import { describe, expect, it } from 'vitest';
import { dataFrameFromCsv, prepareQcaData } from './dataset.ts';
import { QcaInputError } from './errors.ts';
import { minimize } from './minimize.ts';
import { randomProblem } from './qca.bench.ts';
import {
  formatSolutionText,
  formatTruthTableText,
  solutionReport,
  truthTableReport,
} from './report.ts';
import { buildTruthTable } from './truth-table.ts';

const quine = 'case,P,Q,R,OUT\n2,0,0,1,1\n3,0,1,0,1\n4,0,1,1,1\n5,1,0,0,1\n6,1,0,1,1\n7,1,1,0,1\n';

function tt(csv: string, inclCut: number | number[] = 1) {
  return buildTruthTable(prepareQcaData(dataFrameFromCsv(csv, 't.csv'), { outcome: 'OUT' }), {
    inclCut,
  });
}

describe('minimisation', () => {
  it('lists every minimum cover of the Quine example as a model', () => {
    const res = minimize(tt(quine));
    expect(res.kind).toBe('conservative');
    expect(res.models.map((m) => m.expression).sort()).toEqual([
      '~P*Q + P*~R + ~Q*R',
      '~P*R + P*~Q + Q*~R',
    ]);
    expect(res.primeImplicants).toHaveLength(6);
    expect(res.essential).toEqual([]);
  });

  it('uses remainders only when "?" is included', () => {
    const csv = 'case,A,B,OUT\na,1,1,1\nb,0,0,0\n';
    expect(minimize(tt(csv)).models[0]!.expression).toBe('A*B');
    expect(minimize(tt(csv), { include: '?' }).models.map((m) => m.expression)).toEqual(['A', 'B']);
  });

  it('explains nothing when no row has an output of 1', () => {
    expect(() => minimize(tt('case,A,OUT\na,1,0\n'))).toThrow(QcaInputError);
  });

  it('asks for remainders with directional expectations and rejects unknown include values', () => {
    expect(() => minimize(tt(quine), { dirExp: 'P, Q, R' })).toThrow(/include "\?"/);
    expect(() => minimize(tt(quine), { include: 'X' })).toThrow(/include/);
  });

  it('flags a model list cut at maxModels', () => {
    const res = minimize(tt(quine), { maxModels: 1 });
    expect(res.models).toHaveLength(1);
    expect(res.truncated).toBe(true);
  });

  // Speed is shown by qca.bench.ts, not asserted here: this checks that the problem R QCA
  // cannot finish (16 conditions, 100 cases, remainders included) gets an answer at all.
  it('solves 16 binary conditions with 100 cases, remainders included', () => {
    const data = randomProblem(16, 100, 'planted', 16100);
    const t = buildTruthTable(data, { inclCut: 1 });
    const pars = minimize(t, { include: '?' });
    const cons = minimize(t);
    expect(pars.primeImplicants.length).toBeGreaterThan(1000);
    expect(pars.models.length).toBeGreaterThan(0);
    expect(cons.models.length).toBeGreaterThan(0);
  });

  it('reports the truth table and the solution as plain objects and text', () => {
    const t = tt(quine);
    const res = minimize(t);
    const report = solutionReport(res) as { models: { expression: string }[] };
    expect(report.models).toHaveLength(2);
    expect((truthTableReport(t) as { positive_rows: number[] }).positive_rows).toEqual([
      2, 3, 4, 5, 6, 7,
    ]);
    expect(formatTruthTableText(t)).toContain('OUT');
    expect(formatSolutionText(res, 'OUT')).toContain('M1: ');
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});
