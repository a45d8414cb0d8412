import { describe, expect, it } from 'vitest';
import karate from './fixtures/karate.json';
import { buildGraph } from './graph.ts';
import { parseGraphDocument } from './graph-document.ts';
import { louvainCommunities } from './louvain.ts';
import { membershipFromGroups, modularity } from './modularity.ts';
import { createRng } from './prng.ts';
import { randomGnm } from './random-graphs.ts';

const doc = parseGraphDocument(karate);
const weighted = buildGraph(doc);
const unweighted = buildGraph({
  ...doc,
  edges: doc.edges.map(({ source, target }) => ({ source, target })),
});
const club = membershipFromGroups(weighted, doc.partition!);
const seeds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

describe('Louvain communities (Blondel et al. 2008)', () => {
  it('returns the same partition for the same seed', () => {
    const a = louvainCommunities(weighted, createRng(42));
    const b = louvainCommunities(weighted, createRng(42));
    expect([...a.membership]).toEqual([...b.membership]);
    expect(a.modularity).toBe(b.modularity);
  });

  it('beats the karate club split on modularity for every seed', () => {
    const clubWeighted = modularity(weighted, club); // 0.3914, as networkx
    const clubUnweighted = modularity(unweighted, club);
    for (const seed of seeds) {
      expect(louvainCommunities(weighted, createRng(seed)).modularity).toBeGreaterThan(
        clubWeighted,
      );
      expect(louvainCommunities(unweighted, createRng(seed)).modularity).toBeGreaterThan(
        clubUnweighted,
      );
    }
  });

  it('reaches the known optimum 0.4198 of the unweighted karate club for some seed', () => {
    const values = seeds.map((seed) => louvainCommunities(unweighted, createRng(seed)).modularity);
    expect(Math.max(...values)).toBeGreaterThan(0.4197);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeGreaterThan(0.41);
  });

  it('reports the modularity of the partition it returns', () => {
    const result = louvainCommunities(weighted, createRng(7));
    expect(result.modularity).toBeCloseTo(modularity(weighted, result.membership), 14);
    expect(result.communities.flat().sort((a, b) => a - b)).toEqual([...Array(34).keys()]);
    expect(result.levels.at(-1)).toEqual(result.membership);
  });

  it('finds planted communities in two dense clusters joined by one edge', () => {
    const nodes = [...Array(10).keys()].map((i) => ({ id: String(i) }));
    const edges: { source: string; target: string }[] = [];
    for (const base of [0, 5]) {
      for (let i = 0; i < 5; i++) {
        for (let j = i + 1; j < 5; j++)
          edges.push({ source: String(base + i), target: String(base + j) });
      }
    }
    edges.push({ source: '4', target: '5' });
    const g = buildGraph({ nodes, edges });
    const result = louvainCommunities(g, createRng(1));
    expect(result.communities).toEqual([
      [0, 1, 2, 3, 4],
      [5, 6, 7, 8, 9],
    ]);
  });

  it('favours smaller communities at a higher resolution', () => {
    const coarse = louvainCommunities(unweighted, createRng(3), { resolution: 0.5 });
    const fine = louvainCommunities(unweighted, createRng(3), { resolution: 2 });
    expect(fine.communities.length).toBeGreaterThan(coarse.communities.length);
  });

  it('improves directed modularity on a directed graph', () => {
    const g = randomGnm(120, 400, createRng(8), { directed: true });
    const result = louvainCommunities(g, createRng(2));
    expect(result.modularity).toBeGreaterThan(0.2);
    expect(result.modularity).toBeCloseTo(modularity(g, result.membership), 14);
  });
});

describe('modularity of any partition', () => {
  it('is 0 when every node is in one community, on any graph', () => {
    for (const seed of seeds) {
      for (const directed of [false, true]) {
        const g = randomGnm(60, 150, createRng(seed), { directed, maxWeight: 5 });
        const one = new Int32Array(g.n);
        expect(Math.abs(modularity(g, one))).toBeLessThan(1e-12);
        expect(Math.abs(modularity(g, one, { weighted: false }))).toBeLessThan(1e-12);
      }
    }
    expect(Math.abs(modularity(weighted, new Int32Array(weighted.n)))).toBeLessThan(1e-12);
  });
});
