import { describe, expect, it } from 'vitest';
import { betweennessCentrality, normalizeBetweenness } from './betweenness.ts';
import { closenessCentrality, distanceCentralities, harmonicCentrality } from './closeness.ts';
import { localClustering, transitivity, triangleCounts } from './clustering.ts';
import { connectedComponents, isConnected, stronglyConnectedComponents } from './components.ts';
import {
  degree,
  degreeCentrality,
  density,
  inDegree,
  outDegree,
  weightedDegree,
} from './degree.ts';
import { eigenvectorCentrality } from './eigenvector.ts';
import { buildGraph } from './graph.ts';
import type { Graph } from './graph.ts';
import { modularity } from './modularity.ts';
import { pageRank, PowerIterationError } from './pagerank.ts';
import { createRng } from './prng.ts';
import { randomGnm } from './random-graphs.ts';

function graphOf(
  edges: readonly (readonly [string, string, number?])[],
  options: { directed?: boolean; nodes?: string[] } = {},
): Graph {
  const ids = options.nodes ?? [...new Set(edges.flatMap(([s, t]) => [s, t]))];
  return buildGraph({
    directed: options.directed,
    nodes: ids.map((id) => ({ id })),
    edges: edges.map(([source, target, weight]) =>
      weight === undefined ? { source, target } : { source, target, weight },
    ),
  });
}

/** All-pairs distances (Floyd–Warshall) and shortest-path counts, for brute-force checks. */
function allPairs(g: Graph, weighted: boolean): { d: number[][]; sigma: number[][] } {
  const n = g.n;
  const d = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 0 : Infinity)),
  );
  const w = Array.from({ length: n }, () => new Array<number>(n).fill(Infinity));
  for (let v = 0; v < n; v++) {
    for (let e = g.outOffsets[v]!; e < g.outOffsets[v + 1]!; e++) {
      const t = g.outTargets[e]!;
      if (t !== v) w[v]![t] = d[v]![t] = weighted ? g.outWeights[e]! : 1;
    }
  }
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (d[i]![k]! + d[k]![j]! < d[i]![j]!) d[i]![j] = d[i]![k]! + d[k]![j]!;
      }
    }
  }
  const sigma = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let s = 0; s < n; s++) {
    const byDistance = [...Array(n).keys()]
      .filter((t) => d[s]![t]! < Infinity)
      .sort((a, b) => d[s]![a]! - d[s]![b]!);
    sigma[s]![s] = 1;
    for (const t of byDistance) {
      if (t === s) continue;
      for (let u = 0; u < n; u++) {
        if (u !== t && d[s]![u]! + w[u]![t]! === d[s]![t]) sigma[s]![t]! += sigma[s]![u]!;
      }
    }
  }
  return { d, sigma };
}

function bruteForceBetweenness(g: Graph, weighted: boolean): number[] {
  const { d, sigma } = allPairs(g, weighted);
  const n = g.n;
  const bc = new Array<number>(n).fill(0);
  for (let v = 0; v < n; v++) {
    for (let s = 0; s < n; s++) {
      for (let t = 0; t < n; t++) {
        if (s === v || t === v || s === t || d[s]![t] === Infinity) continue;
        if (d[s]![v]! + d[v]![t]! === d[s]![t]) {
          bc[v]! += (sigma[s]![v]! * sigma[v]![t]!) / sigma[s]![t]!;
        }
      }
    }
  }
  return g.directed ? bc : bc.map((x) => x / 2);
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol = 1e-12): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    expect(Math.abs(actual[i]! - expected[i]!), `index ${i}`).toBeLessThanOrEqual(tol);
  }
}

