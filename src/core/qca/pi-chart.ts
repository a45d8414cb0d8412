/**
 * Solving the prime implicant chart: every cover of minimum size (R QCA's models), or with
 * `allSolutions` every irredundant cover, optionally after removing dominated prime implicants.
 *
 * The search runs on bitsets. Prime implicants with identical coverage are merged into classes
 * (expanded back at the end) and dominated columns are dropped, which leaves the set of covers
 * unchanged. Branching is on the uncovered column with the fewest candidate implicants; the
 * implicants already tried at a node are excluded from its later branches, so every cover is
 * reached exactly once; a lower bound from pairwise disjoint columns prunes the search for
 * minimum covers (branch and bound).
 */
import { QcaLimitError } from './errors.ts';

/** Options of {@link solveChart}. */
export interface ChartOptions {
  /** All irredundant covers instead of the minimum ones. */
  allSolutions?: boolean;
  /** Remove an implicant whose columns are a strict subset of another's first. */
  rowDominance?: boolean;
  /** Stop after this many covers (default 10 000). */
  maxSolutions?: number;
}

/** The covers found. */
export interface ChartSolution {
  /** Each cover as indices of the implicants, ascending. */
  solutions: number[][];
  /** Size of the smallest cover (0 when there is none). */
  minimumSize: number;
  /** Implicants left after row dominance (all of them without it). */
  kept: number[];
  /** Columns no implicant covers. */
  uncovered: number[];
  /** True when the search stopped at `maxSolutions`. */
  truncated: boolean;
}

/** A set of column (or implicant) indices as a bitset. */
export type Bitset = Uint32Array;

/**
 * A bitset with the given members.
 *
 * @example
 * bitsetOf(40, [0, 33]); // Uint32Array [1, 2]
 */
export function bitsetOf(size: number, members: Iterable<number>): Bitset {
  const b = new Uint32Array(Math.max(1, Math.ceil(size / 32)));
  for (const m of members) b[m >>> 5]! |= 1 << (m & 31);
  return b;
}

function isSubset(a: Bitset, b: Bitset): boolean {
  for (let w = 0; w < a.length; w++) if ((a[w]! & ~b[w]!) !== 0) return false;
  return true;
}

function equalSets(a: Bitset, b: Bitset): boolean {
  for (let w = 0; w < a.length; w++) if (a[w] !== b[w]) return false;
  return true;
}

function members(b: Bitset): number[] {
  const out: number[] = [];
  for (let w = 0; w < b.length; w++) {
    let x = b[w]!;
    while (x !== 0) {
      const low = x & -x;
      out.push(w * 32 + 31 - Math.clz32(low));
      x ^= low;
    }
  }
  return out;
}

/**
 * Solves a prime implicant chart with `nCols` columns; `cover[i]` is the set of columns that
 * implicant i covers.
 *
 * @example
 * const r = solveChart(3, [bitsetOf(3, [0, 1]), bitsetOf(3, [1, 2]), bitsetOf(3, [2])]);
 * r.solutions; // [[0, 1], [0, 2]]
 */
