import { describe, expect, it } from 'vitest';
import { rng } from './qca.bench.ts';
import { covers, minimalTransversals, primeImplicants } from './prime-implicants.ts';

/** Every term over the levels (-1 = absent). */
function allTerms(levels: number[]): Int8Array[] {
  let out: number[][] = [[]];
  for (const l of levels) {
    const next: number[][] = [];
    for (const t of out) for (let v = -1; v < l; v++) next.push([...t, v]);
    out = next;
  }
  return out.map((t) => Int8Array.from(t));
}

function minterms(term: Int8Array, levels: number[]): Int8Array[] {
  return allTerms(levels).filter((t) => t.every((v) => v >= 0) && covers(term, t));
}

/** Prime implicants by brute force over all 3^K (or Π(levels + 1)) terms. */
function bruteForce(
  levels: number[],
  required: Int8Array[],
  negatives: Int8Array[],
  remainders: boolean,
): string[] {
  const key = (t: ArrayLike<number>): string => Array.from(t).join(',');
  const allowed = new Set<string>();
  for (const r of required)
    for (const m of minterms(r.map((v) => v) as Int8Array, levels)) allowed.add(key(m));
  for (const n of negatives) allowed.delete(key(n));
  const valid = (t: Int8Array): boolean =>
    remainders
      ? !negatives.some((n) => covers(t, n))
      : minterms(t, levels).every((m) => allowed.has(key(m)));
  const terms = allTerms(levels).filter(valid);
  const validKeys = new Set(terms.map(key));
  return terms
    .filter((t) => required.some((r) => covers(t, r)))
    .filter((t) =>
      Array.from(t).every((v, j) => {
        if (v < 0) return true;
        const parent = t.slice();
        parent[j] = -1;
        return !validKeys.has(key(parent));
      }),
    )
    .map(key)
    .sort();
}

function randomRows(rand: () => number, levels: number[], n: number, dc: boolean): Int8Array[] {
  const rows = new Map<string, Int8Array>();
  for (let i = 0; i < n * 3 && rows.size < n; i++) {
    const r = Int8Array.from(levels, (l, j) =>
      dc && j === 0 && rand() < 0.3 ? -1 : Math.floor(rand() * l),
    );
    rows.set(r.join(','), r);
  }
  return [...rows.values()];
}

describe('prime implicants', () => {
  it('finds the minimal transversals of a hypergraph', () => {
    expect(minimalTransversals([0b011, 0b110]).sort()).toEqual([0b010, 0b101]);
    expect(minimalTransversals([])).toEqual([0]);
    expect(minimalTransversals([0b1, 0])).toEqual([]);
  });

  it.each([
    ['binary', [2, 2, 2, 2, 2], false],
    ['multi-value', [3, 2, 3, 2], false],
    ['binary with "don\'t care" values', [2, 2, 2, 2, 2], true],
  ] as const)(
    'equal brute force on random %s problems, with and without remainders',
    (_k, lv, dc) => {
      const levels = [...lv];
      const rand = rng(levels.length * 31 + (dc ? 7 : 0));
      for (let trial = 0; trial < 40; trial++) {
        const rows = randomRows(rand, levels, 4 + Math.floor(rand() * 10), dc);
        const required = rows.filter(() => rand() < 0.5);
        const requiredSet = new Set(required);
        const negatives = rows.filter((r) => !requiredSet.has(r));
        if (required.length === 0) continue;
        for (const remainders of [true, false]) {
          // A positive row equal to a negative one except where it does not care cannot be covered.
          const got = primeImplicants({ levels, required, negatives, remainders })
            .map((t) => Array.from(t).join(','))
            .sort();
          const negSet = negatives.filter((n) => n.every((v) => v >= 0));
          const want = bruteForce(levels, required, remainders ? negatives : negSet, remainders);
          expect(got).toEqual(want);
        }
      }
    },
  );
});
