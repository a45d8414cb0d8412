/**
 * The initiatives list's search in the address bar: the text query, the country, sector and stage
 * filters and the page. Unknown or malformed values in a hand-written address are dropped rather
 * than sent to the server.
 */
import type { z } from 'zod';
import { CaseSector, CaseStage } from '../shared/case-vocabulary.ts';
import { CountryCode } from '../shared/countries.ts';
import { INITIATIVES_PAGE_SIZE } from '../shared/initiatives.ts';

export const INITIATIVE_FILTERS = ['country', 'sector', 'stage'] as const;
export type InitiativeFilter = (typeof INITIATIVE_FILTERS)[number];

export interface InitiativesSearch {
  q: string;
  country: string | null;
  sector: string | null;
  stage: string | null;
  page: number;
}

export const EMPTY_INITIATIVES_SEARCH: InitiativesSearch = {
  q: '',
  country: null,
  sector: null,
  stage: null,
  page: 1,
};

const VALUE_SCHEMAS: Record<InitiativeFilter, z.ZodType<string>> = {
  country: CountryCode,
  sector: CaseSector,
  stage: CaseStage,
};

function value(key: InitiativeFilter, raw: string | null): string | null {
  if (raw === null || raw.trim() === '') return null;
  const parsed = VALUE_SCHEMAS[key].safeParse(raw.trim());
  return parsed.success ? parsed.data : null;
}

/**
 * The search an address describes.
 *
 * @example
 * initiativesSearchFromParams(new URLSearchParams('q=garden&country=NL&page=2'));
 * // { q: 'garden', country: 'NL', sector: null, stage: null, page: 2 }
 */
export function initiativesSearchFromParams(params: URLSearchParams): InitiativesSearch {
  const page = Number(params.get('page') ?? '1');
  return {
    q: (params.get('q') ?? '').trim().slice(0, 200),
    country: value('country', params.get('country')),
    sector: value('sector', params.get('sector')),
    stage: value('stage', params.get('stage')),
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** The address parameters of a search: only what is set, in a fixed order. */
export function initiativesSearchParams(search: InitiativesSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.q.trim() !== '') params.set('q', search.q.trim());
  for (const filter of INITIATIVE_FILTERS) {
    const v = search[filter];
    if (v !== null) params.set(filter, v);
  }
  if (search.page > 1) params.set('page', String(search.page));
  return params;
}

/** The API address of a search (GET /api/initiatives). */
export function initiativesApiPath(search: InitiativesSearch): string {
  const s = initiativesSearchParams(search).toString();
  return s ? `/api/initiatives?${s}` : '/api/initiatives';
}

/** True when the search narrows the list. */
export function hasInitiativeFilters(search: InitiativesSearch): boolean {
  return search.q.trim() !== '' || INITIATIVE_FILTERS.some((f) => search[f] !== null);
}

/** The number of pages of a list of `total` initiatives (at least one). */
export function initiativePages(total: number): number {
  return Math.max(1, Math.ceil(total / INITIATIVES_PAGE_SIZE));
}
