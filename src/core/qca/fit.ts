/**
 * Parameters of fit, as R QCA computes them: sufficiency inclusion (inclS), proportional
 * reduction in inconsistency (PRI) and coverage (covS); necessity inclusion (inclN), relevance
 * (RoN) and coverage (covN); unique coverage of the terms of a model (covU). Values below 1e-5
 * become 0.
 */
import type { QcaCondition, QcaData } from './dataset.ts';
import { QcaInputError } from './errors.ts';
import type { ConditionLabel, Literal } from './expression.ts';
import { formatConjunction, parseExpression } from './expression.ts';

/** Sufficiency parameters of fit. */
export interface SufficiencyFit {
  inclS: number;
  PRI: number;
  covS: number;
}

/** Necessity parameters of fit. */
export interface NecessityFit {
  inclN: number;
  RoN: number;
  covN: number;
}

/** A term's fit within a model, with its unique coverage. */
export interface TermFit extends SufficiencyFit {
  covU: number;
}

/** Both kinds of fit of one set, e.g. a single condition or its negation. */
export interface SetFit extends SufficiencyFit, NecessityFit {
  set: string;
}

/** Sets values below 1e-5 to 0 (as R QCA does). */
function z(v: number): number {
  return v < 1e-5 ? 0 : v;
}

/**
 * Sufficiency of X for Y: inclS = Σmin(X,Y)/ΣX, covS = Σmin(X,Y)/ΣY,
 * PRI = (Σmin(X,Y) − Σmin(X,Y,1−Y)) / (ΣX − Σmin(X,Y,1−Y)).
 *
 * @example
 * sufficiency([1, 1, 0], [1, 0, 1]); // { inclS: 0.5, PRI: 0.5, covS: 0.5 }
 */
export function sufficiency(x: ArrayLike<number>, y: ArrayLike<number>): SufficiencyFit {
  let sx = 0;
  let sy = 0;
  let sxy = 0;
  let sxyn = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i]!;
    const b = y[i]!;
    const m = a < b ? a : b;
    sx += a;
    sy += b;
    sxy += m;
    const nb = 1 - b;
    sxyn += m < nb ? m : nb;
  }
  return { inclS: z(sxy / sx), PRI: z((sxy - sxyn) / (sx - sxyn)), covS: z(sxy / sy) };
}

/**
 * Necessity of X for Y: inclN = Σmin(X,Y)/ΣY, covN = Σmin(X,Y)/ΣX, RoN = Σ(1−X)/Σ(1−min(X,Y)).
 *
 * @example
 * necessity([1, 1, 0], [1, 0, 0]).inclN; // 1
 */
export function necessity(x: ArrayLike<number>, y: ArrayLike<number>): NecessityFit {
  let sx = 0;
  let sy = 0;
  let sxy = 0;
  let snx = 0;
  let snxy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i]!;
    const b = y[i]!;
    const m = a < b ? a : b;
    sx += a;
    sy += b;
    sxy += m;
    snx += 1 - a;
    snxy += 1 - m;
  }
  return { inclN: z(sxy / sy), RoN: z(snx / snxy), covN: z(sxy / sx) };
}

/**
 * Each case's membership in a literal: x or 1 − x for fuzzy sets (the maximum over the selected
 * values), 1 or 0 for crisp ones; a "don't care" value belongs to no literal.
 *
 * @example
 * // for a fuzzy condition with scores [0.2, 0.9]: literalMembership(cond, [0]) -> [0.8, 0.1]
 */
export function literalMembership(cond: QcaCondition, values: readonly number[]): Float64Array {
  const n = cond.values.length;
  const out = new Float64Array(n);
  const fuzzy = cond.kind === 'fuzzy';
  const has0 = values.includes(0);
  const has1 = values.includes(1);
  for (let i = 0; i < n; i++) {
    if (cond.dontCare[i]) continue;
    const x = cond.values[i]!;
    if (fuzzy) {
      const a = has1 ? x : 0;
      const b = has0 ? 1 - x : 0;
      out[i] = a > b ? a : b;
    } else out[i] = values.includes(x) ? 1 : 0;
  }
  return out;
}

