/**
 * Terms and sum-of-products expressions: the compact form used by the minimiser (one value per
 * condition, -1 when the condition is absent), the R QCA notation (`DEV*~IND + URB*STB`, or
 * `DEV[2]*URB[0]` as soon as one condition is multi-value) and a parser for expressions and
 * directional expectations.
 */
import { QcaInputError } from './errors.ts';

/** Value of an absent condition in a term. */
export const ABSENT = -1;

/** The name and number of levels of a condition, as needed to print or parse expressions. */
export interface ConditionLabel {
  name: string;
  levels: number;
}

/** A literal: a condition (by index) restricted to a set of values. */
export interface Literal {
  condition: number;
  values: number[];
}

/**
 * True when expressions over these conditions use the multi-value notation `X[v]` (R does so as
 * soon as one condition has more than two levels).
 *
 * @example
 * usesMultiValueNotation([{ name: 'A', levels: 2 }, { name: 'B', levels: 3 }]); // true
 */
export function usesMultiValueNotation(conditions: readonly ConditionLabel[]): boolean {
  return conditions.some((c) => c.levels > 2);
}

/**
 * Prints a term (one value per condition, {@link ABSENT} when absent) in R notation, literals
 * in column order. The empty term prints as `1`.
 *
 * @example
 * formatTerm([1, -1, 0], ['A', 'B', 'C'], false); // 'A*~C'
 * formatTerm([2, 0], ['DEV', 'URB'], true); // 'DEV[2]*URB[0]'
 */
export function formatTerm(
  term: ArrayLike<number>,
  names: readonly string[],
  multiValue: boolean,
): string {
  const parts: string[] = [];
  for (let j = 0; j < term.length; j++) {
    const v = term[j]!;
    if (v === ABSENT) continue;
    const name = names[j]!;
    if (multiValue) parts.push(`${name}[${v}]`);
    else parts.push(v === 1 ? name : `~${name}`);
  }
  return parts.length === 0 ? '1' : parts.join('*');
}

/**
 * Number of literals of a term.
 *
 * @example
 * termSize([1, -1, 0]); // 2
 */
export function termSize(term: ArrayLike<number>): number {
  let k = 0;
  for (let j = 0; j < term.length; j++) if (term[j] !== ABSENT) k++;
  return k;
}

/**
 * R's order of terms in a printed solution: fewer literals first, then by the values of the
 * conditions in column order (lower values first, absent conditions last).
 *
 * @example
 * [[1, -1], [-1, 0], [0, -1]].sort(compareTerms); // [[0, -1], [1, -1], [-1, 0]]
 */
export function compareTerms(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const d = termSize(a) - termSize(b);
  if (d !== 0) return d;
  for (let j = 0; j < a.length; j++) {
    const x = a[j]!;
    const y = b[j]!;
    if (x === y) continue;
    if (x === ABSENT) return 1;
    if (y === ABSENT) return -1;
    return x - y;
  }
  return 0;
}

/**
 * Prints a sum of products, its terms in R's order.
 *
 * @example
 * formatExpression([[-1, 1], [1, -1]], ['A', 'B'], false); // 'A + B'
 */
export function formatExpression(
  terms: readonly ArrayLike<number>[],
  names: readonly string[],
  multiValue: boolean,
): string {
  return [...terms]
    .sort(compareTerms)
    .map((t) => formatTerm(t, names, multiValue))
    .join(' + ');
}

/**
 * Splits `text` at `sep` characters that are not inside brackets or braces.
 *
 * @example
 * splitTopLevel('A[1,2], B', ','); // ['A[1,2]', ' B']
 */
