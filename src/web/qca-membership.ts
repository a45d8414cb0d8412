/**
 * Membership of cases in a QCA solution or term, computed in the browser from the calibrated
 * data the server returns, for the XY plot. Fuzzy-set algebra (Ragin 2008, ch. 2; R QCA
 * `compute()`): negation 1 − X, conjunction (`*`) the minimum, disjunction (`+`) the maximum.
 * A multi-value literal `X[2]` is 1 when the value is 2 and 0 otherwise; `X[1,2]` is the
 * maximum of its values.
 */

/** An expression that cannot be read, or names a set that is not in the data. */
export class ExpressionError extends Error {
  override name = 'ExpressionError';
}

export interface Literal {
  set: string;
  negated: boolean;
  /** The values of `X[v]` or `X[v,w]`; null for a plain `X`. */
  values: number[] | null;
}

/** A sum of products: the terms (joined by `+`), each a list of literals (joined by `*`). */
export type SumOfProducts = Literal[][];

const LITERAL = /^(~*)\s*([A-Za-z][A-Za-z0-9_.]*)\s*(?:\[\s*([0-9\s,]+)\s*\])?$/;

/**
 * Reads a solution or term as R QCA prints it; an arrow and the outcome after it (`-> Y`) are
 * ignored.
 *
 * @example
 * parseExpression('DEV*~IND + URB[2]');
 * // [[{ set: 'DEV', negated: false, values: null }, { set: 'IND', negated: true, values: null }],
 * //  [{ set: 'URB', negated: false, values: [2] }]]
 */
export function parseExpression(expression: string): SumOfProducts {
  const text = expression.split(/<?->|<?=>/)[0]!.trim();
  if (text === '') throw new ExpressionError('the expression is empty');
  return text.split('+').map((termText) => {
    const term = termText.trim();
    if (term === '') throw new ExpressionError(`an empty term in '${expression}'`);
    if (term === '1') return [];
    return term.split('*').map((raw) => {
      const m = LITERAL.exec(raw.trim());
      if (!m) throw new ExpressionError(`cannot read '${raw.trim()}'`);
      const values = m[3]
        ?.split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '')
        .map(Number);
      return {
        set: m[2]!,
        negated: m[1]!.length % 2 === 1,
        values: values && values.length > 0 ? values : null,
      };
    });
  });
}

function literalMembership(x: number, literal: Literal): number {
  let m: number;
  if (literal.values === null) {
    m = x;
  } else {
    // A crisp (whole-number) value is in X[v] when it equals v; a fuzzy score is X[1] itself
    // and X[0] its negation (R writes fuzzy sets so beside multi-value ones).
    m = Math.max(
      ...literal.values.map((v) =>
        Number.isInteger(x) ? (x === v ? 1 : 0) : v === 1 ? x : v === 0 ? 1 - x : 0,
      ),
    );
  }
  return literal.negated ? 1 - m : m;
}

/**
 * Each case's membership in an expression; null for a case missing a value the expression
 * needs.
 *
 * @example
 * membership(parseExpression('A*~B + C'), ['A', 'B', 'C'], [[0.8, 0.3, 0.1]]); // [0.7]
 */
export function membership(
  expression: SumOfProducts,
  columns: readonly string[],
  rows: readonly (readonly (number | null)[])[],
): (number | null)[] {
  const index = new Map(columns.map((c, k) => [c, k]));
  for (const term of expression) {
    for (const literal of term) {
      if (!index.has(literal.set)) {
        throw new ExpressionError(`'${literal.set}' is not a column of the data`);
      }
    }
  }
  return rows.map((values) => {
    let sum = 0;
    for (const term of expression) {
      let product = 1;
      for (const literal of term) {
        const x = values[index.get(literal.set)!];
        if (x === null || x === undefined) return null;
        product = Math.min(product, literalMembership(x, literal));
      }
      sum = Math.max(sum, product);
    }
    return sum;
  });
}
