import { describe, expect, it } from 'vitest';
import {
  betweennessCentrality,
  sampledBetweennessCentrality,
  sampledBetweennessErrorBound,
} from './betweenness.ts';
import { createRng } from './prng.ts';
import { barabasiAlbert } from './random-graphs.ts';

describe('sampled betweenness (k pivots, seeded)', () => {
  const g = barabasiAlbert(600, 3, createRng(21));
  const exact = betweennessCentrality(g);

  function errors(estimate: Float64Array): { max: number; mean: number } {
    let max = 0;
    let sum = 0;
    for (let v = 0; v < g.n; v++) {
      const d = Math.abs(estimate[v]! - exact[v]!);
      max = Math.max(max, d);
      sum += d;
    }
    return { max, mean: sum / g.n };
  }

  it('equals the exact values when every node is a pivot', () => {
    const all = sampledBetweennessCentrality(g, g.n, createRng(1));
    expect(errors(all).max).toBeLessThan(1e-12);
  });

  it('is reproducible for a given seed', () => {
    const a = sampledBetweennessCentrality(g, 50, createRng(99));
    const b = sampledBetweennessCentrality(g, 50, createRng(99));
    expect([...a]).toEqual([...b]);
  });

  it.each([1, 2, 3])(
    'stays within the documented error on a 600-node graph with k = 150 (seed %i)',
    (seed) => {
      const estimate = sampledBetweennessCentrality(g, 150, createRng(seed));
      const { max, mean } = errors(estimate);
      // Hoeffding bound with a union bound over all nodes (α = 5 %).
      expect(max).toBeLessThan(sampledBetweennessErrorBound(g.n, 150, 0.05 / g.n));
      expect(max).toBeLessThan(0.03);
      expect(mean).toBeLessThan(0.002);
    },
  );

  it('keeps the strongest brokers on top', () => {
    const estimate = sampledBetweennessCentrality(g, 150, createRng(5));
    const rank = (values: Float64Array): number[] =>
      [...values.keys()].sort((a, b) => values[b]! - values[a]!);
    const estimatedTop = new Set(rank(estimate).slice(0, 10));
    for (const v of rank(exact).slice(0, 5)) expect(estimatedTop.has(v)).toBe(true);
  });

  it('shrinks its error as k grows', () => {
    const mean = (k: number): number => {
      let total = 0;
      for (const seed of [1, 2, 3]) {
        total += errors(sampledBetweennessCentrality(g, k, createRng(seed))).mean;
      }
      return total / 3;
    };
    expect(mean(300)).toBeLessThan(mean(50));
  });

  it('rejects k outside 0..n', () => {
    expect(() => sampledBetweennessCentrality(g, g.n + 1, createRng(1))).toThrow(RangeError);
  });
});
