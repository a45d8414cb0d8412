/**
 * Directional expectations and easy counterfactuals for intermediate solutions.
 *
 * For a pair of a conservative model C and a parsimonious model P, every term of C that has a
 * superset in P keeps only the literals that agree with the expectations (conditions without an
 * expectation keep theirs; a conjunctural expectation such as `~LIT*IND` is kept or dropped as a
 * block). The easy counterfactuals are the remainders that P uses (its simplifying assumptions)
 * and that lie inside those relaxed terms.
 */
import { QcaInputError } from './errors.ts';
import type { ConditionLabel } from './expression.ts';
import { ABSENT, parseConjunction, splitTopLevel } from './expression.ts';

/** Parsed directional expectations. */
export interface DirectionalExpectations {
  /** For each condition, the expected values (null when there is no single expectation). */
  single: (Set<number> | null)[];
  /** Conjunctural expectations: each a set of conditions with their expected values. */
  blocks: { condition: number; values: Set<number> }[][];
}

/**
 * Parses directional expectations such as `"A, ~B, C"`, `"DEV[1,2], URB[1]"` or
 * `"DEV, STB, ~LIT*IND"`. A `-` item (R's "don't care") is ignored.
 *
 * @example
 * const d = parseDirectionalExpectations('A, ~B', [{ name: 'A', levels: 2 }, { name: 'B', levels: 2 }]);
 * [...d.single[1]!]; // [0]
 */
export function parseDirectionalExpectations(
  text: string | readonly string[],
  conditions: readonly ConditionLabel[],
): DirectionalExpectations {
  const items = (typeof text === 'string' ? splitTopLevel(text, ',') : [...text])
    .map((s) => s.trim())
    .filter((s) => s !== '' && s !== '-');
  if (items.length === 0) throw new QcaInputError('the directional expectations are empty');
  const single: (Set<number> | null)[] = conditions.map(() => null);
  const blocks: DirectionalExpectations['blocks'] = [];
  for (const item of items) {
    const lits = parseConjunction(item, conditions);
    if (lits.length === 1) {
      const l = lits[0]!;
      const s = single[l.condition] ?? new Set<number>();
      for (const v of l.values) s.add(v);
      single[l.condition] = s;
    } else {
      blocks.push(lits.map((l) => ({ condition: l.condition, values: new Set(l.values) })));
    }
  }
  return { single, blocks };
}

/**
 * Drops from a conservative term the literals that contradict the expectations.
 *
 * @example
 * // expectations "A, B": the term A*~B*C becomes A*C
 * const d = parseDirectionalExpectations('A, B', [
 *   { name: 'A', levels: 2 }, { name: 'B', levels: 2 }, { name: 'C', levels: 2 },
 * ]);
 * relaxTerm(Int8Array.of(1, 0, 1), d); // Int8Array [1, -1, 1]
 */
export function relaxTerm(term: ArrayLike<number>, exp: DirectionalExpectations): Int8Array {
  const out = Int8Array.from({ length: term.length }, (_, j) => term[j]!);
  for (let j = 0; j < term.length; j++) {
    const e = exp.single[j];
    const v = term[j]!;
    if (e && v !== ABSENT && !e.has(v)) out[j] = ABSENT;
  }
  for (const block of exp.blocks) {
    const agrees = block.every(
      (b) => term[b.condition] === ABSENT || b.values.has(term[b.condition]!),
    );
    if (!agrees) for (const b of block) out[b.condition] = ABSENT;
  }
  return out;
}

/**
 * True when `sup` (a term) contains every case of `sub`, i.e. its literals are among sub's.
 *
 * @example
 * isSupersetTerm([1, -1], [1, 0]); // true
 */
export function isSupersetTerm(sup: ArrayLike<number>, sub: ArrayLike<number>): boolean {
  for (let j = 0; j < sup.length; j++) {
    if (sup[j] !== ABSENT && sup[j] !== sub[j]) return false;
  }
  return true;
}

/**
 * The intersection of two terms, or null when they exclude each other.
 *
 * @example
 * intersectTerms([1, -1], [-1, 0]); // Int8Array [1, 0]
 */
export function intersectTerms(a: ArrayLike<number>, b: ArrayLike<number>): Int8Array | null {
  const out = new Int8Array(a.length);
  for (let j = 0; j < a.length; j++) {
    const x = a[j]!;
    const y = b[j]!;
    if (x === ABSENT) out[j] = y;
    else if (y === ABSENT || y === x) out[j] = x;
    else return null;
  }
  return out;
}