/**
 * Each case's membership in a term given as one value per condition ({@link ABSENT} when
 * absent): the minimum over its literals.
 *
 * @example
 * // termMembership(data.conditions, [1, -1, 0]) is min(A, 1 − C) per case for fuzzy A and C
 */
export function termMembership(
  conditions: readonly QcaCondition[],
  term: ArrayLike<number>,
): Float64Array {
  const lits: Literal[] = [];
  for (let j = 0; j < term.length; j++) {
    if (term[j]! >= 0) lits.push({ condition: j, values: [term[j]!] });
  }
  return conjunctionMembership(conditions, lits);
}

/**
 * A cache of literal memberships, for computing the membership of many terms over the same
 * conditions quickly.
 *
 * @example
 * const m = new MembershipCache(data.conditions);
 * m.term([1, -1, 0]); // same as termMembership(data.conditions, [1, -1, 0])
 */
export class MembershipCache {
  private readonly literals = new Map<number, Float64Array>();

  constructor(private readonly conditions: readonly QcaCondition[]) {}

  /** Each case's membership in the literal `condition = value`. */
  literal(condition: number, value: number): Float64Array {
    const key = condition * 256 + value;
    let m = this.literals.get(key);
    if (!m) {
      m = literalMembership(this.conditions[condition]!, [value]);
      this.literals.set(key, m);
    }
    return m;
  }

  /** Each case's membership in a term (values, -1 for absent conditions). */
  term(term: ArrayLike<number>): Float64Array {
    const n = this.conditions[0]?.values.length ?? 0;
    const out = new Float64Array(n).fill(1);
    for (let j = 0; j < term.length; j++) {
      const v = term[j]!;
      if (v < 0) continue;
      const m = this.literal(j, v);
      for (let i = 0; i < n; i++) if (m[i]! < out[i]!) out[i] = m[i]!;
    }
    return out;
  }
}

/**
 * Each case's membership in a conjunction of literals (1 for the empty conjunction).
 *
 * @example
 * // conjunctionMembership(data.conditions, parseConjunction('A*~B', labels))
 */
export function conjunctionMembership(
  conditions: readonly QcaCondition[],
  literals: readonly Literal[],
): Float64Array {
  const n = conditions[0]?.values.length ?? 0;
  const out = new Float64Array(n).fill(1);
  for (const lit of literals) {
    const m = literalMembership(conditions[lit.condition]!, lit.values);
    for (let i = 0; i < n; i++) if (m[i]! < out[i]!) out[i] = m[i]!;
  }
  return out;
}

/**
 * Each case's membership in a union of sets: the maximum.
 *
 * @example
 * unionMembership([Float64Array.of(0.2, 0.9), Float64Array.of(0.5, 0.1)], 2); // [0.5, 0.9]
 */
export function unionMembership(sets: readonly Float64Array[], n: number): Float64Array {
  const out = new Float64Array(n);
  for (const s of sets) for (let i = 0; i < n; i++) if (s[i]! > out[i]!) out[i] = s[i]!;
  return out;
}

/**
 * Fit of a model (a union of terms) and of each term within it; a term's unique coverage is the
 * model's coverage minus the coverage of the model without that term. `termFits`, when given,
 * are the terms' own sufficiency (computed once when many models share terms).
 *
 * @example
 * const f = modelFit([Float64Array.of(1, 0), Float64Array.of(0, 1)], Float64Array.of(1, 1));
 * f.model.covS; // 1
 * f.terms[0].covU; // 0.5
 */
