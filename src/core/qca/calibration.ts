/**
 * Calibration of raw values into crisp levels or fuzzy set memberships, following R QCA's
 * `calibrate()`: crisp thresholds (`findInterval`), the direct method with logistic or piecewise
 * power functions (three thresholds: increasing or decreasing S-shapes; six thresholds: bell or
 * U shapes) and the totally fuzzy and relative (TFR) method. Missing values (NaN) stay NaN.
 */
import { QcaInputError } from './errors.ts';

/** R QCA's default degree of membership at the inclusion threshold. */
export const DEFAULT_IDM = 0.95;

/** The ±3 log-odds anchors of fs/QCA and Ragin (2008): exp(3) / (1 + exp(3)). */
export const IDM_LOG_ODDS_3 = Math.exp(3) / (1 + Math.exp(3));

/** Options of the direct (fuzzy) calibration. */
export interface FuzzyCalibrationOptions {
  /**
   * Three thresholds `[exclusion, crossover, inclusion]` (decreasing membership when
   * exclusion > inclusion) or six `[e1, c1, i1, i2, c2, e2]` for a bell shape (a U shape when
   * e1 > i1).
   */
  thresholds: readonly number[];
  /** Logistic (default) or piecewise power function; six thresholds are always piecewise. */
  logistic?: boolean;
  /** Degree of membership at the inclusion threshold for the logistic function (0.95). */
  idm?: number;
  /** Exponent of the piecewise function below the crossover (1 = linear). */
  below?: number;
  /** Exponent of the piecewise function above the crossover (1 = linear). */
  above?: number;
}

/**
 * Parses thresholds written as R does, e.g. `"e=2, c=5, i=8"`, `"2, 5, 8"` or
 * `"e1=1, c1=3, i1=4, i2=6, c2=7, e2=9"`. Named thresholds are put in canonical order.
 *
 * @example
 * parseThresholds('i=8, c=5, e=2'); // [2, 5, 8]
 */
export function parseThresholds(text: string): number[] {
  const parts = text
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const named = parts.map((p) => /^([a-zA-Z]+\d?)\s*=\s*(.+)$/.exec(p));
  const toNumber = (s: string): number => {
    const v = Number(s);
    if (!Number.isFinite(v)) throw new QcaInputError(`threshold '${s}' is not a number`);
    return v;
  };
  if (named.every((m) => m !== null)) {
    const map = new Map<string, number>();
    for (const m of named) map.set(m![1]!.toLowerCase(), toNumber(m![2]!));
    const order3 = ['e', 'c', 'i'];
    const order6 = ['e1', 'c1', 'i1', 'i2', 'c2', 'e2'];
    for (const order of [order3, order6]) {
      if (map.size === order.length && order.every((k) => map.has(k))) {
        return order.map((k) => map.get(k)!);
      }
    }
    if (map.size >= 1 && [...map.keys()].every((k) => /^t\d?$/.test(k))) {
      return [...map.values()];
    }
    throw new QcaInputError(
      `thresholds '${text}' must be named e, c, i or e1, c1, i1, i2, c2, e2 (or t1, t2, …)`,
    );
  }
  if (named.some((m) => m !== null)) {
    throw new QcaInputError(`thresholds '${text}' mix named and unnamed values`);
  }
  return parts.map(toNumber);
}

/**
 * Crisp calibration: the level of each value is the number of thresholds it reaches
 * (R's `findInterval`), so one threshold gives 0/1 and two give 0/1/2.
 *
 * @example
 * calibrateCrisp([1, 5, 9], [3, 7]); // [0, 1, 2]
 */
export function calibrateCrisp(x: readonly number[], thresholds: readonly number[]): number[] {
  if (thresholds.length === 0) throw new QcaInputError('crisp calibration needs a threshold');
  const th = [...thresholds].sort((a, b) => a - b);
  return x.map((v) => {
    if (Number.isNaN(v)) return Number.NaN;
    let k = 0;
    while (k < th.length && v >= th[k]!) k++;
    return k;
  });
}

function clamp(fs: number): number {
  if (fs < 1e-4) return 0;
  if (fs > 0.9999) return 1;
  return fs;
}

function logistic3(x: number, e: number, c: number, i: number, idm: number): number {
  const decreasing = e > i;
  if (decreasing) [e, i] = [i, e];
  const L = Math.log(idm / (1 - idm));
  const fs =
    x >= c
      ? 1 / (1 + Math.exp((-(x - c) * L) / (i - c)))
      : 1 / (1 + Math.exp(((x - c) * L) / (e - c)));
  return clamp(decreasing ? 1 - fs : fs);
}

/** Rising half: 0 at or below `e`, 0.5 at `c`, 1 at or above `i` (e < c < i). */
function rising(x: number, e: number, c: number, i: number, below: number, above: number): number {
  if (x <= e) return 0;
  if (x < c) return 0.5 * Math.pow((x - e) / (c - e), below);
  if (x < i) return 1 - 0.5 * Math.pow((i - x) / (i - c), above);
  return 1;
}

/** Falling half: 1 at or below `i`, 0.5 at `c`, 0 at or above `e` (i < c < e). */
function falling(x: number, i: number, c: number, e: number, below: number, above: number): number {
  if (x <= i) return 1;
  if (x <= c) return 1 - 0.5 * Math.pow((x - i) / (c - i), above);
  if (x < e) return 0.5 * Math.pow((e - x) / (e - c), below);
  return 0;
}

