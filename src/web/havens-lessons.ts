/**
 * The lessons library's search in the address bar: the text query, one value per filter
 * (sector, design, result, country) and the page. Unknown or malformed values in a hand-written
 * address are dropped rather than sent to the server.
 */
import { CaseSector } from '../shared/case-vocabulary.ts';
import { CountryCode } from '../shared/countries.ts';
import { ExperimentDesign, ExperimentResult } from '../shared/havens.ts';
import { z } from 'zod';

export const LESSON_FILTERS = ['design', 'result', 'sector', 'country'] as const;
export type LessonFilter = (typeof LESSON_FILTERS)[number];

/** The result filter also knows experiments that were stopped early. */
export const LessonResult = z.union([ExperimentResult, z.literal('stopped')]);
export const LESSON_RESULTS = [...ExperimentResult.options, 'stopped'] as const;

export interface LessonsSearch {
  q: string;
  design: string | null;
  result: string | null;
  sector: string | null;
  country: string | null;
  page: number;
}

export const EMPTY_LESSONS_SEARCH: LessonsSearch = {
  q: '',
  design: null,
  result: null,
  sector: null,
  country: null,
  page: 1,
};

const FILTER_SCHEMAS: Record<LessonFilter, z.ZodType<string>> = {
  design: ExperimentDesign,
  result: LessonResult,
  sector: CaseSector,
  country: CountryCode,
};

/** The value of a filter when it is valid, else null. */
function filterValue(filter: LessonFilter, raw: string | null): string | null {
  if (raw === null || raw === '') return null;
  const parsed = FILTER_SCHEMAS[filter].safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/**
 * The search an address describes.
 *
 * @example
 * lessonsSearchFromParams(new URLSearchParams('q=bins&result=stopped&page=2'));
 * // { q: 'bins', design: null, result: 'stopped', sector: null, country: null, page: 2 }
 */
export function lessonsSearchFromParams(params: URLSearchParams): LessonsSearch {
  const page = Number(params.get('page') ?? '1');
  return {
    q: (params.get('q') ?? '').trim().slice(0, 300),
    design: filterValue('design', params.get('design')),
    result: filterValue('result', params.get('result')),
    sector: filterValue('sector', params.get('sector')),
    country: filterValue('country', params.get('country')),
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** The address parameters of a search: only what is set, in a fixed order. */
export function lessonsSearchParams(search: LessonsSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.q.trim() !== '') params.set('q', search.q.trim());
  for (const filter of LESSON_FILTERS) {
    const value = search[filter];
    if (value !== null) params.set(filter, value);
  }
  if (search.page > 1) params.set('page', String(search.page));
  return params;
}

/** The API address of a search (GET /api/lessons). */
export function lessonsApiPath(search: LessonsSearch): string {
  const s = lessonsSearchParams(search).toString();
  return s ? `/api/lessons?${s}` : '/api/lessons';
}

/** True when the search narrows the library (a text query or a filter). */
export function hasLessonFilters(search: LessonsSearch): boolean {
  return search.q.trim() !== '' || LESSON_FILTERS.some((f) => search[f] !== null);
}
