/**
 * Calibration preview for the QCA workbench: the same formulas as R QCA's `calibrate()` (Dușa,
 * package QCA 3.25), so the plot shows what the server's analysis will use. The server does the
 * real calibration; this only previews it.
 */
import type { Calibration } from '../shared/qca.ts';

/**
 * R QCA's default degree of membership at the inclusion anchor (`idm = 0.95`): log odds
 * ±log(0.95 / 0.05) ≈ ±2.944 at the anchors. Ragin's fs/QCA uses ±3 (`exp(3) / (1 + exp(3))`).
 */
export const R_DEFAULT_IDM = 0.95;
/** Ragin's (2008, ch. 5) "log odds of ±3" at the full-membership anchors. */
export const LOG_ODDS_3_IDM = Math.exp(3) / (1 + Math.exp(3));

export type FuzzyAnchors = { exclusion: number; crossover: number; inclusion: number };

/**
 * Direct method (Ragin 2008, *Redesigning Social Inquiry*, ch. 5; R QCA `calibrate(type =
 * "fuzzy")`): log odds linear in the distance from the crossover, reaching ±log(idm / (1 − idm))
 * at the inclusion and exclusion anchors, each side scaled by its own anchor. Exclusion above
 * inclusion gives a decreasing set. As in R, memberships below 1e-4 become 0 and above 0.9999
 * become 1.
 *
 * @example
 * fuzzyMembership(3, { exclusion: 1, crossover: 3, inclusion: 5 }); // 0.5
 * fuzzyMembership(5, { exclusion: 1, crossover: 3, inclusion: 5 }); // 0.95
 */
export function fuzzyMembership(x: number, anchors: FuzzyAnchors, idm = R_DEFAULT_IDM): number {
  let { exclusion: e, inclusion: i } = anchors;
  const c = anchors.crossover;
  const decreasing = e > i;
  if (decreasing) [e, i] = [i, e];
  const logOdds = Math.log(idm / (1 - idm));
  const scaled = x >= c ? ((x - c) * logOdds) / (i - c) : (-(x - c) * logOdds) / (e - c);
  let fs = 1 / (1 + Math.exp(-scaled));
  if (decreasing) fs = 1 - fs;
  if (fs < 1e-4) return 0;
  if (fs > 0.9999) return 1;
  return fs;
}

/**
 * Crisp calibration (R's `findInterval`): the number of thresholds a value reaches, so one
 * threshold gives 0/1 and two give 0/1/2.
 *
 * @example
 * crispLevel(5, [3, 7]); // 1
 */
export function crispLevel(x: number, thresholds: readonly number[]): number {
  return thresholds.filter((t) => x >= t).length;
}

/** Whether the anchors describe an S-shape: strictly increasing or strictly decreasing. */
export function anchorsInOrder({ exclusion, crossover, inclusion }: FuzzyAnchors): boolean {
  return (
    (exclusion < crossover && crossover < inclusion) ||
    (exclusion > crossover && crossover > inclusion)
  );
}

/**
 * One value calibrated as the server will (null stays null).
 *
 * @example
 * calibrateValue(9, { method: 'crisp', thresholds: [5] }); // 1
 */
export function calibrateValue(
  x: number | null,
  calibration: Calibration,
  idm = R_DEFAULT_IDM,
): number | null {
  if (x === null) return null;
  return calibration.method === 'crisp'
    ? crispLevel(x, calibration.thresholds)
    : fuzzyMembership(x, calibration, idm);
}

/**
 * Whether a column holds only 0, 1 and missing values (a crisp set that needs no calibration).
 *
 * @example
 * isCrispSet([0, 1, null]); // true
 * isCrispSet([0, 0.4, 1]); // false
 */
export function isCrispSet(values: readonly (number | null)[]): boolean {
  return values.every((v) => v === null || v === 0 || v === 1);
}
