/**
 * Every figure of the network view, computed from the ties read by ties.ts. Runs in a worker
 * thread (worker.ts); pure, so it is tested directly.
 */
import {
  betweennessCentrality,
  brokerageRoles,
  buildGraph,
  componentLabels,
  createRng,
  density,
  distanceCentralities,
  eiIndex,
  eigenvectorCentrality,
  isConnected,
  localClustering,
  louvainCommunities,
  pageRank,
  PowerIterationError,
  sampledBetweennessCentrality,
  sampledBetweennessErrorBound,
  transitivity,
  weightedDegree,
  type EIIndexResult,
  type Graph,
} from '../../core/network/index.ts';
import {
  BROKERAGE_ROLE_NAMES,
  type EIFigure,
  type NetworkCommunity,
  type NetworkGrouping,
  type NetworkNode,
  type NetworkSummary,
  type NetworkView,
} from '../../shared/network.ts';
import type { RawNetwork } from './ties.ts';

/**
 * Exact betweenness costs about n·(n + m) steps; above this the view uses a sampled estimate
 * (BETWEENNESS_PIVOTS sources), with its Hoeffding error bound at 95 % confidence.
 */
export const EXACT_BETWEENNESS_WORK = 1.5e8;
export const BETWEENNESS_PIVOTS = 500;
const CONFIDENCE = 0.95;
/** Louvain's seed: the same data always gives the same communities. */
export const LOUVAIN_SEED = 1;

function eiFigure(r: EIIndexResult): EIFigure {
  return {
    external: r.external,
    internal: r.internal,
    index: Number.isNaN(r.index) ? null : r.index,
    expected: Number.isNaN(r.expected) ? null : r.expected,
  };
}

