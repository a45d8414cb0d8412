/**
 * Solving the prime implicant chart: every cover of minimum size (R QCA's models), or with
 * `allSolutions` every irredundant cover, optionally after removing dominated prime implicants.
 *
 * Reductions that leave the set of covers unchanged come first: implicants with identical
 * coverage are merged into classes (expanded back at the end); a class that alone covers a
 * column is in every cover; the remaining columns split into independent parts, solved one by
 * one and combined; dominated columns are dropped. The search runs on bitsets and branches on
 * the uncovered column with the fewest candidate classes; the classes already tried at a node
 * are excluded from its later branches, so every cover is reached exactly once.
 *
 * Minimum covers are exact, found by branch and bound:
 * - a size oracle answers "can these columns be covered by r classes?" by a depth-first search
 *   over undominated classes, and remembers what it learns for every set of columns it meets
 *   (a transposition table); the minimum is found by iterative deepening;
 * - the bound is the LP relaxation of set cover (cover-lp.ts), re-solved from the parent's basis
 *   at each step; its duals also show at once which classes cannot be in a cover within the
 *   budget (reduced-cost fixing), which keeps the branching narrow and the LPs small;
 * - the enumeration descends only into branches that the oracle says can be completed, over
 *   undominated classes; covers using a dominated class are then derived by substitution.
 *
 * This is what R QCA lacks (it lists every combination of k implicants, which is why it runs for
 * minutes or overflows on charts with hundreds of implicants).
 */
import type { LpBound, LpState } from './cover-lp.ts';
import { CoverLp } from './cover-lp.ts';

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

