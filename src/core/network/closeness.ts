/**
 * Distance-based centralities: closeness (with the Wasserman & Faust 1994
 * correction for disconnected graphs, as networkx) and harmonic centrality
 * (Marchiori & Latora 2000). Both use distances *to* each node, i.e. incoming
 * paths in directed graphs, like networkx 2.8.8.
 */
import { createIndexedHeap, heapClear, heapPopMin, heapPushOrDecrease } from './binary-heap.ts';
import type { Graph } from './graph.ts';

export interface DistanceOptions {
  /** Use edge weights as distances (Dijkstra) instead of hop counts (default false). */
  readonly weighted?: boolean;
}

export interface ClosenessOptions extends DistanceOptions {
  /** Scale by the reachable fraction (r − 1)/(n − 1) (Wasserman–Faust; default true). */
  readonly wfImproved?: boolean;
}

/** Closeness and harmonic centrality computed in one sweep. */
export interface DistanceCentralities {
  readonly closeness: Float64Array;
  readonly harmonic: Float64Array;
}

/**
 * Visits every node reachable *towards* `target` (over incoming arcs) and calls
 * `visit(distance)` for each node other than the target. Returns the count reached
 * (target included).
 */
interface Traversal {
  run(target: number, visit: (d: number) => void): number;
}

function dijkstraTraversal(g: Graph): Traversal {
  const dist = new Float64Array(g.n).fill(Infinity);
  const done = new Uint8Array(g.n);
  const settled = new Int32Array(g.n);
  const heap = createIndexedHeap(g.n);
  const offsets = g.inOffsets;
  const sources = g.inTargets;
  const weights = g.inWeights;
  for (let e = 0; e < weights.length; e++) {
    if (!(weights[e]! >= 0)) throw new RangeError('distances need non-negative edge weights');
  }
  return {
    run(target, visit) {
      heapClear(heap);
      dist[target] = 0;
      heapPushOrDecrease(heap, target, 0);
      let count = 0;
      for (;;) {
        const v = heapPopMin(heap);
        if (v < 0) break;
        done[v] = 1;
        settled[count++] = v;
        const dv = dist[v]!;
        if (v !== target) visit(dv);
        const end = offsets[v + 1]!;
        for (let e = offsets[v]!; e < end; e++) {
          const w = sources[e]!;
          if (done[w] === 1) continue;
          const nd = dv + weights[e]!;
          if (nd < dist[w]!) {
            dist[w] = nd;
            heapPushOrDecrease(heap, w, nd);
          }
        }
      }
      for (let i = 0; i < count; i++) {
        const v = settled[i]!;
        dist[v] = Infinity;
        done[v] = 0;
      }
      return count;
    },
  };
}

/**
 * Hop-count sweep by bit-parallel multi-source BFS (Then et al. 2014, "The more
 * the merrier: efficient multi-source graph traversal", PVLDB 8(4)): 32 targets
 * share one traversal, bit j of a node's mask meaning "reached from target j".
 * Fills, per target, the distance sum, the reciprocal-distance sum and the
 * number of nodes that reach it.
 */
function bitParallelSweep(
  g: Graph,
  total: Float64Array,
  inverse: Float64Array,
  reached: Float64Array,
): void {
  const n = g.n;
  const offsets = g.inOffsets;
  const sources = g.inTargets;
  const seen = new Int32Array(n);
  const frontier = new Int32Array(n);
  const next = new Int32Array(n);
  let frontierList = new Int32Array(n);
  let nextList = new Int32Array(n);
  for (let base = 0; base < n; base += 32) {
    const width = Math.min(32, n - base);
    let frontierCount = 0;
    for (let j = 0; j < width; j++) {
      const u = base + j;
      seen[u] = 1 << j;
      frontier[u] = 1 << j;
      frontierList[frontierCount++] = u;
      reached[u] = 1;
    }
    for (let d = 1; frontierCount > 0; d++) {
      let nextCount = 0;
      for (let i = 0; i < frontierCount; i++) {
        const v = frontierList[i]!;
        const f = frontier[v]!;
        frontier[v] = 0;
        const end = offsets[v + 1]!;
        for (let e = offsets[v]!; e < end; e++) {
          const w = sources[e]!;
          if (next[w] === 0) nextList[nextCount++] = w;
          next[w]! |= f;
        }
      }
      const inv = 1 / d;
      frontierCount = 0;
      for (let i = 0; i < nextCount; i++) {
        const w = nextList[i]!;
        let fresh = next[w]! & ~seen[w]!;
        next[w] = 0;
        if (fresh === 0) continue;
        seen[w]! |= fresh;
        frontier[w] = fresh;
        nextList[frontierCount++] = w;
        while (fresh !== 0) {
          const t = base + 31 - Math.clz32(fresh & -fresh);
          total[t]! += d;
          inverse[t]! += inv;
          reached[t]!++;
          fresh &= fresh - 1;
        }
      }
      // The compacted next list becomes the new frontier list.
      const swap = frontierList;
      frontierList = nextList;
      nextList = swap;
    }
    seen.fill(0);
  }
}

/**
 * Closeness and harmonic centrality of every node in one all-pairs sweep
 * (bit-parallel BFS for hop counts, Dijkstra per node when `weighted`).
 *
 * @example
 * const { closeness, harmonic } = distanceCentralities(g);
 */
export function distanceCentralities(
  g: Graph,
  options: ClosenessOptions = {},
): DistanceCentralities {
  const n = g.n;
  const wf = options.wfImproved ?? true;
  const total = new Float64Array(n);
  const harmonic = new Float64Array(n);
  const reached = new Float64Array(n);
  if (options.weighted === true) {
    const traversal = dijkstraTraversal(g);
    let sum = 0;
    let inverse = 0;
    const visit = (d: number): void => {
      sum += d;
      if (d !== 0) inverse += 1 / d;
    };
    for (let u = 0; u < n; u++) {
      sum = 0;
      inverse = 0;
      reached[u] = traversal.run(u, visit);
      total[u] = sum;
      harmonic[u] = inverse;
    }
  } else {
    bitParallelSweep(g, total, harmonic, reached);
  }
  const closeness = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    let c = 0;
    const r = reached[u]!;
    if (total[u]! > 0 && n > 1) {
      c = (r - 1) / total[u]!;
      if (wf) c *= (r - 1) / (n - 1);
    }
    closeness[u] = c;
  }
  return { closeness, harmonic };
}

/**
 * Closeness centrality as networkx: (r − 1)/Σd, multiplied by (r − 1)/(n − 1)
 * where r counts the nodes that reach the node (Wasserman & Faust 1994); 0 for a
 * node nobody reaches. Distances are hop counts unless `weighted`.
 *
 * @example
 * // Star with centre c and leaves x, y, z: centre closeness is 1.
 * closenessCentrality(g); // Float64Array [1, 0.6, 0.6, 0.6]
 */
export function closenessCentrality(g: Graph, options: ClosenessOptions = {}): Float64Array {
  return distanceCentralities(g, options).closeness;
}

/**
 * Harmonic centrality Σ_{v≠u} 1/d(v, u), unnormalised (Marchiori & Latora 2000,
 * as in networkx); unreachable nodes contribute 0.
 *
 * @example
 * // Path a–b–c: harmonic(a) = 1 + 1/2.
 * harmonicCentrality(g); // Float64Array [1.5, 2, 1.5]
 */
export function harmonicCentrality(g: Graph, options: DistanceOptions = {}): Float64Array {
  return distanceCentralities(g, options).harmonic;
}