function mostCommon(values: (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  let n = 0;
  for (const [v, c] of counts)
    if (c > n || (c === n && best !== null && v < best)) [best, n] = [v, c];
  return best;
}

/**
 * Gould–Fernandez roles per node, with each tie read in both directions (the roles are defined
 * on directed two-paths). Only two-paths whose three nodes all have a group can be classified:
 * the roles are counted on the network of grouped nodes, and ungrouped nodes get none.
 */
function brokerageOfGrouped(g: Graph, groups: readonly (string | null)[]) {
  const grouped = g.ids.filter((_, v) => groups[v] !== null);
  const edges = [];
  for (let e = 0; e < g.edgeSources.length; e++) {
    const s = g.edgeSources[e]!;
    const t = g.edgeTargets[e]!;
    if (groups[s] === null || groups[t] === null || s === t) continue;
    edges.push({ source: g.ids[s]!, target: g.ids[t]! }, { source: g.ids[t]!, target: g.ids[s]! });
  }
  const sub = buildGraph({ directed: true, nodes: grouped.map((id) => ({ id })), edges });
  const result = brokerageRoles(
    sub,
    groups.filter((x) => x !== null),
  );
  const roles = Object.fromEntries(
    BROKERAGE_ROLE_NAMES.map((role) => {
      const full = new Float64Array(g.n);
      sub.ids.forEach((id, i) => (full[g.index.get(id)!] = result.roles[role][i]!));
      return [role, full];
    }),
  ) as Record<(typeof BROKERAGE_ROLE_NAMES)[number], Float64Array>;
  const total = new Float64Array(g.n);
  sub.ids.forEach((id, i) => (total[g.index.get(id)!] = result.total[i]!));
  return { roles, total, totals: result.totals };
}

export function computeNetworkView(
  raw: RawNetwork,
  group: NetworkGrouping,
  options: { exactWork?: number } = {},
): Omit<NetworkView, 'version' | 'computedMs'> {
  const g = buildGraph({
    directed: false,
    nodes: raw.nodes.map((n) => ({ id: n.id })),
    edges: raw.edges.map((e) => ({ source: e.source, target: e.target, weight: e.weight })),
  });
  const n = g.n;
  const degree = new Float64Array(n);
  for (let v = 0; v < n; v++) degree[v] = g.outOffsets[v + 1]! - g.outOffsets[v]!;
  const strength = weightedDegree(g);

  const exact =
    n * (n + g.m) <= (options.exactWork ?? EXACT_BETWEENNESS_WORK) || n <= BETWEENNESS_PIVOTS;
  const betweenness = exact
    ? betweennessCentrality(g)
    : sampledBetweennessCentrality(g, BETWEENNESS_PIVOTS, createRng(LOUVAIN_SEED));
  const { closeness, harmonic } = distanceCentralities(g);
  // Eigenvector centrality compares nodes only within one connected network.
  let eigenvector: Float64Array | null = null;
  if (n > 0 && isConnected(g))
    try {
      eigenvector = eigenvectorCentrality(g, { maxIterations: 1000 });
    } catch (error) {
      if (!(error instanceof PowerIterationError)) throw error;
    }
  const pagerank = pageRank(g, { alpha: 0.85, weighted: true, maxIterations: 1000 });
  const clustering = localClustering(g);

  const louvain = louvainCommunities(g, createRng(LOUVAIN_SEED));
  // Communities numbered by size (largest first), then by their first node, for stable colours.
  const order = louvain.communities
    .map((members, c) => ({ c, members }))
    .sort((a, b) => b.members.length - a.members.length || a.members[0]! - b.members[0]!);
  const renumber = new Int32Array(order.length);
  order.forEach((o, i) => (renumber[o.c] = i));

  const countries = raw.nodes.map((x) => x.country);
  const sectors = raw.nodes.map((x) => x.sector);
  const groups = group === 'country' ? countries : sectors;
  const brokerage = brokerageOfGrouped(g, groups);
  const eiGroup = eiIndex(g, groups);

  const labels = componentLabels(g);
  const sizes = new Map<number, number>();
  for (let v = 0; v < n; v++) sizes.set(labels[v]!, (sizes.get(labels[v]!) ?? 0) + 1);

  const nodes: NetworkNode[] = raw.nodes.map((x, v) => ({
    ...x,
    community: renumber[louvain.membership[v]!]!,
    degree: degree[v]!,
    weightedDegree: strength[v]!,
    betweenness: betweenness[v]!,
    closeness: closeness[v]!,
    harmonic: harmonic[v]!,
    eigenvector: eigenvector ? eigenvector[v]! : null,
    pagerank: pagerank[v]!,
    clustering: clustering[v]!,
    brokerage: {
      coordinator: brokerage.roles.coordinator[v]!,
      gatekeeper: brokerage.roles.gatekeeper[v]!,
      representative: brokerage.roles.representative[v]!,
      consultant: brokerage.roles.consultant[v]!,
      liaison: brokerage.roles.liaison[v]!,
      total: brokerage.total[v]!,
    },
    ei: Number.isNaN(eiGroup.byNode[v]!.index) ? null : eiGroup.byNode[v]!.index,
  }));

  const communities: NetworkCommunity[] = order.map(({ members }, id) => ({
    id,
    size: members.length,
    members: [...members]
      .sort(
        (a, b) =>
          betweenness[b]! - betweenness[a]! || (raw.nodes[a]!.label < raw.nodes[b]!.label ? -1 : 1),
      )
      .map((v) => raw.nodes[v]!.id),
    country: mostCommon(members.map((v) => countries[v]!)),
    sector: mostCommon(members.map((v) => sectors[v]!)),
  }));

  const summary: NetworkSummary = {
    nodes: n,
    edges: g.m,
    density: density(g),
    transitivity: transitivity(g),
    components: sizes.size,
    largestComponent: Math.max(0, ...sizes.values()),
    isolates: degree.filter((d) => d === 0).length,
    communities: communities.length,
    modularity: louvain.modularity,
    eiSector: eiFigure(group === 'sector' ? eiGroup : eiIndex(g, sectors)),
    eiCountry: eiFigure(group === 'country' ? eiGroup : eiIndex(g, countries)),
    betweenness: exact
      ? { method: 'exact' }
      : {
          method: 'sampled',
          pivots: BETWEENNESS_PIVOTS,
          errorBound: sampledBetweennessErrorBound(n, BETWEENNESS_PIVOTS, 1 - CONFIDENCE),
          confidence: CONFIDENCE,
        },
    brokerageTotals: Object.fromEntries(
      BROKERAGE_ROLE_NAMES.map((r) => [r, brokerage.totals[r]]),
    ) as NetworkSummary['brokerageTotals'],
    skippedGroups: raw.skippedGroups,
  };
  return {
    mode: raw.mode,
    group,
    tieKinds: raw.tieKinds,
    nodes,
    edges: raw.edges,
    communities,
    summary,
  };
}
