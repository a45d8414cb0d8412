/**
 * Minimisation of a truth table, as R QCA's `minimize()`: conservative solutions (observed
 * positive rows only), parsimonious ones (`include: ['?']`, remainders allowed), contradictions
 * included (`'C'`), intermediate solutions from directional expectations, `allSol` (every
 * irredundant cover) and `rowDom` (dominated prime implicants removed first).
 */
import { inputError, QcaInputError, QcaLimitError } from './errors.ts';
import type { ConditionLabel } from './expression.ts';
import { ABSENT, formatExpression, formatTerm, usesMultiValueNotation } from './expression.ts';
import type { SufficiencyFit } from './fit.ts';
import { MembershipCache, modelFit, TermFitter } from './fit.ts';
import {
  intersectTerms,
  isSupersetTerm,
  parseDirectionalExpectations,
  relaxTerm,
} from './intermediate.ts';
import { covers, primeImplicants } from './prime-implicants.ts';
import { bitsetOf, solveChart } from './pi-chart.ts';
import type { TruthTable, TruthTableRow } from './truth-table.ts';

/** Options of {@link minimize}. */
export interface MinimizeOptions {
  /** Other outputs to include: `'?'` (remainders) and/or `'C'` (contradictions). */
  include?: string | readonly string[];
  /** Directional expectations for intermediate solutions, e.g. `"A, ~B, C"`. */
  dirExp?: string | readonly string[];
  /** Every irredundant cover instead of the minimum ones. */
  allSol?: boolean;
  /** Remove dominated prime implicants before solving the chart. */
  rowDom?: boolean;
  /** Stop listing models after this many (default 10 000). */
  maxModels?: number;
}

/** A term of a model with its fit. */
export interface SolutionTerm extends SufficiencyFit {
  /** Unique coverage within the model; null when the model has a single term (as in R). */
  covU: number | null;
  term: string;
  /** One level per condition, -1 where the condition is absent. */
  values: number[];
  /** Cases of the positive rows that the term covers. */
  cases: string[];
}

/** One model (a cover of the positive rows by prime implicants). */
export interface SolutionModel extends SufficiencyFit {
  name: string;
  expression: string;
  terms: SolutionTerm[];
  /** Remainders the model uses (row numbers), when the configuration space is small. */
  simplifyingAssumptions: number[] | null;
}

/** A prime implicant and the positive rows it covers. */
export interface PrimeImplicant extends SufficiencyFit {
  term: string;
  values: number[];
  covers: number[];
}

/** The models of one minimisation. */
export interface Solution {
  /** `conservative`, `parsimonious` or `intermediate`. */
  kind: 'conservative' | 'parsimonious' | 'intermediate';
  include: string[];
  /** Row numbers of the positive (explained) rows: the PI chart's columns. */
  positiveRows: number[];
  negativeRows: number[];
  primeImplicants: PrimeImplicant[];
  /** Prime implicants present in every model. */
  essential: string[];
  models: SolutionModel[];
  /** True when the number of models reached `maxModels`. */
  truncated: boolean;
}

/** The models of one pair of a conservative and a parsimonious model. */
export interface IntermediatePair {
  name: string;
  conservative: string[];
  parsimonious: string[];
  /** Row numbers of the easy counterfactuals. */
  easyCounterfactuals: number[];
  primeImplicants: PrimeImplicant[];
  essential: string[];
  models: SolutionModel[];
  truncated: boolean;
}

/** The result of {@link minimize}. */
export interface MinimizeResult extends Solution {
  conservative?: Solution;
  parsimonious?: Solution;
  intermediate?: IntermediatePair[];
}

/** Configuration spaces up to this size report simplifying assumptions. */
const SA_SPACE_LIMIT = 1 << 12;
/** Limit on the configurations enumerated for easy counterfactuals. */
const EC_LIMIT = 1 << 22;

function parseInclude(include: MinimizeOptions['include']): string[] {
  const raw =
    include === undefined ? [] : typeof include === 'string' ? include.split(',') : [...include];
  const out = raw.map((s) => s.trim()).filter((s) => s !== '');
  for (const v of out) {
    if (v !== '?' && v !== 'C') {
      throw inputError(`include accepts "?" and "C", not "${v}"`, 'params.include');
    }
  }
  return [...new Set(out)];
}

