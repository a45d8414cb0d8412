/**
 * The exchange list's search in the address bar: the text query, the filters (offer or request,
 * kind, country, sector, only mine) and the page. Unknown or malformed values in a hand-written
 * address are dropped rather than sent to the server.
 */
import type { z } from 'zod';
import { CaseSector } from '../shared/case-vocabulary.ts';
import { CountryCode } from '../shared/countries.ts';
import { EXCHANGE_PAGE_SIZE, ExchangeSide, ResourceKind } from '../shared/exchange.ts';

export const EXCHANGE_FILTERS = ['side', 'kind', 'country', 'sector'] as const;
export type ExchangeFilter = (typeof EXCHANGE_FILTERS)[number];

export interface ExchangeSearch {
  q: string;
  side: string | null;
  kind: string | null;
  country: string | null;
  sector: string | null;
  /** Only my own items and those of my organisations (open or not). */
  mine: boolean;
  page: number;
}

export const EMPTY_EXCHANGE_SEARCH: ExchangeSearch = {
  q: '',
  side: null,
  kind: null,
  country: null,
  sector: null,
  mine: false,
  page: 1,
};

const VALUE_SCHEMAS: Record<ExchangeFilter, z.ZodType<string>> = {
  side: ExchangeSide,
  kind: ResourceKind,
  country: CountryCode,
  sector: CaseSector,
};

function value(key: ExchangeFilter, raw: string | null): string | null {
  if (raw === null || raw.trim() === '') return null;
  const parsed = VALUE_SCHEMAS[key].safeParse(raw.trim());
  return parsed.success ? parsed.data : null;
}

/**
 * The search an address describes.
 *
 * @example
 * exchangeSearchFromParams(new URLSearchParams('q=bookkeeping&side=offer&page=2'));
 * // { q: 'bookkeeping', side: 'offer', kind: null, country: null, sector: null, mine: false,
 * //   page: 2 }
 */
export function exchangeSearchFromParams(params: URLSearchParams): ExchangeSearch {
  const page = Number(params.get('page') ?? '1');
  return {
    q: (params.get('q') ?? '').trim().slice(0, 200),
    side: value('side', params.get('side')),
    kind: value('kind', params.get('kind')),
    country: value('country', params.get('country')),
    sector: value('sector', params.get('sector')),
    mine: params.get('mine') === 'true',
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** The address parameters of a search: only what is set, in a fixed order. */
export function exchangeSearchParams(search: ExchangeSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.q.trim() !== '') params.set('q', search.q.trim());
  for (const filter of EXCHANGE_FILTERS) {
    const v = search[filter];
    if (v !== null) params.set(filter, v);
  }
  if (search.mine) params.set('mine', 'true');
  if (search.page > 1) params.set('page', String(search.page));
  return params;
}

/** The API address of a search (GET /api/exchange/items). */
export function exchangeApiPath(search: ExchangeSearch): string {
  const s = exchangeSearchParams(search).toString();
  return s ? `/api/exchange/items?${s}` : '/api/exchange/items';
}

/** True when the search narrows the list (a text query, a filter, or only mine). */
export function hasExchangeFilters(search: ExchangeSearch): boolean {
  return search.q.trim() !== '' || search.mine || EXCHANGE_FILTERS.some((f) => search[f] !== null);
}

/** The number of pages of a list of `total` items (at least one). */
export function exchangePages(total: number): number {
  return Math.max(1, Math.ceil(total / EXCHANGE_PAGE_SIZE));
}
