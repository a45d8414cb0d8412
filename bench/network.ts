/**
 * `npm run bench:network`: how long the network engine (src/core/network) takes on
 * Barabási–Albert graphs, the preferential-attachment shape of real collaboration networks.
 *
 * Graphs: `barabasiAlbert(n, 3, createRng(n))` for n = 2 000 and 10 000 (each new node links to 3
 * existing ones, so m = 3n − 9 edges). Measured per graph, in one process: exact unweighted
 * betweenness (Brandes 2001), sampled betweenness from k = 200 pivots (with its Hoeffding error
 * bound at α = 0.05 and the largest error actually seen against the exact values), closeness +
 * harmonic centrality, PageRank converged to 1e-14 as in the network report, and Louvain. Each
 * figure is the median and the minimum of RUNS timed runs after one untimed warm-up run, with
 * the median CPU time of the process beside them (on a shared machine wall-clock time grows with
 * the other work; CPU time much less).
 *
 * Reference points from issue 8 (exact betweenness, n = 2 000, m = 3): igraph (C) ≈ 0.26 s,
 * networkx ≈ 7 s; the target is under 0.6 s. Options: `npm run bench:network -- 2000` limits n.
 * Not a test: nothing here asserts.
 */
import { cpus, loadavg } from 'node:os';
import {
  betweennessCentrality,
  sampledBetweennessCentrality,
  sampledBetweennessErrorBound,
} from '../src/core/network/betweenness.ts';
import { distanceCentralities } from '../src/core/network/closeness.ts';
import type { Graph } from '../src/core/network/graph.ts';
import { louvainCommunities } from '../src/core/network/louvain.ts';
import { CONVERGED_ITERATION } from '../src/core/network/network-report.ts';
import { pageRank } from '../src/core/network/pagerank.ts';
import { createRng } from '../src/core/network/prng.ts';
import { barabasiAlbert } from '../src/core/network/random-graphs.ts';

const M = 3;
const PIVOTS = 200;
const ALPHA = 0.05;
/** Timed runs per size (after one warm-up): fewer on the large graph, where one run takes seconds. */
const RUNS: Record<number, number> = { 2_000: 5, 10_000: 3 };

interface Timing {
  median: number;
  min: number;
  /** Median CPU time of the process (user + system): close to `median` on an idle machine. */
  cpu: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** One warm-up run, then `runs` timed ones; returns the last result with the timings. */
function measure<T>(runs: number, work: () => T): { result: T; timing: Timing } {
  let result = work();
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    result = work();
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpuTimes.push((c.user + c.system) / 1000);
  }
  return {
    result,
    timing: { median: median(times), min: Math.min(...times), cpu: median(cpuTimes) },
  };
}

function ms(v: number): string {
  return v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0);
}

function maxAbsDifference(a: Float64Array, b: Float64Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

const HEADER = ['metric', 'nodes', 'edges', 'runs', 'median ms', 'min ms', 'cpu ms', 'note'];
const WIDTHS = [34, 7, 7, 5, 10, 8, 8, 0];

function printRow(cells: string[]): void {
  console.log(
    cells
      .map((c, k) =>
        k === 0 || k === cells.length - 1 ? c.padEnd(WIDTHS[k]!) : c.padStart(WIDTHS[k]!),
      )
      .join('  ')
      .trimEnd(),
  );
}

function benchGraph(g: Graph, runs: number): void {
  const row = (metric: string, t: Timing, note = ''): void =>
    printRow([
      metric,
      String(g.n),
      String(g.m),
      String(runs),
      ms(t.median),
      ms(t.min),
      ms(t.cpu),
      note,
    ]);

  const exact = measure(runs, () => betweennessCentrality(g));
  row('betweenness, exact (Brandes)', exact.timing);

  // The same pivots every run (seed 1), so each run does identical work.
  const sampled = measure(runs, () =>
    sampledBetweennessCentrality(g, Math.min(PIVOTS, g.n), createRng(1)),
  );
  const bound = sampledBetweennessErrorBound(g.n, Math.min(PIVOTS, g.n), ALPHA);
  const seen = maxAbsDifference(sampled.result, exact.result);
  row(
    `betweenness, sampled (k = ${PIVOTS})`,
    sampled.timing,
    `bound ${bound.toFixed(3)} (α = ${ALPHA}), max error seen ${seen.toFixed(4)}`,
  );

  row('closeness + harmonic', measure(runs, () => distanceCentralities(g)).timing);
  row('PageRank (tolerance 1e-14)', measure(runs, () => pageRank(g, CONVERGED_ITERATION)).timing);

  const louvain = measure(runs, () => louvainCommunities(g, createRng(2)));
  row(
    'Louvain (Blondel et al. 2008)',
    louvain.timing,
    `${louvain.result.communities.length} communities, Q = ${louvain.result.modularity.toFixed(3)}`,
  );
}

function main(): void {
  const args = process.argv.slice(2).map(Number).filter(Number.isInteger);
  const sizes = args.length ? args : [2_000, 10_000];
  const cpu = cpus();
  console.log(
    `Network engine on Barabási–Albert graphs (m = ${M}, seed n), one process, one thread.\n` +
      `Machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}, ` +
      `load average ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')} at start.\n` +
      `Each figure: median and minimum of the timed runs after one warm-up run; cpu ms is the ` +
      `median CPU time of the process, which stays near the median when other work shares the ` +
      `cores while wall-clock time grows.\n` +
      `Reference (issue 8, exact betweenness, n = 2 000): igraph ≈ 260 ms, networkx ≈ 7 000 ms; ` +
      `target < 600 ms.\n`,
  );
  printRow(HEADER);
  for (const n of sizes) {
    const g = barabasiAlbert(n, M, createRng(n));
    benchGraph(g, RUNS[n] ?? 3);
  }
}

main();