interface Context {
  tt: TruthTable;
  labels: ConditionLabel[];
  names: string[];
  mv: boolean;
  levels: number[];
  positives: TruthTableRow[];
  /** Observed configurations that are not remainders: rows with an output of 1 or 0. */
  observed: Set<number>;
  /** Contradictions, which are remainders when included. */
  contradictions: Set<number>;
  spaceSize: number;
}

function makeContext(tt: TruthTable): Context {
  const labels = tt.data.conditions.map((c) => ({ name: c.name, levels: c.levels }));
  const levels = labels.map((l) => l.levels);
  const observed = new Set<number>();
  const contradictions = new Set<number>();
  for (const r of tt.rows) {
    if (r.OUT === '?' || r.values.some((v) => v < 0)) continue;
    (r.OUT === 'C' ? contradictions : observed).add(mintermNumber(r.values, levels));
  }
  return {
    tt,
    labels,
    names: labels.map((l) => l.name),
    mv: usesMultiValueNotation(labels),
    levels,
    positives: tt.rows.filter((r) => r.OUT === '1'),
    observed,
    contradictions,
    spaceSize: levels.reduce((a, b) => a * b, 1),
  };
}

/** Row number of a configuration in the space of the conditions' own levels. */
function mintermNumber(values: ArrayLike<number>, levels: readonly number[]): number {
  let r = 0;
  for (let j = 0; j < levels.length; j++) r = r * levels[j]! + values[j]!;
  return r + 1;
}

/** Calls `fn` with the row number of every configuration inside a term. */
function forEachMinterm(
  term: ArrayLike<number>,
  levels: readonly number[],
  fn: (row: number) => void,
): void {
  enumerateCube(term, levels, (values) => fn(mintermNumber(values, levels)));
}

function termCount(term: ArrayLike<number>, levels: readonly number[]): number {
  let n = 1;
  for (let j = 0; j < levels.length; j++) if (term[j] === ABSENT) n *= levels[j]!;
  return n;
}

function toRows(rows: readonly TruthTableRow[]): Int8Array[] {
  return rows.map((r) => Int8Array.from(r.values));
}

interface CoreResult {
  pis: Int8Array[];
  primeImplicants: PrimeImplicant[];
  models: SolutionModel[];
  essential: string[];
  truncated: boolean;
  modelTerms: Int8Array[][];
}

