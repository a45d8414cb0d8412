import { describe, expect, it } from 'vitest';
import {
  EMPTY_INITIATIVES_SEARCH,
  hasInitiativeFilters,
  initiativePages,
  initiativesApiPath,
  initiativesSearchFromParams,
  initiativesSearchParams,
} from './initiatives-search.ts';

describe('the initiatives search in the address', () => {
  it('reads the query, the filters and the page', () => {
    const search = initiativesSearchFromParams(
      new URLSearchParams('q= garden &country=NL&sector=06&stage=implementing&page=3'),
    );
    expect(search).toEqual({
      q: 'garden',
      country: 'NL',
      sector: '06',
      stage: 'implementing',
      page: 3,
    });
  });

  it('drops unknown filter values and bad pages', () => {
    const search = initiativesSearchFromParams(
      new URLSearchParams('country=XX&sector=nope&stage=dreaming&page=-2'),
    );
    expect(search).toEqual(EMPTY_INITIATIVES_SEARCH);
  });

  it('writes only what is set, and the API path with it', () => {
    const search = { ...EMPTY_INITIATIVES_SEARCH, q: 'garden', stage: 'implementing', page: 2 };
    expect(initiativesSearchParams(search).toString()).toBe('q=garden&stage=implementing&page=2');
    expect(initiativesApiPath(search)).toBe('/api/initiatives?q=garden&stage=implementing&page=2');
    expect(initiativesApiPath(EMPTY_INITIATIVES_SEARCH)).toBe('/api/initiatives');
  });

  it('knows when the list is narrowed', () => {
    expect(hasInitiativeFilters(EMPTY_INITIATIVES_SEARCH)).toBe(false);
    expect(hasInitiativeFilters({ ...EMPTY_INITIATIVES_SEARCH, country: 'BE' })).toBe(true);
  });

  it('counts pages of twenty, at least one', () => {
    expect(initiativePages(0)).toBe(1);
    expect(initiativePages(20)).toBe(1);
    expect(initiativePages(21)).toBe(2);
  });
});