export function modelFit(
  terms: readonly Float64Array[],
  y: Float64Array,
  termFits?: readonly SufficiencyFit[],
): { model: SufficiencyFit; terms: TermFit[] } {
  const n = y.length;
  const all = unionMembership(terms, n);
  const model = sufficiency(all, y);
  let sy = 0;
  let sAll = 0;
  for (let i = 0; i < n; i++) {
    sy += y[i]!;
    sAll += Math.min(all[i]!, y[i]!);
  }
  // The union of the other terms, per case: the largest membership, or the second largest where
  // this term holds the largest (the same values as taking the maximum over the others).
  const best = new Float64Array(n);
  const top = new Int32Array(n).fill(-1);
  const second = new Float64Array(n);
  for (let k = 0; k < terms.length; k++) {
    const t = terms[k]!;
    for (let i = 0; i < n; i++) {
      const v = t[i]!;
      if (v > best[i]!) {
        second[i] = best[i]!;
        best[i] = v;
        top[i] = k;
      } else if (v > second[i]!) second[i] = v;
    }
  }
  const fits = terms.map((t, k) => {
    let sOthers = 0;
    for (let i = 0; i < n; i++) {
      const others = top[i] === k ? second[i]! : best[i]!;
      sOthers += Math.min(others, y[i]!);
    }
    return { ...(termFits?.[k] ?? sufficiency(t, y)), covU: z((sAll - sOthers) / sy) };
  });
  return { model, terms: fits };
}

/**
 * Sufficiency of many terms over the same data, fast: with crisp conditions a term's cases are a
 * bitset (the AND of its literals' bitsets), so its fit needs only the outcome of those cases;
 * with fuzzy ones memberships are computed in a reused buffer. The results equal
 * {@link sufficiency} of {@link termMembership}.
 *
 * @example
 * const f = new TermFitter(data.conditions, data.outcome.membership);
 * f.fit([1, -1, 0]); // { inclS, PRI, covS } of A*~C
 */
export class TermFitter {
  private readonly words: number;
  /** Bitset of the cases in each literal (condition j, value v), when every condition is crisp. */
  private readonly literals: Uint32Array[][] | null;
  private readonly scratch: Uint32Array;
  private readonly cache: MembershipCache;
  private readonly sy: number;

  constructor(
    private readonly conditions: readonly QcaCondition[],
    private readonly y: Float64Array,
  ) {
    const n = y.length;
    this.words = Math.max(1, Math.ceil(n / 32));
    this.scratch = new Uint32Array(this.words);
    this.cache = new MembershipCache(conditions);
    let sy = 0;
    for (let i = 0; i < n; i++) sy += y[i]!;
    this.sy = sy;
    this.literals = conditions.every((c) => c.kind !== 'fuzzy')
      ? conditions.map((c) =>
          Array.from({ length: c.levels }, (_, v) => {
            const b = new Uint32Array(this.words);
            for (let i = 0; i < n; i++) {
              if (!c.dontCare[i] && c.values[i] === v) b[i >>> 5]! |= 1 << (i & 31);
            }
            return b;
          }),
        )
      : null;
  }

  /** Sufficiency of a term (one value per condition, -1 where absent) for the outcome. */
  fit(term: ArrayLike<number>): SufficiencyFit {
    if (!this.literals) return sufficiency(this.cache.term(term), this.y);
    const T = this.scratch;
    T.fill(0xffffffff);
    const n = this.y.length;
    if (n % 32 !== 0) T[this.words - 1] = (2 ** (n % 32) - 1) >>> 0;
    for (let j = 0; j < term.length; j++) {
      const v = term[j]!;
      if (v < 0) continue;
      const lit = this.literals[j]![v];
      if (!lit) {
        T.fill(0);
        break;
      }
      for (let w = 0; w < this.words; w++) T[w]! &= lit[w]!;
    }
    // Crisp memberships: Σx = |T|, Σmin(x, y) = Σ_{i∈T} y, Σmin(x, y, 1 − y) = Σ_{i∈T} min(y, 1 − y),
    // summed in case order as sufficiency() does.
    let sx = 0;
    let sxy = 0;
    let sxyn = 0;
    for (let w = 0; w < this.words; w++) {
      let x = T[w]!;
      while (x !== 0) {
        const low = x & -x;
        x ^= low;
        const b = this.y[w * 32 + 31 - Math.clz32(low)]!;
        sx += 1;
        sxy += b;
        const nb = 1 - b;
        sxyn += b < nb ? b : nb;
      }
    }
    return { inclS: z(sxy / sx), PRI: z((sxy - sxyn) / (sx - sxyn)), covS: z(sxy / this.sy) };
  }
}