export function solveChart(
  nCols: number,
  cover: readonly Bitset[],
  options: ChartOptions = {},
): ChartSolution {
  const maxSolutions = options.maxSolutions ?? 10_000;
  let kept = cover.map((_, i) => i).filter((i) => members(cover[i]!).length > 0);
  if (options.rowDominance) {
    kept = kept.filter(
      (i) =>
        !kept.some(
          (k) => k !== i && isSubset(cover[i]!, cover[k]!) && !equalSets(cover[i]!, cover[k]!),
        ),
    );
  }
  // Classes of implicants with identical coverage.
  const classes: { cover: Bitset; items: number[] }[] = [];
  const byKey = new Map<string, number>();
  for (const i of kept) {
    const key = cover[i]!.join(',');
    const c = byKey.get(key);
    if (c === undefined) {
      byKey.set(key, classes.length);
      classes.push({ cover: cover[i]!, items: [i] });
    } else classes[c]!.items.push(i);
  }
  const Q = classes.length;
  // Coverers of each column, as bitsets over classes.
  const colCov: Bitset[] = [];
  const uncovered: number[] = [];
  for (let c = 0; c < nCols; c++) {
    const who: number[] = [];
    for (let q = 0; q < Q; q++) if (classes[q]!.cover[c >>> 5]! & (1 << (c & 31))) who.push(q);
    if (who.length === 0) uncovered.push(c);
    colCov.push(bitsetOf(Q, who));
  }
  const empty: ChartSolution = { solutions: [], minimumSize: 0, kept, uncovered, truncated: false };
  if (uncovered.length > 0 || nCols === 0) {
    return nCols === 0 ? { ...empty, solutions: [[]] } : empty;
  }
  // Drop dominated columns: if every implicant covering a also covers b, covering a is enough.
  const cols: number[] = [];
  for (let b = 0; b < nCols; b++) {
    let dominated = false;
    for (let a = 0; a < nCols && !dominated; a++) {
      if (a === b || !isSubset(colCov[a]!, colCov[b]!)) continue;
      if (equalSets(colCov[a]!, colCov[b]!) ? a < b : true) dominated = true;
    }
    if (!dominated) cols.push(b);
  }
  const n = cols.length;
  const W = Math.max(1, Math.ceil(n / 32));
  const clsCols: Bitset[] = classes.map((cl) =>
    bitsetOf(
      n,
      cols.flatMap((c, k) => (cl.cover[c >>> 5]! & (1 << (c & 31)) ? [k] : [])),
    ),
  );
  const coverers: number[][] = cols.map((c) => members(colCov[c]!));
  // Try implicants covering more columns first.
  const weight = clsCols.map((b) => members(b).length);
  for (const list of coverers) list.sort((a, b) => weight[b]! - weight[a]! || a - b);
  const order = cols.map((_, k) => k).sort((a, b) => coverers[a]!.length - coverers[b]!.length);

  const all = options.allSolutions === true;
  const chart: Chart = { Q, n, W, clsCols, coverers, order };
  const found: number[][] = [];
  let truncated = false;

  // Row dominance leaves the minimum cover size unchanged: the size oracle ignores dominated
  // classes (keeping one of several equal ones).
  const dominated = new Uint8Array(Q);
  for (let a = 0; a < Q; a++) {
    for (let b = 0; b < Q && !dominated[a]; b++) {
      if (a !== b && !dominated[b] && isSubset(clsCols[a]!, clsCols[b]!)) dominated[a] = 1;
    }
  }
  const oracle = new SizeOracle(chart, dominated);
  const best = all ? Infinity : oracle.minimum(new Uint32Array(W), Infinity);

  // Every minimum cover, or every irredundant cover.
  const search = new Searcher(chart, new Uint8Array(Q));
  const forbidden = search.forbidden;
  const chosen: number[] = [];
  const colCount = new Int32Array(n);
  const irredundant = (): boolean => {
    for (const q of chosen) {
      const b = clsCols[q]!;
      let own = false;
      for (let w = 0; w < W && !own; w++) {
        let x = b[w]!;
        while (x !== 0) {
          const low = x & -x;
          if (colCount[w * 32 + 31 - Math.clz32(low)] === 1) {
            own = true;
            break;
          }
          x ^= low;
        }
      }
      if (!own) return false;
    }
    return true;
  };
  const rec = (covered: Bitset): void => {
    if (truncated) return;
    const [col, fewest] = search.pickColumn(covered);
    if (col < 0) {
      found.push(chosen.slice());
      if (found.length >= maxSolutions) truncated = true;
      return;
    }
    if (fewest === 0) return;
    if (!all) {
      const left = best - chosen.length;
      if (search.lowerBound(covered, left + 1) > left) return;
      if (oracle.minimum(covered, left) > left) return;
    }
    const tried: number[] = [];
    for (const q of coverers[col]!) {
      if (forbidden[q]) continue;
      const b = clsCols[q]!;
      chosen.push(q);
      if (all) {
        for (const k of members(b)) colCount[k]!++;
        if (irredundant()) rec(union(covered, b));
        for (const k of members(b)) colCount[k]!--;
      } else rec(union(covered, b));
      chosen.pop();
      search.forbid(q);
      tried.push(q);
      if (truncated) break;
    }
    for (const q of tried) search.allow(q);
  };
  rec(new Uint32Array(W));

  // Expand classes into implicants.
  const solutions: number[][] = [];
  for (const sol of found) {
    let partial: number[][] = [[]];
    for (const q of sol) {
      const next: number[][] = [];
      for (const p of partial) for (const i of classes[q]!.items) next.push([...p, i]);
      partial = next;
      if (partial.length + solutions.length > maxSolutions) {
        truncated = true;
        partial = partial.slice(0, Math.max(0, maxSolutions - solutions.length));
      }
    }
    for (const p of partial) solutions.push(p.sort((a, b) => a - b));
    if (solutions.length >= maxSolutions) break;
  }
  if (solutions.length > maxSolutions) throw new QcaLimitError('too many solutions');
  const minimumSize = solutions.reduce((m, s) => Math.min(m, s.length), Infinity);
  return {
    solutions,
    minimumSize: Number.isFinite(minimumSize) ? minimumSize : 0,
    kept,
    uncovered,
    truncated,
  };
}

