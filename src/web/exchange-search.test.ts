import { describe, expect, it } from 'vitest';
import {
  EMPTY_EXCHANGE_SEARCH,
  exchangeApiPath,
  exchangePages,
  exchangeSearchFromParams,
  exchangeSearchParams,
  hasExchangeFilters,
} from './exchange-search.ts';

describe('the exchange search in the address', () => {
  it('reads the words, filters, only-mine and page', () => {
    expect(
      exchangeSearchFromParams(
        new URLSearchParams(
          'q=bookkeeping&side=offer&kind=money&country=NL&sector=10&mine=true&page=3',
        ),
      ),
    ).toEqual({
      q: 'bookkeeping',
      side: 'offer',
      kind: 'money',
      country: 'NL',
      sector: '10',
      mine: true,
      page: 3,
    });
  });

  it('drops values a hand-written address gets wrong', () => {
    expect(
      exchangeSearchFromParams(
        new URLSearchParams('side=gift&kind=gold&country=XX&sector=99&mine=yes&page=-2'),
      ),
    ).toEqual(EMPTY_EXCHANGE_SEARCH);
  });

  it('writes only what is set, and the API path with it', () => {
    const search = { ...EMPTY_EXCHANGE_SEARCH, q: ' room ', kind: 'space', mine: true, page: 2 };
    expect(exchangeSearchParams(search).toString()).toBe('q=room&kind=space&mine=true&page=2');
    expect(exchangeApiPath(search)).toBe('/api/exchange/items?q=room&kind=space&mine=true&page=2');
    expect(exchangeApiPath(EMPTY_EXCHANGE_SEARCH)).toBe('/api/exchange/items');
  });

  it('round-trips through the address', () => {
    const search = { ...EMPTY_EXCHANGE_SEARCH, side: 'request', country: 'BE', page: 4 };
    expect(exchangeSearchFromParams(exchangeSearchParams(search))).toEqual(search);
  });

  it('knows when the list is narrowed, and how many pages of 20 there are', () => {
    expect(hasExchangeFilters(EMPTY_EXCHANGE_SEARCH)).toBe(false);
    expect(hasExchangeFilters({ ...EMPTY_EXCHANGE_SEARCH, mine: true })).toBe(true);
    expect(hasExchangeFilters({ ...EMPTY_EXCHANGE_SEARCH, page: 5 })).toBe(false);
    expect([0, 1, 20, 21, 40, 41].map(exchangePages)).toEqual([1, 1, 1, 2, 2, 3]);
  });
});