/**
 * Necessity and sufficiency of every single condition and its negation (every value of a
 * multi-value condition). Conditions with "don't care" values are left out, as in R.
 *
 * @example
 * // singleConditions(data)[0] -> { set: 'DEV', inclN: …, RoN: …, covN: …, inclS: …, PRI: …, covS: … }
 */
export function singleConditions(data: QcaData): SetFit[] {
  const y = data.outcome.membership;
  const out: SetFit[] = [];
  for (const c of data.conditions) {
    if (c.hasDontCare) continue;
    const sets: [string, number[]][] =
      c.kind === 'multivalue'
        ? Array.from({ length: c.levels }, (_, v) => [`${c.name}[${v}]`, [v]])
        : [
            [c.name, [1]],
            [`~${c.name}`, [0]],
          ];
    for (const [label, values] of sets) {
      const x = literalMembership(c, values);
      out.push({ set: label, ...necessity(x, y), ...sufficiency(x, y) });
    }
  }
  return out;
}

/** One row of {@link expressionFit}: a term or the whole expression. */
export interface ExpressionFitRow {
  set: string;
  inclS?: number;
  PRI?: number;
  covS?: number;
  covU?: number | null;
  inclN?: number;
  RoN?: number;
  covN?: number;
}

/**
 * Fit of a whole expression against the data's outcome, like R's `pof()`: `A*~B + C -> Y`
 * (sufficiency) or `A + B <- Y` (necessity); without an arrow, `relation` decides. One row per
 * term, then one for the expression when it has several terms.
 *
 * @example
 * // expressionFit(lf, 'DEV*~IND + URB*STB -> SURV') -> rows DEV*~IND, URB*STB, expression
 */
export function expressionFit(
  data: QcaData,
  expression: string,
  relation: 'sufficiency' | 'necessity' = 'sufficiency',
): ExpressionFitRow[] {
  let text = expression;
  let rel = relation;
  for (const [arrow, r] of [
    ['->', 'sufficiency'],
    ['=>', 'sufficiency'],
    ['<-', 'necessity'],
    ['<=', 'necessity'],
  ] as const) {
    const idx = text.indexOf(arrow);
    if (idx >= 0) {
      const rhs = text.slice(idx + arrow.length).trim();
      if (rhs !== '' && rhs !== data.outcome.label) {
        throw new QcaInputError(
          `the expression's outcome ${rhs} is not the data's outcome ${data.outcome.label}`,
        );
      }
      text = text.slice(0, idx);
      rel = r;
      break;
    }
  }
  const labels: ConditionLabel[] = data.conditions.map((c) => ({ name: c.name, levels: c.levels }));
  const conj = parseExpression(text, labels);
  const y = data.outcome.membership;
  const members = conj.map((c) => conjunctionMembership(data.conditions, c));
  const names = conj.map((c) => formatConjunction(c, labels));
  const rows: ExpressionFitRow[] = [];
  if (rel === 'sufficiency') {
    const f = modelFit(members, y);
    f.terms.forEach((t, k) => rows.push({ set: names[k]!, ...t }));
    if (conj.length > 1) rows.push({ set: 'expression', ...f.model, covU: null });
  } else {
    members.forEach((m, k) => rows.push({ set: names[k]!, ...necessity(m, y) }));
    if (conj.length > 1) {
      rows.push({ set: 'expression', ...necessity(unionMembership(members, y.length), y) });
    }
  }
  return rows;
}
