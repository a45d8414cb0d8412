import { describe, expect, it } from 'vitest';
import {
  EMPTY_LESSONS_SEARCH,
  hasLessonFilters,
  lessonsApiPath,
  lessonsSearchFromParams,
  lessonsSearchParams,
} from './havens-lessons.ts';

describe('the lessons search in the address', () => {
  it('reads the query, the filters and the page', () => {
    const search = lessonsSearchFromParams(
      new URLSearchParams('q= bins &design=pilot&result=stopped&sector=07&country=NL&page=3'),
    );
    expect(search).toEqual({
      q: 'bins',
      design: 'pilot',
      result: 'stopped',
      sector: '07',
      country: 'NL',
      page: 3,
    });
  });

  it('drops values that are not in the vocabularies and pages that are not positive integers', () => {
    const search = lessonsSearchFromParams(
      new URLSearchParams('design=guesswork&result=maybe&sector=99&country=XX&page=-1'),
    );
    expect(search).toEqual(EMPTY_LESSONS_SEARCH);
    expect(lessonsSearchFromParams(new URLSearchParams('page=1.5')).page).toBe(1);
  });

  it('writes only what is set, and reads back what it wrote', () => {
    const search = { ...EMPTY_LESSONS_SEARCH, q: 'waste', result: 'not_supported', page: 2 };
    const params = lessonsSearchParams(search);
    expect(params.toString()).toBe('q=waste&result=not_supported&page=2');
    expect(lessonsSearchFromParams(params)).toEqual(search);
    expect(lessonsSearchParams(EMPTY_LESSONS_SEARCH).toString()).toBe('');
  });

  it('builds the API address', () => {
    expect(lessonsApiPath(EMPTY_LESSONS_SEARCH)).toBe('/api/lessons');
    expect(lessonsApiPath({ ...EMPTY_LESSONS_SEARCH, country: 'BE' })).toBe(
      '/api/lessons?country=BE',
    );
  });

  it('knows when the library is narrowed', () => {
    expect(hasLessonFilters(EMPTY_LESSONS_SEARCH)).toBe(false);
    expect(hasLessonFilters({ ...EMPTY_LESSONS_SEARCH, page: 4 })).toBe(false);
    expect(hasLessonFilters({ ...EMPTY_LESSONS_SEARCH, q: 'x' })).toBe(true);
    expect(hasLessonFilters({ ...EMPTY_LESSONS_SEARCH, design: 'pilot' })).toBe(true);
  });
});
