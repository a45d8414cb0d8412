import { readFileSync } from 'node:fs';
import { Option } from 'commander';
import type { Command } from 'commander';
import { toCsv } from '../core/csv.ts';
import { GraphInputError } from '../core/network/graph.ts';
import { parseGraphDocument, partitionByAttribute } from '../core/network/graph-document.ts';
import type { GraphDocument } from '../core/network/graph-document.ts';
import { computeNetworkReport } from '../core/network/network-report.ts';
import type { NetworkReport } from '../core/network/network-report.ts';

interface MetricsOptions {
  readonly graph: string;
  readonly format: 'json' | 'text' | 'csv';
  readonly partitionAttribute?: string;
}

/**
 * Where a JSON text first goes wrong: the offset of the first character that no valid JSON can
 * continue with (null when the text is merely cut short). Node 20's JSON.parse does not always
 * say; a prefix that parses, or fails only for ending early, is fine so far, so a binary search
 * finds the shortest prefix that fails for another reason.
 */
export function jsonErrorOffset(text: string): number | null {
  const badPrefix = (k: number) => {
    try {
      JSON.parse(text.slice(0, k));
      return false;
    } catch (error) {
      const message = (error as Error).message;
      if (/end of JSON input/i.test(message)) return false;
      // "Expected ',' or '}' … at position k": the prefix only ran out.
      const at = /at position (\d+)/.exec(message);
      return !(at && Number(at[1]) >= k);
    }
  };
  if (!badPrefix(text.length)) return null;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (badPrefix(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo - 1;
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
    const at = jsonErrorOffset(text);
    if (at === null) return `${file} is not valid JSON: ${(error as Error).message}`;
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    return `${file}: line ${line}, column ${column}: not valid JSON (unexpected ${JSON.stringify(text[at])})`;
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

/**
 * The node table as CSV: one row per node, one column per node-valued metric (full precision),
 * so it opens in a spreadsheet or R.
 */
export function formatNetworkReportCsv(doc: GraphDocument, report: NetworkReport): string {
  const keys = Object.keys(report.metrics).filter((key) => {
    const value = report.metrics[key];
    return typeof value === 'object' && !Array.isArray(value);
  });
  return toCsv(
    ['node', ...keys],
    doc.nodes.map((node) => [
      node.id,
      ...keys.map((key) => (report.metrics[key] as Record<string, number>)[node.id] ?? null),
    ]),
  );
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
      new Option(
        '--format <format>',
        'output format: json (metric keys as networkx), text, csv (node table)',
      )
        .choices(['json', 'text', 'csv'])
        .default('text'),
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
      } else if (options.format === 'csv') {
        process.stdout.write(formatNetworkReportCsv(doc, report));
      } else {
        process.stdout.write(formatNetworkReportText(doc, report));
      }
    });
}
