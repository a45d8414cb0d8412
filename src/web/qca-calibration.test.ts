import { describe, expect, it } from 'vitest';
import {
  LOG_ODDS_3_IDM,
  anchorsInOrder,
  calibrateValue,
  crispLevel,
  fuzzyMembership,
  isCrispSet,
} from './qca-calibration.ts';

const close = (actual: number[], expected: number[]) =>
  actual.forEach((a, k) => expect(a).toBeCloseTo(expected[k]!, 7));

describe('fuzzyMembership', () => {
  const anchors = { exclusion: 1, crossover: 3, inclusion: 5 };

  it('gives R QCA 3.25 calibrate(x, thresholds = "e=2, c=5, i=8") for the default idm 0.95', () => {
    // From src/core/qca/fixtures/calibrate_pof.json (R 4.2.2, QCA 3.25.1).
    const x = [0, 2, 3.5, 5, 6, 8, 10];
    const r = [
      0.00733745807066141, 0.05, 0.186605496863371, 0.5, 0.727401714490997, 0.95, 0.992662541929339,
    ];
    close(
      x.map((v) => fuzzyMembership(v, { exclusion: 2, crossover: 5, inclusion: 8 })),
      r,
    );
  });

  it('gives R calibrate(x, thresholds = c(2, 5, 8), idm = exp(3)/(1+exp(3))): log odds ±3', () => {
    const x = [0, 2, 2.5, 5];
    const r = [0.00669285092428485, 0.0474258731775667, 0.0758581800212435, 0.5];
    close(
      x.map((v) =>
        fuzzyMembership(v, { exclusion: 2, crossover: 5, inclusion: 8 }, LOG_ODDS_3_IDM),
      ),
      r,
    );
  });

  it('puts log odds ±3 at the anchors of c(1, 3, 5), linear in between', () => {
    // 1/(1+exp(3)), 1/(1+exp(1.5)), 0.5, …: the log odds are linear in x on each side.
    close(
      [1, 2, 3, 4, 5].map((v) => fuzzyMembership(v, anchors, LOG_ODDS_3_IDM)),
      [0.04742587, 0.18242552, 0.5, 0.81757448, 0.95257413],
    );
  });

  it('gives 0.05 and 0.95 at the anchors of c(1, 3, 5) with R’s default idm (halfway as in R’s fixture)', () => {
    close(
      [1, 2, 3, 4, 5].map((v) => fuzzyMembership(v, anchors)),
      [0.05, 0.186605496863371, 0.5, 0.813394503136629, 0.95],
    );
  });

  it('decreases when the exclusion anchor is above the inclusion anchor (R thresholds c(8, 5, 2))', () => {
    close(
      [0, 2, 8].map((v) => fuzzyMembership(v, { exclusion: 8, crossover: 5, inclusion: 2 })),
      [0.992662541929339, 0.95, 0.05],
    );
  });

  it('rounds to 0 below 1e-4 and to 1 above 0.9999, as R does', () => {
    expect(fuzzyMembership(-100, anchors)).toBe(0);
    expect(fuzzyMembership(100, anchors)).toBe(1);
  });
});

describe('crispLevel', () => {
  it('counts the thresholds reached (R findInterval)', () => {
    expect([1, 3, 5, 7, 9].map((v) => crispLevel(v, [3, 7]))).toEqual([0, 1, 1, 2, 2]);
  });
});

describe('calibrateValue', () => {
  it('keeps missing values missing and dispatches on the method', () => {
    expect(calibrateValue(null, { method: 'crisp', thresholds: [1] })).toBeNull();
    expect(calibrateValue(4, { method: 'crisp', thresholds: [5] })).toBe(0);
    expect(
      calibrateValue(3, { method: 'fuzzy', exclusion: 1, crossover: 3, inclusion: 5 }),
    ).toBeCloseTo(0.5);
  });
});

describe('anchorsInOrder', () => {
  it('accepts strictly increasing or decreasing anchors only', () => {
    expect(anchorsInOrder({ exclusion: 1, crossover: 3, inclusion: 5 })).toBe(true);
    expect(anchorsInOrder({ exclusion: 5, crossover: 3, inclusion: 1 })).toBe(true);
    expect(anchorsInOrder({ exclusion: 1, crossover: 5, inclusion: 3 })).toBe(false);
    expect(anchorsInOrder({ exclusion: 1, crossover: 1, inclusion: 3 })).toBe(false);
  });
});

describe('isCrispSet', () => {
  it('is true for 0/1 columns with missing values only', () => {
    expect(isCrispSet([0, 1, null, 1])).toBe(true);
    expect(isCrispSet([0, 2])).toBe(false);
    expect(isCrispSet([0.5])).toBe(false);
  });
});
