/**
 * Clustering: local clustering coefficient (Watts & Strogatz 1998; directed
 * version by Fagiolo 2007, as networkx) and transitivity, the global fraction of
 * closed triads (Newman 2003, "The structure and function of complex networks").
 * Unweighted: edge weights are ignored and self-loops do not count.
 */
import { hasArc, toUndirected, type Graph } from './graph.ts';

interface TriangleCounts {
  /**
   * Ordered neighbour pairs that are adjacent (2 × triangles at the node). On a
   * directed graph: ordered successor pairs (u, w) with an arc u → w.
   */
  readonly closed: Float64Array;
  /** Neighbour count excluding the node itself. */
  readonly deg: Float64Array;
}

function undirectedTriangles(g: Graph): TriangleCounts {
  const n = g.n;
  const offsets = g.outOffsets;
  const targets = g.outTargets;
  const mark = new Int32Array(n).fill(-1);
  const closed = new Float64Array(n);
  const deg = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    let d = 0;
    const end = offsets[v + 1]!;
    for (let e = offsets[v]!; e < end; e++) {
      const u = targets[e]!;
      if (u !== v) {
        mark[u] = v;
        d++;
      }
    }
    let t = 0;
    for (let e = offsets[v]!; e < end; e++) {
      const u = targets[e]!;
      if (u === v) continue;
      const uEnd = offsets[u + 1]!;
      for (let f = offsets[u]!; f < uEnd; f++) {
        const w = targets[f]!;
        if (w !== u && mark[w] === v) t++;
      }
    }
    closed[v] = t;
    deg[v] = d;
  }
  return { closed, deg };
}

function directedClustering(g: Graph): Float64Array {
  const n = g.n;
  // s[j] = A_ij + A_ji for the current node i (0, 1 or 2), valid where stamp[j] === i.
  const s = new Int32Array(n);
  const stamp = new Int32Array(n).fill(-1);
  const out = new Float64Array(n);
  const weightOf = (i: number, j: number): number => (stamp[j] === i ? s[j]! : 0);
  for (let i = 0; i < n; i++) {
    let dTotal = 0;
    let dBoth = 0;
    for (let e = g.outOffsets[i]!; e < g.outOffsets[i + 1]!; e++) {
      const j = g.outTargets[e]!;
      if (j === i) continue;
      stamp[j] = i;
      s[j] = 1;
      dTotal++;
    }
    for (let e = g.inOffsets[i]!; e < g.inOffsets[i + 1]!; e++) {
      const j = g.inTargets[e]!;
      if (j === i) continue;
      dTotal++;
      if (stamp[j] === i) {
        s[j] = 2;
        dBoth++;
      } else {
        stamp[j] = i;
        s[j] = 1;
      }
    }
    // t = (S³)_ii with S = A + Aᵀ (Fagiolo 2007): Σ_j S_ij Σ_k S_jk S_ki.
    let t = 0;
    const visitJ = (j: number): void => {
      const sij = weightOf(i, j);
      let inner = 0;
      for (let e = g.outOffsets[j]!; e < g.outOffsets[j + 1]!; e++) {
        const k = g.outTargets[e]!;
        if (k !== j && k !== i) inner += weightOf(i, k);
      }
      for (let e = g.inOffsets[j]!; e < g.inOffsets[j + 1]!; e++) {
        const k = g.inTargets[e]!;
        if (k !== j && k !== i) inner += weightOf(i, k);
      }
      t += sij * inner;
    };
    for (let e = g.outOffsets[i]!; e < g.outOffsets[i + 1]!; e++) {
      const j = g.outTargets[e]!;
      if (j !== i) visitJ(j);
    }
    for (let e = g.inOffsets[i]!; e < g.inOffsets[i + 1]!; e++) {
      const j = g.inTargets[e]!;
      // Reciprocal neighbours were already visited (with S_ij = 2) from the out-list.
      if (j !== i && !hasArc(g, i, j)) visitJ(j);
    }
    out[i] = t === 0 ? 0 : t / ((dTotal * (dTotal - 1) - 2 * dBoth) * 2);
  }
  return out;
}

/**
 * Local clustering coefficient of every node: the fraction of pairs of
 * neighbours that are themselves adjacent (Watts & Strogatz 1998); 0 for nodes
 * with fewer than two neighbours. Directed graphs use Fagiolo's (2007) directed
 * triangles, as networkx.
 *
 * @example
 * // Triangle a, b, c plus pendant d on c: c has 1 of 3 neighbour pairs closed.
 * localClustering(g); // Float64Array [1, 1, 1/3, 0]
 */
export function localClustering(g: Graph): Float64Array {
  if (g.directed) return directedClustering(g);
  const { closed, deg } = undirectedTriangles(g);
  const out = new Float64Array(g.n);
  for (let v = 0; v < g.n; v++) {
    const t = closed[v]!;
    const d = deg[v]!;
    out[v] = t === 0 ? 0 : t / (d * (d - 1));
  }
  return out;
}

/**
 * Number of triangles each node belongs to (undirected view).
 *
 * @example
 * triangleCounts(triangle); // Float64Array [1, 1, 1]
 */
export function triangleCounts(g: Graph): Float64Array {
  const { closed } = undirectedTriangles(toUndirected(g));
  return closed.map((t) => t / 2);
}

/**
 * Transitivity 3 × triangles / connected triples (Newman 2003); 0 when there
 * is no triangle. For directed graphs this follows networkx 2.8.8, which applies
 * the undirected formula to successor sets: Σ_v |{(u, w) ⊆ succ(v): u → w}| /
 * Σ_v d⁺(v)(d⁺(v) − 1). Use `transitivity(toUndirected(g))` for the undirected view.
 *
 * @example
 * transitivity(triangle); // 1
 */
export function transitivity(g: Graph): number {
  const { closed, deg } = undirectedTriangles(g);
  let triangles = 0;
  let triples = 0;
  for (let v = 0; v < closed.length; v++) {
    triangles += closed[v]!;
    triples += deg[v]! * (deg[v]! - 1);
  }
  return triangles === 0 ? 0 : triangles / triples;
}
