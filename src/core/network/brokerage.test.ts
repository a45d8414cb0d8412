import { describe, expect, it } from 'vitest';
import { brokerageRoles } from './brokerage.ts';
import type { BrokerageRole } from './brokerage.ts';
import { buildGraph } from './graph.ts';
import type { Graph } from './graph.ts';

function digraph(ids: string[], arcs: [string, string][]): Graph {
  return buildGraph({
    directed: true,
    nodes: ids.map((id) => ({ id })),
    edges: arcs.map(([source, target]) => ({ source, target })),
  });
}

function rolesOf(
  result: ReturnType<typeof brokerageRoles>,
  v: number,
): Partial<Record<BrokerageRole, number>> {
  const out: Partial<Record<BrokerageRole, number>> = {};
  for (const [role, counts] of Object.entries(result.roles)) {
    if (counts[v]! > 0) out[role as BrokerageRole] = counts[v]!;
  }
  return out;
}

describe('Gould–Fernandez brokerage roles', () => {
  it('names each of the five roles on a single two-path', () => {
    const cases: [string, [string, string, string], BrokerageRole][] = [
      ['coordinator', ['A', 'A', 'A'], 'coordinator'],
      ['consultant (itinerant)', ['A', 'B', 'A'], 'consultant'],
      ['representative', ['A', 'A', 'B'], 'representative'],
      ['gatekeeper', ['A', 'B', 'B'], 'gatekeeper'],
      ['liaison', ['A', 'B', 'C'], 'liaison'],
    ];
    for (const [, groups, role] of cases) {
      const g = digraph(
        ['a', 'b', 'c'],
        [
          ['a', 'b'],
          ['b', 'c'],
        ],
      );
      const result = brokerageRoles(g, groups);
      expect(rolesOf(result, 1)).toEqual({ [role]: 1 });
      expect(result.total[0]).toBe(0);
      expect(result.total[2]).toBe(0);
    }
  });

  it('ignores two-paths closed by a direct tie', () => {
    const g = digraph(
      ['a', 'b', 'c'],
      [
        ['a', 'b'],
        ['b', 'c'],
        ['a', 'c'],
      ],
    );
    expect(brokerageRoles(g, ['A', 'A', 'A']).total[1]).toBe(0);
    // The reverse tie c → a does not close a → b → c.
    const reverse = digraph(
      ['a', 'b', 'c'],
      [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
      ],
    );
    expect(brokerageRoles(reverse, ['A', 'A', 'A']).total[1]).toBe(1);
  });

  it('matches a hand count on a four-node network with two groups', () => {
    // A→B, A→C, B→C, B→D, C→D, D→A; groups {A, B} = 1, {C, D} = 2.
    // Open two-paths: D→A→B (gatekeeper A), D→A→C (consultant A),
    // A→B→D (representative B), A→C→D (gatekeeper C),
    // B→D→A (consultant D), C→D→A (representative D).
    const g = digraph(
      ['A', 'B', 'C', 'D'],
      [
        ['A', 'B'],
        ['A', 'C'],
        ['B', 'C'],
        ['B', 'D'],
        ['C', 'D'],
        ['D', 'A'],
      ],
    );
    const result = brokerageRoles(g, ['1', '1', '2', '2']);
    expect(rolesOf(result, 0)).toEqual({ gatekeeper: 1, consultant: 1 });
    expect(rolesOf(result, 1)).toEqual({ representative: 1 });
    expect(rolesOf(result, 2)).toEqual({ gatekeeper: 1 });
    expect(rolesOf(result, 3)).toEqual({ consultant: 1, representative: 1 });
    expect(result.totals).toEqual({
      coordinator: 0,
      gatekeeper: 2,
      representative: 2,
      consultant: 2,
      liaison: 0,
    });
  });

  it('counts each ordered pair a → b → c separately', () => {
    // Mutual ties a ⇄ b ⇄ c: b brokers a→c and c→a.
    const g = digraph(
      ['a', 'b', 'c'],
      [
        ['a', 'b'],
        ['b', 'a'],
        ['b', 'c'],
        ['c', 'b'],
      ],
    );
    const result = brokerageRoles(g, ['x', 'y', 'z']);
    expect(rolesOf(result, 1)).toEqual({ liaison: 2 });
  });

  it('refuses undirected graphs and missing groups', () => {
    const undirected = buildGraph({ nodes: [{ id: 'a' }], edges: [] });
    expect(() => brokerageRoles(undirected, ['x'])).toThrow(/directed/);
    const g = digraph(['a', 'b'], [['a', 'b']]);
    expect(() => brokerageRoles(g, ['x', null])).toThrow(/"b" has no group/);
  });
});
