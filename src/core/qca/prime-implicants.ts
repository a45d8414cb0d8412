/**
 * Exact prime implicants, without enumerating the 3^k candidate terms.
 *
 * - When remainders may be used (parsimonious solutions), a term covering a positive row p is a
 *   prime implicant exactly when the set of conditions it fixes is a minimal transversal of the
 *   hypergraph whose edges are, for every negative row, the conditions where that row differs
 *   from p. The minimal transversals are enumerated with the MMCS algorithm (Murakami & Uno
 *   2014) on 32-bit condition masks.
 * - When they may not (conservative solutions, and intermediate ones where the easy
 *   counterfactuals are the only remainders allowed), every minterm of an implicant must be an
 *   allowed configuration, so Quine–McCluskey merging over those few configurations is exact
 *   and cheap; multi-value conditions merge when all their levels are present.
 *
 * Rows hold one level per condition; -1 marks a "don't care" value, which no literal matches.
 */
import { QcaLimitError } from './errors.ts';

/** Value of an absent condition in a term (as `ABSENT` in expression.ts). */
const ABSENT = -1;

/** The rows a minimisation must cover, must avoid, and may use. */
export interface ImplicantProblem {
  /** Levels of each condition. */
  levels: readonly number[];
  /** Rows to explain (the columns of the prime implicant chart). */
  required: readonly ArrayLike<number>[];
  /** Rows that no implicant may cover. */
  negatives: readonly ArrayLike<number>[];
  /** Further observed rows that implicants may cover (e.g. contradictions included). */
  allowed?: readonly ArrayLike<number>[];
  /** Extra configurations that may be covered (e.g. easy counterfactuals). */
  extraMinterms?: readonly ArrayLike<number>[];
  /** Whether unobserved configurations (remainders) may be covered. */
  remainders: boolean;
}

/** Limit on the number of configurations enumerated by Quine–McCluskey merging. */
export const MAX_QMC_CUBES = 4_000_000;

/**
 * True when `term` (values, {@link ABSENT} for absent conditions) covers `row`.
 *
 * @example
 * covers([1, -1], [1, 0]); // true
 * covers([1, -1], [0, 0]); // false
 */
export function covers(term: ArrayLike<number>, row: ArrayLike<number>): boolean {
  for (let j = 0; j < term.length; j++) {
    const t = term[j]!;
    if (t !== ABSENT && t !== row[j]) return false;
  }
  return true;
}

function keyOf(v: ArrayLike<number>): string {
  let s = '';
  for (let j = 0; j < v.length; j++) s += String.fromCharCode(v[j]! + 48);
  return s;
}

function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * All minimal transversals (minimal hitting sets) of a family of edges given as bit masks.
 *
 * @example
 * minimalTransversals([0b011, 0b110]); // [0b010, 0b101] in some order
 */
export function minimalTransversals(edgesIn: readonly number[]): number[] {
  // Keep only the inclusion-minimal edges.
  const sorted = [...new Set(edgesIn)].sort((a, b) => popcount(a) - popcount(b));
  const edges: number[] = [];
  for (const e of sorted) {
    if (!edges.some((f) => (f & e) === f)) edges.push(e);
  }
  const out: number[] = [];
  if (edges.length === 0) return [0];
  if (edges.some((e) => e === 0)) return [];
  const m = edges.length;
  const isMinimal = (S: number): boolean => {
    let crit = 0;
    for (let k = 0; k < m; k++) {
      const h = edges[k]! & S;
      if (h !== 0 && (h & (h - 1)) === 0) crit |= h;
    }
    return (crit & S) === S;
  };
  const rec = (S: number, cand: number, uncov: number[]): void => {
    if (uncov.length === 0) {
      out.push(S);
      return;
    }
    let best = uncov[0]!;
    let bestC = 33;
    for (const k of uncov) {
      const c = popcount(edges[k]! & cand);
      if (c < bestC) {
        bestC = c;
        best = k;
        if (c === 0) break;
      }
    }
    let C = edges[best]! & cand;
    if (C === 0) return;
    let cand2 = cand & ~C;
    while (C !== 0) {
      const bit = C & -C;
      C &= C - 1;
      const S2 = S | bit;
      if (isMinimal(S2)) {
        const next: number[] = [];
        for (const k of uncov) if ((edges[k]! & bit) === 0) next.push(k);
        rec(S2, cand2, next);
      }
      cand2 |= bit;
    }
  };
  let all = 0;
  for (const e of edges) all |= e;
  rec(
    0,
    all,
    edges.map((_, k) => k),
  );
  return out;
}

/**
 * The prime implicants of a problem that may use remainders: for each required row, the
 * minimal sets of its literals that exclude every negative row.
 */
