import { readFileSync } from 'node:fs';
import { Option } from 'commander';
import type { Command } from 'commander';
import { GraphInputError } from '../core/network/graph.ts';
import { parseGraphDocument, partitionByAttribute } from '../core/network/graph-document.ts';
import type { GraphDocument } from '../core/network/graph-document.ts';
import { computeNetworkReport } from '../core/network/network-report.ts';
import type { NetworkReport } from '../core/network/network-report.ts';

interface MetricsOptions {
  readonly graph: string;
  readonly format: 'json' | 'text';
  readonly partitionAttribute?: string;
}

/** Reads and validates a graph file; returns an error message instead of throwing. */
function loadDocument(file: string): GraphDocument | string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return `cannot read graph file ${file}: ${(error as Error).message}`;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return `${file} is not valid JSON: ${(error as Error).message}`;
  }
  try {
    return parseGraphDocument(json);
  } catch (error) {
    if (error instanceof GraphInputError) return `invalid graph in ${file}: ${error.message}`;
    throw error;
  }
}

function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return value.toFixed(6);
}

const TEXT_COLUMNS: readonly (readonly [string, string])[] = [
  ['degree', 'degree'],
  ['betweenness_normalized', 'betweenness'],
  ['closeness', 'closeness'],
  ['harmonic', 'harmonic'],
  ['clustering', 'clustering'],
  ['pagerank_0.85', 'pagerank'],
  ['eigenvector', 'eigenvector'],
  ['betweenness_weighted_distance_normalized', 'betw. weighted'],
];

/** Human-readable report: scalar metrics, components, then one row per node. */
export function formatNetworkReportText(doc: GraphDocument, report: NetworkReport): string {
  const { metrics } = report;
  const lines: string[] = [];
  const components = metrics.connected_components as string[][];
  lines.push(
    `Network ${doc.name ?? '(unnamed)'}: ${doc.nodes.length} nodes, ${doc.edges.length} edges, ` +
      `${doc.directed ? 'directed' : 'undirected'}, ${doc.weighted ? 'weighted' : 'unweighted'}`,
  );
  for (const key of ['density', 'transitivity', 'modularity_of_partition']) {
    const value = metrics[key];
    if (typeof value === 'number') lines.push(`${key}: ${formatNumber(value)}`);
  }
  lines.push(
    `connected_components: ${components.length} (sizes ${components.map((c) => c.length).join(', ')})`,
  );
  for (const warning of report.warnings) lines.push(`note: ${warning}`);

  const columns = TEXT_COLUMNS.filter(([key]) => metrics[key] !== undefined);
  const header = ['node', ...columns.map(([, label]) => label)];
  const rows = doc.nodes.map((node) => [
    node.id,
    ...columns.map(([key]) => formatNumber((metrics[key] as Record<string, number>)[node.id]!)),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const render = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  lines.push('', render(header), ...rows.map(render));
  return lines.join('\n') + '\n';
}

/** Registers `connective network metrics`. */
export function registerNetworkCommand(program: Command): void {
  const network = program
    .command('network')
    .description('Social network analysis of collaboration graphs');

  network
    .command('metrics')
    .description(
      'Compute centralities, clustering, components, density and modularity for a graph JSON file ' +
        '(values match networkx 2.8.8)',
    )
    .requiredOption('--graph <file>', 'graph JSON file: { directed, nodes, edges, partition? }')
    .addOption(
      new Option('--format <format>', 'output format').choices(['json', 'text']).default('text'),
    )
    .option(
      '--partition-attribute <name>',
      'compute modularity_of_partition for the partition by this node attribute ' +
        "(instead of the file's partition)",
    )
    .action((options: MetricsOptions) => {
      const loaded = loadDocument(options.graph);
      if (typeof loaded === 'string') {
        process.stderr.write(`connective network metrics: ${loaded}\n`);
        process.exitCode = 1;
        return;
      }
      let doc = loaded;
      let report: NetworkReport;
      try {
        if (options.partitionAttribute !== undefined) {
          doc = { ...doc, partition: partitionByAttribute(doc.nodes, options.partitionAttribute) };
        }
        report = computeNetworkReport(doc);
      } catch (error) {
        if (error instanceof GraphInputError || error instanceof RangeError) {
          process.stderr.write(
            `connective network metrics: invalid graph in ${options.graph}: ${error.message}\n`,
          );
          process.exitCode = 1;
          return;
        }
        throw error;
      }
      if (options.format === 'json') {
        process.stdout.write(`${JSON.stringify({ metrics: report.metrics })}\n`);
        for (const warning of report.warnings) process.stderr.write(`note: ${warning}\n`);
      } else {
        process.stdout.write(formatNetworkReportText(doc, report));
      }
    });
}
