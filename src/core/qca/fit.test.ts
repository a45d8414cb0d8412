import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataFrameFromCsv, prepareQcaData } from './dataset.ts';
import { QcaInputError } from './errors.ts';
import type { ExpressionFitRow } from './fit.ts';
import {
  expressionFit,
  MembershipCache,
  modelFit,
  necessity,
  sufficiency,
  termMembership,
} from './fit.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const pof = (
  JSON.parse(fixture('calibrate_pof.json')) as {
    pof_expressions: Record<
      string,
      { call: string; rows: Record<string, number | string | null>[] }
    >;
  }
).pof_expressions;

function load(file: string, outcome: string) {
  return prepareQcaData(dataFrameFromCsv(fixture(`data/${file}`), file), { outcome });
}

describe('fit of whole expressions matches R pof()', () => {
  it.each(Object.entries(pof))('%s', (_id, c) => {
    const m = /pof\('(.*) (->|<-) (~?\w+)', data = (\w+)\)/.exec(c.call)!;
    const data = load(`${m[4]}.csv`, m[3]!);
    const rows = expressionFit(data, `${m[1]} ${m[2]} ${m[3]}`);
    expect(rows.map((r) => r.set)).toEqual(c.rows.map((r) => r.set));
    rows.forEach((row, k) => {
      const want = c.rows[k]!;
      for (const [f, v] of Object.entries(want)) {
        if (f === 'set') continue;
        const got = row[f as keyof ExpressionFitRow];
        if (v === null) expect(got).toBeNull();
        else expect(Math.abs(Number(got) - Number(v)), `${row.set} ${f}`).toBeLessThan(1e-12);
      }
    });
  });

  it('rejects an expression written for another outcome', () => {
    const data = load('LF.csv', 'SURV');
    expect(() => expressionFit(data, 'DEV -> ~SURV')).toThrow(QcaInputError);
  });
});

describe('parameters of fit', () => {
  it('computes inclusion, PRI and coverage of sufficiency with the R formulas', () => {
    const x = [0.8, 0.6, 0.2];
    const y = [0.9, 0.3, 0.4];
    const sxy = 0.8 + 0.3 + 0.2;
    const sxyn = 0.1 + 0.3 + 0.2;
    const f = sufficiency(x, y);
    expect(f.inclS).toBeCloseTo(sxy / 1.6, 12);
    expect(f.covS).toBeCloseTo(sxy / 1.6, 12);
    expect(f.PRI).toBeCloseTo((sxy - sxyn) / (1.6 - sxyn), 12);
  });

  it('computes necessity inclusion, relevance and coverage', () => {
    const f = necessity([1, 1, 0, 0], [1, 0, 0, 0]);
    expect(f).toEqual({ inclN: 1, RoN: 2 / 3, covN: 0.5 });
  });

  it('sets values below 1e-5 to 0', () => {
    expect(sufficiency([1, 1e-7], [1e-7, 0]).inclS).toBe(0);
  });

  it('gives each term the coverage that only it contributes', () => {
    const f = modelFit(
      [Float64Array.of(1, 1, 0), Float64Array.of(0, 1, 1)],
      Float64Array.of(1, 1, 1),
    );
    expect(f.model.covS).toBe(1);
    expect(f.terms.map((t) => t.covU)).toEqual([1 / 3, 1 / 3]);
  });

  it('caches literal memberships without changing term memberships', () => {
    const data = load('LF.csv', 'SURV');
    const cache = new MembershipCache(data.conditions);
    const term = [1, -1, 0, -1, 1];
    expect(cache.term(term)).toEqual(termMembership(data.conditions, term));
  });
});
