/**
 * The linear-programming relaxation of set cover, used as a lower bound when searching for the
 * smallest covers of a prime implicant chart: minimise Σ x_q subject to Σ_{q ∋ k} x_q ≥ b_k for
 * every column k (b_k = 1 for a column still to cover, 0 otherwise), x ≥ 0. Any feasible solution
 * y of its dual (maximise Σ b_k y_k subject to Σ_{k ∈ q} y_k ≤ 1 for every implicant q, y ≥ 0)
 * shows that every cover needs at least Σ b_k y_k implicants, and at least Σ b_k y_k − Σ_{k ∈ q}
 * y_k more once q is chosen.
 *
 * Solved with the dual simplex method (explicit basis inverse): it starts from the basis of
 * surplus variables, which is dual feasible, and its objective is a valid bound at every step, so
 * a search can stop as soon as the bound is high enough. A search that chooses an implicant
 * re-solves from the parent's optimal basis with fewer columns to cover (b_k set to 0), which
 * takes few pivots. Numerical error can only weaken the bound: the duals returned are scaled
 * until they are feasible, so the bound is always valid.
 */

/** A bitset of columns (as in pi-chart.ts). */
type Bitset = Uint32Array;

/** A dual-feasible solution and its value (a lower bound on the size of any cover). */
export interface LpBound {
  /** Σ b·y: no cover of the columns has fewer implicants. */
  value: number;
  /** The dual value of each column (0 for columns not to cover). */
  y: Float64Array;
  /** True when the simplex reached optimality (the bound is the LP optimum). */
  optimal: boolean;
}

/** The state of the dual simplex: a dual-feasible basis and its solution. */
export interface LpState {
  /** Which columns must be covered (b). */
  b: Uint8Array;
  /** Basis inverse, row-major m × m. */
  Binv: Float64Array;
  /** The variable in each basis position. */
  basis: Int32Array;
  /** 1 for basic variables. */
  inBasis: Uint8Array;
  /** Values of the basic variables (B⁻¹ b). */
  xB: Float64Array;
  /** Duals (c_B B⁻¹). */
  pi: Float64Array;
  /** Reduced cost of every variable. */
  d: Float64Array;
  /** Squared norm of each row of B⁻¹ (dual steepest-edge weights). */
  w: Float64Array;
  /** The implicants that cover some column to cover (the others cannot help). */
  rel: Int32Array;
  relCount: number;
  /** Dual objective π·b. */
  obj: number;
  optimal: boolean;
}

const EPS = 1e-9;
const TOL = 1e-7;

/** The entering variable chosen so far by the ratio test. */
interface RatioTest {
  enter: number;
  ratio: number;
  alpha: number;
}

// The steps of one dual simplex iteration, as small functions (V8 optimises them sooner).

/** The leaving row: dual steepest edge (largest infeasibility relative to its row norm). */
function leavingRow(m: number, xB: Float64Array, w: Float64Array): number {
  let r = -1;
  let worst = 0;
  for (let i = 0; i < m; i++) {
    const x = xB[i]!;
    if (x < -EPS) {
      const score = (x * x) / w[i]!;
      if (score > worst) {
        worst = score;
        r = i;
      }
    }
  }
  return r;
}

/** Offers a nonbasic variable with row entry a < 0 and reduced cost dv to the ratio test. */
function offer(t: RatioTest, v: number, a: number, dv: number): void {
  const ratio = (dv > 0 ? dv : 0) / -a;
  if (ratio < t.ratio - 1e-12 || (ratio <= t.ratio + 1e-12 && -a > t.alpha)) {
    t.ratio = ratio;
    t.alpha = -a;
    t.enter = v;
  }
}

/** Row entries α of the relevant implicants, and the ratio test over them. */
function priceImplicants(
  rel: Int32Array,
  relCount: number,
  start0: Int32Array,
  idx: Int32Array,
  Binv: Float64Array,
  rho: number,
  inBasis: Uint8Array,
  d: Float64Array,
  alphaRow: Float64Array,
  t: RatioTest,
): void {
  for (let u = 0; u < relCount; u++) {
    const q = rel[u]!;
    let a = 0;
    const end = start0[q + 1]!;
    for (let e = start0[q]!; e < end; e++) a += Binv[rho + idx[e]!]!;
    alphaRow[q] = a;
    if (a < -EPS && !inBasis[q]) offer(t, q, a, d[q]!);
  }
}

