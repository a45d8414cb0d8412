/**
 * PageRank (Brin & Page 1998) by power iteration, reproducing networkx 2.8.8's
 * `pagerank` step for step: row-stochastic transitions from (weighted) out-links,
 * dangling nodes' mass redistributed by the personalisation vector, start from
 * the uniform vector, stop when the L1 change is below n · tol.
 */
import type { Graph } from './graph.ts';

export interface PageRankOptions {
  /** Damping factor (default 0.85). */
  readonly alpha?: number;
  /** Use edge weights as link strengths (default true, as networkx's weight="weight"). */
  readonly weighted?: boolean;
  /** Maximum iterations (default 100). */
  readonly maxIterations?: number;
  /** Convergence tolerance per node (default 1e-6). */
  readonly tolerance?: number;
  /** Teleport distribution per node (normalised to sum 1); uniform when omitted. */
  readonly personalization?: ArrayLike<number>;
}

/** Thrown when power iteration does not converge within the iteration budget. */
export class PowerIterationError extends Error {
  constructor(algorithm: string, iterations: number) {
    super(`${algorithm} did not converge in ${iterations} iterations`);
    this.name = 'PowerIterationError';
  }
}

/**
 * PageRank of every node. Undirected edges act as two links; a node without
 * out-links is dangling and teleports according to the personalisation vector.
 *
 * @example
 * // Directed cycle a→b→c→a: every node has 1/3.
 * pageRank(g); // Float64Array [1/3, 1/3, 1/3]
 */
export function pageRank(g: Graph, options: PageRankOptions = {}): Float64Array {
  const n = g.n;
  if (n === 0) return new Float64Array(0);
  const alpha = options.alpha ?? 0.85;
  const weighted = options.weighted ?? true;
  const maxIterations = options.maxIterations ?? 100;
  const tol = options.tolerance ?? 1e-6;
  const offsets = g.outOffsets;
  const targets = g.outTargets;
  const weights = g.outWeights;

  // Transition weights: w(i→j) / Σ_k w(i→k); rows with zero sum are dangling.
  const transition = new Float64Array(targets.length);
  const dangling: number[] = [];
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let e = offsets[i]!; e < offsets[i + 1]!; e++) sum += weighted ? weights[e]! : 1;
    if (sum === 0) {
      dangling.push(i);
      continue;
    }
    const inv = 1 / sum;
    for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
      transition[e] = (weighted ? weights[e]! : 1) * inv;
    }
  }

  const p = new Float64Array(n);
  if (options.personalization === undefined) {
    p.fill(1 / n);
  } else {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += options.personalization[i] ?? 0;
    if (!(sum > 0)) throw new RangeError('personalization must have a positive sum');
    for (let i = 0; i < n; i++) p[i] = (options.personalization[i] ?? 0) / sum;
  }

  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  for (let iter = 0; iter < maxIterations; iter++) {
    next.fill(0);
    for (let i = 0; i < n; i++) {
      const xi = x[i]!;
      for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
        next[targets[e]!]! += xi * transition[e]!;
      }
    }
    let danglingMass = 0;
    for (let d = 0; d < dangling.length; d++) danglingMass += x[dangling[d]!]!;
    let err = 0;
    for (let i = 0; i < n; i++) {
      const v = alpha * (next[i]! + danglingMass * p[i]!) + (1 - alpha) * p[i]!;
      next[i] = v;
      err += Math.abs(v - x[i]!);
    }
    const previous = x;
    x = next;
    next = previous;
    if (err < n * tol) return x;
  }
  throw new PowerIterationError('PageRank', maxIterations);
}