/** Builds prime implicants, solves the chart and computes the fit of every model. */
function solve(
  ctx: Context,
  include: string[],
  options: MinimizeOptions,
  extraMinterms: readonly Int8Array[] = [],
): CoreResult {
  const { tt, levels } = ctx;
  const withC = include.includes('C');
  const remainders = include.includes('?');
  const negatives = tt.rows.filter((r) => r.OUT === '0' || (r.OUT === 'C' && !withC));
  const allowed = tt.rows.filter((r) => r.OUT === 'C' && withC);
  if (ctx.positives.length === 0) {
    throw inputError(
      'no truth table row has an output of 1: there is nothing to explain',
      'params.inclCut',
      'no_positive_rows',
    );
  }
  const required = toRows(ctx.positives);
  let pis = primeImplicants({
    levels,
    required,
    negatives: toRows(negatives),
    allowed: toRows(allowed),
    extraMinterms,
    remainders,
  });
  pis = sortTerms(pis);
  const nCols = required.length;
  const coveredCols = chartColumns(pis, required, levels);
  const chart = coveredCols.map((cols) => bitsetOf(nCols, cols));
  const sol = solveChart(nCols, chart, {
    allSolutions: options.allSol === true,
    rowDominance: options.rowDom === true,
    ...(options.maxModels !== undefined ? { maxSolutions: options.maxModels } : {}),
  });
  if (sol.uncovered.length > 0) {
    const rows = sol.uncovered.map((c) => ctx.positives[c]!.row).join(', ');
    throw new QcaInputError(`no prime implicant covers truth table row(s) ${rows}`);
  }
  const data = tt.data;
  const y = data.outcome.membership;
  const cache = new MembershipCache(data.conditions);
  const fitter = new TermFitter(data.conditions, y);
  const memberships = new Map<number, Float64Array>();
  const membership = (i: number): Float64Array => {
    let m = memberships.get(i);
    if (!m) {
      m = cache.term(pis[i]!);
      memberships.set(i, m);
    }
    return m;
  };
  const piLabel = pis.map((t) => formatTerm(t, ctx.names, ctx.mv));
  // What models share is computed once per implicant: fit, cases, remainders used.
  const fits = new Map<number, SufficiencyFit>();
  const fitOf = (i: number): SufficiencyFit => {
    let f = fits.get(i);
    if (!f) fits.set(i, (f = fitter.fit(pis[i]!)));
    return f;
  };
  const primeImplicantsOut: PrimeImplicant[] = sol.kept.map((i) => ({
    term: piLabel[i]!,
    values: Array.from(pis[i]!),
    covers: coveredCols[i]!.map((c) => ctx.positives[c]!.row),
    ...fitOf(i),
  }));
  // Models in a stable order: by their implicants in R's term order.
  const sols = sol.solutions.map((s) => [...s].sort((a, b) => a - b));
  sols.sort((a, b) => {
    if (a.length !== b.length) return a.length - b.length;
    for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k]! - b[k]!;
    return 0;
  });
  const cases = new Map<number, string[]>();
  const casesOf = (i: number): string[] => {
    let c = cases.get(i);
    if (!c) {
      c = coveredCols[i]!.flatMap((col) => ctx.positives[col]!.caseIndices)
        .sort((a, b) => a - b)
        .map((k) => data.caseNames[k]!);
      cases.set(i, c);
    }
    return c;
  };
  const usedRemainders = new Map<number, number[]>();
  const remaindersOf = (i: number): number[] => {
    let r = usedRemainders.get(i);
    if (!r) usedRemainders.set(i, (r = remaindersIn(ctx, pis[i]!, withC)));
    return r;
  };
  // The remainders a model uses: the union of its terms' (marked per model, sorted as numbers).
  const marks = ctx.spaceSize > SA_SPACE_LIMIT ? null : new Int32Array(ctx.spaceSize + 1);
  const modelRemainders = (s: readonly number[], mark: number): number[] => {
    const out: number[] = [];
    for (const i of s) {
      for (const r of remaindersOf(i)) {
        if (marks![r] !== mark) {
          marks![r] = mark;
          out.push(r);
        }
      }
    }
    return Array.from(Int32Array.from(out).sort());
  };
  const models: SolutionModel[] = sols.map((s, k) => {
    const fit = modelFit(
      s.map((i) => membership(i)),
      y,
      s.map(fitOf),
    );
    const terms: SolutionTerm[] = s.map((i, t) => ({
      term: piLabel[i]!,
      values: Array.from(pis[i]!),
      cases: casesOf(i),
      ...fit.terms[t]!,
      covU: s.length === 1 ? null : fit.terms[t]!.covU,
    }));
    return {
      name: `M${k + 1}`,
      expression: formatExpression(
        s.map((i) => pis[i]!),
        ctx.names,
        ctx.mv,
      ),
      terms,
      ...fit.model,
      simplifyingAssumptions: ctx.spaceSize > SA_SPACE_LIMIT ? null : modelRemainders(s, k + 1),
    };
  });
  const essential =
    sols.length === 0
      ? []
      : sols[0]!.filter((i) => sols.every((s) => s.includes(i))).map((i) => piLabel[i]!);
  return {
    pis,
    primeImplicants: primeImplicantsOut,
    models,
    essential,
    truncated: sol.truncated,
    modelTerms: sols.map((s) => s.map((i) => pis[i]!)),
  };
}