/** Row entries of the singletons (Q + k) and surpluses (Q + m + k), and their ratio test. */
function priceRows(
  m: number,
  Q: number,
  Binv: Float64Array,
  rho: number,
  inBasis: Uint8Array,
  d: Float64Array,
  alphaRow: Float64Array,
  t: RatioTest,
): void {
  for (let k = 0; k < m; k++) {
    const a = Binv[rho + k]!;
    alphaRow[Q + k] = a;
    alphaRow[Q + m + k] = -a;
    // The singleton can enter when a < 0, the surplus when a > 0.
    if (a < -EPS) {
      if (!inBasis[Q + k]) offer(t, Q + k, a, d[Q + k]!);
    } else if (a > EPS && !inBasis[Q + m + k]) offer(t, Q + m + k, -a, d[Q + m + k]!);
  }
}

function updateReducedCosts(
  rel: Int32Array,
  relCount: number,
  Q: number,
  nv: number,
  inBasis: Uint8Array,
  d: Float64Array,
  alphaRow: Float64Array,
  thetaD: number,
): void {
  for (let u = 0; u < relCount; u++) {
    const q = rel[u]!;
    if (!inBasis[q]) d[q]! -= thetaD * alphaRow[q]!;
  }
  for (let v = Q; v < nv; v++) if (!inBasis[v]) d[v]! -= thetaD * alphaRow[v]!;
}

/** B⁻¹ a_q for implicant q. */
function implicantColumn(
  m: number,
  start0: Int32Array,
  idx: Int32Array,
  q: number,
  Binv: Float64Array,
  col: Float64Array,
): void {
  col.fill(0);
  const end = start0[q + 1]!;
  for (let e = start0[q]!; e < end; e++) {
    const k = idx[e]!;
    for (let i = 0; i < m; i++) col[i]! += Binv[i * m + k]!;
  }
}

/** Pivots on row r: updates x_B, B⁻¹ and the row norms. */
function pivot(
  m: number,
  r: number,
  col: Float64Array,
  xB: Float64Array,
  Binv: Float64Array,
  w: Float64Array,
): void {
  const rho = r * m;
  const ar = col[r]!;
  const thetaP = xB[r]! / ar;
  for (let i = 0; i < m; i++) if (i !== r) xB[i]! -= thetaP * col[i]!;
  xB[r] = thetaP;
  for (let k = 0; k < m; k++) Binv[rho + k]! /= ar;
  w[r] = w[r]! / (ar * ar);
  for (let i = 0; i < m; i++) {
    if (i === r) continue;
    const f = col[i]!;
    if (f === 0) continue;
    const row = i * m;
    let norm = 0;
    for (let k = 0; k < m; k++) {
      const v = Binv[row + k]! - f * Binv[rho + k]!;
      Binv[row + k] = v;
      norm += v * v;
    }
    w[i] = norm;
  }
}

/**
 * A dual simplex solver for the covering LP over a fixed family of implicants.
 *
 * Variables: implicant q (cost 1) is q; the singleton {k} (cost 1, dominated by any implicant
 * covering k, so the optimum is unchanged) is Q + k; the surplus of row k (cost 0) is Q + m + k.
 *
 * @example
 * // Columns 0, 1, 2; implicants {0, 1}, {1, 2}, {0, 2}: the LP optimum is 1.5.
 * const lp = new CoverLp(3, [[0, 1], [1, 2], [0, 2]]);
 * lp.solve(lp.start(Uint32Array.of(0b111))).value; // 1.5
 */
export class CoverLp {
  private readonly Q: number;
  private readonly nv: number;
  /** Columns of implicant q: idx[start[q]] … idx[start[q + 1] - 1]. */
  private readonly start0: Int32Array;
  private readonly idx: Int32Array;
  private readonly alphaRow: Float64Array;
  private readonly col: Float64Array;
  private readonly ratio: RatioTest = { enter: -1, ratio: Infinity, alpha: 0 };

