import { describe, expect, it } from 'vitest';
import { buildGraph, GraphInputError, toUndirected } from './graph.ts';
import { parseGraphDocument, partitionByAttribute } from './graph-document.ts';
import { computeNetworkReport } from './network-report.ts';

function errorOf(fn: () => unknown): GraphInputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof GraphInputError) return error;
    throw error;
  }
  throw new Error('expected a GraphInputError');
}

describe('buildGraph', () => {
  it('stores sorted CSR neighbour lists in both directions for undirected edges', () => {
    const g = buildGraph({
      nodes: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      edges: [
        { source: 'c', target: 'a' },
        { source: 'a', target: 'b', weight: 2 },
      ],
    });
    expect(g.m).toBe(2);
    expect([...g.outOffsets]).toEqual([0, 2, 3, 4]);
    expect([...g.outTargets]).toEqual([1, 2, 0, 0]);
    expect([...g.outWeights]).toEqual([2, 1, 2, 1]);
    expect(g.inTargets).toBe(g.outTargets);
    expect(g.weighted).toBe(true);
  });

  it('merges repeated edges with the last weight winning, as networkx', () => {
    const g = buildGraph({
      nodes: [{ id: 'a' }, { id: 'b' }],
      edges: [
        { source: 'a', target: 'b', weight: 1 },
        { source: 'b', target: 'a', weight: 7 },
      ],
    });
    expect(g.m).toBe(1);
    expect([...g.edgeWeights]).toEqual([7]);
  });

  it('keeps opposite arcs apart in directed graphs and exposes predecessors', () => {
    const g = buildGraph({
      directed: true,
      nodes: [{ id: 'a' }, { id: 'b' }],
      edges: [
        { source: 'a', target: 'b' },
        { source: 'b', target: 'a' },
        { source: 'a', target: 'b' },
      ],
    });
    expect(g.m).toBe(2);
    expect([...g.inTargets]).toEqual([1, 0]);
    const u = toUndirected(g);
    expect(u.directed).toBe(false);
    expect([...u.edgeWeights]).toEqual([2]);
  });

  it('names the offending edge for an unknown endpoint', () => {
    const error = errorOf(() =>
      buildGraph({ nodes: [{ id: 'a' }], edges: [{ source: 'a', target: 'zz' }] }),
    );
    expect(error.path).toBe('edges[0].target');
    expect(error.message).toContain('"zz"');
  });
});

describe('parseGraphDocument', () => {
  const valid = {
    name: 'tiny',
    nodes: [{ id: 'a', attributes: { sector: 'public' } }, { id: 'b' }, { id: 7 }],
    edges: [
      { source: 'a', target: 'b' },
      { source: 'b', target: 7 },
    ],
    metrics: { ignored: true },
  };

  it('accepts the reference format, numbers as ids, and infers weighted', () => {
    const doc = parseGraphDocument(valid);
    expect(doc.directed).toBe(false);
    expect(doc.weighted).toBe(false);
    expect(doc.nodes.map((n) => n.id)).toEqual(['a', 'b', '7']);
    expect(doc.edges[1]).toEqual({ source: 'b', target: '7' });
  });

  it.each([
    [{ ...valid, nodes: 'x' }, 'nodes', 'expected an array'],
    [{ ...valid, nodes: [{ id: '' }] }, 'nodes[0].id', 'non-empty string'],
    [{ ...valid, nodes: [{ id: 'a' }, { id: 'a' }] }, 'nodes[1].id', 'duplicate node id "a"'],
    [{ ...valid, edges: [{ source: 'a', target: 'q' }] }, 'edges[0].target', 'unknown node id "q"'],
    [
      { ...valid, edges: [{ source: 'a', target: 'b', weight: -1 }] },
      'edges[0].weight',
      'non-negative',
    ],
    [
      { ...valid, edges: [{ source: 'a', target: 'b', weight: '2' }] },
      'edges[0].weight',
      'string "2"',
    ],
    [{ ...valid, directed: 'yes' }, 'directed', 'true or false'],
    [{ ...valid, partition: [['a'], 'b'] }, 'partition[1]', 'array of node ids'],
    [[1, 2], '(root)', 'JSON object'],
  ])('rejects bad input with the field path (%#)', (input, path, text) => {
    const error = errorOf(() => parseGraphDocument(input));
    expect(error.path).toBe(path);
    expect(error.message).toContain(text);
  });

  it('derives a partition from a node attribute', () => {
    const nodes = [
      { id: 'a', attributes: { club: 'x' } },
      { id: 'b', attributes: { club: 'y' } },
      { id: 'c', attributes: { club: 'x' } },
    ];
    expect(partitionByAttribute(nodes, 'club')).toEqual([['a', 'c'], ['b']]);
    expect(errorOf(() => partitionByAttribute(nodes, 'sector')).path).toBe(
      'nodes[0].attributes.sector',
    );
  });
});

describe('computeNetworkReport', () => {
  it('adds weighted betweenness only for weighted graphs and eigenvector only when connected', () => {
    const doc = parseGraphDocument({
      nodes: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }],
      edges: [
        { source: 'a', target: 'b', weight: 2 },
        { source: 'c', target: 'd', weight: 1 },
      ],
      partition: [
        ['a', 'b'],
        ['c', 'd'],
      ],
    });
    const report = computeNetworkReport(doc);
    expect(report.metrics.betweenness_weighted_distance_normalized).toBeDefined();
    expect(report.metrics.eigenvector).toBeUndefined();
    expect(report.warnings.join()).toContain('not connected');
    expect(report.metrics.connected_components).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    // Weights 2 and 1, m = 3: Q = 2/3 + 1/3 − (4/6)² − (2/6)² = 4/9.
    expect(report.metrics.modularity_of_partition).toBeCloseTo(1 - 4 / 9 - 1 / 9, 15);
  });

  it('rejects a partition that misses or repeats nodes', () => {
    const base = { nodes: [{ id: 'a' }, { id: 'b' }], edges: [{ source: 'a', target: 'b' }] };
    expect(
      errorOf(() => computeNetworkReport(parseGraphDocument({ ...base, partition: [['a']] })))
        .message,
    ).toContain('"b" is in no community');
    expect(
      errorOf(() =>
        computeNetworkReport(parseGraphDocument({ ...base, partition: [['a', 'b'], ['a']] })),
      ).path,
    ).toBe('partition[1][0]');
  });

  it('handles directed documents', () => {
    const report = computeNetworkReport(
      parseGraphDocument({
        directed: true,
        nodes: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
        edges: [
          { source: 'a', target: 'b' },
          { source: 'b', target: 'c' },
          { source: 'c', target: 'a' },
        ],
      }),
    );
    expect(report.metrics.betweenness_raw).toEqual({ a: 1, b: 1, c: 1 });
    expect(report.metrics.density).toBe(0.5);
    expect(report.metrics.eigenvector).toBeDefined();
  });
});
