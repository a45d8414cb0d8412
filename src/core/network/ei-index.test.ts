import { describe, expect, it } from 'vitest';
import { eiIndex } from './ei-index.ts';
import { buildGraph } from './graph.ts';

describe('E-I index (Krackhardt & Stern 1988)', () => {
  // a, b in X; c, d in Y; e without a group.
  // Ties: a–b (internal), a–c, b–c (external), c–d (internal), d–e (unclassified).
  const g = buildGraph({
    nodes: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id })),
    edges: [
      { source: 'a', target: 'b', weight: 3 },
      { source: 'a', target: 'c' },
      { source: 'b', target: 'c' },
      { source: 'c', target: 'd' },
      { source: 'd', target: 'e' },
    ],
  });
  const groups = ['X', 'X', 'Y', 'Y', null];

  it('balances two external against two internal ties at 0', () => {
    const result = eiIndex(g, groups);
    expect(result.external).toBe(2);
    expect(result.internal).toBe(2);
    expect(result.index).toBe(0);
  });

  it('reports each group from its members’ ties', () => {
    const { byGroup } = eiIndex(g, groups);
    expect(byGroup.X).toEqual({ external: 2, internal: 1, index: 1 / 3, size: 2 });
    expect(byGroup.Y).toEqual({ external: 2, internal: 1, index: 1 / 3, size: 2 });
  });

  it('reports each node, NaN when it has no classified ties', () => {
    const { byNode } = eiIndex(g, groups);
    expect(byNode.map((v) => v.index)).toEqual([0, 0, 1 / 3, -1, NaN]);
  });

  it('gives the baseline expected from group sizes', () => {
    // 4 grouped nodes, 6 pairs, 2 of them within a group: (4 − 2)/6.
    expect(eiIndex(g, groups).expected).toBeCloseTo(1 / 3, 15);
  });

  it('sums weights when weighted', () => {
    const result = eiIndex(g, groups, { weighted: true });
    expect(result.internal).toBe(4);
    expect(result.index).toBeCloseTo(-2 / 6, 15);
  });

  it('spans −1 (all internal) to +1 (all external)', () => {
    expect(eiIndex(g, ['X', 'X', 'X', 'X', 'X']).index).toBe(-1);
    const bipartite = buildGraph({
      nodes: [{ id: 'p' }, { id: 'q' }],
      edges: [{ source: 'p', target: 'q' }],
    });
    expect(eiIndex(bipartite, ['x', 'y']).index).toBe(1);
  });
});
