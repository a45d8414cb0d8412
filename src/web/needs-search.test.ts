import { describe, expect, it } from 'vitest';
import {
  EMPTY_NEEDS_SEARCH,
  hasNeedFilters,
  needIdFrom,
  needPages,
  needsApiPath,
  needsSearchFromParams,
  needsSearchParams,
} from './needs-search.ts';

const ORG = '5a1c0e3e-2f4b-4c1d-9a7e-0d3b2c1a4f5e';

describe('the needs search in the address', () => {
  it('reads the query, the filters, the order and the page', () => {
    const search = needsSearchFromParams(
      new URLSearchParams(
        `q= bench &country=NL&sector=06&status=being_addressed&organisation=${ORG}&sort=newest&page=3`,
      ),
    );
    expect(search).toEqual({
      q: 'bench',
      country: 'NL',
      sector: '06',
      status: 'being_addressed',
      organisation: ORG,
      sort: 'newest',
      page: 3,
    });
  });

  it('drops values outside the vocabularies, unknown orders and pages that are not positive integers', () => {
    const search = needsSearchFromParams(
      new URLSearchParams(
        'country=XX&sector=99&status=forgotten&organisation=council&sort=loudest&page=0',
      ),
    );
    expect(search).toEqual(EMPTY_NEEDS_SEARCH);
    expect(needsSearchFromParams(new URLSearchParams('page=2.5')).page).toBe(1);
  });

  it('writes only what is set and not the default order, and reads back what it wrote', () => {
    const search = { ...EMPTY_NEEDS_SEARCH, q: 'lights', status: 'open', page: 2 };
    const params = needsSearchParams(search);
    expect(params.toString()).toBe('q=lights&status=open&page=2');
    expect(needsSearchFromParams(params)).toEqual(search);
    expect(needsSearchParams({ ...EMPTY_NEEDS_SEARCH, sort: 'newest' }).toString()).toBe(
      'sort=newest',
    );
    expect(needsSearchParams(EMPTY_NEEDS_SEARCH).toString()).toBe('');
  });

  it('builds the API address', () => {
    expect(needsApiPath(EMPTY_NEEDS_SEARCH)).toBe('/api/needs');
    expect(needsApiPath({ ...EMPTY_NEEDS_SEARCH, organisation: ORG })).toBe(
      `/api/needs?organisation=${ORG}`,
    );
  });

  it('knows when the list is narrowed (the order and the page do not narrow it)', () => {
    expect(hasNeedFilters(EMPTY_NEEDS_SEARCH)).toBe(false);
    expect(hasNeedFilters({ ...EMPTY_NEEDS_SEARCH, sort: 'newest', page: 4 })).toBe(false);
    expect(hasNeedFilters({ ...EMPTY_NEEDS_SEARCH, sector: '07' })).toBe(true);
    expect(hasNeedFilters({ ...EMPTY_NEEDS_SEARCH, organisation: ORG })).toBe(true);
  });

  it('counts pages of twenty', () => {
    expect(needPages(0)).toBe(1);
    expect(needPages(20)).toBe(1);
    expect(needPages(21)).toBe(2);
  });
});

describe('a need named by its id or address', () => {
  it('takes an id alone, or an address whose path names a need', () => {
    expect(needIdFrom(` ${ORG.toUpperCase()} `)).toBe(ORG);
    expect(needIdFrom(`https://connective.example/needs/${ORG}`)).toBe(ORG);
    expect(needIdFrom(`/needs/${ORG}/?from=list#timeline`)).toBe(ORG);
  });

  it('leaves words and other addresses to the search', () => {
    expect(needIdFrom('broken street lights')).toBeNull();
    expect(needIdFrom(`https://connective.example/organisations/${ORG}`)).toBeNull();
    expect(needIdFrom(`lights ${ORG}`)).toBeNull();
  });
});
