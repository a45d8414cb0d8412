/**
 * Timing of the minimiser on random problems like those of the R QCA timing table: K binary
 * conditions, N distinct random configurations with one case each, and an outcome that is 1
 * where a configuration satisfies one of 3 random terms of 2–3 literals ("planted") or a fair
 * coin ("random"). Run: `node --import tsx src/core/qca/qca.bench.ts [K…]`; model lists stop at
 * QCA_BENCH_MAX_MODELS (default 1000), as random outcomes with 100 cases can have millions of
 * minimal models.
 */
import type { QcaData } from './dataset.ts';
import { minimize } from './minimize.ts';
import { buildTruthTable } from './truth-table.ts';

/**
 * A small seeded PRNG (mulberry32).
 *
 * @example
 * const rand = rng(42);
 * rand(); // a number in [0, 1), the same for every run
 */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random crisp problem as described above.
 *
 * @example
 * const data = randomProblem(12, 30, 'planted', 1);
 * data.conditions.length; // 12
 */
export function randomProblem(
  K: number,
  N: number,
  outcome: 'planted' | 'random',
  seed: number,
): QcaData {
  const rand = rng(seed);
  const configs = new Set<number>();
  const space = 2 ** K;
  while (configs.size < Math.min(N, space)) configs.add(Math.floor(rand() * space));
  const rows = [...configs];
  const terms: [number, number][][] = [];
  for (let t = 0; t < 3; t++) {
    const size = 2 + Math.floor(rand() * 2);
    const conds = new Set<number>();
    while (conds.size < size) conds.add(Math.floor(rand() * K));
    terms.push([...conds].map((c) => [c, rand() < 0.5 ? 0 : 1]));
  }
  const bit = (r: number, j: number): number => (r >>> (K - 1 - j)) & 1;
  const conditions = Array.from({ length: K }, (_, j) => ({
    name: `C${j + 1}`,
    kind: 'binary' as const,
    levels: 2,
    values: Float64Array.from(rows, (r) => bit(r, j)),
    dontCare: new Uint8Array(rows.length),
    hasDontCare: false,
  }));
  const y = Float64Array.from(rows, (r) =>
    outcome === 'random'
      ? rand() < 0.5
        ? 1
        : 0
      : terms.some((t) => t.every(([c, v]) => bit(r, c) === v))
        ? 1
        : 0,
  );
  return {
    caseNames: rows.map((_, i) => String(i + 1)),
    conditions,
    outcome: { label: 'Y', column: 'Y', negated: false, membership: y, fuzzy: false },
    droppedCases: [],
  };
}

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const r = fn();
  return [r, (performance.now() - t0) / 1000];
}

function main(): void {
  const maxModels = Number(process.env.QCA_BENCH_MAX_MODELS ?? 1000);
  const ks = process.argv.slice(2).map(Number);
  const list = ks.length ? ks : [10, 12, 14, 16, 18, 20];
  for (const K of list) {
    for (const N of [30, 100]) {
      for (const outcome of ['planted', 'random'] as const) {
        const data = randomProblem(K, N, outcome, K * 1000 + N + (outcome === 'random' ? 7 : 0));
        const tt = buildTruthTable(data, { inclCut: 1 });
        const [cons, tc] = time(() => minimize(tt, { maxModels }));
        const [pars, tp] = time(() => minimize(tt, { include: '?', maxModels }));
        console.log(
          `K=${K} N=${N} ${outcome.padEnd(7)} conservative ${tc.toFixed(3)} s (${cons.models.length} models)` +
            `  parsimonious ${tp.toFixed(3)} s (${pars.primeImplicants.length} PIs, ${pars.models.length} models${pars.truncated ? ', truncated' : ''})`,
        );
      }
    }
  }
}

if (process.argv[1]?.endsWith('qca.bench.ts')) main();