/** The chart after merging equal implicants and dropping dominated columns. */
interface Chart {
  /** Number of implicant classes. */
  Q: number;
  /** Number of columns. */
  n: number;
  /** Words per column bitset. */
  W: number;
  /** Columns covered by each class. */
  clsCols: Bitset[];
  /** Classes covering each column. */
  coverers: number[][];
  /** Columns, those with fewer classes first. */
  order: number[];
}

function union(covered: Bitset, b: Bitset): Bitset {
  const next = new Uint32Array(covered.length);
  for (let w = 0; w < covered.length; w++) next[w] = covered[w]! | b[w]!;
  return next;
}

/** Column choice and lower bounds for a search in which some classes are forbidden. */
class Searcher {
  private readonly gains: Int32Array;
  private readonly buckets: Int32Array;
  private readonly uncovered: number[] = [];
  /** Number of allowed classes of each column. */
  private readonly allowedCount: Int32Array;
  /** Columns of each class, as lists. */
  private readonly colsOf: number[][];
  /** Classes of each column, as bitsets over classes. */
  private readonly colCovB: Bitset[];
  private readonly forbB: Bitset;
  private readonly usedB: Bitset;
  private readonly QW: number;
  readonly forbidden: Uint8Array;

  constructor(
    private readonly c: Chart,
    forbidden: Uint8Array,
  ) {
    this.gains = new Int32Array(c.Q);
    this.buckets = new Int32Array(c.n + 2);
    this.allowedCount = new Int32Array(c.n);
    this.colsOf = c.clsCols.map(members);
    this.QW = Math.max(1, Math.ceil(c.Q / 32));
    this.colCovB = c.coverers.map((list) => bitsetOf(c.Q, list));
    this.forbB = new Uint32Array(this.QW);
    this.usedB = new Uint32Array(this.QW);
    this.forbidden = new Uint8Array(c.Q);
    this.reset(forbidden);
  }

  /** Sets the forbidden classes. */
  reset(forbidden: Uint8Array): void {
    this.forbidden.set(forbidden);
    this.forbB.fill(0);
    for (let q = 0; q < this.c.Q; q++) if (forbidden[q]) this.forbB[q >>> 5]! |= 1 << (q & 31);
    for (let k = 0; k < this.c.n; k++) {
      let cnt = 0;
      for (const q of this.c.coverers[k]!) if (!forbidden[q]) cnt++;
      this.allowedCount[k] = cnt;
    }
  }

  /** Forbids an allowed class. */
  forbid(q: number): void {
    this.forbidden[q] = 1;
    this.forbB[q >>> 5]! |= 1 << (q & 31);
    for (const k of this.colsOf[q]!) this.allowedCount[k]!--;
  }

  /** Allows a forbidden class again. */
  allow(q: number): void {
    this.forbidden[q] = 0;
    this.forbB[q >>> 5]! &= ~(1 << (q & 31));
    for (const k of this.colsOf[q]!) this.allowedCount[k]!++;
  }

  private isCovered(covered: Bitset, k: number): boolean {
    return (covered[k >>> 5]! & (1 << (k & 31))) !== 0;
  }

  /** The uncovered column with the fewest allowed classes, and that number (-1 when none). */
  pickColumn(covered: Bitset): [number, number] {
    let col = -1;
    let fewest = Infinity;
    for (const k of this.c.order) {
      if (this.isCovered(covered, k)) continue;
      const cnt = this.allowedCount[k]!;
      if (cnt < fewest) {
        fewest = cnt;
        col = k;
        if (cnt <= 1) break;
      }
    }
    return [col, fewest];
  }

