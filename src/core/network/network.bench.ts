import { bench, describe } from 'vitest';
import { betweennessCentrality } from './betweenness.ts';
import { distanceCentralities } from './closeness.ts';
import { louvainCommunities } from './louvain.ts';
import { pageRank } from './pagerank.ts';
import { createRng } from './prng.ts';
import { randomGnm } from './random-graphs.ts';

// Random G(n, m) graphs with average degree 10, one timed run each (the 10k
// cases take seconds). Run: npx vitest bench --project unit src/core/network
const once = { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 };

for (const [n, m] of [
  [1_000, 5_000],
  [10_000, 50_000],
] as const) {
  describe(`G(${n}, ${m})`, () => {
    const g = randomGnm(n, m, createRng(1));
    bench('betweenness, exact (Brandes 2001)', () => void betweennessCentrality(g), once);
    bench('closeness + harmonic', () => void distanceCentralities(g), once);
    bench(
      'pagerank, converged to 1e-14',
      () => void pageRank(g, { tolerance: 1e-14, maxIterations: 10_000 }),
      once,
    );
    bench('louvain (Blondel et al. 2008)', () => void louvainCommunities(g, createRng(2)), once);
    if (n <= 1_000) {
      const weighted = randomGnm(n, m, createRng(1), { maxWeight: 9 });
      bench(
        'betweenness, weights as distances (Dijkstra)',
        () => void betweennessCentrality(weighted, { weighted: true }),
        once,
      );
    }
  });
}