  /**
   * @param m number of columns (rows of the LP)
   * @param colsOf the columns of each implicant
   */
  constructor(
    readonly m: number,
    private readonly colsOf: readonly (readonly number[])[],
  ) {
    this.Q = colsOf.length;
    this.nv = this.Q + 2 * m;
    this.start0 = new Int32Array(this.Q + 1);
    for (let q = 0; q < this.Q; q++) this.start0[q + 1] = this.start0[q]! + colsOf[q]!.length;
    this.idx = Int32Array.from(colsOf.flat());
    this.alphaRow = new Float64Array(this.nv);
    this.col = new Float64Array(m);
  }

  /** An empty state, to be filled by {@link start} or {@link restrict}. */
  allocate(): LpState {
    const { m, nv } = this;
    return {
      b: new Uint8Array(m),
      Binv: new Float64Array(m * m),
      basis: new Int32Array(m),
      inBasis: new Uint8Array(nv),
      xB: new Float64Array(m),
      pi: new Float64Array(m),
      d: new Float64Array(nv),
      w: new Float64Array(m),
      rel: new Int32Array(this.Q),
      relCount: 0,
      obj: 0,
      optimal: false,
    };
  }

  /** The first basis (all surpluses) for covering the columns in `U`. */
  start(U: Bitset, into: LpState = this.allocate()): LpState {
    const { m, Q } = this;
    const s = into;
    s.Binv.fill(0);
    s.inBasis.fill(0);
    s.pi.fill(0);
    for (let k = 0; k < m; k++) {
      s.b[k] = (U[k >>> 5]! >>> (k & 31)) & 1;
      s.basis[k] = Q + m + k;
      s.inBasis[Q + m + k] = 1;
      s.Binv[k * m + k] = -1;
      s.xB[k] = -s.b[k]!;
    }
    // Reduced costs with π = 0: the costs.
    s.d.fill(1, 0, Q + m);
    s.d.fill(0, Q + m);
    s.w.fill(1);
    s.relCount = this.relevant(s.b, null, 0, s.rel);
    s.obj = 0;
    s.optimal = false;
    return s;
  }

  /**
   * Writes into `out` the implicants among `from` (all when null) that meet a column of b and
   * whose load under `y` is at least `thr` (when y is given).
   */
  private relevant(
    b: Uint8Array,
    from: Int32Array | null,
    n: number,
    out: Int32Array,
    y: Float64Array | null = null,
    thr = 0,
    banned: Uint8Array | null = null,
  ): number {
    const { start0, idx } = this;
    const total = from ? n : this.Q;
    let c = 0;
    for (let t = 0; t < total; t++) {
      const q = from ? from[t]! : t;
      if (banned && banned[q]) continue;
      const end = start0[q + 1]!;
      let meets = false;
      let load = 0;
      for (let u = start0[q]!; u < end; u++) {
        const k = idx[u]!;
        if (b[k]) meets = true;
        if (y) load += y[k]!;
      }
      if (meets && (!y || load >= thr)) out[c++] = q;
    }
    return c;
  }

  /**
   * Copies `from` into `into` and stops requiring the columns in `removed`. With `y` (a feasible
   * dual of `from`), implicants whose load is below `thr` are left out of the new LP: the caller
   * has shown that they cannot be in the covers it is looking for (reduced-cost fixing), so the
   * new LP bounds only the covers without them; so are the `banned` ones.
   */
  restrict(
    from: LpState,
    removed: Bitset,
    into: LpState,
    y: Float64Array | null = null,
    thr = 0,
    banned: Uint8Array | null = null,
  ): LpState {
    into.b.set(from.b);
    into.Binv.set(from.Binv);
    into.basis.set(from.basis);
    into.inBasis.set(from.inBasis);
    into.pi.set(from.pi);
    into.d.set(from.d);
    into.w.set(from.w);
    const { m } = this;
    let changed = false;
    for (let k = 0; k < m; k++) {
      if (into.b[k] && (removed[k >>> 5]! >>> (k & 31)) & 1) {
        into.b[k] = 0;
        changed = true;
      }
    }
    into.relCount = this.relevant(into.b, from.rel, from.relCount, into.rel, y, thr, banned);
    if (!changed) {
      into.xB.set(from.xB);
      into.obj = from.obj;
      into.optimal = from.optimal;
      return into;
    }
    // x_B = B⁻¹ b and the objective π·b for the new b.
    const { Binv, b, xB, pi } = into;
    let obj = 0;
    for (let k = 0; k < m; k++) if (b[k]) obj += pi[k]!;
    for (let i = 0; i < m; i++) {
      let v = 0;
      const row = i * m;
      for (let k = 0; k < m; k++) if (b[k]) v += Binv[row + k]!;
      xB[i] = v;
    }
    into.obj = obj;
    into.optimal = false;
    return into;
  }

