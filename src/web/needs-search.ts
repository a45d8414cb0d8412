/**
 * The needs list's search in the address bar: the text query, the filters (country, sector,
 * status, responsible organisation), the order and the page. Unknown or malformed values in a
 * hand-written address are dropped rather than sent to the server.
 */
import { z } from 'zod';
import { CaseSector } from '../shared/case-vocabulary.ts';
import { CountryCode } from '../shared/countries.ts';
import { NEED_SORTS, NEEDS_PAGE_SIZE, NeedStatus } from '../shared/needs.ts';

export const NEED_FILTERS = ['country', 'sector', 'status'] as const;
export type NeedFilter = (typeof NEED_FILTERS)[number];
export type NeedSort = (typeof NEED_SORTS)[number];

export interface NeedsSearch {
  q: string;
  country: string | null;
  sector: string | null;
  status: string | null;
  /** The responsible organisation's id. */
  organisation: string | null;
  sort: NeedSort;
  page: number;
}

export const EMPTY_NEEDS_SEARCH: NeedsSearch = {
  q: '',
  country: null,
  sector: null,
  status: null,
  organisation: null,
  sort: 'supports',
  page: 1,
};

const VALUE_SCHEMAS: Record<NeedFilter | 'organisation', z.ZodType<string>> = {
  country: CountryCode,
  sector: CaseSector,
  status: NeedStatus,
  organisation: z.uuid(),
};

function value(key: NeedFilter | 'organisation', raw: string | null): string | null {
  if (raw === null || raw.trim() === '') return null;
  const parsed = VALUE_SCHEMAS[key].safeParse(raw.trim());
  return parsed.success ? parsed.data : null;
}

/**
 * The search an address describes.
 *
 * @example
 * needsSearchFromParams(new URLSearchParams('q=bench&status=open&sort=newest&page=2'));
 * // { q: 'bench', country: null, sector: null, status: 'open', organisation: null,
 * //   sort: 'newest', page: 2 }
 */
export function needsSearchFromParams(params: URLSearchParams): NeedsSearch {
  const page = Number(params.get('page') ?? '1');
  const sort = NEED_SORTS.find((s) => s === params.get('sort')) ?? 'supports';
  return {
    q: (params.get('q') ?? '').trim().slice(0, 200),
    country: value('country', params.get('country')),
    sector: value('sector', params.get('sector')),
    status: value('status', params.get('status')),
    organisation: value('organisation', params.get('organisation')),
    sort,
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** The address parameters of a search: only what is set (and not the default), in a fixed order. */
export function needsSearchParams(search: NeedsSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.q.trim() !== '') params.set('q', search.q.trim());
  for (const filter of NEED_FILTERS) {
    const v = search[filter];
    if (v !== null) params.set(filter, v);
  }
  if (search.organisation !== null) params.set('organisation', search.organisation);
  if (search.sort !== 'supports') params.set('sort', search.sort);
  if (search.page > 1) params.set('page', String(search.page));
  return params;
}

/** The API address of a search (GET /api/needs). */
export function needsApiPath(search: NeedsSearch): string {
  const s = needsSearchParams(search).toString();
  return s ? `/api/needs?${s}` : '/api/needs';
}

/** True when the search narrows the list (a text query, a filter or an organisation). */
export function hasNeedFilters(search: NeedsSearch): boolean {
  return (
    search.q.trim() !== '' ||
    search.organisation !== null ||
    NEED_FILTERS.some((f) => search[f] !== null)
  );
}

/** The number of pages of a list of `total` needs (at least one). */
export function needPages(total: number): number {
  return Math.max(1, Math.ceil(total / NEEDS_PAGE_SIZE));
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * The need a moderator means when pasting its id or its address, or null for other text (words to
 * search for).
 *
 * @example
 * needIdFrom('https://connective.example/needs/0b0e…-…'); // '0b0e…-…'
 * needIdFrom('broken street lights'); // null
 */
export function needIdFrom(text: string): string | null {
  const trimmed = text.trim();
  const match = UUID.exec(trimmed);
  if (!match) return null;
  // Only an id alone, or an address whose path names a need.
  const rest = trimmed.replace(match[0], '');
  if (rest === '' || /(^|\/)needs\/$/.test(rest.replace(/[?#].*$/, '').replace(/\/+$/, '/')))
    return match[0].toLowerCase();
  return null;
}
