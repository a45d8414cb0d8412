/**
 * Seeded random graph generators for tests, benchmarks and simulations.
 */
import { buildGraph } from './graph.ts';
import type { EdgeInput, Graph, NodeInput } from './graph.ts';
import { randomInt } from './prng.ts';
import type { Rng } from './prng.ts';

function numberedNodes(n: number): NodeInput[] {
  return Array.from({ length: n }, (_, i) => ({ id: String(i) }));
}

/**
 * Uniform random graph G(n, m) (Erdős & Rényi 1959): `m` distinct edges
 * without self-loops, drawn with the seeded `rng`. Optional integer weights
 * 1..`maxWeight`.
 *
 * @example
 * const g = randomGnm(1000, 5000, createRng(1));
 */
export function randomGnm(
  n: number,
  m: number,
  rng: Rng,
  options: { directed?: boolean; maxWeight?: number } = {},
): Graph {
  const directed = options.directed === true;
  const maxPairs = directed ? n * (n - 1) : (n * (n - 1)) / 2;
  if (m > maxPairs) throw new RangeError(`at most ${maxPairs} edges fit in ${n} nodes`);
  const seen = new Set<number>();
  const edges: EdgeInput[] = [];
  while (edges.length < m) {
    const s = randomInt(rng, n);
    const t = randomInt(rng, n);
    if (s === t) continue;
    const key = directed ? s * n + t : Math.min(s, t) * n + Math.max(s, t);
    if (seen.has(key)) continue;
    seen.add(key);
    const edge: EdgeInput =
      options.maxWeight === undefined
        ? { source: String(s), target: String(t) }
        : { source: String(s), target: String(t), weight: 1 + randomInt(rng, options.maxWeight) };
    edges.push(edge);
  }
  return buildGraph({ directed, nodes: numberedNodes(n), edges });
}

/**
 * Preferential-attachment graph (Barabási & Albert 1999): start from a star on
 * `k + 1` nodes; every further node links to `k` distinct existing nodes chosen
 * proportionally to degree.
 *
 * @example
 * const g = barabasiAlbert(300, 3, createRng(7));
 */
export function barabasiAlbert(n: number, k: number, rng: Rng): Graph {
  if (k < 1 || k >= n) throw new RangeError('need 1 ≤ k < n');
  const edges: EdgeInput[] = [];
  const ends: number[] = [];
  for (let v = 1; v <= k; v++) {
    edges.push({ source: '0', target: String(v) });
    ends.push(0, v);
  }
  const chosen = new Set<number>();
  for (let v = k + 1; v < n; v++) {
    chosen.clear();
    while (chosen.size < k) chosen.add(ends[randomInt(rng, ends.length)]!);
    for (const u of chosen) {
      edges.push({ source: String(v), target: String(u) });
      ends.push(v, u);
    }
  }
  return buildGraph({ nodes: numberedNodes(n), edges });
}
