// Parity with R QCA 3.25.1: every reference analysis in fixtures/ (truth table, single
// conditions, prime implicants, models and their fit, intermediate pairs) is reproduced.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataFrameFromCsv, prepareQcaData } from './dataset.ts';
import { singleConditions } from './fit.ts';
import type { MinimizeOptions, SolutionModel } from './minimize.ts';
import { minimize } from './minimize.ts';
import { buildTruthTable } from './truth-table.ts';

const dir = new URL('./fixtures/', import.meta.url);
const TOL = 1e-9;

interface RefTerm {
  term: string;
  inclS: number;
  PRI: number;
  covS: number;
  covU: number | null;
  cases: string[] | string | null;
}
interface RefModel {
  expression: string;
  inclS: number;
  PRI: number;
  covS: number;
  terms: RefTerm[];
}
interface RefPair {
  easy_counterfactuals: { row: number }[];
  models: RefModel[];
  prime_implicants: string[];
}
interface RefSolution {
  call: string;
  models: RefModel[];
  essential: string[];
  prime_implicants: string[];
  simplifying_assumptions: Record<string, number[]>;
  intermediate?: Record<string, RefPair>;
}
interface Ref {
  id: string;
  data_file: string;
  cases_dropped_for_NA: string[];
  params: {
    outcome: string;
    conditions: string[];
    'incl.cut': number[];
    'n.cut': number;
    'pri.cut': number;
  };
  truth_table: {
    rows: {
      row: number;
      OUT: string;
      n: number;
      incl: number;
      PRI: number;
      cases: string[] | string;
    }[];
  };
  single_conditions: Record<string, number | string>[];
  solutions: Record<string, RefSolution>;
}

function list(x: string[] | string | null | undefined): string[] {
  if (x === null || x === undefined) return [];
  return typeof x === 'string' ? [x] : x;
}

/** The minimize() options of an R call such as `minimize(tt, include = "?", all.sol = TRUE)`. */
function optionsOf(call: string): MinimizeOptions {
  const opts: MinimizeOptions = {};
  const vec = /include = c\(([^)]*)\)/.exec(call);
  const one = /include = "([^"]*)"/.exec(call);
  if (vec) opts.include = [...vec[1]!.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
  else if (one) opts.include = one[1]!;
  const dir = /dir.exp = "([^"]*)"/.exec(call);
  if (dir) opts.dirExp = dir[1]!;
  if (call.includes('all.sol = TRUE')) opts.allSol = true;
  if (call.includes('row.dom = TRUE')) opts.rowDom = true;
  return opts;
}

const termKey = (t: string): string => t.split('*').sort().join('*');
const modelKey = (e: string): string => e.split(' + ').map(termKey).sort().join(' + ');

function expectSameModels(got: readonly SolutionModel[], want: readonly RefModel[]): void {
  const g = new Map(got.map((m) => [modelKey(m.expression), m]));
  const w = new Map(want.map((m) => [modelKey(m.expression), m]));
  expect([...g.keys()].sort()).toEqual([...w.keys()].sort());
  for (const [key, wm] of w) {
    const gm = g.get(key)!;
    expect(gm.inclS).toBeCloseTo(wm.inclS, 9);
    expect(gm.PRI).toBeCloseTo(wm.PRI, 9);
    expect(gm.covS).toBeCloseTo(wm.covS, 9);
    for (const wt of wm.terms) {
      const gt = gm.terms.find((t) => termKey(t.term) === termKey(wt.term))!;
      expect(gt, wt.term).toBeDefined();
      expect(Math.abs(gt.inclS - wt.inclS)).toBeLessThan(TOL);
      expect(Math.abs(gt.PRI - wt.PRI)).toBeLessThan(TOL);
      expect(Math.abs(gt.covS - wt.covS)).toBeLessThan(TOL);
      if (wt.covU === null) expect(gt.covU).toBeNull();
      else expect(Math.abs(gt.covU! - wt.covU)).toBeLessThan(TOL);
      if (wt.cases !== null) expect([...gt.cases].sort()).toEqual(list(wt.cases).sort());
    }
  }
}

