/**
 * Modularity of a partition (Newman & Girvan 2004; Newman 2006, with the
 * resolution parameter γ of Reichardt & Bornholdt 2006), computed exactly like
 * networkx 2.8.8's `community.modularity`:
 *
 *   Q = Σ_c [ L_c / m − γ · K_c^out · K_c^in / M² ]
 *
 * where L_c is the weight of edges inside community c, K_c the summed (out/in)
 * degrees of its members, and m = M/2 (undirected) or M = m (directed) the total
 * edge weight. Directed graphs use Leicht & Newman's (2008) directed modularity.
 */
import type { Graph } from './graph.ts';
import { GraphInputError } from './graph.ts';

export interface ModularityOptions {
  /** Resolution γ (default 1); larger values favour smaller communities. */
  readonly resolution?: number;
  /** Use edge weights (default true). */
  readonly weighted?: boolean;
}

/**
 * Converts a list of communities (node id lists) into a membership vector
 * (community index per node). Throws {@link GraphInputError} unless the lists
 * form a partition: every node exactly once, no unknown ids.
 *
 * @example
 * membershipFromGroups(g, [['a', 'b'], ['c']]); // Int32Array [0, 0, 1]
 */
export function membershipFromGroups(
  g: Graph,
  groups: readonly (readonly string[])[],
  path = 'partition',
): Int32Array {
  const membership = new Int32Array(g.n).fill(-1);
  for (let c = 0; c < groups.length; c++) {
    const group = groups[c]!;
    for (let i = 0; i < group.length; i++) {
      const id = group[i]!;
      const v = g.index.get(id);
      if (v === undefined)
        throw new GraphInputError(`${path}[${c}][${i}]`, `unknown node id "${id}"`);
      if (membership[v]! >= 0) {
        throw new GraphInputError(
          `${path}[${c}][${i}]`,
          `node "${id}" is already in community ${membership[v]}`,
        );
      }
      membership[v] = c;
    }
  }
  for (let v = 0; v < g.n; v++) {
    if (membership[v]! < 0) {
      throw new GraphInputError(path, `node "${g.ids[v]}" is in no community`);
    }
  }
  return membership;
}

/**
 * Converts a membership vector into communities (ascending node indices,
 * ordered by community label; empty labels dropped).
 *
 * @example
 * groupsFromMembership(Int32Array.of(1, 0, 1)); // [[1], [0, 2]]
 */
export function groupsFromMembership(membership: ArrayLike<number>): number[][] {
  const byLabel = new Map<number, number[]>();
  for (let v = 0; v < membership.length; v++) {
    const c = membership[v]!;
    let list = byLabel.get(c);
    if (list === undefined) byLabel.set(c, (list = []));
    list.push(v);
  }
  return [...byLabel.entries()].sort((a, b) => a[0] - b[0]).map((entry) => entry[1]);
}

/**
 * Modularity of the partition given as a membership vector (community label per
 * node). Returns NaN for a graph without edge weight (modularity is undefined).
 *
 * @example
 * // Two triangles joined by one edge, split into the two triangles:
 * modularity(g, Int32Array.of(0, 0, 0, 1, 1, 1)); // 5/14 ≈ 0.357
 */
export function modularity(
  g: Graph,
  membership: ArrayLike<number>,
  options: ModularityOptions = {},
): number {
  const gamma = options.resolution ?? 1;
  const weighted = options.weighted ?? true;
  if (membership.length !== g.n) {
    throw new RangeError(`membership has ${membership.length} entries for ${g.n} nodes`);
  }
  let communities = 0;
  for (let v = 0; v < g.n; v++) {
    const c = membership[v]!;
    if (!Number.isInteger(c) || c < 0) throw new RangeError(`invalid community label ${c}`);
    if (c + 1 > communities) communities = c + 1;
  }
  const inside = new Float64Array(communities);
  const outSum = new Float64Array(communities);
  const inSum = new Float64Array(communities);
  let total = 0;
  for (let e = 0; e < g.m; e++) {
    const s = g.edgeSources[e]!;
    const t = g.edgeTargets[e]!;
    const w = weighted ? g.edgeWeights[e]! : 1;
    const cs = membership[s]!;
    const ct = membership[t]!;
    if (cs === ct) inside[cs]! += w;
    outSum[cs]! += w;
    inSum[ct]! += w;
    total += w;
  }
  if (total === 0) return NaN;
  let q = 0;
  if (g.directed) {
    const norm = 1 / (total * total);
    for (let c = 0; c < communities; c++) {
      q += inside[c]! / total - gamma * outSum[c]! * inSum[c]! * norm;
    }
  } else {
    // Undirected degree of a community = out + in end counts; m = total.
    const degSum = 2 * total;
    const norm = 1 / (degSum * degSum);
    for (let c = 0; c < communities; c++) {
      const k = outSum[c]! + inSum[c]!;
      q += inside[c]! / total - gamma * k * k * norm;
    }
  }
  return q;
}
