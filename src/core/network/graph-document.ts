/**
 * Validation of the JSON graph document exchanged with the CLI and the
 * networkx reference files:
 *
 * ```json
 * { "name": "karate", "directed": false, "weighted": true,
 *   "nodes": [{ "id": "0", "attributes": { "club": "Mr. Hi" } }],
 *   "edges": [{ "source": "0", "target": "1", "weight": 4 }],
 *   "partition": [["0", "1"], ["2"]] }
 * ```
 *
 * Any other top-level field (such as reference `metrics`) is ignored.
 */
import { GraphInputError } from './graph.ts';
import type { EdgeInput, GraphInput, NodeInput } from './graph.ts';

/** A validated graph document. */
export interface GraphDocument extends GraphInput {
  readonly name?: string;
  readonly directed: boolean;
  /** The document's `weighted` flag, or whether any edge has a weight. */
  readonly weighted: boolean;
  readonly nodes: readonly NodeInput[];
  readonly edges: readonly EdgeInput[];
  readonly partition?: readonly (readonly string[])[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

function readId(value: unknown, path: string): string {
  if (typeof value === 'string' && value.length > 0) return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new GraphInputError(path, `expected a non-empty string node id, got ${describe(value)}`);
}

/**
 * Checks an untrusted parsed JSON value and returns a {@link GraphDocument}.
 * Throws {@link GraphInputError} naming the first offending field, e.g.
 * `edges[3].target: unknown node id "x"`.
 *
 * @example
 * const doc = parseGraphDocument(JSON.parse(text));
 * const g = buildGraph(doc);
 */
export function parseGraphDocument(value: unknown): GraphDocument {
  if (!isRecord(value)) {
    throw new GraphInputError('(root)', `expected a JSON object, got ${describe(value)}`);
  }
  const { name, directed, weighted, nodes, edges, partition } = value;
  if (name !== undefined && typeof name !== 'string') {
    throw new GraphInputError('name', `expected a string, got ${describe(name)}`);
  }
  if (directed !== undefined && typeof directed !== 'boolean') {
    throw new GraphInputError('directed', `expected true or false, got ${describe(directed)}`);
  }
  if (weighted !== undefined && typeof weighted !== 'boolean') {
    throw new GraphInputError('weighted', `expected true or false, got ${describe(weighted)}`);
  }
  if (!Array.isArray(nodes)) {
    throw new GraphInputError('nodes', `expected an array of nodes, got ${describe(nodes)}`);
  }
  if (!Array.isArray(edges)) {
    throw new GraphInputError('edges', `expected an array of edges, got ${describe(edges)}`);
  }

  const known = new Map<string, number>();
  const outNodes: NodeInput[] = [];
  nodes.forEach((node: unknown, i) => {
    const path = `nodes[${i}]`;
    if (!isRecord(node))
      throw new GraphInputError(path, `expected an object, got ${describe(node)}`);
    const id = readId(node.id, `${path}.id`);
    const first = known.get(id);
    if (first !== undefined) {
      throw new GraphInputError(
        `${path}.id`,
        `duplicate node id "${id}" (first at nodes[${first}])`,
      );
    }
    known.set(id, i);
    const attributes = node.attributes;
    if (attributes !== undefined && !isRecord(attributes)) {
      throw new GraphInputError(
        `${path}.attributes`,
        `expected an object, got ${describe(attributes)}`,
      );
    }
    outNodes.push({ id, attributes: attributes ?? {} });
  });

  let anyWeight = false;
  const outEdges: EdgeInput[] = [];
  edges.forEach((edge: unknown, i) => {
    const path = `edges[${i}]`;
    if (!isRecord(edge))
      throw new GraphInputError(path, `expected an object, got ${describe(edge)}`);
    const source = readId(edge.source, `${path}.source`);
    const target = readId(edge.target, `${path}.target`);
    if (!known.has(source)) {
      throw new GraphInputError(`${path}.source`, `unknown node id "${source}" (not in nodes)`);
    }
    if (!known.has(target)) {
      throw new GraphInputError(`${path}.target`, `unknown node id "${target}" (not in nodes)`);
    }
    const weight = edge.weight;
    if (weight === undefined || weight === null) {
      outEdges.push({ source, target });
      return;
    }
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
      throw new GraphInputError(
        `${path}.weight`,
        `expected a non-negative finite number, got ${describe(weight)}`,
      );
    }
    anyWeight = true;
    outEdges.push({ source, target, weight });
  });

  let outPartition: string[][] | undefined;
  if (partition !== undefined && partition !== null) {
    if (!Array.isArray(partition)) {
      throw new GraphInputError(
        'partition',
        `expected an array of node id lists, got ${describe(partition)}`,
      );
    }
    outPartition = partition.map((community: unknown, c) => {
      if (!Array.isArray(community)) {
        throw new GraphInputError(
          `partition[${c}]`,
          `expected an array of node ids, got ${describe(community)}`,
        );
      }
      return community.map((id: unknown, i) => readId(id, `partition[${c}][${i}]`));
    });
  }

  return {
    ...(name === undefined ? {} : { name }),
    directed: directed ?? false,
    weighted: weighted ?? anyWeight,
    nodes: outNodes,
    edges: outEdges,
    ...(outPartition === undefined ? {} : { partition: outPartition }),
  };
}

/**
 * Partition of the nodes by an attribute value: one community per distinct
 * value, in order of first appearance. Throws {@link GraphInputError} for a
 * node without a string or number value.
 *
 * @example
 * partitionByAttribute(doc.nodes, 'club'); // [['0', '1', …], ['9', …]]
 */
export function partitionByAttribute(nodes: readonly NodeInput[], attribute: string): string[][] {
  const groups = new Map<string, string[]>();
  nodes.forEach((node, i) => {
    const value = node.attributes?.[attribute];
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new GraphInputError(
        `nodes[${i}].attributes.${attribute}`,
        `node "${node.id}" has no value for attribute "${attribute}"`,
      );
    }
    const key = String(value);
    let list = groups.get(key);
    if (list === undefined) groups.set(key, (list = []));
    list.push(node.id);
  });
  return [...groups.values()];
}