const refs: Ref[] = readdirSync(dir)
  .filter((f) => /^ref_.*\.json$/.test(f))
  .sort()
  .map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Ref);

describe.each(refs.map((r) => [r.id, r] as const))('R QCA parity on %s', (_id, ref) => {
  const text = readFileSync(new URL(ref.data_file, dir), 'utf8');
  const df = dataFrameFromCsv(text, ref.data_file);
  const data = prepareQcaData(df, {
    outcome: ref.params.outcome,
    conditions: ref.params.conditions,
  });
  const tt = buildTruthTable(data, {
    inclCut: ref.params['incl.cut'],
    nCut: ref.params['n.cut'],
    priCut: ref.params['pri.cut'],
  });

  it('drops the same cases for missing values', () => {
    expect(data.droppedCases).toEqual(list(ref.cases_dropped_for_NA));
  });

  it('builds the same truth table rows (OUT, n, incl, PRI, cases)', () => {
    const got = tt.rows.filter((r) => r.OUT !== '?');
    expect(got.map((r) => r.row)).toEqual(ref.truth_table.rows.map((r) => r.row));
    ref.truth_table.rows.forEach((w, k) => {
      const g = got[k]!;
      expect([g.OUT, g.n]).toEqual([w.OUT, w.n]);
      expect(Math.abs(g.incl - w.incl)).toBeLessThan(TOL);
      expect(Math.abs(g.PRI - w.PRI)).toBeLessThan(TOL);
      expect(g.cases).toEqual(list(w.cases));
    });
  });

  it('computes the same necessity and sufficiency of single conditions', () => {
    const got = new Map(singleConditions(data).map((s) => [s.set, s]));
    for (const w of ref.single_conditions) {
      const g = got.get(String(w.set))!;
      expect(g, String(w.set)).toBeDefined();
      for (const f of ['inclN', 'RoN', 'covN', 'inclS', 'PRI', 'covS'] as const) {
        expect(Math.abs(g[f] - Number(w[f])), `${w.set} ${f}`).toBeLessThan(TOL);
      }
    }
  });

  for (const [name, sol] of Object.entries(ref.solutions)) {
    it(`finds the ${name} models of R (${sol.call})`, () => {
      const res = minimize(tt, optionsOf(sol.call));
      if (sol.intermediate) {
        const pairs = Object.entries(sol.intermediate);
        expect(res.intermediate!.map((p) => p.name)).toEqual(pairs.map(([n]) => n));
        pairs.forEach(([pairName, want]) => {
          const got = res.intermediate!.find((p) => p.name === pairName)!;
          expect(got.easyCounterfactuals).toEqual(want.easy_counterfactuals.map((e) => e.row));
          expectSameModels(got.models, want.models);
          expect(got.primeImplicants.map((p) => termKey(p.term)).sort()).toEqual(
            want.prime_implicants.map(termKey).sort(),
          );
        });
        expectSameModels(res.parsimonious!.models, sol.models);
        return;
      }
      expectSameModels(res.models, sol.models);
      expect(res.primeImplicants.map((p) => termKey(p.term)).sort()).toEqual(
        sol.prime_implicants.map(termKey).sort(),
      );
      expect(res.essential.map(termKey).sort()).toEqual(list(sol.essential).map(termKey).sort());
      // Simplifying assumptions of each model, matched by expression.
      const byExpr = new Map(res.models.map((m) => [modelKey(m.expression), m]));
      sol.models.forEach((m, k) => {
        const sa = sol.simplifying_assumptions[`M${k + 1}`];
        if (sa) expect(byExpr.get(modelKey(m.expression))!.simplifyingAssumptions).toEqual(sa);
      });
    });
  }
});
