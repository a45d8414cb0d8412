import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  calibrate,
  calibrateCrisp,
  calibrateFuzzy,
  calibrateTfr,
  IDM_LOG_ODDS_3,
  parseThresholds,
} from './calibration.ts';
import { QcaInputError } from './errors.ts';

interface Case {
  call: string;
  x: number[] | Record<string, number>[];
  y: number[] | string | Record<string, number[]>;
  y_logodds3?: number[];
  shipped_CVF?: number[];
  shipped_LM?: number[];
}
const ref = JSON.parse(
  readFileSync(new URL('./fixtures/calibrate_pof.json', import.meta.url), 'utf8'),
) as { calibrate: Record<string, Case> };
const cal = ref.calibrate;

function expectClose(got: number[], want: number[], tol = 1e-12): void {
  expect(got.length).toBe(want.length);
  got.forEach((g, i) => expect(Math.abs(g - want[i]!), `index ${i}`).toBeLessThan(tol));
}

const xs = (id: string): number[] => cal[id]!.x as number[];
const ys = (id: string): number[] => cal[id]!.y as number[];

describe('direct calibration matches R calibrate()', () => {
  it.each([
    ['direct_logistic_default', parseThresholds('e=2, c=5, i=8'), {}],
    ['direct_logistic_unnamed', [2, 5, 8], {}],
    ['direct_logistic_asym', [1, 6, 7.5], {}],
    ['direct_logistic_idm0953', [2, 5, 8], { idm: 0.953 }],
    ['direct_logistic_idm_logodds3', [2, 5, 8], { idm: IDM_LOG_ODDS_3 }],
    ['direct_logistic_decreasing', [8, 5, 2], {}],
    ['direct_linear', [2, 5, 8], { logistic: false }],
    ['direct_sshape_below2_above05', [2, 5, 8], { logistic: false, below: 2, above: 0.5 }],
    ['direct_linear_decreasing', [8, 5, 2], { logistic: false }],
    ['direct_bell_6th', parseThresholds('e1=1, c1=3, i1=4, i2=6, c2=7, e2=9'), {}],
    ['direct_bell_6th_inverse', [4, 3, 1, 9, 7, 6], {}],
    ['direct_bell_6th_pow', [1, 3, 4, 6, 7, 9], { below: 2, above: 2 }],
  ] as const)('%s', (id, thresholds, opts) => {
    expectClose(calibrateFuzzy(xs(id), { thresholds, ...opts }), ys(id));
  });

  it.each(['CVR_DEMOC', 'CVR_ETHFRACT', 'CVR_GEOCON', 'CVR_POLDIS', 'CVR_NATPRIDE', 'CVR_PROTEST'])(
    'reproduces %s and, with ±3 log-odds anchors, the shipped CVF scores',
    (id) => {
      const c = cal[id]!;
      const thresholds = /c\(([^)]*)\)/.exec(c.call)![1]!.split(',').map(Number);
      expectClose(calibrateFuzzy(c.x as number[], { thresholds }), c.y as number[]);
      const fs3 = calibrateFuzzy(c.x as number[], { thresholds, idm: IDM_LOG_ODDS_3 });
      expectClose(fs3, c.y_logodds3!);
      expect(fs3.map((v) => Math.round(v * 100) / 100)).toEqual(c.shipped_CVF);
    },
  );

  it('clamps memberships below 1e-4 to 0 and above 0.9999 to 1', () => {
    expect(calibrateFuzzy([-100, 100], { thresholds: [2, 5, 8] })).toEqual([0, 1]);
  });

  it('keeps missing values missing', () => {
    expect(calibrateFuzzy([Number.NaN], { thresholds: [2, 5, 8] })[0]).toBeNaN();
  });

  it('rejects thresholds that are not monotonic and idm outside (0.5, 1)', () => {
    expect(() => calibrateFuzzy([1], { thresholds: [2, 8, 5] })).toThrow(QcaInputError);
    expect(() => calibrateFuzzy([1], { thresholds: [2, 5, 8], idm: 0.4 })).toThrow(/idm/);
    expect(() => calibrateFuzzy([1], { thresholds: [1, 2] })).toThrow(/3 or 6/);
  });
});

describe('crisp calibration matches R calibrate(type = "crisp")', () => {
  it('uses findInterval: one threshold gives 0/1, two give 0/1/2', () => {
    expect(calibrateCrisp(xs('crisp_1th'), [5])).toEqual(ys('crisp_1th'));
    expect(calibrateCrisp(xs('crisp_2th'), [3, 7])).toEqual(ys('crisp_2th'));
  });

  it('turns the raw Lipset data into LC and LM', () => {
    const c = cal['LR_to_LC']!;
    const rows = c.x as Record<string, number>[];
    const y = c.y as Record<string, number[]>;
    const th: Record<string, number> = { DEV: 550, URB: 50, LIT: 75, IND: 30 };
    for (const [col, t] of Object.entries(th)) {
      expect(
        calibrateCrisp(
          rows.map((r) => r[col]!),
          [t],
        ),
      ).toEqual(y[col]);
    }
    const stb = calibrateCrisp(
      rows.map((r) => r.STB!),
      [10],
    ).map((v) => 1 - v);
    expect(stb).toEqual(y.STB);
    expect(calibrate(xs('LR_to_LM_DEV'), { type: 'crisp', thresholds: [550, 850] })).toEqual(
      cal['LR_to_LM_DEV']!.shipped_LM,
    );
  });
});

describe('totally fuzzy and relative calibration', () => {
  it('matches R calibrate(method = "TFR")', () => {
    expectClose(calibrateTfr(xs('TFR')), ys('TFR'));
    expectClose(calibrate(xs('TFR'), { type: 'fuzzy', method: 'TFR' }), ys('TFR'));
  });
});

describe('parseThresholds', () => {
  it('reads named thresholds in any order and plain lists', () => {
    expect(parseThresholds('i=8, c=5, e=2')).toEqual([2, 5, 8]);
    expect(parseThresholds('2; 5; 8')).toEqual([2, 5, 8]);
  });

  it('rejects unknown names and non-numbers', () => {
    expect(() => parseThresholds('x=1, c=2, i=3')).toThrow(QcaInputError);
    expect(() => parseThresholds('1, two, 3')).toThrow(/not a number/);
  });
});
