import { describe, expect, it } from 'vitest';
import {
  clearFilters,
  compareApiPath,
  emptySearch,
  exportPath,
  filterParams,
  hasFilters,
  parseYear,
  searchApiPath,
  searchFromParams,
  searchParams,
  toggleValue,
} from './case-search.ts';

const read = (query: string) => searchFromParams(new URLSearchParams(query));

describe('searchFromParams', () => {
  it('reads repeated parameters as the values of one facet', () => {
    const s = read('country=NL&country=BE&level=local&q=chatbot');
    expect(s.q).toBe('chatbot');
    expect(s.lists.country).toEqual(['BE', 'NL']);
    expect(s.lists.level).toEqual(['local']);
  });

  it('normalises country codes and counts a repeated value once', () => {
    expect(read('country=nl&country=NL&country=%20be').lists.country).toEqual(['BE', 'NL']);
  });

  it('leaves out values the API would reject instead of failing the search', () => {
    const s = read(
      'country=XX&level=galactic&tradition=napoleonic&sector=11&yearFrom=20x9&yearTo=3000&coded=maybe&sort=random',
    );
    expect(s.lists.country).toEqual([]);
    expect(s.lists.level).toEqual([]);
    expect(s.lists.sector).toEqual([]);
    expect(s.lists.tradition).toEqual(['napoleonic']);
    expect(s.yearFrom).toBeNull();
    expect(s.yearTo).toBeNull();
    expect(s.coded).toBeNull();
    expect(s.sort).toBeNull();
  });

  it('reads years, the coded filter and the sort', () => {
    const s = read('yearFrom=2015&yearTo=2020&coded=yes&sort=year');
    expect([s.yearFrom, s.yearTo, s.coded, s.sort]).toEqual([2015, 2020, 'yes', 'year']);
  });

  it('keeps free technology values, trimmed', () => {
    expect(read('technology=%20Artificial%20Intelligence%20').lists.technology).toEqual([
      'Artificial Intelligence',
    ]);
  });
});

describe('searchParams', () => {
  it('round-trips through the address', () => {
    const query =
      'q=open+data&country=BE&country=NL&tradition=germanic&innovationType=governance&technology=Blockchain&yearFrom=2010&yearTo=2020&coded=no&sort=newest';
    const state = read(query);
    expect(read(searchParams(state).toString())).toEqual(state);
    expect(searchParams(state).toString()).toBe(query);
  });

  it('writes one address for one search, whatever the order the filters were chosen in', () => {
    let a = emptySearch();
    a = toggleValue(a, 'country', 'NL');
    a = toggleValue(a, 'country', 'BE');
    let b = emptySearch();
    b = toggleValue(b, 'country', 'BE');
    b = toggleValue(b, 'country', 'NL');
    expect(searchParams(a).toString()).toBe(searchParams(b).toString());
    expect(searchParams(a).toString()).toBe('country=BE&country=NL');
  });

  it('writes nothing for an empty search', () => {
    expect(searchParams(emptySearch()).toString()).toBe('');
  });
});

describe('API addresses', () => {
  const state = read('q=ai&country=NL&sort=year&yearFrom=2018');

  it('asks the search for a page with the same filters', () => {
    expect(searchApiPath(state, { limit: 20 })).toBe(
      '/api/cases?q=ai&country=NL&yearFrom=2018&sort=year&limit=20',
    );
    expect(searchApiPath(state, { limit: 20, cursor: 'abc' })).toContain('&cursor=abc');
  });

  it('exports and compares the same filters without the sort', () => {
    expect(exportPath(state, 'csv')).toBe(
      '/api/cases/export?q=ai&country=NL&yearFrom=2018&format=csv',
    );
    expect(exportPath(state, 'csv', 'codes')).toBe(
      '/api/cases/export?q=ai&country=NL&yearFrom=2018&format=csv&part=codes',
    );
    expect(exportPath(state, 'json')).toBe(
      '/api/cases/export?q=ai&country=NL&yearFrom=2018&format=json',
    );
    expect(compareApiPath(state)).toBe('/api/cases/compare?q=ai&country=NL&yearFrom=2018');
    expect(compareApiPath(emptySearch())).toBe('/api/cases/compare');
    expect(filterParams(state).has('sort')).toBe(false);
  });
});

describe('changing the search', () => {
  it('ticks and unticks a facet value', () => {
    const ticked = toggleValue(emptySearch(), 'maturity', 'pilot');
    expect(ticked.lists.maturity).toEqual(['pilot']);
    expect(toggleValue(ticked, 'maturity', 'pilot').lists.maturity).toEqual([]);
  });

  it('clears every filter but keeps the sort', () => {
    const s = read('q=x&country=NL&coded=yes&sort=year');
    expect(hasFilters(s)).toBe(true);
    const cleared = clearFilters(s);
    expect(hasFilters(cleared)).toBe(false);
    expect(cleared.sort).toBe('year');
  });
});

describe('parseYear', () => {
  it('accepts an empty field or a year, and reports anything else', () => {
    expect(parseYear('')).toBeNull();
    expect(parseYear(' 2019 ')).toBe(2019);
    expect(parseYear('19')).toBe('invalid');
    expect(parseYear('2019.5')).toBe('invalid');
    expect(parseYear('1800')).toBe('invalid');
  });
});