/** For each term, the indices of the rows it covers (bit masks when all conditions are binary). */
function chartColumns(
  terms: readonly Int8Array[],
  rows: readonly Int8Array[],
  levels: readonly number[],
): number[][] {
  const K = levels.length;
  if (K > 30 || levels.some((l) => l !== 2)) {
    return terms.map((t) => rows.flatMap((r, c) => (covers(t, r) ? [c] : [])));
  }
  const rowBits = rows.map((r) => {
    let bits = 0;
    let dc = 0;
    for (let j = 0; j < K; j++) {
      if (r[j]! < 0) dc |= 1 << j;
      else if (r[j] === 1) bits |= 1 << j;
    }
    return [bits, dc] as const;
  });
  return terms.map((t) => {
    let mask = 0;
    let bits = 0;
    for (let j = 0; j < K; j++) {
      if (t[j]! >= 0) {
        mask |= 1 << j;
        if (t[j] === 1) bits |= 1 << j;
      }
    }
    const out: number[] = [];
    rowBits.forEach(([rb, dc], c) => {
      if (((rb ^ bits) & mask) === 0 && (dc & mask) === 0) out.push(c);
    });
    return out;
  });
}

/** Sorts terms in R's order ({@link compareTerms}) with precomputed keys. */
function sortTerms(terms: Int8Array[]): Int8Array[] {
  const keyed = terms.map((t) => {
    let size = 0;
    const key: number[] = [];
    for (let j = 0; j < t.length; j++) {
      const v = t[j]!;
      if (v >= 0) size++;
      key.push(v < 0 ? 1000 : v);
    }
    return { t, size, key };
  });
  keyed.sort((a, b) => {
    if (a.size !== b.size) return a.size - b.size;
    for (let j = 0; j < a.key.length; j++) if (a.key[j] !== b.key[j]) return a.key[j]! - b.key[j]!;
    return 0;
  });
  return keyed.map((k) => k.t);
}

/** True when a configuration is a remainder (or an included contradiction). */
function isRemainder(ctx: Context, row: number, withC: boolean): boolean {
  return !ctx.observed.has(row) && (withC || !ctx.contradictions.has(row));
}

/** The remainders (row numbers) inside a term: the simplifying assumptions it makes. */
function remaindersIn(ctx: Context, term: Int8Array, withC: boolean): number[] {
  const out: number[] = [];
  forEachMinterm(term, ctx.levels, (r) => {
    if (isRemainder(ctx, r, withC)) out.push(r);
  });
  return out;
}

function makeSolution(
  ctx: Context,
  kind: Solution['kind'],
  include: string[],
  core: CoreResult,
): Solution {
  const withC = include.includes('C');
  return {
    kind,
    include,
    positiveRows: ctx.positives.map((r) => r.row),
    negativeRows: ctx.tt.rows
      .filter((r) => r.OUT === '0' || (r.OUT === 'C' && !withC))
      .map((r) => r.row),
    primeImplicants: core.primeImplicants,
    essential: core.essential,
    models: core.models,
    truncated: core.truncated,
  };
}

/**
 * Minimises a truth table.
 *
 * @example
 * // const tt = buildTruthTable(data, { inclCut: 0.8 });
 * // minimize(tt).models[0].expression                       // conservative
 * // minimize(tt, { include: '?' }).models                    // parsimonious
 * // minimize(tt, { include: '?', dirExp: 'A, B, ~C' }).models // intermediate
 */