function checkMonotone(th: readonly number[], what: string): void {
  const up = th.every((v, k) => k === 0 || v > th[k - 1]!);
  const down = th.every((v, k) => k === 0 || v < th[k - 1]!);
  if (!up && !down) {
    throw new QcaInputError(`${what} thresholds ${th.join(', ')} must be strictly monotonic`);
  }
}

/**
 * Direct fuzzy calibration. With three thresholds the logistic function is
 * `1 / (1 + exp(-(x - c) · L / (i - c)))` above the crossover and
 * `1 / (1 + exp((x - c) · L / (e - c)))` below it, `L = log(idm / (1 - idm))`; results below
 * 1e-4 become 0 and above 0.9999 become 1. Otherwise piecewise power functions are used.
 *
 * @example
 * calibrateFuzzy([2, 5, 8], { thresholds: [2, 5, 8] }); // [0.05, 0.5, 0.95]
 */
export function calibrateFuzzy(x: readonly number[], options: FuzzyCalibrationOptions): number[] {
  const th = options.thresholds;
  const idm = options.idm ?? DEFAULT_IDM;
  const below = options.below ?? 1;
  const above = options.above ?? 1;
  if (!(idm > 0.5 && idm < 1)) throw new QcaInputError(`idm must be in (0.5, 1), got ${idm}`);
  if (!(below > 0) || !(above > 0)) throw new QcaInputError('below and above must be positive');
  if (th.some((t) => !Number.isFinite(t))) throw new QcaInputError('thresholds must be numbers');
  if (th.length === 3) {
    const [e, c, i] = th as [number, number, number];
    checkMonotone(th, 'the three');
    const logistic = options.logistic ?? true;
    return x.map((v) => {
      if (Number.isNaN(v)) return Number.NaN;
      if (logistic) return logistic3(v, e, c, i, idm);
      return e < i ? rising(v, e, c, i, below, above) : falling(v, i, c, e, below, above);
    });
  }
  if (th.length === 6) {
    const [e1, c1, i1, i2, c2, e2] = th as [number, number, number, number, number, number];
    const bell = e1 < i1;
    const ok = bell
      ? e1 < c1 && c1 < i1 && i1 <= i2 && i2 < c2 && c2 < e2
      : i1 < c1 && c1 < e1 && e1 <= e2 && e2 < c2 && c2 < i2;
    if (!ok) {
      throw new QcaInputError(
        `six thresholds must satisfy e1 < c1 < i1 <= i2 < c2 < e2 (bell) or i1 < c1 < e1 <= e2 < c2 < i2 (U shape); got ${th.join(', ')}`,
      );
    }
    return x.map((v) => {
      if (Number.isNaN(v)) return Number.NaN;
      if (bell) {
        return v <= i2 ? rising(v, e1, c1, i1, below, above) : falling(v, i2, c2, e2, below, above);
      }
      return v <= e2 ? falling(v, i1, c1, e1, below, above) : rising(v, e2, c2, i2, below, above);
    });
  }
  throw new QcaInputError(`fuzzy calibration needs 3 or 6 thresholds, got ${th.length}`);
}

/**
 * Totally fuzzy and relative calibration of an ordinal scale:
 * `max(0, (F(x) - F(minimum)) / (1 - F(minimum)))` with F the empirical distribution function.
 * R QCA evaluates F at 1, the lowest category of a scale starting at 1 (the default here).
 *
 * @example
 * calibrateTfr([1, 2, 2, 3]); // [0, 0.666…, 0.666…, 1]
 */
export function calibrateTfr(x: readonly number[], minimum = 1): number[] {
  const finite = x.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  const n = finite.length;
  if (n === 0) throw new QcaInputError('TFR calibration needs at least one value');
  const ecdf = (v: number): number => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (finite[mid]! <= v) lo = mid + 1;
      else hi = mid;
    }
    return lo / n;
  };
  const f0 = ecdf(minimum);
  if (f0 >= 1) throw new QcaInputError('TFR calibration: every value is at the minimum');
  return x.map((v) => (Number.isNaN(v) ? Number.NaN : Math.max(0, (ecdf(v) - f0) / (1 - f0))));
}

/** Options of {@link calibrate}. */
export type CalibrationOptions =
  | ({ type: 'fuzzy'; method?: 'direct' } & FuzzyCalibrationOptions)
  | { type: 'fuzzy'; method: 'TFR'; minimum?: number }
  | { type: 'crisp'; thresholds: readonly number[] };

/**
 * Calibrates raw values in any supported mode.
 *
 * @example
 * calibrate([3, 9], { type: 'crisp', thresholds: [5] }); // [0, 1]
 * calibrate([5], { type: 'fuzzy', thresholds: [2, 5, 8] }); // [0.5]
 */
export function calibrate(x: readonly number[], options: CalibrationOptions): number[] {
  if (options.type === 'crisp') return calibrateCrisp(x, options.thresholds);
  if (options.method === 'TFR') return calibrateTfr(x, options.minimum);
  return calibrateFuzzy(x, options);
}