  /**
   * A lower bound on the classes still needed: the larger of a greedy packing of uncovered
   * columns no two of which share an allowed class, and the fewest allowed classes whose numbers
   * of uncovered columns add up to the number of uncovered columns (Infinity if impossible).
   */
  lowerBound(covered: Bitset, enough = Infinity): number {
    const { Q, n, W, clsCols, coverers, order } = this.c;
    const unc = this.uncovered;
    unc.length = 0;
    for (const k of order) if (!this.isCovered(covered, k)) unc.push(k);
    const u = unc.length;
    if (u === 0) return 0;
    // Packing bound.
    let lb = 0;
    const usedB = this.usedB;
    const forbB = this.forbB;
    const QW = this.QW;
    usedB.fill(0);
    for (const k of unc) {
      if (this.allowedCount[k] === 0) {
        lb = Infinity;
        break;
      }
      const cb = this.colCovB[k]!;
      let free = true;
      for (let w = 0; w < QW; w++) {
        if ((cb[w]! & usedB[w]! & ~forbB[w]!) !== 0) {
          free = false;
          break;
        }
      }
      if (!free) continue;
      lb++;
      for (let w = 0; w < QW; w++) usedB[w]! |= cb[w]! & ~forbB[w]!;
    }
    if (lb >= enough) return lb;
    // Coverage bound, with a counting sort of the gains.
    const buckets = this.buckets;
    buckets.fill(0);
    for (let q = 0; q < Q; q++) {
      if (this.forbidden[q]) continue;
      const b = clsCols[q]!;
      let g = 0;
      for (let w = 0; w < W; w++) g += popcount32(b[w]! & ~covered[w]!);
      this.gains[q] = g;
      buckets[g]!++;
    }
    let need = 0;
    let sum = 0;
    for (let g = n; g > 0 && sum < u; g--) {
      let cnt = buckets[g]!;
      while (cnt > 0 && sum < u) {
        sum += g;
        need++;
        cnt--;
      }
    }
    if (sum < u) return Infinity;
    lb = Math.max(lb, need);
    if (lb >= enough) return lb;
    // Fractional bound: Σ over uncovered columns of 1 / (most uncovered columns of a class
    // covering it) is at most the size of any cover.
    let frac = 0;
    for (const k of unc) {
      let best = 0;
      for (const q of coverers[k]!)
        if (!this.forbidden[q] && this.gains[q]! > best) best = this.gains[q]!;
      frac += 1 / best;
    }
    return Math.max(lb, Math.ceil(frac - 1e-9));
  }

  /**
   * Allowed classes of a column that are not dominated within the uncovered columns (another
   * class covers all the uncovered columns they cover): enough to find a minimum cover.
   */
  undominated(col: number, covered: Bitset): number[] {
    const { W, clsCols } = this.c;
    const list = this.candidates(col, covered);
    const resid = list.map((q) => {
      const r = new Uint32Array(W);
      const b = clsCols[q]!;
      for (let w = 0; w < W; w++) r[w] = b[w]! & ~covered[w]!;
      return r;
    });
    return list.filter((_, a) => {
      for (let b = 0; b < list.length; b++) {
        if (b === a || !isSubset(resid[a]!, resid[b]!)) continue;
        if (!equalSets(resid[a]!, resid[b]!) || b < a) return false;
      }
      return true;
    });
  }

  /** Allowed classes of a column, those covering more uncovered columns first. */
  candidates(col: number, covered: Bitset): number[] {
    const { W, clsCols } = this.c;
    const list = this.c.coverers[col]!.filter((q) => !this.forbidden[q]);
    const gain = new Map<number, number>();
    for (const q of list) {
      let g = 0;
      const b = clsCols[q]!;
      for (let w = 0; w < W; w++) g += popcount32(b[w]! & ~covered[w]!);
      gain.set(q, g);
    }
    return list.sort((a, b) => gain.get(b)! - gain.get(a)! || a - b);
  }
}

/**
 * The minimum number of classes covering the columns not yet covered, found by branch and
 * bound and remembered per set of uncovered columns.
 */
class SizeOracle {
  private readonly memo = new Map<string, { lb: number; exact: boolean }>();
  private readonly s: Searcher;
  private readonly base: Uint8Array;

  constructor(
    private readonly c: Chart,
    dominated: Uint8Array,
  ) {
    this.base = dominated.slice();
    this.s = new Searcher(c, dominated.slice());
  }

  /** The minimum size if it is at most `limit`, otherwise a number above `limit`. */
  minimum(covered: Bitset, limit: number): number {
    const key = covered.join(',');
    const m = this.memo.get(key);
    if (m && (m.exact || m.lb > limit)) return m.lb;
    this.s.reset(this.base);
    let best = limit + 1;
    let depth = 0;
    const rec = (cov: Bitset): void => {
      const [col, fewest] = this.s.pickColumn(cov);
      if (col < 0) {
        best = depth;
        return;
      }
      if (fewest === 0 || depth + 1 >= best) return;
      if (depth + this.s.lowerBound(cov, best - depth) >= best) return;
      const tried: number[] = [];
      for (const q of this.s.undominated(col, cov)) {
        depth++;
        rec(union(cov, this.c.clsCols[q]!));
        depth--;
        this.s.forbid(q);
        tried.push(q);
        if (depth + 1 >= best) break;
      }
      for (const q of tried) this.s.allow(q);
    };
    rec(covered);
    const exact = best <= limit;
    this.memo.set(key, { lb: best, exact });
    return best;
  }
}

function popcount32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
