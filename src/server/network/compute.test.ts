import { describe, expect, it } from 'vitest';
import { barabasiAlbert, betweennessCentrality, createRng } from '../../core/network/index.ts';
import { computeNetworkView } from './compute.ts';
import type { RawNetwork, RawNode } from './ties.ts';

function node(id: string, country: string | null, sector: string | null = null): RawNode {
  return { id, label: id.toUpperCase(), kind: 'partner', href: null, country, sector };
}

function network(nodes: RawNode[], ties: [string, string, number?][]): RawNetwork {
  return {
    mode: 'organisations',
    tieKinds: ['case'],
    nodes,
    edges: ties.map(([source, target, weight]) => ({
      source,
      target,
      weight: weight ?? 1,
      kinds: ['case'],
    })),
    skippedGroups: [],
  };
}

describe('the network view', () => {
  it('puts a star’s centre on every shortest path and its leaves on none', () => {
    const leaves = ['b', 'c', 'd', 'e'];
    const view = computeNetworkView(
      network(
        [node('a', 'NL'), ...leaves.map((l) => node(l, 'NL'))],
        leaves.map((l) => ['a', l]),
      ),
      'country',
    );
    const centre = view.nodes.find((n) => n.id === 'a')!;
    expect(centre.betweenness).toBe(1);
    expect(centre.degree).toBe(4);
    for (const l of view.nodes.filter((n) => n.id !== 'a')) expect(l.betweenness).toBe(0);
    expect(view.summary).toMatchObject({ nodes: 5, edges: 4, components: 1, isolates: 0 });
    expect(view.summary.betweenness).toEqual({ method: 'exact' });
  });

  it('gives a path’s ends zero betweenness and counts isolates and components', () => {
    const view = computeNetworkView(
      network(
        [node('a', 'NL'), node('b', 'NL'), node('c', 'NL'), node('z', 'BE')],
        [
          ['a', 'b'],
          ['b', 'c'],
        ],
      ),
      'country',
    );
    const by = Object.fromEntries(view.nodes.map((n) => [n.id, n]));
    expect(by.a!.betweenness).toBe(0);
    expect(by.c!.betweenness).toBe(0);
    expect(by.b!.betweenness).toBeGreaterThan(0);
    expect(view.summary).toMatchObject({ components: 2, largestComponent: 3, isolates: 1 });
    // Not connected: eigenvector centrality would compare nodes across separate networks.
    expect(by.z!.eigenvector).toBeNull();
  });

  it('names a broker between two countries a liaison or gatekeeper and measures cross-border ties', () => {
    // a (NL) – b (BE) – c (DE): b brokers between two other countries (liaison, both ways).
    // b – d (BE) – c: d also connects b to c, but b–c has no direct tie.
    const view = computeNetworkView(
      network(
        [node('a', 'NL', '01'), node('b', 'BE', '01'), node('c', 'DE', '07')],
        [
          ['a', 'b'],
          ['b', 'c'],
        ],
      ),
      'country',
    );
    const b = view.nodes.find((n) => n.id === 'b')!;
    expect(b.brokerage).toMatchObject({ liaison: 2, coordinator: 0, total: 2 });
    expect(view.summary.brokerageTotals.liaison).toBe(2);
    // Both ties cross a border; one of two crosses sectors.
    expect(view.summary.eiCountry).toMatchObject({ external: 2, internal: 0, index: 1 });
    expect(view.summary.eiSector).toMatchObject({ external: 1, internal: 1, index: 0 });
    // Grouped by sector, b sits in a's sector: a → b → c is a representative's path.
    const bySector = computeNetworkView(
      network(
        [node('a', 'NL', '01'), node('b', 'BE', '01'), node('c', 'DE', '07')],
        [
          ['a', 'b'],
          ['b', 'c'],
        ],
      ),
      'sector',
    );
    expect(bySector.nodes.find((n) => n.id === 'b')!.brokerage).toMatchObject({
      representative: 1,
      gatekeeper: 1,
      total: 2,
    });
  });

  it('finds two cliques joined by one tie as two communities, the same every time', () => {
    const ids = ['a1', 'a2', 'a3', 'a4', 'b1', 'b2', 'b3', 'b4'];
    const ties: [string, string][] = [];
    for (const side of ['a', 'b'])
      for (let i = 1; i <= 4; i++)
        for (let j = i + 1; j <= 4; j++) ties.push([`${side}${i}`, `${side}${j}`]);
    ties.push(['a1', 'b1']);
    const raw = network(
      ids.map((id) => node(id, 'NL')),
      ties,
    );
    const view = computeNetworkView(raw, 'country');
    expect(view.summary.communities).toBe(2);
    expect(view.communities.map((c) => c.size)).toEqual([4, 4]);
    const community = Object.fromEntries(view.nodes.map((n) => [n.id, n.community]));
    expect(community.a2).toBe(community.a3);
    expect(community.a2).not.toBe(community.b2);
    expect(view.summary.modularity).toBeGreaterThan(0.3);
    // The bridge ends are the most central members of their communities.
    expect(view.communities.map((c) => c.members[0]).sort()).toEqual(['a1', 'b1']);
    expect(computeNetworkView(raw, 'country')).toEqual(view);
  });

  it('estimates betweenness from pivots on a large network and states the error bound', () => {
    const g = barabasiAlbert(800, 2, createRng(3));
    const nodes = g.ids.map((id) => node(id, null));
    const ties: [string, string][] = [];
    for (let e = 0; e < g.edgeSources.length; e++)
      ties.push([g.ids[g.edgeSources[e]!]!, g.ids[g.edgeTargets[e]!]!]);
    const view = computeNetworkView(network(nodes, ties), 'country', { exactWork: 1 });
    expect(view.summary.betweenness).toMatchObject({ method: 'sampled', pivots: 500 });
    const bound = (view.summary.betweenness as { errorBound: number }).errorBound;
    expect(bound).toBeGreaterThan(0);
    expect(bound).toBeLessThan(0.1);
    const exact = betweennessCentrality(g);
    let worst = 0;
    view.nodes.forEach((n, v) => (worst = Math.max(worst, Math.abs(n.betweenness - exact[v]!))));
    expect(worst).toBeLessThan(bound);
  });

  it('handles an empty network', () => {
    const view = computeNetworkView(network([], []), 'sector');
    expect(view.summary).toMatchObject({ nodes: 0, edges: 0, components: 0, communities: 0 });
    expect(view.summary.eiCountry.index).toBeNull();
  });
});
