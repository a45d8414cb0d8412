/**
 * The models of the diffusion view, on the pure fits of src/core/stats: the Bass curve of an
 * innovation and the event-history logit of its adoption by country.
 */
import { riskRowFields } from '../../core/diffusion/risk-set.ts';
import { fitBass } from '../../core/stats/bass.ts';
import {
  ConvergenceError,
  designMatrix,
  logisticRegression,
  type DesignTerm,
} from '../../core/stats/logistic.ts';
import type { DiffusionView, EhaResult } from '../../shared/diffusion.ts';
import type { EhaInput } from '../commands/diffusion.ts';
import { badRequest } from '../errors.ts';

/**
 * Bass fit of a curve of adopters by year: t = year − first year + 1 (so the JRC curve, from
 * 2007, has t = year − 2006), the peak given as a decimal year. A curve of fewer than three
 * years, or one that does not pin the model down, has no fit, with the reason.
 */
export function fitBassCurve(curve: DiffusionView['curve']): DiffusionView['bass'] {
  if (curve.length < 3)
    return {
      ok: false,
      reason: `A Bass fit needs adopters in at least 3 years; this curve spans ${curve.length}.`,
    };
  const origin = curve[0]!.year - 1;
  try {
    const fit = fitBass(
      curve.map((c) => c.year - origin),
      curve.map((c) => c.cumulative),
    );
    if (!fit.converged)
      return {
        ok: false,
        reason:
          'The curve does not determine the model: adoption has not slowed down yet, so the number who will ever adopt cannot be estimated.',
      };
    return {
      ok: true,
      fit: {
        p: fit.p,
        q: fit.q,
        m: fit.m,
        peak: fit.q > fit.p ? origin + fit.peakTime : null,
        r2: fit.rSquared,
        sse: fit.rss,
        fitted: [...fit.fitted],
      },
    };
  } catch (err) {
    if (err instanceof RangeError) return { ok: false, reason: err.message };
    throw err;
  }
}

/**
 * The discrete-time logit of adoption on the country-year risk set, as R's
 * `glm(adopted ~ …, family = binomial)`. A design R could not estimate (a covariate that does
 * not vary, separation, no events) is a 400 naming the covariate.
 */
export function fitEha(input: EhaInput): EhaResult {
  const useTradition = input.covariates.includes('tradition');
  const data = input.rows.filter((r) => !useTradition || r.group !== null).map(riskRowFields);
  const events = data.filter((r) => r.adopted === 1).length;
  if (events === 0 || events === data.length)
    throw badRequest('The risk set cannot be analysed.', [
      {
        path: 'case',
        message:
          events === 0
            ? 'no country adopted within the risk set'
            : 'every country-year is an adoption: nothing to compare',
      },
    ]);
  const terms: DesignTerm[] = input.covariates.map((c) => {
    if (c !== 'tradition') return c;
    const levels = [...new Set(data.map((r) => r.tradition!))].sort();
    const reference = input.reference ?? levels[0]!;
    if (!levels.includes(reference))
      throw badRequest('The reference tradition is not in the risk set.', [
        {
          path: 'reference',
          message: `no country of the ${reference} tradition is at risk (there are ${levels.join(', ')})`,
        },
      ]);
    return { factor: 'tradition', reference, levels };
  });
  try {
    const fit = logisticRegression(
      designMatrix(data, terms),
      data.map((r) => r.adopted),
    );
    return {
      coefficients: fit.coefficients.map((c) => ({
        term: c.term,
        estimate: c.estimate,
        se: c.stdError,
        z: c.z,
        p: c.pValue,
        oddsRatio: Math.exp(c.estimate),
      })),
      deviance: fit.deviance,
      nullDeviance: fit.nullDeviance,
      aic: fit.aic,
      iterations: fit.iterations,
      observations: data.length,
      events,
      units: input.units,
      firstYear: input.firstYear,
      lastYear: input.lastYear,
    };
  } catch (err) {
    if (err instanceof RangeError || err instanceof ConvergenceError)
      throw badRequest(`The model cannot be estimated: ${err.message}`, [
        { path: 'covariate', message: err.message },
      ]);
    throw err;
  }
}