describe('degree measures', () => {
  it('counts a self-loop twice in an undirected degree, as networkx', () => {
    const g = graphOf([
      ['a', 'b', 2],
      ['b', 'c', 3],
      ['c', 'c', 5],
    ]);
    expect([...degree(g)]).toEqual([1, 2, 3]);
    expect([...weightedDegree(g)]).toEqual([2, 5, 13]);
    expect([...degreeCentrality(g)]).toEqual([0.5, 1, 1.5]);
  });

  it('sums in- and out-degree for directed graphs', () => {
    const g = graphOf(
      [
        ['a', 'b'],
        ['b', 'a'],
        ['a', 'c'],
      ],
      { directed: true },
    );
    expect([...outDegree(g)]).toEqual([2, 1, 0]);
    expect([...inDegree(g)]).toEqual([1, 1, 1]);
    expect([...degree(g)]).toEqual([3, 2, 1]);
    expect(density(g)).toBe(0.5);
  });

  it('gives density 1 for a triangle and 0 without edges', () => {
    expect(
      density(
        graphOf([
          ['a', 'b'],
          ['b', 'c'],
          ['c', 'a'],
        ]),
      ),
    ).toBe(1);
    expect(density(buildGraph({ nodes: [{ id: 'x' }, { id: 'y' }], edges: [] }))).toBe(0);
  });
});

describe('betweenness centrality (Brandes 2001)', () => {
  it('gives the middle of a path the only a…c pair', () => {
    const g = graphOf([
      ['a', 'b'],
      ['b', 'c'],
    ]);
    expect([...betweennessCentrality(g, { normalized: false })]).toEqual([0, 1, 0]);
    expect([...betweennessCentrality(g)]).toEqual([0, 1, 0]);
  });

  it('splits credit between equally short routes', () => {
    // Square a–b–d, a–c–d: b and c each carry half of the a…d paths.
    const g = graphOf([
      ['a', 'b'],
      ['a', 'c'],
      ['b', 'd'],
      ['c', 'd'],
    ]);
    expect([...betweennessCentrality(g, { normalized: false })]).toEqual([0.5, 0.5, 0.5, 0.5]);
  });

  it('uses weights as distances with weighted: true', () => {
    // Direct a–c costs 5, the detour via b costs 2: b becomes the broker.
    const g = graphOf(
      [
        ['a', 'c', 5],
        ['a', 'b', 1],
        ['b', 'c', 1],
      ],
      { nodes: ['a', 'b', 'c'] },
    );
    expect([...betweennessCentrality(g, { normalized: false })]).toEqual([0, 0, 0]);
    expect([...betweennessCentrality(g, { normalized: false, weighted: true })]).toEqual([0, 1, 0]);
  });

  it.each([
    ['undirected', false],
    ['directed', true],
  ])('matches brute-force path counting on random %s graphs', (_label, directed) => {
    const rng = createRng(11);
    for (let trial = 0; trial < 8; trial++) {
      const g = randomGnm(12, directed ? 30 : 20, rng, { directed, maxWeight: 3 });
      expectClose(betweennessCentrality(g, { normalized: false }), bruteForceBetweenness(g, false));
      expectClose(
        betweennessCentrality(g, { normalized: false, weighted: true }),
        bruteForceBetweenness(g, true),
      );
    }
  });

  it('normalises raw values by 2/((n−1)(n−2)) undirected and 1/((n−1)(n−2)) directed', () => {
    for (const directed of [false, true]) {
      const g = randomGnm(30, 60, createRng(5), { directed });
      const raw = betweennessCentrality(g, { normalized: false });
      expectClose(normalizeBetweenness(g, raw), betweennessCentrality(g), 1e-15);
    }
  });

  it('rejects zero or negative distances', () => {
    const g = graphOf([['a', 'b', 0]]);
    expect(() => betweennessCentrality(g, { weighted: true })).toThrow(RangeError);
  });
});