function isEmpty(a: Bitset): boolean {
  for (let w = 0; w < a.length; w++) if (a[w] !== 0) return false;
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

function popcount32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function count(b: Bitset): number {
  let c = 0;
  for (let w = 0; w < b.length; w++) c += popcount32(b[w]!);
  return c;
}

function has(b: Bitset, k: number): boolean {
  return (b[k >>> 5]! & (1 << (k & 31))) !== 0;
}

/** A string key of a bitset, for maps. */
function keyOf(b: Bitset): string {
  let s = '';
  for (let w = 0; w < b.length; w++) {
    const x = b[w]!;
    s += String.fromCharCode(x & 0xffff, x >>> 16);
  }
  return s;
}

/** The members of `items` (indices into `sets`) whose set is not a strict subset of another's. */
function undominatedSets(sets: readonly Bitset[], items: readonly number[]): Set<number> {
  // A strict superset of a set holds its rarest element: look among the sets holding it only.
  const size = new Map<number, number>();
  const mem = new Map<number, number[]>();
  const holders: number[][] = [];
  for (const i of items) {
    const ms = members(sets[i]!);
    mem.set(i, ms);
    size.set(i, ms.length);
    for (const k of ms) (holders[k] ??= []).push(i);
  }
  const out = new Set<number>();
  for (const i of items) {
    const mine = mem.get(i)!;
    if (mine.length === 0) continue;
    let rare = holders[mine[0]!]!;
    for (const k of mine) if (holders[k]!.length < rare.length) rare = holders[k]!;
    const si = mine.length;
    const a = sets[i]!;
    let dominated = false;
    for (const j of rare) {
      if (size.get(j)! > si && isSubset(a, sets[j]!)) {
        dominated = true;
        break;
      }
    }
    if (!dominated) out.add(i);
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
  let kept = cover.map((_, i) => i).filter((i) => !isEmpty(cover[i]!));
  if (options.rowDominance) {
    const und = undominatedSets(cover, kept);
    kept = kept.filter((i) => und.has(i));
  }
  const covered0 = new Uint32Array(Math.max(1, Math.ceil(nCols / 32)));
  for (const i of kept) for (let w = 0; w < covered0.length; w++) covered0[w]! |= cover[i]![w]!;
  const uncovered: number[] = [];
  for (let c = 0; c < nCols; c++) if (!has(covered0, c)) uncovered.push(c);
  if (nCols === 0) {
    return { solutions: [[]], minimumSize: 0, kept, uncovered, truncated: false };
  }
  if (uncovered.length > 0) {
    return { solutions: [], minimumSize: 0, kept, uncovered, truncated: false };
  }
  // Classes of implicants with equal coverage, and the classes covering each column.
  const byKey = new Map<string, number>();
  const clsCover: Bitset[] = [];
  const clsItems: number[][] = [];
  for (const i of kept) {
    const key = keyOf(cover[i]!);
    const q = byKey.get(key);
    if (q === undefined) {
      byKey.set(key, clsCover.length);
      clsCover.push(cover[i]!);
      clsItems.push([i]);
    } else clsItems[q]!.push(i);
  }
  const who: number[][] = Array.from({ length: nCols }, () => []);
  clsCover.forEach((b, q) => {
    for (const c of members(b)) who[c]!.push(q);
  });
  // A class that alone covers a column is in every cover (minimum or irredundant); the columns
  // it covers need nothing else, and a class covering only those would be redundant.
  const essential = [...new Set(who.filter((l) => l.length === 1).map((l) => l[0]!))];
  const done = new Uint32Array(covered0.length);
  for (const q of essential) for (let w = 0; w < done.length; w++) done[w]! |= clsCover[q]![w]!;
  // The other columns fall apart into independent parts (no class covers columns of two): the
  // covers of the whole chart are the combinations of the covers of its parts.
  const parent = Int32Array.from({ length: nCols }, (_, c) => c);
  const find = (c: number): number => {
    while (parent[c] !== c) c = parent[c] = parent[parent[c]!]!;
    return c;
  };
  for (const b of clsCover) {
    const cols = members(b).filter((c) => !has(done, c));
    for (let t = 1; t < cols.length; t++) parent[find(cols[t]!)] = find(cols[0]!);
  }
  const parts = new Map<number, number[]>();
  for (let c = 0; c < nCols; c++) {
    if (has(done, c)) continue;
    const root = find(c);
    const list = parts.get(root);
    if (list) list.push(c);
    else parts.set(root, [c]);
  }
  let truncated = false;
  /** For each part, its covers, each a list of slots (the implicants of one class). */
  const partCovers: number[][][][] = [];
  for (const cols of parts.values()) {
    const local = new Map(cols.map((c, k) => [c, k]));
    const classes = [...new Set(cols.flatMap((c) => who[c]!))].sort((a, b) => a - b);
    const chart = reduceChart(
      cols.length,
      classes.map((q) =>
        bitsetOf(
          cols.length,
          members(clsCover[q]!).flatMap((c) => (local.has(c) ? [local.get(c)!] : [])),
        ),
      ),
      classes.map((q) => clsItems[q]!),
    );
    const found =
      options.allSolutions === true
        ? irredundantCovers(chart, maxSolutions)
        : minimumCovers(chart, maxSolutions);
    truncated ||= found.truncated;
    partCovers.push(found.covers.map((c) => c.map((q) => chart.items[q]!)));
  }
  const fixed = essential.map((q) => clsItems[q]!);

  // Every combination of the parts' covers, expanded into implicants, up to maxSolutions.
  const solutions: number[][] = [];
  let full = false;
  const expand = (slots: readonly number[][]): void => {
    const chosen: number[] = [];
    const rec = (t: number): void => {
      if (t === slots.length) {
        if (solutions.length >= maxSolutions) full = true;
        else solutions.push([...chosen].sort((a, b) => a - b));
        return;
      }
      for (const i of slots[t]!) {
        chosen.push(i);
        rec(t + 1);
        chosen.pop();
        if (full) return;
      }
    };
    rec(0);
  };
  const pick = new Array<number>(partCovers.length).fill(0);
  if (partCovers.every((pc) => pc.length > 0)) {
    for (;;) {
      expand([...fixed, ...partCovers.flatMap((pc, p) => pc[pick[p]!]!)]);
      if (full) break;
      let p = partCovers.length - 1;
      while (p >= 0 && ++pick[p]! === partCovers[p]!.length) pick[p--] = 0;
      if (p < 0) break;
    }
  }
  truncated ||= full;
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
  /** Implicants of each class. */
  items: number[][];
  /** Columns covered by each class. */
  clsCols: Bitset[];
  /** Classes covering each column, those covering more columns first. */
  coverers: number[][];
}

/**
 * Merges implicants with identical coverage into classes (`itemsOf[i]`: the implicants that
 * `cover[i]` stands for) and drops dominated columns: if every implicant covering column a also
 * covers b, covering a is enough. Classes that become equal on the remaining columns are merged
 * again.
 */
function reduceChart(
  nCols: number,
  cover: readonly Bitset[],
  itemsOf: readonly (readonly number[])[],
): Chart {
  const byKey = new Map<string, number>();
  const firstCover: Bitset[] = [];
  const firstItems: number[][] = [];
  cover.forEach((b, i) => {
    if (isEmpty(b)) return;
    const key = keyOf(b);
    const c = byKey.get(key);
    if (c === undefined) {
      byKey.set(key, firstCover.length);
      firstCover.push(b);
      firstItems.push([...itemsOf[i]!]);
    } else firstItems[c]!.push(...itemsOf[i]!);
  });
  const Q0 = firstCover.length;
  const colCov: Bitset[] = [];
  const who: number[][] = Array.from({ length: nCols }, () => []);
  for (let q = 0; q < Q0; q++) for (const c of members(firstCover[q]!)) who[c]!.push(q);
  for (let c = 0; c < nCols; c++) colCov.push(bitsetOf(Q0, who[c]!));
  const colCount = who.map((l) => l.length);
  const cols: number[] = [];
  for (let b = 0; b < nCols; b++) {
    let dominated = false;
    for (let a = 0; a < nCols && !dominated; a++) {
      if (a === b || colCount[a]! > colCount[b]! || !isSubset(colCov[a]!, colCov[b]!)) continue;
      if (colCount[a] === colCount[b] ? a < b : true) dominated = true;
    }
    if (!dominated) cols.push(b);
  }
  const n = cols.length;
  const W = Math.max(1, Math.ceil(n / 32));
  const byKey2 = new Map<string, number>();
  const items: number[][] = [];
  const clsCols: Bitset[] = [];
  for (let q = 0; q < Q0; q++) {
    const b = new Uint32Array(W);
    const fc = firstCover[q]!;
    for (let k = 0; k < n; k++) if (has(fc, cols[k]!)) b[k >>> 5]! |= 1 << (k & 31);
    if (isEmpty(b)) continue;
    const key = keyOf(b);
    const c = byKey2.get(key);
    if (c === undefined) {
      byKey2.set(key, clsCols.length);
      clsCols.push(b);
      items.push([...firstItems[q]!]);
    } else items[c]!.push(...firstItems[q]!);
  }
  for (const list of items) list.sort((a, b) => a - b);
  const Q = clsCols.length;
  const weight = clsCols.map(count);
  const coverers: number[][] = Array.from({ length: n }, () => []);
  for (let q = 0; q < Q; q++) for (const k of members(clsCols[q]!)) coverers[k]!.push(q);
  for (const list of coverers) list.sort((a, b) => weight[b]! - weight[a]! || a - b);
  return { Q, n, W, items, clsCols, coverers };
}

/** What the oracle knows about one set of columns. */
interface MemoEntry {
  /** No cover has fewer classes. */
  lb: number;
  /** Some cover has this many classes (Infinity when none is known). */
  ub: number;
}

/** Entries kept before the oracle forgets what it learnt (to bound memory). */
const MEMO_LIMIT = 1_000_000;
/** Charts with more columns than this are searched without the LP bound (its basis is m × m). */
const LP_MAX_COLUMNS = 600;
const TOL = 1e-7;

/** A set of columns with its LP state (optimal unless the bound already exceeded the budget). */
interface Node {
  U: Bitset;
  st: LpState | null;
  bound: LpBound;
}

/**
 * Decides whether a set of columns can be covered by at most r classes, remembering for each set
 * of columns met the bounds it learnt. Bounds: the LP relaxation (re-solved from the parent's
 * basis) and a packing of columns no two of which share a class.
 */
class SizeOracle {
  private readonly memo = new Map<string, MemoEntry>();
  /** Undominated classes covering each column. */
  private readonly cov: number[][];
  /** For each column, the columns that share an undominated class with it (itself included). */
  private readonly conflict: Bitset[];
  /** Columns, those with the fewest undominated classes first (the packing order). */
  private readonly order: number[];
  private readonly scratch: Bitset;
  private readonly lp: CoverLp | null;
  /** LP states by search depth (reused). */
  private readonly states: LpState[] = [];
  private readonly zero: LpBound;
  /** Columns of each class. */
  readonly colsOf: number[][];
  /** 1 for the classes whose columns are not a strict subset of another class's. */
  readonly undominated: Uint8Array;
  private readonly loads: Float64Array;
  private readonly stamps: Int32Array;
  private readonly allowStamps: Int32Array;
  private stamp = 0;
  /** The LP's implicants (undominated classes) and each class's index among them (or -1). */
  private readonly lpClass: Int32Array;
  private readonly lpIndex: Int32Array;
  /**
   * Classes (by LP index) shown to be in no cover within the budget of the search below the
   * current node: siblings already tried. Left out of the LPs and of the branching there.
   */
  private readonly banned: Uint8Array;

  constructor(private readonly c: Chart) {
    const und = undominatedSets(
      c.clsCols,
      c.clsCols.map((_, q) => q),
    );
    this.undominated = new Uint8Array(c.Q);
    this.loads = new Float64Array(c.Q);
    this.stamps = new Int32Array(c.Q);
    for (const q of und) this.undominated[q] = 1;
    this.cov = c.coverers.map((list) => list.filter((q) => und.has(q)));
    this.conflict = this.cov.map((list) => {
      const b = new Uint32Array(c.W);
      for (const q of list) {
        const cc = c.clsCols[q]!;
        for (let w = 0; w < c.W; w++) b[w]! |= cc[w]!;
      }
      return b;
    });
    const degree = this.conflict.map(count);
    this.order = this.cov
      .map((_, k) => k)
      .sort((a, b) => degree[a]! - degree[b]! || this.cov[a]!.length - this.cov[b]!.length);
    this.scratch = new Uint32Array(c.W);
    this.colsOf = c.clsCols.map(members);
    this.lpClass = Int32Array.from([...und].sort((a, b) => a - b));
    this.lpIndex = new Int32Array(c.Q).fill(-1);
    this.lpClass.forEach((q, i) => (this.lpIndex[q] = i));
    this.banned = new Uint8Array(this.lpClass.length);
    this.allowStamps = new Int32Array(c.Q);
    this.lp =
      c.n <= LP_MAX_COLUMNS
        ? new CoverLp(
            c.n,
            Array.from(this.lpClass, (q) => this.colsOf[q]!),
          )
        : null;
    this.zero = { value: 0, y: new Float64Array(c.n), optimal: false };
  }

  /**
   * A lower bound on the classes needed: a greedy set of columns no two of which share a class.
   */
  packing(U: Bitset): number {
    const cand = this.scratch;
    cand.set(U);
    const W = this.c.W;
    let lb = 0;
    for (const k of this.order) {
      if (!has(cand, k)) continue;
      lb++;
      const cf = this.conflict[k]!;
      for (let w = 0; w < W; w++) cand[w]! &= ~cf[w]!;
    }
    return lb;
  }

  private entry(U: Bitset): MemoEntry {
    const key = keyOf(U);
    let m = this.memo.get(key);
    if (!m) {
      if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
      m = { lb: this.packing(U), ub: Infinity };
      this.memo.set(key, m);
    }
    return m;
  }

  private stateAt(depth: number): LpState {
    let s = this.states[depth];
    if (!s) this.states[depth] = s = this.lp!.allocate();
    return s;
  }

  /** The root node: every column, with its LP solved. */
  root(U: Bitset): Node {
    if (!this.lp) return { U, st: null, bound: this.zero };
    const st = this.lp.start(U, this.stateAt(0));
    return { U, st, bound: this.lp.solve(st) };
  }

  /**
   * The child of a node once class q is chosen, with `r` classes left for it; null when a bound
   * shows that `r` are not enough. The child's LP state lives at `depth`.
   */
  child(node: Node, q: number, r: number, depth: number): Node | null {
    const { bound } = node;
    // With q chosen, the rest needs at least bound.value − load(q) classes.
    if (bound.value - this.load(q, bound.y) > r + TOL) {
      return null;
    }
    const { W, clsCols } = this.c;
    const b = clsCols[q]!;
    const U = new Uint32Array(W);
    for (let w = 0; w < W; w++) U[w] = node.U[w]! & ~b[w]!;
    if (isEmpty(U)) return { U, st: null, bound: this.zero };
    const m = this.entry(U);
    if (r < m.lb) return null;
    if (!this.lp || !node.st) return { U, st: null, bound: this.zero };
    // Classes that fail the test above for the parent cannot be in a cover of U with r classes
    // either: the child's LP leaves them out, so its bound holds up to r + 1.
    const st = this.lp.restrict(
      node.st,
      b,
      this.stateAt(depth),
      bound.y,
      bound.value - r - TOL,
      this.banned,
    );
    const cb = this.lp.solve(st, r);
    m.lb = Math.max(m.lb, Math.min(Math.ceil(cb.value - TOL), r + 1));
    if (r < m.lb) return null;
    return { U, st, bound: cb };
  }

  /** The smallest number of classes covering the node's columns. */
  minimum(node: Node): number {
    const m = this.entry(node.U);
    m.lb = Math.max(m.lb, Math.ceil(node.bound.value - TOL));
    let r = m.lb;
    while (!this.feasible(node, r, 0)) r++;
    return r;
  }

  /**
   * The classes worth trying at a node whose child gets `r` classes: those of the uncovered
   * column with the fewest classes that pass the LP test (a class q can be in a cover of U with
   * r + 1 classes only if bound − load(q) ≤ r), skipping forbidden ones. Branching there keeps
   * the search narrow; an empty list means that no cover of that size exists.
   */
  branch(
    node: Node,
    r: number,
    lists: readonly (readonly number[])[],
    forbidden: Uint8Array | null,
  ): number[] {
    const { U, bound, st } = node;
    const thr = bound.value - r - TOL;
    const stamp = ++this.stamp;
    const loads = this.loads;
    const stamps = this.stamps;
    // Allowed: the classes of the node's LP (those left out were shown useless), else unbanned.
    const allow = this.allowStamps;
    if (st) {
      for (let t = 0; t < st.relCount; t++) allow[this.lpClass[st.rel[t]!]!] = stamp;
    } else {
      for (let i = 0; i < this.lpClass.length; i++) {
        if (!this.banned[i]) allow[this.lpClass[i]!] = stamp;
      }
    }
    let col = -1;
    let fewest = Infinity;
    const W = this.c.W;
    for (let w = 0; w < W && fewest > 0; w++) {
      let x = U[w]!;
      while (x !== 0) {
        const low = x & -x;
        x ^= low;
        const k = w * 32 + 31 - Math.clz32(low);
        let cnt = 0;
        for (const q of lists[k]!) {
          if ((forbidden && forbidden[q]) || allow[q] !== stamp) continue;
          if (stamps[q] !== stamp) {
            stamps[q] = stamp;
            loads[q] = this.load(q, bound.y);
          }
          if (loads[q]! >= thr && ++cnt >= fewest) break;
        }
        if (cnt < fewest) {
          fewest = cnt;
          col = k;
          if (cnt === 0) break;
        }
      }
    }
    if (col < 0) return [];
    return lists[col]!.filter(
      (q) => !(forbidden && forbidden[q]) && allow[q] === stamp && loads[q]! >= thr,
    );
  }

  /** The dual load of a class: Σ y over its columns. */
  load(q: number, y: Float64Array): number {
    let s = 0;
    for (const k of this.colsOf[q]!) s += y[k]!;
    return s;
  }

  /** True when the node's columns can be covered by at most `r` classes. */
  feasible(node: Node, r: number, depth: number): boolean {
    const { U } = node;
    if (isEmpty(U)) return true;
    if (r <= 0) return false;
    const m = this.entry(U);
    if (r >= m.ub) return true;
    if (r < m.lb) return false;
    const cands = this.branch(node, r - 1, this.cov, null);
    // Once a class has failed, the later branches need not consider it.
    const tried: number[] = [];
    let ok = false;
    for (const q of cands.length > 1 ? this.undominatedIn(cands, U) : cands) {
      const next = this.child(node, q, r - 1, depth + 1);
      if (next && this.feasible(next, r - 1, depth + 1)) {
        ok = true;
        break;
      }
      const i = this.lpIndex[q]!;
      if (!this.banned[i]) {
        this.banned[i] = 1;
        tried.push(i);
      }
    }
    for (const i of tried) this.banned[i] = 0;
    if (ok) {
      m.ub = Math.min(m.ub, r);
      return true;
    }
    m.lb = Math.max(m.lb, r + 1);
    return false;
  }

  /**
   * The classes of a column that are not dominated within the columns `U` (another class covers
   * all of U's columns they cover), those covering more of U first: enough to find a smallest
   * cover.
   */
  private undominatedIn(list: readonly number[], U: Bitset): number[] {
    const { W, clsCols } = this.c;
    const resid = list.map((q) => {
      const r = new Uint32Array(W);
      const b = clsCols[q]!;
      for (let w = 0; w < W; w++) r[w] = b[w]! & U[w]!;
      return r;
    });
    const size = resid.map(count);
    const keep: number[] = [];
    for (let a = 0; a < list.length; a++) {
      let dominated = false;
      for (let b = 0; b < list.length && !dominated; b++) {
        if (b === a || size[b]! < size[a]! || !isSubset(resid[a]!, resid[b]!)) continue;
        if (size[b]! > size[a]! || b < a) dominated = true;
      }
      if (!dominated) keep.push(a);
    }
    keep.sort((a, b) => size[b]! - size[a]! || a - b);
    return keep.map((a) => list[a]!);
  }
}

/**
 * Every cover of minimum size, as lists of classes.
 *
 * The search runs over undominated classes only; the covers that use a dominated class p are
 * found afterwards by substitution. If p's columns are a strict subset of q's and p is in a
 * minimum cover, swapping p for q gives another minimum cover; so every minimum cover arises from
 * one of undominated classes by replacing some of its classes with classes they dominate, keeping
 * every column covered.
 */
function minimumCovers(c: Chart, maxSolutions: number): { covers: number[][]; truncated: boolean } {
  const { n, W, Q, coverers, clsCols } = c;
  const oracle = new SizeOracle(c);
  const all = new Uint32Array(W);
  for (let k = 0; k < n; k++) all[k >>> 5]! |= 1 << (k & 31);
  const root = oracle.root(all);
  const best = oracle.minimum(root);
  const colsOf = oracle.colsOf;
  const und = oracle.undominated;
  const undCoverers = coverers.map((list) => list.filter((q) => und[q]));
  const forbidden = new Uint8Array(Q);
  const subs = substitutes(c, und);
  const seen = new Set<string>();
  const found: number[][] = [];
  const chosen: number[] = [];
  let truncated = false;
  const lost = subs.map((list, q) => {
    return list.map((p) => colsOf[q]!.filter((k) => !has(clsCols[p]!, k)));
  });
  const emit = (cover: number[]): boolean => {
    if (truncated) return false;
    cover.sort((x, y) => x - y);
    const key = cover.join(',');
    if (seen.has(key)) return true;
    seen.add(key);
    found.push(cover);
    if (found.length >= maxSolutions) truncated = true;
    return !truncated;
  };
  const rec = (node: Node, left: number, depth: number): void => {
    const { U } = node;
    if (isEmpty(U)) {
      expandSubstitutions(n, colsOf, chosen, subs, lost, emit);
      return;
    }
    const cands = oracle.branch(node, left - 1, undCoverers, forbidden);
    const tried: number[] = [];
    for (const q of cands) {
      const next = oracle.child(node, q, left - 1, depth + 1);
      if (next && oracle.feasible(next, left - 1, depth + 1)) {
        chosen.push(q);
        rec(next, left - 1, depth + 1);
        chosen.pop();
        if (truncated) break;
      }
      forbidden[q] = 1;
      tried.push(q);
    }
    for (const q of tried) forbidden[q] = 0;
  };
  rec(root, best, 0);
  return { covers: found, truncated };
}

/** For each undominated class, the classes whose columns are a strict subset of its own. */
function substitutes(c: Chart, und: Uint8Array): number[][] {
  const { Q, clsCols, coverers } = c;
  const subs: number[][] = Array.from({ length: Q }, () => []);
  for (let p = 0; p < Q; p++) {
    if (und[p]) continue;
    const cols = members(clsCols[p]!);
    // A superset covers p's rarest column.
    let rare = coverers[cols[0]!]!;
    for (const k of cols) if (coverers[k]!.length < rare.length) rare = coverers[k]!;
    for (const q of rare) {
      if (und[q] && q !== p && isSubset(clsCols[p]!, clsCols[q]!)) subs[q]!.push(p);
    }
  }
  return subs;
}

/**
 * Calls `emit` with the cover and with every variant in which some classes are replaced by
 * classes they dominate while every column stays covered. `lost[q][j]` lists the columns of q
 * outside its j-th substitute.
 */
function expandSubstitutions(
  n: number,
  colsOf: readonly number[][],
  cover: readonly number[],
  subs: readonly number[][],
  lost: readonly number[][][],
  emit: (cover: number[]) => boolean,
): void {
  const counts = new Int32Array(n);
  for (const q of cover) for (const k of colsOf[q]!) counts[k]!++;
  const out = cover.slice();
  let stop = false;
  const rec = (i: number): void => {
    if (stop) return;
    if (i === cover.length) {
      stop = !emit(out.slice());
      return;
    }
    rec(i + 1);
    const q = cover[i]!;
    const list = subs[q]!;
    for (let j = 0; j < list.length && !stop; j++) {
      // Replacing q by its substitute uncovers q's other columns that no other class covers.
      const gone = lost[q]![j]!;
      let ok = true;
      for (const k of gone) {
        if (counts[k] === 1) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      for (const k of gone) counts[k]!--;
      out[i] = list[j]!;
      rec(i + 1);
      out[i] = q;
      for (const k of gone) counts[k]!++;
    }
  };
  rec(0);
}

/** Every irredundant cover, as lists of classes. */
function irredundantCovers(
  c: Chart,
  maxSolutions: number,
): { covers: number[][]; truncated: boolean } {
  const { n, W, Q, clsCols, coverers } = c;
  const colsOf = clsCols.map(members);
  const allowedCount = Int32Array.from(coverers, (l) => l.length);
  const forbidden = new Uint8Array(Q);
  const colCount = new Int32Array(n);
  const found: number[][] = [];
  const chosen: number[] = [];
  let truncated = false;
  const irredundant = (): boolean => {
    for (const q of chosen) {
      if (!colsOf[q]!.some((k) => colCount[k] === 1)) return false;
    }
    return true;
  };
  const rec = (U: Bitset): void => {
    let col = -1;
    let fewest = Infinity;
    for (let w = 0; w < W; w++) {
      let x = U[w]!;
      while (x !== 0) {
        const low = x & -x;
        x ^= low;
        const k = w * 32 + 31 - Math.clz32(low);
        if (allowedCount[k]! < fewest) {
          fewest = allowedCount[k]!;
          col = k;
        }
      }
    }
    if (col < 0) {
      found.push(chosen.slice());
      if (found.length >= maxSolutions) truncated = true;
      return;
    }
    if (fewest === 0) return;
    const tried: number[] = [];
    for (const q of coverers[col]!) {
      if (forbidden[q]) continue;
      chosen.push(q);
      for (const k of colsOf[q]!) colCount[k]!++;
      if (irredundant()) {
        const b = clsCols[q]!;
        const next = new Uint32Array(W);
        for (let w = 0; w < W; w++) next[w] = U[w]! & ~b[w]!;
        rec(next);
      }
      for (const k of colsOf[q]!) colCount[k]!--;
      chosen.pop();
      forbidden[q] = 1;
      for (const k of colsOf[q]!) allowedCount[k]!--;
      tried.push(q);
      if (truncated) break;
    }
    for (const q of tried) {
      forbidden[q] = 0;
      for (const k of colsOf[q]!) allowedCount[k]!++;
    }
  };
  const all = new Uint32Array(W);
  for (let k = 0; k < n; k++) all[k >>> 5]! |= 1 << (k & 31);
  rec(all);
  return { covers: found, truncated };
}
