// Properties of the engine on random crisp truth tables (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QcaData } from './dataset.ts';
import type { SolutionModel } from './minimize.ts';
import { minimize } from './minimize.ts';
import { bitsetOf, solveChart } from './pi-chart.ts';
import { buildTruthTable } from './truth-table.ts';

interface Case {
  values: number[];
  y: number;
}

/** Crisp data with K binary conditions. */
function crispData(K: number, cases: readonly Case[]): QcaData {
  return {
    caseNames: cases.map((_, i) => `c${i + 1}`),
    conditions: Array.from({ length: K }, (_, j) => ({
      name: String.fromCharCode(65 + j),
      kind: 'binary' as const,
      levels: 2,
      values: Float64Array.from(cases, (c) => c.values[j]!),
      dontCare: new Uint8Array(cases.length),
      hasDontCare: false,
    })),
    outcome: {
      label: 'Y',
      column: 'Y',
      negated: false,
      membership: Float64Array.from(cases, (c) => c.y),
      fuzzy: false,
    },
    droppedCases: [],
  };
}

const table = fc.integer({ min: 2, max: 5 }).chain((K) =>
  fc.record({
    K: fc.constant(K),
    cases: fc.array(
      fc.record({
        values: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: K, maxLength: K }),
        y: fc.integer({ min: 0, max: 1 }),
      }),
      { minLength: 1, maxLength: 24 },
    ),
  }),
);

const positiveRows = (data: QcaData, nCut: number): number[] =>
  buildTruthTable(data, { inclCut: 1, nCut })
    .rows.filter((r) => r.OUT === '1')
    .map((r) => r.row);

function literals(m: SolutionModel): number {
  return m.terms.reduce((s, t) => s + t.values.filter((v) => v >= 0).length, 0);
}

describe('QCA properties', () => {
  it('adding a contradictory case never creates a new positive row', () => {
    fc.assert(
      fc.property(table, fc.nat(), fc.integer({ min: 1, max: 3 }), ({ K, cases }, pick, nCut) => {
        const before = positiveRows(crispData(K, cases), nCut);
        const original = cases[pick % cases.length]!;
        // Same configuration as an existing case, the opposite outcome.
        const contradiction = { values: original.values, y: 1 - original.y };
        const after = positiveRows(crispData(K, [...cases, contradiction]), nCut);
        for (const row of after) expect(before).toContain(row);
      }),
      { numRuns: 300 },
    );
  });

  it('the parsimonious solution is never longer than the conservative one', () => {
    fc.assert(
      fc.property(table, ({ K, cases }) => {
        const tt = buildTruthTable(crispData(K, cases), { inclCut: 1 });
        fc.pre(tt.rows.some((r) => r.OUT === '1'));
        const cons = minimize(tt);
        const pars = minimize(tt, { include: '?' });
        const shortest = (ms: readonly SolutionModel[]): number => Math.min(...ms.map(literals));
        expect(shortest(pars.models)).toBeLessThanOrEqual(shortest(cons.models));
        expect(pars.models[0]!.terms.length).toBeLessThanOrEqual(cons.models[0]!.terms.length);
      }),
      { numRuns: 300 },
    );
  });

  it('the chart solver returns exactly the covers of minimum size', () => {
    const chart = fc.integer({ min: 1, max: 9 }).chain((nCols) =>
      fc.record({
        nCols: fc.constant(nCols),
        cols: fc.array(
          fc.uniqueArray(fc.integer({ min: 0, max: nCols - 1 }), { maxLength: nCols }),
          {
            minLength: 1,
            maxLength: 13,
          },
        ),
      }),
    );
    fc.assert(
      fc.property(chart, ({ nCols, cols }) => {
        const m = cols.length;
        const covers: number[][] = [];
        for (let mask = 1; mask < 1 << m; mask++) {
          const set = cols.flatMap((_, i) => (mask & (1 << i) ? [i] : []));
          if (new Set(set.flatMap((i) => cols[i]!)).size === nCols) covers.push(set);
        }
        const got = solveChart(
          nCols,
          cols.map((c) => bitsetOf(nCols, c)),
        );
        if (covers.length === 0) {
          expect(got.solutions).toEqual([]);
          return;
        }
        const min = Math.min(...covers.map((s) => s.length));
        const key = (s: number[][]): string[] => s.map((x) => x.join(',')).sort();
        expect(key(got.solutions)).toEqual(key(covers.filter((s) => s.length === min)));
      }),
      { numRuns: 300 },
    );
  });

  it('the chart solver agrees with exhaustive search on larger charts', () => {
    // Every cover of the smallest size k, by trying all k-subsets in index order.
    function minimumCovers(nCols: number, cols: number[][]): number[][] {
      const full = 2 ** nCols - 1;
      const masks = cols.map((c) => c.reduce((m, k) => m | (1 << k), 0));
      const rest = masks.map((_, i) => masks.slice(i).reduce((a, b) => a | b, 0));
      if (rest[0] !== full) return [];
      for (let k = 1; ; k++) {
        const out: number[][] = [];
        const chosen: number[] = [];
        const rec = (i: number, covered: number): void => {
          if (chosen.length === k) {
            if (covered === full) out.push(chosen.slice());
            return;
          }
          if (i >= masks.length || (covered | rest[i]!) !== full) return;
          chosen.push(i);
          rec(i + 1, covered | masks[i]!);
          chosen.pop();
          rec(i + 1, covered);
        };
        rec(0, 0);
        if (out.length > 0) return out;
      }
    }
    const chart = fc.integer({ min: 6, max: 14 }).chain((nCols) =>
      fc.record({
        nCols: fc.constant(nCols),
        cols: fc.array(
          fc.uniqueArray(fc.integer({ min: 0, max: nCols - 1 }), { minLength: 1, maxLength: 6 }),
          { minLength: 8, maxLength: 22 },
        ),
      }),
    );
    fc.assert(
      fc.property(chart, ({ nCols, cols }) => {
        const want = minimumCovers(nCols, cols);
        const got = solveChart(
          nCols,
          cols.map((c) => bitsetOf(nCols, c)),
        );
        const key = (s: number[][]): string[] =>
          s.map((x) => [...x].sort((a, b) => a - b).join(',')).sort();
        expect(key(got.solutions)).toEqual(key(want));
      }),
      { numRuns: 200 },
    );
  });
});
