/**
 * The standard metric set of `connective network metrics`, keyed exactly like
 * the networkx 2.8.8 reference files (see fixtures/SOURCE.md). Node-valued
 * metrics are objects keyed by node id.
 */
import { betweennessCentrality, normalizeBetweenness } from './betweenness.ts';
import { distanceCentralities } from './closeness.ts';
import { localClustering, transitivity } from './clustering.ts';
import { connectedComponents, isConnected, stronglyConnectedComponents } from './components.ts';
import { degree, degreeCentrality, density } from './degree.ts';
import { eigenvectorCentrality } from './eigenvector.ts';
import { buildGraph, byNodeId, GraphInputError } from './graph.ts';
import type { Graph } from './graph.ts';
import type { GraphDocument } from './graph-document.ts';
import { membershipFromGroups, modularity } from './modularity.ts';
import { pageRank, PowerIterationError } from './pagerank.ts';

/**
 * Power-iteration settings of the report. The networkx reference values are
 * fully converged (numpy/scipy eigen-solvers), so iterate to 1e-14 per node
 * instead of networkx's default 1e-6; the result then agrees to ~1e-12.
 */
export const CONVERGED_ITERATION = { tolerance: 1e-14, maxIterations: 10_000 } as const;

export type NodeValues = Record<string, number>;

/** Metric values in the reference-file layout. */
export type NetworkMetrics = Record<string, NodeValues | number | string[][]>;

export interface NetworkReport {
  readonly metrics: NetworkMetrics;
  /** Metrics that were skipped, and why. */
  readonly warnings: string[];
}

/**
 * Connected components as sorted lists of node ids, the lists sorted too.
 *
 * @example
 * componentIdLists(g); // [['a', 'b'], ['c']]
 */
export function componentIdLists(g: Graph): string[][] {
  const lists = connectedComponents(g).map((component) =>
    component.map((v) => g.ids[v]!).sort(compareStrings),
  );
  return lists.sort(compareLists);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareLists(a: readonly string[], b: readonly string[]): number {
  const len = Math.min(a.length, b.length);
  for (let i = 0; i < len; i++) {
    const c = compareStrings(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/**
 * Computes every metric of the reference files for a validated document:
 * degree, degree_centrality, betweenness (raw and normalised, Brandes 2001),
 * closeness, harmonic, clustering, pagerank_0.85, connected_components,
 * density, transitivity, eigenvector (connected graphs only; unweighted, as
 * networkx's default weight=None and the reference files),
 * betweenness_weighted_distance_normalized (weighted graphs only) and
 * modularity_of_partition (Newman 2006; when the document has a partition).
 *
 * @example
 * const { metrics } = computeNetworkReport(parseGraphDocument(json));
 * metrics.density; // 0.139… for Zachary's karate club
 */
export function computeNetworkReport(doc: GraphDocument): NetworkReport {
  const g = buildGraph(doc);
  const warnings: string[] = [];
  const metrics: NetworkMetrics = {};
  // Validate the partition before the expensive work so bad input fails fast.
  const membership =
    doc.partition === undefined ? undefined : membershipFromGroups(g, doc.partition);

  metrics.degree = byNodeId(g, degree(g));
  metrics.degree_centrality = byNodeId(g, degreeCentrality(g));
  const betweennessRaw = betweennessCentrality(g, { normalized: false });
  metrics.betweenness_normalized = byNodeId(g, normalizeBetweenness(g, betweennessRaw));
  metrics.betweenness_raw = byNodeId(g, betweennessRaw);
  const { closeness, harmonic } = distanceCentralities(g);
  metrics.closeness = byNodeId(g, closeness);
  metrics.harmonic = byNodeId(g, harmonic);
  metrics.clustering = byNodeId(g, localClustering(g));
  try {
    metrics['pagerank_0.85'] = byNodeId(
      g,
      pageRank(g, { alpha: 0.85, weighted: true, ...CONVERGED_ITERATION }),
    );
  } catch (error) {
    if (!(error instanceof PowerIterationError)) throw error;
    warnings.push(`pagerank_0.85 skipped: ${error.message}`);
  }
  metrics.connected_components = componentIdLists(g);
  metrics.density = density(g);
  metrics.transitivity = transitivity(g);

  const connected = g.directed
    ? g.n > 0 && stronglyConnectedComponents(g).length === 1
    : isConnected(g);
  if (connected) {
    try {
      metrics.eigenvector = byNodeId(
        g,
        eigenvectorCentrality(g, { weighted: false, ...CONVERGED_ITERATION }),
      );
    } catch (error) {
      if (!(error instanceof PowerIterationError)) throw error;
      warnings.push(`eigenvector skipped: ${error.message}`);
    }
  } else {
    warnings.push('eigenvector skipped: the graph is not connected');
  }

  if (doc.weighted) {
    const zero = doc.edges.findIndex((edge) => edge.weight === 0);
    if (zero >= 0) {
      throw new GraphInputError(
        `edges[${zero}].weight`,
        'weight 0 cannot be used as a distance (betweenness_weighted_distance_normalized); ' +
          'use positive weights',
      );
    }
    metrics.betweenness_weighted_distance_normalized = byNodeId(
      g,
      betweennessCentrality(g, { normalized: true, weighted: true }),
    );
  }
  if (membership !== undefined) {
    metrics.modularity_of_partition = modularity(g, membership, { resolution: 1 });
  }
  return { metrics, warnings };
}