export function splitTopLevel(text: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '[' || ch === '{' || ch === '(') depth++;
    else if (ch === ']' || ch === '}' || ch === ')') depth = Math.max(0, depth - 1);
    if (ch === sep && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/**
 * Parses one literal: `A`, `~A`, `A[1]`, `A{1}`, `DEV[1,2]` or `~DEV[0]`. A bare name needs a
 * two-level condition.
 *
 * @example
 * parseLiteral('~B', [{ name: 'A', levels: 2 }, { name: 'B', levels: 2 }]); // { condition: 1, values: [0] }
 */
export function parseLiteral(text: string, conditions: readonly ConditionLabel[]): Literal {
  let s = text.trim();
  let negated = false;
  while (s.startsWith('~') || s.startsWith('!')) {
    negated = !negated;
    s = s.slice(1).trim();
  }
  const m = /^([^[\]{}~*+,\s]+)\s*(?:[[{]([^\]}]*)[\]}])?$/.exec(s);
  if (!m) throw new QcaInputError(`cannot read '${text.trim()}' as a condition`);
  const name = m[1]!;
  const condition = conditions.findIndex((c) => c.name === name);
  if (condition < 0) {
    throw new QcaInputError(`'${name}' in '${text.trim()}' is not one of the conditions`);
  }
  const levels = conditions[condition]!.levels;
  let values: number[];
  if (m[2] !== undefined) {
    values = m[2].split(',').map((v) => {
      const n = Number(v.trim());
      if (!Number.isInteger(n) || n < 0 || n >= levels) {
        throw new QcaInputError(
          `value '${v.trim()}' of ${name} must be an integer from 0 to ${levels - 1}`,
        );
      }
      return n;
    });
  } else {
    if (levels > 2) {
      throw new QcaInputError(`${name} is multi-value: write ${name}[v] with a value`);
    }
    values = [1];
  }
  values = [...new Set(values)].sort((a, b) => a - b);
  if (negated) {
    const all: number[] = [];
    for (let v = 0; v < levels; v++) if (!values.includes(v)) all.push(v);
    values = all;
  }
  if (values.length === 0) throw new QcaInputError(`'${text.trim()}' selects no value`);
  return { condition, values };
}

/**
 * Parses a conjunction such as `~LIT*IND`. A condition may appear only once.
 *
 * @example
 * parseConjunction('A*~B', [{ name: 'A', levels: 2 }, { name: 'B', levels: 2 }]).length; // 2
 */
export function parseConjunction(text: string, conditions: readonly ConditionLabel[]): Literal[] {
  const lits = splitTopLevel(text, '*')
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => parseLiteral(p, conditions));
  if (lits.length === 0) throw new QcaInputError(`empty term in '${text}'`);
  const seen = new Set<number>();
  for (const l of lits) {
    if (seen.has(l.condition)) {
      throw new QcaInputError(`${conditions[l.condition]!.name} appears twice in '${text.trim()}'`);
    }
    seen.add(l.condition);
  }
  return lits.sort((a, b) => a.condition - b.condition);
}

/**
 * Parses a sum of products such as `DEV*~IND + URB*STB` into its conjunctions.
 *
 * @example
 * parseExpression('A + ~B*C', [
 *   { name: 'A', levels: 2 }, { name: 'B', levels: 2 }, { name: 'C', levels: 2 },
 * ]).length; // 2
 */
export function parseExpression(text: string, conditions: readonly ConditionLabel[]): Literal[][] {
  const terms = splitTopLevel(text, '+')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  if (terms.length === 0) throw new QcaInputError('the expression is empty');
  return terms.map((t) => parseConjunction(t, conditions));
}

/**
 * Prints a conjunction of literals (as parsed) in R notation.
 *
 * @example
 * formatConjunction([{ condition: 0, values: [0] }], [{ name: 'A', levels: 2 }]); // '~A'
 */
export function formatConjunction(
  literals: readonly Literal[],
  conditions: readonly ConditionLabel[],
): string {
  const mv = usesMultiValueNotation(conditions);
  return literals
    .map((l) => {
      const c = conditions[l.condition]!;
      if (!mv && c.levels === 2 && l.values.length === 1) {
        return l.values[0] === 1 ? c.name : `~${c.name}`;
      }
      return `${c.name}[${l.values.join(',')}]`;
    })
    .join('*');
}