describe('closeness and harmonic centrality', () => {
  it('gives a star centre closeness 1 and leaves 3/5', () => {
    const g = graphOf([
      ['c', 'x'],
      ['c', 'y'],
      ['c', 'z'],
    ]);
    expectClose(closenessCentrality(g), [1, 0.6, 0.6, 0.6]);
    expectClose(harmonicCentrality(g), [3, 2, 2, 2]);
  });

  it('uses incoming distances in directed graphs, as networkx', () => {
    // a → b → c: c is reached by two nodes (at 1 and 2 hops), a by none.
    const g = graphOf(
      [
        ['a', 'b'],
        ['b', 'c'],
      ],
      { directed: true },
    );
    expectClose(closenessCentrality(g), [0, 0.5, 2 / 3]);
    expectClose(harmonicCentrality(g), [0, 1, 1.5]);
  });

  it('matches Floyd–Warshall distances on random graphs, hop and weighted', () => {
    const rng = createRng(3);
    for (const directed of [false, true]) {
      for (const weighted of [false, true]) {
        // 70 nodes: more than two 32-node batches of the bit-parallel BFS.
        const g = randomGnm(70, directed ? 160 : 90, rng, { directed, maxWeight: 4 });
        const { d } = allPairs(g, weighted);
        const expectedCloseness: number[] = [];
        const expectedHarmonic: number[] = [];
        for (let u = 0; u < g.n; u++) {
          let total = 0;
          let r = 1;
          let h = 0;
          for (let v = 0; v < g.n; v++) {
            const dist = d[v]![u]!;
            if (v === u || dist === Infinity) continue;
            total += dist;
            r++;
            h += 1 / dist;
          }
          expectedCloseness.push(total > 0 ? ((r - 1) / total) * ((r - 1) / (g.n - 1)) : 0);
          expectedHarmonic.push(h);
        }
        const got = distanceCentralities(g, { weighted });
        expectClose(got.closeness, expectedCloseness);
        expectClose(got.harmonic, expectedHarmonic, 1e-11);
      }
    }
  });
});

describe('clustering', () => {
  it('counts closed neighbour pairs', () => {
    const g = graphOf([
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'a'],
      ['c', 'd'],
    ]);
    expectClose(localClustering(g), [1, 1, 1 / 3, 0]);
    expect([...triangleCounts(g)]).toEqual([1, 1, 1, 0]);
    expect(transitivity(g)).toBeCloseTo(3 / 5, 15);
  });

  it('computes directed transitivity on successor sets, as networkx 2.8.8', () => {
    // a → b, a → c, b → c: of a's two ordered successor pairs only (b, c) is linked.
    const g = graphOf(
      [
        ['a', 'b'],
        ['a', 'c'],
        ['b', 'c'],
      ],
      { directed: true },
    );
    expect(transitivity(g)).toBe(0.5);
  });

  it('follows Fagiolo (2007) for directed graphs: t = (A+Aᵀ)³ᵢᵢ', () => {
    const g = randomGnm(15, 60, createRng(9), { directed: true });
    const n = g.n;
    const s = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (let e = 0; e < g.m; e++) {
      s[g.edgeSources[e]!]![g.edgeTargets[e]!]! += 1;
      s[g.edgeTargets[e]!]![g.edgeSources[e]!]! += 1;
    }
    const expected: number[] = [];
    for (let i = 0; i < n; i++) {
      let t = 0;
      for (let j = 0; j < n; j++)
        for (let k = 0; k < n; k++) t += s[i]![j]! * s[j]![k]! * s[k]![i]!;
      const succ = new Set<number>();
      const pred = new Set<number>();
      for (let e = 0; e < g.m; e++) {
        if (g.edgeSources[e] === i) succ.add(g.edgeTargets[e]!);
        if (g.edgeTargets[e] === i) pred.add(g.edgeSources[e]!);
      }
      const dTotal = succ.size + pred.size;
      const dBoth = [...succ].filter((v) => pred.has(v)).length;
      expected.push(t === 0 ? 0 : t / ((dTotal * (dTotal - 1) - 2 * dBoth) * 2));
    }
    expectClose(localClustering(g), expected);
  });
});

