/**
 * Seeded pseudo-random numbers. Randomised algorithms in this folder take an
 * `Rng` parameter instead of calling `Math.random`, so results are reproducible.
 */

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/**
 * Creates a small, fast seeded generator (the "mulberry32" 32-bit mixing
 * generator). Not cryptographic; the same seed always yields the same stream.
 *
 * @example
 * const rng = createRng(42);
 * rng(); // same value on every run
 */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return function next(): number {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Uniform random integer in [0, bound).
 *
 * @example
 * randomInt(createRng(1), 6); // 0..5
 */
export function randomInt(rng: Rng, bound: number): number {
  return Math.floor(rng() * bound);
}

/**
 * Fisher–Yates shuffle in place; returns the same array.
 *
 * @example
 * shuffleInPlace(createRng(7), Int32Array.of(0, 1, 2, 3));
 */
export function shuffleInPlace<T extends { length: number; [i: number]: number }>(
  rng: Rng,
  items: T,
): T {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    const tmp = items[i]!;
    items[i] = items[j]!;
    items[j] = tmp;
  }
  return items;
}

/**
 * Draws `k` distinct integers from [0, n) (partial Fisher–Yates).
 *
 * @example
 * sampleWithoutReplacement(createRng(3), 10, 4); // 4 distinct indices
 */
export function sampleWithoutReplacement(rng: Rng, n: number, k: number): Int32Array {
  if (!Number.isInteger(k) || k < 0 || k > n) {
    throw new RangeError(`sample size must be an integer in [0, ${n}], got ${k}`);
  }
  const pool = new Int32Array(n);
  for (let i = 0; i < n; i++) pool[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + randomInt(rng, n - i);
    const tmp = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = tmp;
  }
  return pool.slice(0, k);
}
