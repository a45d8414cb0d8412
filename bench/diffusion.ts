/**
 * `npm run bench:diffusion`: the diffusion models on seeded synthetic data.
 *
 * - Bass fit: 50 years of new adopters drawn from a Bass process (p = 0.01, q = 0.35,
 *   m = 10 000) with Poisson-like noise (each year's count ± up to 5 %), cumulated and fitted by
 *   the bounded Levenberg–Marquardt of src/core/stats/bass.ts from its grid of 16 starts.
 * - Event-history analysis: 10 000 units in 5 groups (traditions) observed for 20 years; each
 *   unit has 5 neighbours and 5 network neighbours at random; adoption hazard
 *   logit h = −5.5 + 0.3·g/4 (g = 0…4, the group) + 1.5·peersGroup + 1.0·peersNeighbours + 0.5·peersNetwork
 *   + 0.05·(year − start) + 0.4·x, with x ~ U(0, 1) a time-invariant covariate. The risk set is
 *   built (src/core/diffusion/risk-set.ts) and the logit fitted with the 4 tradition contrasts
 *   and the 6 other covariates (src/core/stats/logistic.ts).
 *
 * Each figure is the median of 5 runs after one warm-up. Not a test: nothing here asserts.
 */
import { riskRowFields, riskSet, type RiskUnit } from '../src/core/diffusion/risk-set.ts';
import { createRng, randomInt } from '../src/core/network/prng.ts';
import { bassCumulative, fitBass } from '../src/core/stats/bass.ts';
import { designMatrix, logisticRegression } from '../src/core/stats/logistic.ts';

const RUNS = 5;

function time<T>(f: () => T): { ms: number; result: T } {
  let result = f(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    result = f();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(RUNS / 2)]!, result };
}

// ---- Bass ----
const rng = createRng(42);
const truth = { p: 0.01, q: 0.35, m: 10_000 };
const years = Array.from({ length: 50 }, (_, i) => i + 1);
let total = 0;
const cumulative = years.map((t) => {
  const expected = bassCumulative(t, truth) - bassCumulative(t - 1, truth);
  total += Math.max(0, Math.round(expected * (1 + (rng() - 0.5) * 0.1)));
  return total;
});
const bass = time(() => fitBass(years, cumulative));

// ---- event-history analysis ----
const UNITS = 10_000;
const YEARS = 20;
const START = 2000;
const groups = ['anglo', 'cee', 'germanic', 'napoleonic', 'scandinavian'];
const erng = createRng(7);
const ids = Array.from({ length: UNITS }, (_, i) => `u${i}`);
const pick = () => Array.from({ length: 5 }, () => ids[randomInt(erng, UNITS)]!);
const base = ids.map((id) => ({
  id,
  group: groups[randomInt(erng, groups.length)]!,
  neighbours: pick(),
  networkNeighbours: pick(),
  x: erng(),
}));
// Simulate year by year: the hazard depends on who adopted in earlier years.
const adoptedIn = new Map<string, number>();
for (let year = START; year < START + YEARS; year++) {
  const share = (list: readonly string[]) =>
    list.filter((u) => (adoptedIn.get(u) ?? Infinity) < year).length / list.length;
  const groupShare = new Map(
    groups.map((g) => {
      const members = base.filter((u) => u.group === g);
      return [
        g,
        members.filter((u) => (adoptedIn.get(u.id) ?? Infinity) < year).length / members.length,
      ];
    }),
  );
  for (const u of base) {
    if (adoptedIn.has(u.id)) continue;
    const eta =
      -5.5 +
      (0.3 * groups.indexOf(u.group)) / 4 +
      1.5 * groupShare.get(u.group)! +
      1.0 * share(u.neighbours) +
      0.5 * share(u.networkNeighbours) +
      0.05 * (year - START) +
      0.4 * u.x;
    if (erng() < 1 / (1 + Math.exp(-eta))) adoptedIn.set(u.id, year);
  }
}
const units: RiskUnit[] = base.map((u) => ({
  id: u.id,
  adoptedIn: adoptedIn.get(u.id) ?? null,
  group: u.group,
  neighbours: u.neighbours,
  networkNeighbours: u.networkNeighbours,
  values: { x: u.x },
}));
const built = time(() => riskSet(units, START, START + YEARS - 1));
const data = built.result.map((r) => ({ ...riskRowFields(r), x: r.values.x! }));
const terms = [
  { factor: 'tradition', reference: 'anglo' },
  'peersTradition',
  'peersNeighbours',
  'peersNetwork',
  'year',
  'x',
];
const fit = time(() =>
  logisticRegression(
    designMatrix(data, terms),
    data.map((r) => r.adopted),
  ),
);

const rows = [
  [
    'Bass fit, 50 years (16 starts)',
    bass.ms,
    `p ${bass.result.p.toFixed(4)}, q ${bass.result.q.toFixed(3)}, m ${bass.result.m.toFixed(0)}, R² ${bass.result.rSquared.toFixed(4)}`,
  ],
  [
    `EHA risk set, ${UNITS} units × ${YEARS} years`,
    built.ms,
    `${data.length} unit-years, ${adoptedIn.size} adoptions`,
  ],
  [
    'EHA logit, 10 coefficients (IRLS)',
    fit.ms,
    `${fit.result.iterations} iterations, deviance ${fit.result.deviance.toFixed(1)}`,
  ],
] as const;
console.log('| what | median | result |');
console.log('|---|---|---|');
for (const [what, ms, note] of rows) console.log(`| ${what} | ${ms.toFixed(1)} ms | ${note} |`);
