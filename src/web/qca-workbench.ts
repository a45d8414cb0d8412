/**
 * The QCA workbench's state, kept apart from the page so it can be tested: the sets made from
 * the case library (as they sit in the address bar), the analysis form and the calibration form
 * and how each turns into the API's input (`CaseSetSpec`, `QcaParams`, `Calibration`).
 */
import {
  CASE_LEVELS,
  CASE_MATURITIES,
  CASE_SECTORS,
  CITIZEN_ROLES,
  EVIDENCE_LEVELS,
  EXPERIMENTATION_SPACES,
  FACTORS,
  INNOVATION_TYPES,
  RESOURCE_KINDS,
  TRADITIONS,
} from '../shared/case-vocabulary.ts';
import type { CaseFilters } from '../shared/cases.ts';
import {
  CaseSetSpec,
  QCA_MAX_CONDITIONS,
  QcaParams,
  type Calibration,
  type QcaDataSet,
} from '../shared/qca.ts';
import type { Vocabulary } from './case-labels.ts';
import { filterParams, searchFromParams, type SearchState } from './case-search.ts';
import { anchorsInOrder, isCrispSet } from './qca-calibration.ts';

// ---- sets from the case library ----

export const SET_SOURCES = [
  'implementedWithEvidence',
  'driver',
  'barrier',
  'factor',
  'tradition',
  'sector',
  'level',
  'resource',
  'innovationType',
  'citizenRole',
  'experimentation',
  'maturity',
  'evidence',
] as const satisfies readonly CaseSetSpec['source'][];
export type SetSource = (typeof SET_SOURCES)[number];

/** The vocabulary a source's value comes from (none for "implemented with evidence"). */
export function sourceVocabulary(source: SetSource): Vocabulary | null {
  switch (source) {
    case 'driver':
    case 'barrier':
    case 'factor':
      return FACTORS;
    case 'tradition':
      return TRADITIONS;
    case 'sector':
      return CASE_SECTORS;
    case 'level':
      return CASE_LEVELS;
    case 'resource':
      return RESOURCE_KINDS;
    case 'innovationType':
      return INNOVATION_TYPES;
    case 'citizenRole':
      return CITIZEN_ROLES;
    case 'experimentation':
      return EXPERIMENTATION_SPACES;
    case 'maturity':
      return CASE_MATURITIES;
    case 'evidence':
      return EVIDENCE_LEVELS;
    case 'implementedWithEvidence':
      return null;
  }
}

/** A set as the form edits it: every field a string, whatever the source. */
export interface SetDraft {
  /** Stable key for React and for the ids of the row's fields. */
  key: string;
  name: string;
  source: SetSource;
  /** The factor, the vocabulary value, or the lowest evidence level. */
  value: string;
  /** The maturities (source `maturity`). */
  values: string[];
}

export function specToDraft(spec: CaseSetSpec, key: string): SetDraft {
  const draft: SetDraft = { key, name: spec.name, source: spec.source, value: '', values: [] };
  if ('factor' in spec) draft.value = spec.factor;
  else if ('value' in spec) draft.value = spec.value;
  else if ('min' in spec) draft.value = spec.min;
  else if ('values' in spec) draft.values = [...spec.values];
  return draft;
}

/** The draft as the API's set (unvalidated: pass it through `CaseSetSpec`). */
export function draftToInput(draft: SetDraft): Record<string, unknown> {
  const name = draft.name.trim();
  switch (draft.source) {
    case 'driver':
    case 'barrier':
    case 'factor':
      return { name, source: draft.source, factor: draft.value };
    case 'maturity':
      return { name, source: draft.source, values: draft.values };
    case 'evidence':
      return { name, source: draft.source, min: draft.value };
    case 'implementedWithEvidence':
      return { name, source: draft.source };
    default:
      return { name, source: draft.source, value: draft.value };
  }
}

export type SetFieldError = 'name' | 'nameRepeated' | 'value';

/**
 * Validates the sets: each row's problems by key (`name`, `nameRepeated`, `value`), or the
 * sets ready for the API.
 *
 * @example
 * validateSets([{ key: 'a', name: '1X', source: 'driver', value: '', values: [] }]);
 * // { ok: false, errors: { a: { name: 'name', value: 'value' } } }
 */
