/**
 * `npm run bench:qca`: how long the QCA engine takes to build a truth table and find the
 * conservative and the parsimonious solutions on seeded random crisp data.
 *
 * Generator (documented in the output too):
 * - N = 200 cases; K = 10, 12, 14, 16, 18, 20 binary conditions named A, B, C, …, each case's
 *   value of each condition Bernoulli(0.5), drawn from a seeded mulberry32 PRNG (seed 1000 + K
 *   for the planted outcome, 2000 + K for the random one).
 * - "planted": the outcome is the rule A*B + C*~D + E*F*G (about half of the cases), then
 *   flipped with probability 0.05 per case (noise).
 * - "random": the outcome is Bernoulli(0.5) per case (no structure at all).
 * - Truth table with incl.cut = 1, n.cut = 1; conservative solution (include "") and
 *   parsimonious solution (include "?"), each listing at most the engine's default of 10 000
 *   minimal models.
 *
 * The 3 runs of one problem run one after the other in a child process, which is stopped when a
 * run takes longer than the time cap (QCA_BENCH_CAP_S, 60 s by default); the figures are the
 * medians, and "first run" is the total of the first run (JIT still cold, as in one CLI call).
 * Options: `npm run bench:qca -- 10 12` limits K; QCA_BENCH_OUTCOMES=planted skips the random
 * outcome. Not a test: nothing here asserts.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { QcaData } from '../src/core/qca/dataset.ts';
import { minimize } from '../src/core/qca/minimize.ts';
import { buildTruthTable } from '../src/core/qca/truth-table.ts';

const N = 200;
const RUNS = 3;
const NOISE = 0.05;
const CAP_S = Number(process.env.QCA_BENCH_CAP_S ?? 60);
const CHILD_FLAG = '--qca-bench-child';

type Outcome = 'planted' | 'random';

/** What one run measured (milliseconds) and found. */
interface RunResult {
  rows: number;
  positive: number;
  ttMs: number;
  consMs: number;
  parsMs: number;
  consModels: number;
  consTruncated: boolean;
  parsPIs: number;
  parsModels: number;
  parsTruncated: boolean;
  parsSize: number;
}

/** mulberry32: a small seeded PRNG with uniform output in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The data set described in the header. */
function generate(K: number, outcome: Outcome): QcaData {
  const rand = mulberry32((outcome === 'planted' ? 1000 : 2000) + K);
  const x = Array.from({ length: K }, () => new Float64Array(N));
  const y = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < K; j++) x[j]![i] = rand() < 0.5 ? 1 : 0;
    const v = (j: number): boolean => x[j]![i] === 1;
    if (outcome === 'random') y[i] = rand() < 0.5 ? 1 : 0;
    else {
      const rule = (v(0) && v(1)) || (v(2) && !v(3)) || (v(4) && v(5) && v(6));
      const flip = rand() < NOISE;
      y[i] = rule !== flip ? 1 : 0;
    }
  }
  return {
    caseNames: Array.from({ length: N }, (_, i) => `case${i + 1}`),
    conditions: x.map((values, j) => ({
      name: String.fromCharCode(65 + j),
      kind: 'binary' as const,
      levels: 2,
      values,
      dontCare: new Uint8Array(N),
      hasDontCare: false,
    })),
    outcome: { label: 'Y', column: 'Y', negated: false, membership: y, fuzzy: false },
    droppedCases: [],
  };
}

/** One run: truth table, conservative and parsimonious solutions. */
function runOnce(K: number, outcome: Outcome): RunResult {
  const data = generate(K, outcome);
  const t0 = performance.now();
  const tt = buildTruthTable(data, { inclCut: 1, nCut: 1 });
  const t1 = performance.now();
  const cons = minimize(tt, { include: '' });
  const t2 = performance.now();
  const pars = minimize(tt, { include: '?' });
  const t3 = performance.now();
  return {
    rows: tt.rows.length,
    positive: tt.rows.filter((r) => r.OUT === '1').length,
    ttMs: t1 - t0,
    consMs: t2 - t1,
    parsMs: t3 - t2,
    consModels: cons.models.length,
    consTruncated: cons.truncated,
    parsPIs: pars.primeImplicants.length,
    parsModels: pars.models.length,
    parsTruncated: pars.truncated,
    parsSize: pars.models[0]?.terms.length ?? 0,
  };
}

