import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApp, type TestApp } from '../../../../test/helpers.ts';
import type { DiffusionView, EhaResult } from '../../../shared/diffusion.ts';
import { importJrc } from '../../commands/case-import-jrc.ts';

/** The real JRC cases: the first case year of each country gives the diffusion curve. */
const jrc = fileURLToPath(new URL('../../demo/jrc/cases.csv', import.meta.url));

let t: TestApp;
beforeAll(async () => {
  t = await makeApp();
  await importJrc(t.database.db, fs.createReadStream(jrc));
}, 180_000);
afterAll(async () => {
  await t.close();
});

describe('diffusion of the JRC cases across countries', () => {
  it('dates each country’s first case and fits the Bass model to the curve', async () => {
    const res = await t.app.inject({ url: '/api/diffusion' });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json() as DiffusionView;
    // 30 countries by geocoverage_codes (R's curve, fitted in src/core/stats/bass.test.ts), plus
    // 4 that rows name without a code: the import reads those too.
    expect(v.curve[0]!.year).toBe(2007);
    expect(v.curve.at(-1)).toMatchObject({ year: 2020, cumulative: 34 });
    expect(v.countries).toHaveLength(34);
    expect(v.countries.find((c) => c.country === 'EE')).toEqual({ country: 'EE', year: 2007 });
    expect(v.bass.ok).toBe(true);
    if (!v.bass.ok) return;
    const { p, q, m, peak, r2, fitted } = v.bass.fit;
    expect(m).toBeGreaterThanOrEqual(34);
    expect(q).toBeGreaterThan(p);
    expect(peak).toBeGreaterThan(2010);
    expect(peak).toBeLessThan(2020);
    expect(r2).toBeGreaterThan(0.95);
    expect(fitted).toHaveLength(v.curve.length);
  });

  it('explains why a short curve has no fit', async () => {
    const v = (
      await t.app.inject({ url: '/api/diffusion?technology=no-such-thing' })
    ).json() as DiffusionView;
    expect(v.curve).toEqual([]);
    expect(v.bass).toMatchObject({ ok: false });
  });

  it('fits a discrete-time logit of adoption by country with the chosen covariates', async () => {
    const res = await t.app.inject({
      url: '/api/diffusion/eha?covariate=peersNeighbours&covariate=year',
    });
    expect(res.statusCode, res.body).toBe(200);
    const eha = res.json() as EhaResult;
    expect(eha.coefficients.map((c) => c.term)).toEqual(['(Intercept)', 'peersNeighbours', 'year']);
    // One event per adopting country: each leaves the risk set when it adopts.
    expect(eha.events).toBe(34);
    expect(eha.firstYear).toBe(2007);
    for (const c of eha.coefficients) {
      expect(Number.isFinite(c.se)).toBe(true);
      expect(c.oddsRatio).toBeCloseTo(Math.exp(c.estimate), 12);
    }
    expect(eha.deviance).toBeLessThan(eha.nullDeviance);
  });

  it('refuses a reference tradition nobody at risk has, and a design it cannot estimate', async () => {
    const res = await t.app.inject({
      url: '/api/diffusion/eha?covariate=tradition&reference=anglo&tag=no-such-tag',
    });
    expect(res.statusCode).toBe(400);
    const bad = await t.app.inject({ url: '/api/diffusion/eha?covariate=driver:org.leadership' });
    // No JRC case is coded: the covariate is 0 everywhere, a column R would report as NA.
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { error: { details: { path: string }[] } }).error.details[0]!.path).toBe(
      'covariate',
    );
  });
});