export function validateSets(
  drafts: readonly SetDraft[],
):
  | { ok: true; sets: CaseSetSpec[] }
  | { ok: false; errors: Record<string, { name?: SetFieldError; value?: SetFieldError }> } {
  const errors: Record<string, { name?: SetFieldError; value?: SetFieldError }> = {};
  const sets: CaseSetSpec[] = [];
  const names = new Set<string>();
  for (const draft of drafts) {
    const parsed = CaseSetSpec.safeParse(draftToInput(draft));
    const row: { name?: SetFieldError; value?: SetFieldError } = {};
    if (parsed.success) {
      sets.push(parsed.data);
    } else {
      for (const issue of parsed.error.issues) {
        if (issue.path[0] === 'name') row.name ??= 'name';
        else row.value ??= 'value';
      }
    }
    const name = draft.name.trim();
    if (!row.name && names.has(name)) row.name = 'nameRepeated';
    names.add(name);
    if (row.name || row.value) errors[draft.key] = row;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, sets };
}

/**
 * One set as a query parameter value: `name:source[:value]`, maturities joined by commas.
 *
 * @example
 * encodeSet({ name: 'LEAD', source: 'driver', factor: 'org.leadership' }); // 'LEAD:driver:org.leadership'
 */
export function encodeSet(spec: CaseSetSpec): string {
  const draft = specToDraft(spec, '');
  const value = spec.source === 'maturity' ? draft.values.join(',') : draft.value;
  return value ? `${spec.name}:${spec.source}:${value}` : `${spec.name}:${spec.source}`;
}

/** Reads {@link encodeSet}'s form back; null when it is not a valid set. */
export function decodeSet(text: string): CaseSetSpec | null {
  const [name = '', source = '', value = ''] = text.split(':');
  const known = SET_SOURCES.find((s) => s === source);
  if (!known) return null;
  const draft: SetDraft = {
    key: '',
    name,
    source: known,
    value,
    values: value.split(',').filter((v) => v !== ''),
  };
  const parsed = CaseSetSpec.safeParse(draftToInput(draft));
  return parsed.success ? parsed.data : null;
}

/** Where the data come from. */
export type DataSource = 'library' | 'csv';

export interface WorkbenchState {
  source: DataSource;
  search: SearchState;
  /** The chosen sets; null until the person builds a data set. */
  sets: CaseSetSpec[] | null;
  /** The name of the set chosen as outcome. */
  outcome: string | null;
  /** Only cases with at least one driver or barrier code (`uncoded=include` turns it off). */
  codedOnly: boolean;
}

/** The outcome the workbench proposes: LIPSE's "successful" innovation. */
export const DEFAULT_SETS: CaseSetSpec[] = [
  { name: 'SUCCESS', source: 'implementedWithEvidence' },
  { name: 'LEAD', source: 'driver', factor: 'org.leadership' },
];
export const DEFAULT_OUTCOME = 'SUCCESS';

/**
 * The workbench as the address holds it: the case search's filters (the same parameters as
 * `/cases`), `set=…` for each set, `outcome=` and `data=csv` for an uploaded file.
 *
 * @example
 * workbenchFromParams(new URLSearchParams('country=NL&set=Y:implementedWithEvidence&set=L:driver:org.leadership&outcome=Y'));
 * // { source: 'library', search: { lists: { country: ['NL'], … }, … }, sets: [{ name: 'Y', … }, …], outcome: 'Y' }
 */
export function workbenchFromParams(params: URLSearchParams): WorkbenchState {
  const decoded = params.getAll('set').map(decodeSet);
  const sets = decoded.filter((s): s is CaseSetSpec => s !== null);
  const unique = new Set(sets.map((s) => s.name)).size === sets.length;
  const valid = sets.length >= 2 && unique && sets.length === decoded.length;
  const outcome = params.get('outcome');
  return {
    source: params.get('data') === 'csv' ? 'csv' : 'library',
    search: searchFromParams(params),
    sets: valid ? sets : null,
    outcome: valid && sets.some((s) => s.name === outcome) ? outcome : null,
    codedOnly: params.get('uncoded') !== 'include',
  };
}

export function workbenchParams(state: WorkbenchState): URLSearchParams {
  const params = filterParams(state.search);
  if (state.source === 'csv') params.set('data', 'csv');
  for (const set of state.sets ?? []) params.append('set', encodeSet(set));
  if (state.sets && state.outcome) params.set('outcome', state.outcome);
  if (!state.codedOnly) params.set('uncoded', 'include');
  return params;
}

/**
 * The case search's filters as the API's `CaseFilters`.
 *
 * @example
 * caseFilters(searchFromParams(new URLSearchParams('q=chatbot&level=local')));
 * // { q: 'chatbot', level: ['local'] }
 */
