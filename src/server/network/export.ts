/**
 * The network view as files: GraphML and GEXF (Gephi, Cytoscape, igraph, networkx read both),
 * a CSV node table with every metric, and a CSV list of ties.
 */
import {
  toEdgeCsv,
  toGEXF,
  toGraphML,
  toNodeCsv,
  type ExportNetwork,
} from '../../core/network/export.ts';
import type { NetworkExportFormat, NetworkView } from '../../shared/network.ts';
import { BROKERAGE_ROLE_NAMES } from '../../shared/network.ts';

export function exportNetwork(view: NetworkView): ExportNetwork {
  return {
    directed: false,
    // Columns that may be empty for every node are still declared with their type.
    attributeTypes: {
      node: { country: 'string', sector: 'string', eigenvector: 'double', ei_index: 'double' },
    },
    nodes: view.nodes.map((n) => ({
      id: n.id,
      label: n.label,
      attributes: {
        kind: n.kind,
        country: n.country,
        sector: n.sector,
        community: n.community,
        degree: n.degree,
        weighted_degree: n.weightedDegree,
        betweenness: n.betweenness,
        closeness: n.closeness,
        harmonic: n.harmonic,
        eigenvector: n.eigenvector,
        pagerank: n.pagerank,
        clustering: n.clustering,
        ...Object.fromEntries(BROKERAGE_ROLE_NAMES.map((r) => [r, n.brokerage[r]])),
        brokerage: n.brokerage.total,
        ei_index: n.ei,
      },
    })),
    edges: view.edges.map((e) => ({
      source: e.source,
      target: e.target,
      weight: e.weight,
      attributes: { kinds: e.kinds.join(' ') },
    })),
  };
}

const FORMATS: Record<
  NetworkExportFormat,
  { type: string; extension: string; write: (net: ExportNetwork) => string }
> = {
  graphml: { type: 'application/graphml+xml', extension: 'graphml', write: toGraphML },
  gexf: { type: 'application/gexf+xml', extension: 'gexf', write: toGEXF },
  csv: { type: 'text/csv', extension: 'nodes.csv', write: toNodeCsv },
  'csv-ties': { type: 'text/csv', extension: 'ties.csv', write: toEdgeCsv },
};

/** The file for one format, with its media type and a name that says what it holds. */
export function networkExport(view: NetworkView, format: NetworkExportFormat) {
  const f = FORMATS[format];
  return {
    contentType: `${f.type}; charset=utf-8`,
    filename: `connective-network-${view.mode}-${view.version}.${f.extension}`,
    body: f.write(exportNetwork(view)),
  };
}
