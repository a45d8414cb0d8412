import { describe, expect, it } from 'vitest';
import { bitsetOf, solveChart } from './pi-chart.ts';
import { rng } from './qca.bench.ts';

/** Every cover (as sorted index lists) by brute force over subsets. */
function covers(nCols: number, cols: number[][]): number[][] {
  const out: number[][] = [];
  const m = cols.length;
  for (let mask = 1; mask < 1 << m; mask++) {
    const set: number[] = [];
    for (let i = 0; i < m; i++) if (mask & (1 << i)) set.push(i);
    const covered = new Set(set.flatMap((i) => cols[i]!));
    if (covered.size === nCols) out.push(set);
  }
  return out;
}

function irredundant(nCols: number, cols: number[][], set: number[]): boolean {
  return set.every((i) => {
    const others = new Set(set.filter((j) => j !== i).flatMap((j) => cols[j]!));
    return others.size < nCols;
  });
}

const sortSets = (s: number[][]): string[] => s.map((x) => x.join(',')).sort();

function randomChart(rand: () => number): { nCols: number; cols: number[][] } {
  const nCols = 2 + Math.floor(rand() * 7);
  const m = 2 + Math.floor(rand() * 9);
  const cols = Array.from({ length: m }, () => {
    const c: number[] = [];
    for (let k = 0; k < nCols; k++) if (rand() < 0.35) c.push(k);
    return c;
  });
  // Every column covered at least once.
  for (let k = 0; k < nCols; k++) {
    if (!cols.some((c) => c.includes(k))) cols[Math.floor(rand() * m)]!.push(k);
  }
  // Some duplicated implicants, to exercise the merging of equal ones.
  if (rand() < 0.3) cols.push([...cols[0]!]);
  return { nCols, cols: cols.map((c) => [...new Set(c)].sort((a, b) => a - b)) };
}

describe('PI chart solving', () => {
  const rand = rng(2024);
  const charts = Array.from({ length: 300 }, () => randomChart(rand));

  it('returns every cover of minimum size (ties are never broken)', () => {
    for (const { nCols, cols } of charts) {
      const all = covers(nCols, cols);
      const min = Math.min(...all.map((s) => s.length));
      const got = solveChart(
        nCols,
        cols.map((c) => bitsetOf(nCols, c)),
      );
      expect(sortSets(got.solutions)).toEqual(sortSets(all.filter((s) => s.length === min)));
      expect(got.minimumSize).toBe(min);
    }
  });

  it('returns every irredundant cover with allSolutions', () => {
    for (const { nCols, cols } of charts) {
      const want = covers(nCols, cols).filter((s) => irredundant(nCols, cols, s));
      const got = solveChart(
        nCols,
        cols.map((c) => bitsetOf(nCols, c)),
        { allSolutions: true },
      );
      expect(sortSets(got.solutions)).toEqual(sortSets(want));
    }
  });

  it('drops implicants strictly dominated by another with rowDominance', () => {
    for (const { nCols, cols } of charts) {
      const dominated = (i: number): boolean =>
        cols.some(
          (c, k) => k !== i && cols[i]!.every((x) => c.includes(x)) && c.length > cols[i]!.length,
        );
      const kept = cols.map((_, i) => i).filter((i) => cols[i]!.length > 0 && !dominated(i));
      const all = covers(nCols, cols).filter((s) => s.every((i) => kept.includes(i)));
      const min = Math.min(...all.map((s) => s.length));
      const got = solveChart(
        nCols,
        cols.map((c) => bitsetOf(nCols, c)),
        { rowDominance: true },
      );
      expect(got.kept).toEqual(kept);
      expect(sortSets(got.solutions)).toEqual(sortSets(all.filter((s) => s.length === min)));
    }
  });

  it('reports columns that no implicant covers', () => {
    const got = solveChart(3, [bitsetOf(3, [0]), bitsetOf(3, [1])]);
    expect(got.uncovered).toEqual([2]);
    expect(got.solutions).toEqual([]);
  });

  it('stops at maxSolutions and says so', () => {
    const cols = Array.from({ length: 6 }, () => bitsetOf(1, [0]));
    const got = solveChart(1, cols, { maxSolutions: 4 });
    expect(got.solutions).toHaveLength(4);
    expect(got.truncated).toBe(true);
  });

  it('combines the covers of independent parts of the chart, essential implicants included', () => {
    // Columns 0–2 and 3–5 are covered by disjoint triangles (3 minimum covers each); column 6
    // only by implicant 6, which is essential.
    const cols = [[0, 1], [1, 2], [0, 2], [3, 4], [4, 5], [3, 5], [6]];
    const chart = cols.map((c) => bitsetOf(7, c));
    const all = solveChart(7, chart);
    expect(all.truncated).toBe(false);
    expect(all.minimumSize).toBe(5);
    const pairs = [
      [0, 1],
      [0, 2],
      [1, 2],
    ];
    const want = pairs.flatMap((a) => pairs.map((b) => [...a, b[0]! + 3, b[1]! + 3, 6]));
    expect(sortSets(all.solutions)).toEqual(sortSets(want));
    for (const max of [1, 2, 4, 8]) {
      const cut = solveChart(7, chart, { maxSolutions: max });
      expect(cut.solutions).toHaveLength(max);
      expect(cut.truncated).toBe(true);
      for (const s of cut.solutions) expect(sortSets(want)).toContain(s.join(','));
    }
    expect(solveChart(7, chart, { maxSolutions: 9 }).truncated).toBe(false);
  });
});
