/**
 * Degree-based measures (Freeman 1978 degree centrality; Newman 2010, ch. 7).
 * Conventions follow networkx: a self-loop adds 2 to an undirected degree, and
 * a directed degree is in-degree + out-degree.
 */
import type { Graph } from './graph.ts';

function selfLoopWeight(g: Graph, v: number): number {
  const end = g.outOffsets[v + 1]!;
  for (let e = g.outOffsets[v]!; e < end; e++) {
    if (g.outTargets[e] === v) return g.outWeights[e]!;
  }
  return 0;
}

function hasSelfLoop(g: Graph, v: number): boolean {
  const end = g.outOffsets[v + 1]!;
  for (let e = g.outOffsets[v]!; e < end; e++) if (g.outTargets[e] === v) return true;
  return false;
}

/**
 * Number of edge ends at each node (neighbour count in simple undirected graphs).
 *
 * @example
 * // Path a–b–c
 * degree(g); // Float64Array [1, 2, 1]
 */
export function degree(g: Graph): Float64Array {
  const out = new Float64Array(g.n);
  for (let v = 0; v < g.n; v++) {
    const outDeg = g.outOffsets[v + 1]! - g.outOffsets[v]!;
    if (g.directed) out[v] = outDeg + g.inOffsets[v + 1]! - g.inOffsets[v]!;
    else out[v] = outDeg + (hasSelfLoop(g, v) ? 1 : 0);
  }
  return out;
}

/**
 * Out-degree (successor count) of each node; equals {@link degree} minus self-loop
 * double counting for undirected graphs.
 *
 * @example
 * outDegree(g); // Float64Array
 */
export function outDegree(g: Graph): Float64Array {
  const out = new Float64Array(g.n);
  for (let v = 0; v < g.n; v++) out[v] = g.outOffsets[v + 1]! - g.outOffsets[v]!;
  return out;
}

/**
 * In-degree (predecessor count) of each node.
 *
 * @example
 * inDegree(g); // Float64Array
 */
export function inDegree(g: Graph): Float64Array {
  const out = new Float64Array(g.n);
  for (let v = 0; v < g.n; v++) out[v] = g.inOffsets[v + 1]! - g.inOffsets[v]!;
  return out;
}

/**
 * Weighted degree ("strength", Barrat et al. 2004; Newman 2004): the sum of
 * incident edge weights, self-loops counted twice in undirected graphs.
 *
 * @example
 * // Edges a–b (2), b–c (3)
 * weightedDegree(g); // Float64Array [2, 5, 3]
 */
export function weightedDegree(g: Graph): Float64Array {
  const out = new Float64Array(g.n);
  for (let v = 0; v < g.n; v++) {
    let sum = 0;
    for (let e = g.outOffsets[v]!; e < g.outOffsets[v + 1]!; e++) sum += g.outWeights[e]!;
    if (g.directed) {
      for (let e = g.inOffsets[v]!; e < g.inOffsets[v + 1]!; e++) sum += g.inWeights[e]!;
    } else {
      sum += selfLoopWeight(g, v);
    }
    out[v] = sum;
  }
  return out;
}

/**
 * Degree centrality: degree / (n − 1), as networkx (1 for every node when n ≤ 1).
 *
 * @example
 * // Star with 3 leaves: centre 1, leaves 1/3.
 * degreeCentrality(g);
 */
export function degreeCentrality(g: Graph): Float64Array {
  const d = degree(g);
  if (g.n <= 1) return d.fill(1);
  const s = 1 / (g.n - 1);
  for (let v = 0; v < g.n; v++) d[v]! *= s;
  return d;
}

/**
 * Density: m / (n(n − 1)) for directed graphs, twice that for undirected ones
 * (self-loops count as edges, as in networkx); 0 when n ≤ 1 or m = 0.
 *
 * @example
 * density(triangle); // 1
 */
export function density(g: Graph): number {
  const n = g.n;
  const m = g.m;
  if (m === 0 || n <= 1) return 0;
  const d = m / (n * (n - 1));
  return g.directed ? d : d * 2;
}