  /**
   * Runs the dual simplex until the basis is optimal or the bound exceeds `stopAbove`; returns
   * the (validated) bound.
   */
  solve(s: LpState, stopAbove = Infinity): LpBound {
    const { m, Q, nv, start0, idx, alphaRow, col, ratio } = this;
    const { Binv, basis, inBasis, xB, pi, d, b, w } = s;
    const maxIter = 20 * m + 200;
    for (let iter = 0; iter < maxIter && !s.optimal; iter++) {
      if (s.obj > stopAbove + TOL) {
        const bound = this.bound(s);
        if (bound.value > stopAbove + TOL) return bound;
      }
      const r = leavingRow(m, xB, w);
      if (r < 0) {
        s.optimal = true;
        break;
      }
      // Row r of B⁻¹A over the nonbasic variables, and the ratio test.
      const rho = r * m;
      ratio.enter = -1;
      ratio.ratio = Infinity;
      ratio.alpha = 0;
      priceImplicants(s.rel, s.relCount, start0, idx, Binv, rho, inBasis, d, alphaRow, ratio);
      priceRows(m, Q, Binv, rho, inBasis, d, alphaRow, ratio);
      const enter = ratio.enter;
      if (enter < 0) break; // primal infeasible: cannot happen with singletons; stop safely
      const thetaD = -ratio.ratio; // d_e / α_re, ≤ 0
      // Duals and reduced costs.
      for (let k = 0; k < m; k++) pi[k]! += thetaD * Binv[rho + k]!;
      updateReducedCosts(s.rel, s.relCount, Q, nv, inBasis, d, alphaRow, thetaD);
      d[enter] = 0;
      const leaving = basis[r]!;
      d[leaving] = -thetaD;
      s.obj += thetaD * xB[r]!;
      // Column of the entering variable: B⁻¹ a_e.
      if (enter < Q) implicantColumn(m, start0, idx, enter, Binv, col);
      else {
        const k = enter < Q + m ? enter - Q : enter - Q - m;
        const sign = enter < Q + m ? 1 : -1;
        for (let i = 0; i < m; i++) col[i] = sign * Binv[i * m + k]!;
      }
      pivot(m, r, col, xB, Binv, w);
      inBasis[leaving] = 0;
      inBasis[enter] = 1;
      basis[r] = enter;
    }
    // Keep b in the objective exact (it drifts with rounding).
    let obj = 0;
    for (let k = 0; k < m; k++) if (b[k]) obj += pi[k]!;
    s.obj = obj;
    return this.bound(s);
  }

  /** A feasible dual from the state's π: negatives clipped, scaled so no load exceeds 1. */
  bound(s: LpState): LpBound {
    const { m, start0, idx } = this;
    const y = new Float64Array(m);
    for (let k = 0; k < m; k++) y[k] = s.b[k] && s.pi[k]! > 0 ? s.pi[k]! : 0;
    let maxLoad = 1;
    // Implicants that meet no column to cover have load 0.
    for (let t = 0; t < s.relCount; t++) {
      const q = s.rel[t]!;
      let load = 0;
      const end = start0[q + 1]!;
      for (let t = start0[q]!; t < end; t++) load += y[idx[t]!]!;
      if (load > maxLoad) maxLoad = load;
    }
    let value = 0;
    for (let k = 0; k < m; k++) {
      y[k]! /= maxLoad;
      value += y[k]!;
    }
    return { value, y, optimal: s.optimal };
  }
}
