import {
  CASE_FACETS,
  CASE_LEVELS,
  CASE_MATURITIES,
  CASE_SECTORS,
  CASE_STAGES,
  INNOVATION_TYPES,
} from '../shared/case-vocabulary.ts';
import { SEARCH_SORTS, type SearchSort } from '../shared/cases.ts';
import { isCountryCode } from '../shared/countries.ts';
import { GOVERNANCE_TRADITIONS } from '../shared/governance-traditions.ts';

/**
 * The case search as the address bar holds it. The page's query string and the API's use the
 * same parameter names (`?q=…&country=NL&country=BE&sort=newest`), so a shared link, the back
 * button, the export and the comparison all read one state.
 */

/** Facets whose values are ticked in a checkbox group (several values: OR). */
export const LIST_FACETS = [
  'country',
  'tradition',
  'level',
  'sector',
  'stage',
  'maturity',
  'innovationType',
  'facet',
  'technology',
] as const;
export type ListFacet = (typeof LIST_FACETS)[number];

export const CODED_VALUES = ['yes', 'no'] as const;
export type Coded = (typeof CODED_VALUES)[number];

export interface SearchState {
  q: string;
  lists: Record<ListFacet, string[]>;
  yearFrom: number | null;
  yearTo: number | null;
  coded: Coded | null;
  /** null: the server's default (relevance with a text query, newest without). */
  sort: SearchSort | null;
}

const YEAR_MIN = 1900;
const YEAR_MAX = 2100;
const Q_MAX = 300;
const TECHNOLOGY_MAX = 80;
/** The API accepts at most 60 values per facet. */
const VALUES_MAX = 60;

const allowed: Record<ListFacet, (value: string) => string | null> = {
  country: (v) => {
    const code = v.trim().toUpperCase();
    return isCountryCode(code) ? code : null;
  },
  tradition: oneOf(GOVERNANCE_TRADITIONS),
  level: oneOf(CASE_LEVELS.values),
  sector: oneOf(CASE_SECTORS.values),
  stage: oneOf(CASE_STAGES.values),
  maturity: oneOf(CASE_MATURITIES.values),
  innovationType: oneOf(INNOVATION_TYPES.values),
  facet: oneOf(CASE_FACETS.values),
  technology: (v) => {
    const s = v.trim();
    return s.length > 0 && s.length <= TECHNOLOGY_MAX ? s : null;
  },
};

function oneOf(values: readonly string[]): (value: string) => string | null {
  const set = new Set(values);
  return (v) => (set.has(v) ? v : null);
}

export function emptySearch(): SearchState {
  return {
    q: '',
    lists: Object.fromEntries(LIST_FACETS.map((f) => [f, []])) as unknown as Record<
      ListFacet,
      string[]
    >,
    yearFrom: null,
    yearTo: null,
    coded: null,
    sort: null,
  };
}

function year(value: string | null): number | null {
  if (value === null || !/^\d{4}$/.test(value.trim())) return null;
  const n = Number(value);
  return n >= YEAR_MIN && n <= YEAR_MAX ? n : null;
}

/**
 * Read the search from a query string. Values the API would reject (an unknown country, a
 * vocabulary value that does not exist, a year out of range) are left out rather than failing
 * the whole search; repeated values count once.
 *
 * @example
 * searchFromParams(new URLSearchParams('country=nl&country=NL&level=local&sort=year'));
 * // { q: '', lists: { country: ['NL'], level: ['local'], … }, sort: 'year', … }
 */
export function searchFromParams(params: URLSearchParams): SearchState {
  const state = emptySearch();
  state.q = (params.get('q') ?? '').trim().slice(0, Q_MAX);
  for (const facet of LIST_FACETS) {
    const values: string[] = [];
    for (const raw of params.getAll(facet)) {
      const value = allowed[facet](raw);
      if (value !== null && !values.includes(value)) values.push(value);
    }
    state.lists[facet] = values.slice(0, VALUES_MAX).sort();
  }
  state.yearFrom = year(params.get('yearFrom'));
  state.yearTo = year(params.get('yearTo'));
  const coded = params.get('coded');
  state.coded = coded === 'yes' || coded === 'no' ? coded : null;
  const sort = params.get('sort');
  state.sort = SEARCH_SORTS.find((s) => s === sort) ?? null;
  return state;
}

/**
 * The filters as query parameters, in a fixed order with sorted values, so one search always has
 * one address (and one cache key). Without `sort` this is what the comparison and export take.
 */
export function filterParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const facet of LIST_FACETS) {
    for (const value of [...state.lists[facet]].sort()) params.append(facet, value);
  }
  if (state.yearFrom !== null) params.set('yearFrom', String(state.yearFrom));
  if (state.yearTo !== null) params.set('yearTo', String(state.yearTo));
  if (state.coded !== null) params.set('coded', state.coded);
  return params;
}

/** The whole search (filters and sort) as the page's query string. */
export function searchParams(state: SearchState): URLSearchParams {
  const params = filterParams(state);
  if (state.sort !== null) params.set('sort', state.sort);
  return params;
}

/** The API address of one page of results. */
export function searchApiPath(state: SearchState, page: { limit: number; cursor?: string }) {
  const params = searchParams(state);
  params.set('limit', String(page.limit));
  if (page.cursor) params.set('cursor', page.cursor);
  return `/api/cases?${params.toString()}`;
}

/**
 * Where to download the cases of the search (all of them, not one page); for CSV, `part` chooses
 * one row per case or one row per driver-or-barrier code.
 */
export function exportPath(
  state: SearchState,
  format: 'csv' | 'json',
  part: 'cases' | 'codes' = 'cases',
): string {
  const params = filterParams(state);
  params.set('format', format);
  if (format === 'csv' && part === 'codes') params.set('part', 'codes');
  return `/api/cases/export?${params.toString()}`;
}

export function compareApiPath(state: SearchState): string {
  const s = filterParams(state).toString();
  return s ? `/api/cases/compare?${s}` : '/api/cases/compare';
}

/** Tick or untick one value of a facet. */
export function toggleValue(state: SearchState, facet: ListFacet, value: string): SearchState {
  const current = state.lists[facet];
  const next = current.includes(value)
    ? current.filter((v) => v !== value)
    : [...current, value].sort();
  return { ...state, lists: { ...state.lists, [facet]: next } };
}

/** Whether any filter (text, facet, year, coded) narrows the search. */
export function hasFilters(state: SearchState): boolean {
  return (
    state.q.trim() !== '' ||
    LIST_FACETS.some((f) => state.lists[f].length > 0) ||
    state.yearFrom !== null ||
    state.yearTo !== null ||
    state.coded !== null
  );
}

/** The same search with every filter removed (the sort stays). */
export function clearFilters(state: SearchState): SearchState {
  return { ...emptySearch(), sort: state.sort };
}

/** A year typed into a field: a whole number in range, or null (empty or not a year). */
export function parseYear(value: string): number | null | 'invalid' {
  const s = value.trim();
  if (s === '') return null;
  const n = year(s);
  return n === null ? 'invalid' : n;
}
