/**
 * The E-I index of Krackhardt & Stern (1988, "Informal networks and
 * organizational crises: an experimental simulation", Social Psychology
 * Quarterly 51(2):123–140):
 *
 *   E-I = (E − I) / (E + I)
 *
 * where E counts ties between members of different groups (external) and I
 * ties within a group (internal). It runs from −1 (all ties internal,
 * homophily) to +1 (all ties external). Arc direction is ignored, self-loops
 * are skipped, and ties touching a node without a group are not counted.
 */
import type { Graph } from './graph.ts';

export interface EIIndexOptions {
  /** Sum edge weights instead of counting ties (default false). */
  readonly weighted?: boolean;
}

/** E-I index of one group, node or the whole network. */
export interface EIValue {
  readonly external: number;
  readonly internal: number;
  /** (E − I)/(E + I); NaN when E + I = 0. */
  readonly index: number;
}

export interface EIIndexResult extends EIValue {
  /**
   * E-I expected if ties were spread uniformly over all pairs, given the group
   * sizes (Krackhardt & Stern's baseline); NaN with fewer than two grouped nodes.
   */
  readonly expected: number;
  /** Per group: E = ties leaving the group, I = ties inside it (each tie once). */
  readonly byGroup: Readonly<Record<string, EIValue & { readonly size: number }>>;
  /** Per node: its own external and internal ties; NaN index for nodes without ties. */
  readonly byNode: readonly EIValue[];
}

function value(external: number, internal: number): EIValue {
  const sum = external + internal;
  return { external, internal, index: sum === 0 ? NaN : (external - internal) / sum };
}

/**
 * E-I index of the whole network, of each group and of each node (Krackhardt &
 * Stern 1988), for groups given per node (`null` = no group).
 *
 * @example
 * // a–b (both 'x'), b–c ('x'–'y'): one internal, one external tie.
 * eiIndex(g, ['x', 'x', 'y']).index; // 0
 */
export function eiIndex(
  g: Graph,
  groups: readonly (string | null)[],
  options: EIIndexOptions = {},
): EIIndexResult {
  if (groups.length !== g.n) {
    throw new RangeError(`groups has ${groups.length} entries for ${g.n} nodes`);
  }
  const weighted = options.weighted ?? false;
  const nodeExternal = new Float64Array(g.n);
  const nodeInternal = new Float64Array(g.n);
  const groupExternal = new Map<string, number>();
  const groupInternal = new Map<string, number>();
  const groupSize = new Map<string, number>();
  for (const group of groups) {
    if (group === null || group === undefined) continue;
    groupSize.set(group, (groupSize.get(group) ?? 0) + 1);
    groupExternal.set(group, 0);
    groupInternal.set(group, 0);
  }
  let external = 0;
  let internal = 0;
  for (let e = 0; e < g.m; e++) {
    const s = g.edgeSources[e]!;
    const t = g.edgeTargets[e]!;
    if (s === t) continue;
    const gs = groups[s];
    const gt = groups[t];
    if (gs === null || gs === undefined || gt === null || gt === undefined) continue;
    const w = weighted ? g.edgeWeights[e]! : 1;
    if (gs === gt) {
      internal += w;
      nodeInternal[s]! += w;
      nodeInternal[t]! += w;
      groupInternal.set(gs, groupInternal.get(gs)! + w);
    } else {
      external += w;
      nodeExternal[s]! += w;
      nodeExternal[t]! += w;
      groupExternal.set(gs, groupExternal.get(gs)! + w);
      groupExternal.set(gt, groupExternal.get(gt)! + w);
    }
  }

  let grouped = 0;
  let internalPairs = 0;
  for (const size of groupSize.values()) {
    grouped += size;
    internalPairs += (size * (size - 1)) / 2;
  }
  const allPairs = (grouped * (grouped - 1)) / 2;
  const expected = allPairs === 0 ? NaN : (allPairs - 2 * internalPairs) / allPairs;

  const byGroup: Record<string, EIValue & { size: number }> = {};
  for (const [group, size] of groupSize) {
    byGroup[group] = { ...value(groupExternal.get(group)!, groupInternal.get(group)!), size };
  }
  const byNode: EIValue[] = [];
  for (let v = 0; v < g.n; v++) byNode.push(value(nodeExternal[v]!, nodeInternal[v]!));
  return { ...value(external, internal), expected, byGroup, byNode };
}