/**
 * Runs the measurements of one problem in a child process (the first run there starts with cold
 * JIT, the later ones are warm); resolves with the runs finished before the cap stopped it.
 */
function runInChild(K: number, outcome: Outcome): Promise<RunResult[]> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [CHILD_FLAG, String(K), outcome], {
      execArgv: ['--import', 'tsx'],
    });
    const results: RunResult[] = [];
    let timer = setTimeout(() => child.kill('SIGKILL'), CAP_S * 1000);
    child.on('message', (r: RunResult) => {
      results.push(r);
      clearTimeout(timer);
      timer = setTimeout(() => child.kill('SIGKILL'), CAP_S * 1000);
    });
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(results);
    });
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function ms(v: number): string {
  return v < 10 ? v.toFixed(1) : v.toFixed(0);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2).map(Number).filter(Number.isInteger);
  const ks = args.length ? args : [10, 12, 14, 16, 18, 20];
  const outcomes = (process.env.QCA_BENCH_OUTCOMES ?? 'planted,random').split(',') as Outcome[];
  console.log(
    `QCA engine: truth table + conservative + parsimonious minimisation, median of ${RUNS} runs.\n` +
      `Data: N = ${N} cases, K binary conditions A, B, … each Bernoulli(0.5) (mulberry32, seed ` +
      `1000 + K planted, 2000 + K random); outcome "planted" = A*B + C*~D + E*F*G with each case ` +
      `flipped with probability ${NOISE}, "random" = Bernoulli(0.5); incl.cut 1, n.cut 1; at most ` +
      `10 000 models listed; cap ${CAP_S} s per run.\n`,
  );
  const header = [
    'K',
    'outcome',
    'rows',
    'pos',
    'PIs',
    'size',
    'cons models',
    'pars models',
    'tt ms',
    'cons ms',
    'pars ms',
    'total ms',
    'first run',
  ];
  const table: string[][] = [];
  for (const outcome of outcomes) {
    for (const K of ks) {
      const runs = await runInChild(K, outcome);
      if (runs.length < RUNS) {
        table.push([String(K), outcome, ...Array(10).fill('–'), `> ${CAP_S * 1000}`]);
      } else {
        const f = runs[0]!;
        const count = (n: number, t: boolean): string => (t ? `≥ ${n}` : String(n));
        table.push([
          String(K),
          outcome,
          String(f.rows),
          String(f.positive),
          String(f.parsPIs),
          String(f.parsSize),
          count(f.consModels, f.consTruncated),
          count(f.parsModels, f.parsTruncated),
          ms(median(runs.map((x) => x.ttMs))),
          ms(median(runs.map((x) => x.consMs))),
          ms(median(runs.map((x) => x.parsMs))),
          ms(median(runs.map((x) => x.ttMs + x.consMs + x.parsMs))),
          ms(f.ttMs + f.consMs + f.parsMs),
        ]);
      }
      printTable(header, table.slice(-1), table.length === 1);
    }
  }
  console.log(
    '\nrows: observed truth table rows; pos: rows with OUT = 1; PIs: prime implicants of the ' +
      'parsimonious solution; size: terms per parsimonious model; times: median of the runs in ' +
      'one process; first run: total of the first (JIT still cold, as in one CLI call).',
  );
}

const WIDTHS = [3, 8, 5, 4, 7, 5, 12, 12, 8, 9, 9, 9, 10];

function printTable(header: string[], rows: string[][], withHeader: boolean): void {
  const line = (cells: string[]): string =>
    cells.map((c, k) => (k === 1 ? c.padEnd(WIDTHS[k]!) : c.padStart(WIDTHS[k]!))).join('  ');
  if (withHeader) console.log(line(header));
  for (const r of rows) console.log(line(r));
}

if (process.argv[2] === CHILD_FLAG) {
  for (let r = 0; r < RUNS; r++) {
    process.send!(runOnce(Number(process.argv[3]), process.argv[4] as Outcome));
  }
} else {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
