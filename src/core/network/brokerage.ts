/**
 * Brokerage roles of Gould & Fernandez (1989, "Structures of mediation: a
 * formal approach to brokerage in transaction networks", Sociological
 * Methodology 19:89–126).
 *
 * Node b brokers for a and c when a → b → c, a ≠ c and there is no direct arc
 * a → c (an open two-path). With groups g(·) the two-path is classified as:
 *
 * | role           | G&F   | groups            |
 * |----------------|-------|-------------------|
 * | coordinator    | w_I   | g(a) = g(b) = g(c) |
 * | consultant     | w_O   | g(a) = g(c) ≠ g(b) (itinerant broker) |
 * | representative | b_IO  | g(a) = g(b) ≠ g(c) |
 * | gatekeeper     | b_OI  | g(a) ≠ g(b) = g(c) |
 * | liaison        | b_O   | all three differ   |
 *
 * Counts equal those of statnet's `sna::brokerage` (raw.nli).
 */
import { hasArc, type Graph } from './graph.ts';

export const BROKERAGE_ROLES = [
  'coordinator',
  'gatekeeper',
  'representative',
  'consultant',
  'liaison',
] as const;

export type BrokerageRole = (typeof BROKERAGE_ROLES)[number];

/** Per-node counts for each role plus their sum, and whole-network totals. */
export interface BrokerageResult {
  readonly roles: Readonly<Record<BrokerageRole, Float64Array>>;
  /** Sum of the five roles per node. */
  readonly total: Float64Array;
  /** Network-wide count per role. */
  readonly totals: Readonly<Record<BrokerageRole, number>>;
}

/**
 * Gould–Fernandez brokerage role counts for every node of a directed graph,
 * given a group label per node (e.g. an organisation's sector or country).
 *
 * @example
 * // a → b → c, groups A, A, B: b is a representative (carries A's tie out to B).
 * brokerageRoles(g, ['A', 'A', 'B']).roles.representative; // Float64Array [0, 1, 0]
 */
export function brokerageRoles(g: Graph, groups: readonly (string | null)[]): BrokerageResult {
  if (!g.directed) {
    throw new RangeError(
      'brokerage roles are defined for directed graphs (Gould & Fernandez 1989)',
    );
  }
  if (groups.length !== g.n) {
    throw new RangeError(`groups has ${groups.length} entries for ${g.n} nodes`);
  }
  const label = new Int32Array(g.n);
  const codes = new Map<string, number>();
  for (let v = 0; v < g.n; v++) {
    const group = groups[v];
    if (group === null || group === undefined) {
      throw new RangeError(`node "${g.ids[v]}" has no group`);
    }
    let code = codes.get(group);
    if (code === undefined) codes.set(group, (code = codes.size));
    label[v] = code;
  }
  const coordinator = new Float64Array(g.n);
  const gatekeeper = new Float64Array(g.n);
  const representative = new Float64Array(g.n);
  const consultant = new Float64Array(g.n);
  const liaison = new Float64Array(g.n);
  for (let b = 0; b < g.n; b++) {
    const gb = label[b]!;
    for (let e = g.inOffsets[b]!; e < g.inOffsets[b + 1]!; e++) {
      const a = g.inTargets[e]!;
      if (a === b) continue;
      const ga = label[a]!;
      for (let f = g.outOffsets[b]!; f < g.outOffsets[b + 1]!; f++) {
        const c = g.outTargets[f]!;
        if (c === b || c === a || hasArc(g, a, c)) continue;
        const gc = label[c]!;
        if (ga === gb) {
          if (gb === gc) coordinator[b]!++;
          else representative[b]!++;
        } else if (gb === gc) gatekeeper[b]!++;
        else if (ga === gc) consultant[b]!++;
        else liaison[b]!++;
      }
    }
  }
  const roles = { coordinator, gatekeeper, representative, consultant, liaison };
  const total = new Float64Array(g.n);
  const totals = {} as Record<BrokerageRole, number>;
  for (const role of BROKERAGE_ROLES) {
    let sum = 0;
    const counts = roles[role];
    for (let v = 0; v < g.n; v++) {
      total[v]! += counts[v]!;
      sum += counts[v]!;
    }
    totals[role] = sum;
  }
  return { roles, total, totals };
}