export function caseFilters(search: SearchState): CaseFilters {
  const filters: Record<string, unknown> = {};
  if (search.q.trim()) filters.q = search.q.trim();
  for (const [facet, values] of Object.entries(search.lists)) {
    if (values.length > 0) filters[facet] = [...values];
  }
  if (search.yearFrom !== null) filters.yearFrom = search.yearFrom;
  if (search.yearTo !== null) filters.yearTo = search.yearTo;
  if (search.coded !== null) filters.coded = search.coded;
  return filters as CaseFilters;
}

// ---- calibration ----

export type CalibrationMethod = 'none' | 'crisp' | 'fuzzy';

export interface CalibrationDraft {
  method: CalibrationMethod;
  /** Crisp thresholds: `3; 7` or `3, 7` (a comma without a space is a decimal comma: `2,5`). */
  thresholds: string;
  exclusion: string;
  crossover: string;
  inclusion: string;
}

export type CalibrationError = 'thresholds' | 'exclusion' | 'crossover' | 'inclusion' | 'order';

/**
 * A number typed in the interface language: `0.8` or `0,8`.
 *
 * @example
 * parseDecimal(' 0,8 '); // 0.8
 * parseDecimal('abc'); // null
 */
export function parseDecimal(text: string): number | null {
  const s = text.trim().replace(',', '.');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** Round for a proposal shown in a field (three significant decimals at most). */
function round(x: number): number {
  return Number(x.toPrecision(3));
}

/** Columns whose values are not all 0 and 1: they may need calibrating. */
export function rawColumns(data: QcaDataSet): string[] {
  return data.columns.filter((_, j) => !isCrispSet(data.rows.map((r) => r.values[j] ?? null)));
}

/**
 * A first proposal for a column: no calibration, with the median as crisp threshold and the
 * minimum, median and maximum as fuzzy anchors (to be replaced by substantive knowledge).
 */
export function proposeCalibration(values: readonly (number | null)[]): CalibrationDraft {
  const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (known.length === 0) {
    return { method: 'none', thresholds: '', exclusion: '', crossover: '', inclusion: '' };
  }
  const median = known[Math.floor((known.length - 1) / 2)]!;
  return {
    method: 'none',
    thresholds: String(round(median)),
    exclusion: String(round(known[0]!)),
    crossover: String(round(median)),
    inclusion: String(round(known.at(-1)!)),
  };
}

/**
 * The calibration a draft describes (null for none), or what is wrong with it.
 *
 * @example
 * calibrationFromDraft({ method: 'crisp', thresholds: '3; 7', exclusion: '', crossover: '', inclusion: '' });
 * // { ok: true, calibration: { method: 'crisp', thresholds: [3, 7] } }
 */
export function calibrationFromDraft(
  draft: CalibrationDraft,
): { ok: true; calibration: Calibration | null } | { ok: false; errors: CalibrationError[] } {
  if (draft.method === 'none') return { ok: true, calibration: null };
  if (draft.method === 'crisp') {
    const parts = draft.thresholds
      .split(/\s*;\s*|,\s+|\s+/)
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const thresholds = parts.map(parseDecimal);
    if (parts.length < 1 || parts.length > 5 || thresholds.some((t) => t === null)) {
      return { ok: false, errors: ['thresholds'] };
    }
    const sorted = (thresholds as number[]).sort((a, b) => a - b);
    return { ok: true, calibration: { method: 'crisp', thresholds: sorted } };
  }
  const exclusion = parseDecimal(draft.exclusion);
  const crossover = parseDecimal(draft.crossover);
  const inclusion = parseDecimal(draft.inclusion);
  const errors: CalibrationError[] = [];
  if (exclusion === null) errors.push('exclusion');
  if (crossover === null) errors.push('crossover');
  if (inclusion === null) errors.push('inclusion');
  if (exclusion === null || crossover === null || inclusion === null) return { ok: false, errors };
  const anchors = { exclusion, crossover, inclusion };
  if (!anchorsInOrder(anchors)) return { ok: false, errors: ['order'] };
  return { ok: true, calibration: { method: 'fuzzy', ...anchors } };
}

// ---- the analysis ----

export const SOLUTION_TYPES = ['conservative', 'parsimonious', 'intermediate'] as const;
export type SolutionType = (typeof SOLUTION_TYPES)[number];

export interface AnalysisDraft {
  outcome: string;
  /** Analyse the negated outcome (`~Y`). */
  negate: boolean;
  conditions: string[];
  /** incl.cut for OUT = 1. */
  inclCut1: string;
  /** incl.cut for OUT = 0 (empty: the same as for OUT = 1). */
  inclCut0: string;
  nCut: string;
  priCut: string;
  solution: SolutionType;
  /** Let the minimisation use contradictions (include "C"). */
  contradictions: boolean;
  dirExp: string;
  allSol: boolean;
  rowDom: boolean;
}

export const ANALYSIS_FIELDS = [
  'outcome',
  'conditions',
  'inclCut1',
  'inclCut0',
  'nCut',
  'priCut',
  'dirExp',
] as const;
export type AnalysisField = (typeof ANALYSIS_FIELDS)[number];
export type AnalysisError =
  | 'chooseOutcome'
  | 'chooseConditions'
  | 'tooManyConditions'
  | 'proportion'
  | 'wholeNumber'
  | 'dirExpRequired';

/** A fresh form for a data set: the given outcome (or the last column) against the others. */
export function defaultAnalysis(columns: readonly string[], outcome: string | null): AnalysisDraft {
  const y = outcome && columns.includes(outcome) ? outcome : (columns.at(-1) ?? '');
  return {
    outcome: y,
    negate: false,
    conditions: columns.filter((c) => c !== y).slice(0, QCA_MAX_CONDITIONS),
    inclCut1: '1',
    inclCut0: '',
    nCut: '1',
    priCut: '0',
    solution: 'conservative',
    contradictions: false,
    dirExp: '',
    allSol: false,
    rowDom: false,
  };
}

/**
 * The parameters of an analysis from the form, or the form's errors by field.
 *
 * @example
 * paramsFromDraft({ ...defaultAnalysis(['A', 'Y'], 'Y'), solution: 'parsimonious' }, {}).ok; // true
 */
export function paramsFromDraft(
  draft: AnalysisDraft,
  calibration: Record<string, Calibration>,
):
  | { ok: true; params: QcaParams }
  | { ok: false; errors: Partial<Record<AnalysisField, AnalysisError>> } {
  const errors: Partial<Record<AnalysisField, AnalysisError>> = {};
  if (!draft.outcome) errors.outcome = 'chooseOutcome';
  const conditions = draft.conditions.filter((c) => c !== draft.outcome);
  if (conditions.length === 0) errors.conditions = 'chooseConditions';
  else if (conditions.length > QCA_MAX_CONDITIONS) errors.conditions = 'tooManyConditions';
  const proportion = (text: string) => {
    const n = parseDecimal(text);
    return n !== null && n >= 0 && n <= 1 ? n : null;
  };
  const inclCut1 = proportion(draft.inclCut1);
  if (inclCut1 === null) errors.inclCut1 = 'proportion';
  const inclCut0 = draft.inclCut0.trim() === '' ? null : proportion(draft.inclCut0);
  if (draft.inclCut0.trim() !== '' && inclCut0 === null) errors.inclCut0 = 'proportion';
  const nCut = parseDecimal(draft.nCut);
  if (nCut === null || !Number.isInteger(nCut) || nCut < 1 || nCut > 10_000) {
    errors.nCut = 'wholeNumber';
  }
  const priCut = proportion(draft.priCut);
  if (priCut === null) errors.priCut = 'proportion';
  if (draft.solution === 'intermediate' && draft.dirExp.trim() === '') {
    errors.dirExp = 'dirExpRequired';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const used = new Set([draft.outcome, ...conditions]);
  const remainders = draft.solution !== 'conservative';
  const include = remainders
    ? draft.contradictions
      ? '?,C'
      : '?'
    : draft.contradictions
      ? 'C'
      : '';
  const params = QcaParams.parse({
    outcome: draft.negate ? `~${draft.outcome}` : draft.outcome,
    conditions,
    calibration: Object.fromEntries(Object.entries(calibration).filter(([c]) => used.has(c))),
    inclCut: inclCut0 === null ? [inclCut1] : [inclCut1, inclCut0],
    nCut,
    priCut,
    include,
    dirExp: draft.solution === 'intermediate' ? draft.dirExp.trim() : null,
    allSol: draft.allSol,
    rowDom: draft.rowDom,
  });
  return { ok: true, params };
}

/** The solution type parameters describe (intermediate: remainders with expectations). */
export function solutionType(params: Pick<QcaParams, 'include' | 'dirExp'>): SolutionType {
  if (!params.include.includes('?')) return 'conservative';
  return params.dirExp ? 'intermediate' : 'parsimonious';
}

/** The outcome's column: `~Y` and `Y[2]` are about column `Y`. */
export function outcomeColumn(outcome: string): string {
  return outcome.replace(/^~+/, '').replace(/\[.*$/, '').trim();
}