function primesWithRemainders(p: ImplicantProblem): Int8Array[] {
  const K = p.levels.length;
  if (K > 31) throw new QcaLimitError('at most 31 conditions are supported');
  // Binary conditions: a term is (fixed conditions, their values), two masks, so a number is
  // its key; otherwise a string.
  const binary = K <= 26 && p.levels.every((l) => l === 2);
  const byNumber = new Map<number, Int8Array>();
  const byString = new Map<string, Int8Array>();
  for (const row of p.required) {
    let vmask = 0;
    let bits = 0;
    for (let j = 0; j < K; j++) {
      if (row[j]! >= 0) vmask |= 1 << j;
      if (row[j] === 1) bits |= 1 << j;
    }
    const edges: number[] = [];
    for (const neg of p.negatives) {
      let e = 0;
      for (let j = 0; j < K; j++) if (row[j] !== neg[j]) e |= 1 << j;
      edges.push(e & vmask);
    }
    for (const T of minimalTransversals(edges)) {
      if (binary) {
        const key = T * 2 ** K + (bits & T);
        if (byNumber.has(key)) continue;
        byNumber.set(key, termOf(row, T, K));
      } else {
        const term = termOf(row, T, K);
        const key = keyOf(term);
        if (!byString.has(key)) byString.set(key, term);
      }
    }
  }
  return binary ? [...byNumber.values()] : [...byString.values()];
}

/** The term fixing the conditions in mask T to the row's values. */
function termOf(row: ArrayLike<number>, T: number, K: number): Int8Array {
  const term = new Int8Array(K).fill(ABSENT);
  for (let j = 0; j < K; j++) if (T & (1 << j)) term[j] = row[j]!;
  return term;
}

/** Expands a row with "don't care" values into the configurations it stands for. */
function expandRow(row: ArrayLike<number>, levels: readonly number[], out: Int8Array[]): void {
  const K = levels.length;
  const base = Int8Array.from({ length: K }, (_, j) => row[j]!);
  const free: number[] = [];
  for (let j = 0; j < K; j++) if (base[j]! < 0) free.push(j);
  const rec = (k: number): void => {
    if (k === free.length) {
      out.push(base.slice());
      return;
    }
    const j = free[k]!;
    for (let v = 0; v < levels[j]!; v++) {
      base[j] = v;
      rec(k + 1);
    }
  };
  rec(0);
}

/** Prime implicants of a set of allowed configurations by Quine–McCluskey merging. */
function primesWithoutRemainders(p: ImplicantProblem): Int8Array[] {
  const K = p.levels.length;
  const minterms: Int8Array[] = [];
  for (const r of p.required) expandRow(r, p.levels, minterms);
  for (const r of p.allowed ?? []) expandRow(r, p.levels, minterms);
  for (const r of p.extraMinterms ?? []) expandRow(r, p.levels, minterms);
  const forbidden = new Set<string>();
  for (const r of p.negatives) {
    let dc = false;
    for (let j = 0; j < K; j++) if (r[j]! < 0) dc = true;
    if (!dc) forbidden.add(keyOf(r));
  }
  let level = new Map<string, Int8Array>();
  for (const m of minterms) {
    const k = keyOf(m);
    if (!forbidden.has(k)) level.set(k, m);
  }
  const primes: Int8Array[] = [];
  let total = level.size;
  while (level.size > 0) {
    const counts = new Map<string, number>();
    for (const [key, cube] of level) {
      for (let j = 0; j < K; j++) {
        if (cube[j] === ABSENT) continue;
        const pk = key.slice(0, j) + '/' + key.slice(j + 1) + j;
        counts.set(pk, (counts.get(pk) ?? 0) + 1);
      }
    }
    const next = new Map<string, Int8Array>();
    for (const [key, cube] of level) {
      let merged = false;
      for (let j = 0; j < K; j++) {
        if (cube[j] === ABSENT) continue;
        const parentKey = key.slice(0, j) + '/' + key.slice(j + 1);
        if (counts.get(parentKey + j) === p.levels[j]) {
          merged = true;
          if (!next.has(parentKey)) {
            const parent = cube.slice();
            parent[j] = ABSENT;
            next.set(parentKey, parent);
          }
        }
      }
      if (!merged) primes.push(cube);
    }
    total += next.size;
    if (total > MAX_QMC_CUBES) {
      throw new QcaLimitError(
        `the minimisation needs more than ${MAX_QMC_CUBES} implicants; reduce the number of conditions`,
      );
    }
    level = next;
  }
  return primes.filter((t) => p.required.some((r) => covers(t, r)));
}

/**
 * Every prime implicant that covers at least one required row.
 *
 * @example
 * const pis = primeImplicants({
 *   levels: [2, 2], required: [[1, 1], [1, 0]], negatives: [[0, 0]], remainders: false,
 * });
 * // pis: [[1, -1]] (the term A)
 */
export function primeImplicants(p: ImplicantProblem): Int8Array[] {
  return p.remainders ? primesWithRemainders(p) : primesWithoutRemainders(p);
}