describe('PageRank', () => {
  it('is uniform on a directed cycle', () => {
    const g = graphOf(
      [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
      ],
      { directed: true },
    );
    expectClose(pageRank(g), [1 / 3, 1 / 3, 1 / 3], 1e-12);
  });

  it('is the stationary distribution with dangling nodes teleporting', () => {
    const g = randomGnm(40, 70, createRng(2), { directed: true, maxWeight: 5 });
    const alpha = 0.85;
    const x = pageRank(g, { tolerance: 1e-15, maxIterations: 10_000 });
    const n = g.n;
    const next = new Float64Array(n);
    let dangling = 0;
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let e = g.outOffsets[i]!; e < g.outOffsets[i + 1]!; e++) sum += g.outWeights[e]!;
      if (sum === 0) dangling += x[i]!;
      for (let e = g.outOffsets[i]!; e < g.outOffsets[i + 1]!; e++) {
        next[g.outTargets[e]!]! += (x[i]! * g.outWeights[e]!) / sum;
      }
    }
    const expected = Array.from(next, (v) => alpha * (v + dangling / n) + (1 - alpha) / n);
    expectClose(x, expected, 1e-13);
    expect(x.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('reports non-convergence instead of returning a rough vector', () => {
    const g = randomGnm(30, 60, createRng(4));
    expect(() => pageRank(g, { maxIterations: 2 })).toThrow(PowerIterationError);
  });
});

describe('eigenvector centrality', () => {
  it('gives a 2-leaf star centre 1/√2 and leaves 1/2', () => {
    const g = graphOf([
      ['c', 'x'],
      ['c', 'y'],
    ]);
    expectClose(eigenvectorCentrality(g, { tolerance: 1e-15, maxIterations: 10_000 }), [
      Math.SQRT1_2,
      0.5,
      0.5,
    ]);
  });

  it('uses weights only when asked, like networkx weight=None', () => {
    const g = graphOf([
      ['a', 'b', 10],
      ['b', 'c', 1],
      ['c', 'a', 1],
    ]);
    const plain = eigenvectorCentrality(g, { tolerance: 1e-14, maxIterations: 1000 });
    expectClose(plain, [1 / Math.sqrt(3), 1 / Math.sqrt(3), 1 / Math.sqrt(3)], 1e-12);
    const weighted = eigenvectorCentrality(g, { weighted: true, tolerance: 1e-14 });
    expect(weighted[2]!).toBeLessThan(weighted[0]!);
  });
});

describe('components', () => {
  it('finds weak and strong components', () => {
    const g = graphOf(
      [
        ['a', 'b'],
        ['b', 'a'],
        ['b', 'c'],
        ['d', 'e'],
      ],
      { directed: true },
    );
    expect(connectedComponents(g)).toEqual([
      [0, 1, 2],
      [3, 4],
    ]);
    expect(isConnected(g)).toBe(false);
    const strong = stronglyConnectedComponents(g)
      .map((c) => c.join(','))
      .sort();
    expect(strong).toEqual(['0,1', '2', '3', '4']);
  });
});

describe('modularity (Newman 2006)', () => {
  it('scores two triangles joined by a bridge at 5/14', () => {
    const g = graphOf([
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'a'],
      ['d', 'e'],
      ['e', 'f'],
      ['f', 'd'],
      ['c', 'd'],
    ]);
    expect(modularity(g, [0, 0, 0, 1, 1, 1])).toBeCloseTo(5 / 14, 15);
    expect(modularity(g, [0, 0, 0, 0, 0, 0])).toBeCloseTo(0, 15);
    // Resolution γ scales the null-model term: Q(γ) = 6/7 − γ · 1/2.
    expect(modularity(g, [0, 0, 0, 1, 1, 1], { resolution: 2 })).toBeCloseTo(6 / 7 - 1, 15);
  });

  it('uses the directed null model for directed graphs', () => {
    // a → b, b → a inside one community, a → c across.
    const g = graphOf(
      [
        ['a', 'b'],
        ['b', 'a'],
        ['a', 'c'],
      ],
      { directed: true },
    );
    // L_c/m − K_out·K_in/m²: community {a,b}: 2/3 − 3·2/9; {c}: 0 − 0·1/9.
    expect(modularity(g, [0, 0, 1])).toBeCloseTo(2 / 3 - 6 / 9, 15);
  });
});
