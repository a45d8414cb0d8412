/**
 * Louvain community detection (Blondel, Guillaume, Lambiotte & Lefebvre 2008,
 * "Fast unfolding of communities in large networks", J. Stat. Mech. P10008).
 *
 * Each level repeatedly moves single nodes, visited in a seeded random order, to
 * the neighbouring community with the largest modularity gain until no move
 * helps; communities are then contracted into nodes and the process repeats
 * while modularity grows by more than `threshold`. Directed graphs use the
 * directed modularity gain (Dugué & Perez 2015), as networkx does. The result
 * depends only on the graph, the options and the random stream: the same seed
 * gives the same partition.
 */
import type { Graph } from './graph.ts';
import { modularity } from './modularity.ts';
import { shuffleInPlace } from './prng.ts';
import type { Rng } from './prng.ts';

export interface LouvainOptions {
  /** Resolution γ (default 1). */
  readonly resolution?: number;
  /** Use edge weights (default true). */
  readonly weighted?: boolean;
  /** Stop when a level improves modularity by no more than this (default 1e-7). */
  readonly threshold?: number;
  /** Upper bound on contraction levels (default 100). */
  readonly maxLevels?: number;
}

export interface LouvainResult {
  /** Community label per node, labels 0..k-1 numbered by each community's first node. */
  readonly membership: Int32Array;
  /** Communities as ascending node-index lists, ordered by label. */
  readonly communities: number[][];
  /** Modularity of `membership` on the input graph. */
  readonly modularity: number;
  /** Membership after each level (the last equals `membership`). */
  readonly levels: Int32Array[];
}

/** Level graph: symmetric weights between distinct nodes, plus out/in strengths. */
interface LevelGraph {
  readonly n: number;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly weights: Float64Array;
  readonly kOut: Float64Array;
  readonly kIn: Float64Array;
}

function initialLevel(g: Graph, weighted: boolean): { level: LevelGraph; total: number } {
  const n = g.n;
  const kOut = new Float64Array(n);
  const kIn = new Float64Array(n);
  let total = 0;
  // Combined weight between distinct nodes i, j (both directions summed).
  const rows: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  for (let e = 0; e < g.m; e++) {
    const s = g.edgeSources[e]!;
    const t = g.edgeTargets[e]!;
    const w = weighted ? g.edgeWeights[e]! : 1;
    total += w;
    if (g.directed) {
      kOut[s]! += w;
      kIn[t]! += w;
    } else {
      // Half-degrees make the undirected gain a special case of the directed one.
      kOut[s]! += w / 2;
      kIn[s]! += w / 2;
      kOut[t]! += w / 2;
      kIn[t]! += w / 2;
    }
    if (s !== t) {
      rows[s]!.set(t, (rows[s]!.get(t) ?? 0) + w);
      rows[t]!.set(s, (rows[t]!.get(s) ?? 0) + w);
    }
  }
  return { level: fromRows(rows, kOut, kIn), total };
}

function fromRows(rows: Map<number, number>[], kOut: Float64Array, kIn: Float64Array): LevelGraph {
  const n = rows.length;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + rows[i]!.size;
  const targets = new Int32Array(offsets[n]!);
  const weights = new Float64Array(offsets[n]!);
  for (let i = 0; i < n; i++) {
    const entries = [...rows[i]!.entries()].sort((a, b) => a[0] - b[0]);
    let k = offsets[i]!;
    for (const [j, w] of entries) {
      targets[k] = j;
      weights[k++] = w;
    }
  }
  return { n, offsets, targets, weights, kOut, kIn };
}

/**
 * One local-moving phase. Returns the community per level node (labels are node
 * indices of the level graph) and whether any node moved.
 */