export function minimize(tt: TruthTable, options: MinimizeOptions = {}): MinimizeResult {
  const include = parseInclude(options.include);
  const ctx = makeContext(tt);
  const dirExp = options.dirExp;
  const hasDirExp =
    dirExp !== undefined && (typeof dirExp === 'string' ? dirExp.trim() !== '' : dirExp.length > 0);
  if (!hasDirExp) {
    const core = solve(ctx, include, options);
    const kind = include.includes('?') ? 'parsimonious' : 'conservative';
    return makeSolution(ctx, kind, include, core);
  }
  if (!include.includes('?')) {
    throw inputError(
      'intermediate solutions (dir.exp) need remainders: include "?"',
      'params.include',
    );
  }
  let expectations: ReturnType<typeof parseDirectionalExpectations>;
  try {
    expectations = parseDirectionalExpectations(dirExp!, ctx.labels);
  } catch (e) {
    if (e instanceof QcaInputError && e.path === undefined) {
      throw inputError(e.message, 'params.dirExp');
    }
    throw e;
  }
  const consInclude = include.filter((v) => v !== '?');
  const consCore = solve(ctx, consInclude, options);
  const parsCore = solve(ctx, include, options);
  const pairs: IntermediatePair[] = [];
  const seen = new Map<string, SolutionModel>();
  const flat: SolutionModel[] = [];
  let truncated = false;
  consCore.modelTerms.forEach((cModel, ci) => {
    parsCore.modelTerms.forEach((pModel, pj) => {
      const ecs = easyCounterfactuals(ctx, cModel, pModel, expectations, include.includes('C'));
      const ecRows = [...ecs.keys()].sort((a, b) => a - b);
      const core = solve(
        ctx,
        consInclude,
        options,
        ecRows.map((r) => ecs.get(r)!),
      );
      truncated ||= core.truncated;
      const name = `C${ci + 1}P${pj + 1}`;
      pairs.push({
        name,
        conservative: consCore.models[ci]!.terms.map((t) => t.term),
        parsimonious: parsCore.models[pj]!.terms.map((t) => t.term),
        easyCounterfactuals: ecRows,
        primeImplicants: core.primeImplicants,
        essential: core.essential,
        models: core.models.map((m) => ({ ...m, simplifyingAssumptions: null })),
        truncated: core.truncated,
      });
      for (const m of core.models) {
        const key = m.terms
          .map((t) => t.term)
          .sort()
          .join(' + ');
        if (!seen.has(key)) {
          const copy = { ...m, name: `M${flat.length + 1}`, simplifyingAssumptions: null };
          seen.set(key, copy);
          flat.push(copy);
        }
      }
    });
  });
  const conservative = makeSolution(ctx, 'conservative', consInclude, consCore);
  const parsimonious = makeSolution(ctx, 'parsimonious', include, parsCore);
  const allTerms = new Map<string, PrimeImplicant>();
  for (const p of pairs) for (const pi of p.primeImplicants) allTerms.set(pi.term, pi);
  return {
    kind: 'intermediate',
    include,
    positiveRows: conservative.positiveRows,
    negativeRows: parsimonious.negativeRows,
    primeImplicants: [...allTerms.values()],
    essential: flat.length
      ? flat[0]!.terms
          .map((t) => t.term)
          .filter((t) => flat.every((m) => m.terms.some((x) => x.term === t)))
      : [],
    models: flat,
    truncated,
    conservative,
    parsimonious,
    intermediate: pairs,
  };
}

/**
 * The easy counterfactuals of a pair: remainders used by the parsimonious model that lie in the
 * relaxed conservative terms (those with a parsimonious superset).
 */
function easyCounterfactuals(
  ctx: Context,
  cModel: readonly Int8Array[],
  pModel: readonly Int8Array[],
  expectations: ReturnType<typeof parseDirectionalExpectations>,
  withC: boolean,
): Map<number, Int8Array> {
  const out = new Map<number, Int8Array>();
  let budget = EC_LIMIT;
  for (const c of cModel) {
    if (!pModel.some((p) => isSupersetTerm(p, c))) continue;
    const relaxed = relaxTerm(c, expectations);
    for (const p of pModel) {
      const cube = intersectTerms(relaxed, p);
      if (!cube) continue;
      budget -= termCount(cube, ctx.levels);
      if (budget < 0) {
        throw new QcaLimitError(
          'too many counterfactual configurations for intermediate solutions',
        );
      }
      enumerateCube(cube, ctx.levels, (values) => {
        const r = mintermNumber(values, ctx.levels);
        if (isRemainder(ctx, r, withC) && !out.has(r)) out.set(r, values.slice());
      });
    }
  }
  return out;
}

function enumerateCube(
  term: ArrayLike<number>,
  levels: readonly number[],
  fn: (values: Int8Array) => void,
): void {
  const K = levels.length;
  const v = Int8Array.from({ length: K }, (_, j) => (term[j] === ABSENT ? 0 : term[j]!));
  const free: number[] = [];
  for (let j = 0; j < K; j++) if (term[j] === ABSENT) free.push(j);
  for (;;) {
    fn(v);
    let k = free.length - 1;
    while (k >= 0) {
      const j = free[k]!;
      if (v[j]! + 1 < levels[j]!) {
        v[j]!++;
        break;
      }
      v[j] = 0;
      k--;
    }
    if (k < 0) return;
  }
}
