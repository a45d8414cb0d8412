/**
 * Network analysis engine: a compact CSR graph and the standard social-network
 * metrics, matching networkx 2.8.8 where networkx defines them.
 */
export * from './graph.ts';
export * from './graph-document.ts';
export * from './prng.ts';
export * from './degree.ts';
export * from './betweenness.ts';
export * from './closeness.ts';
export * from './clustering.ts';
export * from './pagerank.ts';
export * from './eigenvector.ts';
export * from './components.ts';
export * from './modularity.ts';
export * from './louvain.ts';
export * from './brokerage.ts';
export * from './ei-index.ts';
export * from './network-report.ts';
export * from './random-graphs.ts';
export * from './export.ts';