function moveNodes(
  level: LevelGraph,
  total: number,
  gamma: number,
  rng: Rng,
): { community: Int32Array; moved: boolean } {
  const n = level.n;
  const { offsets, targets, weights, kOut, kIn } = level;
  const community = new Int32Array(n);
  const sumOut = new Float64Array(n);
  const sumIn = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    community[i] = i;
    sumOut[i] = kOut[i]!;
    sumIn[i] = kIn[i]!;
  }
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  shuffleInPlace(rng, order);

  const linkWeight = new Float64Array(n);
  const seen = new Int32Array(n).fill(-1);
  const candidates = new Int32Array(n);
  let moved = false;
  // Bounded passes guard against endless ties caused by rounding.
  for (let pass = 0; pass < 1000; pass++) {
    let moves = 0;
    for (let oi = 0; oi < n; oi++) {
      const i = order[oi]!;
      const current = community[i]!;
      let count = 0;
      for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
        const c = community[targets[e]!]!;
        if (seen[c] !== i) {
          seen[c] = i;
          linkWeight[c] = 0;
          candidates[count++] = c;
        }
        linkWeight[c]! += weights[e]!;
      }
      const ko = kOut[i]!;
      const ki = kIn[i]!;
      sumOut[current]! -= ko;
      sumIn[current]! -= ki;
      // Gain × m of joining community c from isolation:
      // w(i, c) − γ (k_i^out K_c^in + k_i^in K_c^out) / m.
      const linkCurrent = seen[current] === i ? linkWeight[current]! : 0;
      let best = current;
      let bestGain = linkCurrent - (gamma * (ko * sumIn[current]! + ki * sumOut[current]!)) / total;
      for (let k = 0; k < count; k++) {
        const c = candidates[k]!;
        if (c === current) continue;
        const gain = linkWeight[c]! - (gamma * (ko * sumIn[c]! + ki * sumOut[c]!)) / total;
        if (gain > bestGain) {
          bestGain = gain;
          best = c;
        }
      }
      sumOut[best]! += ko;
      sumIn[best]! += ki;
      if (best !== current) {
        community[i] = best;
        moves++;
      }
      // Reset marks so the next visit of i (next pass) rebuilds its candidates.
      for (let k = 0; k < count; k++) seen[candidates[k]!] = -1;
    }
    if (moves === 0) break;
    moved = true;
  }
  return { community, moved };
}

/** Renumbers labels 0..k-1 in order of first occurrence; returns k. */
function compact(labels: Int32Array): number {
  const map = new Map<number, number>();
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i]!;
    let id = map.get(c);
    if (id === undefined) map.set(c, (id = map.size));
    labels[i] = id;
  }
  return map.size;
}

function contract(level: LevelGraph, community: Int32Array, k: number): LevelGraph {
  const kOut = new Float64Array(k);
  const kIn = new Float64Array(k);
  const rows: Map<number, number>[] = Array.from({ length: k }, () => new Map());
  for (let i = 0; i < level.n; i++) {
    const ci = community[i]!;
    kOut[ci]! += level.kOut[i]!;
    kIn[ci]! += level.kIn[i]!;
    const row = rows[ci]!;
    for (let e = level.offsets[i]!; e < level.offsets[i + 1]!; e++) {
      const cj = community[level.targets[e]!]!;
      if (cj !== ci) row.set(cj, (row.get(cj) ?? 0) + level.weights[e]!);
    }
  }
  return fromRows(rows, kOut, kIn);
}

/**
 * Louvain communities (Blondel et al. 2008) with a seeded random node order.
 *
 * @example
 * const { communities, modularity } = louvainCommunities(karate, createRng(42));
 * modularity; // ≈ 0.42 on Zachary's karate club (unweighted)
 */
export function louvainCommunities(
  g: Graph,
  rng: Rng,
  options: LouvainOptions = {},
): LouvainResult {
  const gamma = options.resolution ?? 1;
  const weighted = options.weighted ?? true;
  const threshold = options.threshold ?? 1e-7;
  const maxLevels = options.maxLevels ?? 100;
  const membership = new Int32Array(g.n);
  for (let v = 0; v < g.n; v++) membership[v] = v;
  const levels: Int32Array[] = [];
  const modOptions = { resolution: gamma, weighted };
  let best = modularity(g, membership, modOptions);
  const { level: first, total } = initialLevel(g, weighted);
  if (total === 0 || g.n === 0) {
    const communities = membership.length === 0 ? [] : Array.from(membership, (v) => [v]);
    return { membership, communities, modularity: best, levels: [membership.slice()] };
  }
  let level = first;
  for (let depth = 0; depth < maxLevels; depth++) {
    const { community, moved } = moveNodes(level, total, gamma, rng);
    if (!moved) break;
    const k = compact(community);
    const candidate = new Int32Array(g.n);
    for (let v = 0; v < g.n; v++) candidate[v] = community[membership[v]!]!;
    const q = modularity(g, candidate, modOptions);
    if (!(q - best > threshold)) break;
    best = q;
    membership.set(candidate);
    levels.push(candidate);
    level = contract(level, community, k);
  }
  if (levels.length === 0) levels.push(membership.slice());
  const communities: number[][] = [];
  for (let v = 0; v < g.n; v++) {
    const c = membership[v]!;
    while (communities.length <= c) communities.push([]);
    communities[c]!.push(v);
  }
  return { membership, communities, modularity: best, levels };
}
