import { describe, expect, it } from 'vitest';
import { parseUnits } from './havens-units.ts';

describe('parseUnits', () => {
  it('reads a list of ids without a header', () => {
    expect(parseUnits('school-1\n\nschool-2\r\nschool-3\n')).toEqual({
      ok: true,
      factors: [],
      units: [{ id: 'school-1' }, { id: 'school-2' }, { id: 'school-3' }],
    });
  });

  it('skips a header that only names the id column', () => {
    expect(parseUnits('unit\nu1\nu2')).toEqual({
      ok: true,
      factors: [],
      units: [{ id: 'u1' }, { id: 'u2' }],
    });
  });

  it('reads stratification factors named by the header, with quotes and tabs', () => {
    expect(
      parseUnits('\uFEFFid,region,size\n"Den Haag, centrum",west,large\nLeiden,west,"small"'),
    ).toEqual({
      ok: true,
      factors: ['region', 'size'],
      units: [
        { id: 'Den Haag, centrum', strata: { region: 'west', size: 'large' } },
        { id: 'Leiden', strata: { region: 'west', size: 'small' } },
      ],
    });
    expect(parseUnits('id\tregion\na\tnorth')).toMatchObject({
      ok: true,
      units: [{ id: 'a', strata: { region: 'north' } }],
    });
  });

  it('asks for a header when the lines have factors but no header names them', () => {
    expect(parseUnits('a,north\nb,south')).toEqual({
      ok: false,
      problems: [
        { line: 1, kind: 'headerNeeded' },
        { line: 2, kind: 'cellCount', expected: 1, found: 2 },
      ],
    });
  });

  it('names the line of each problem', () => {
    const result = parseUnits('id,region\na,north\nb\n,south\na,south\n"c,north');
    expect(result).toEqual({
      ok: false,
      problems: [{ line: 6, kind: 'unclosedQuote' }],
    });
    expect(parseUnits('id,region\na,north\nb\n,south\na,south')).toEqual({
      ok: false,
      problems: [
        { line: 3, kind: 'cellCount', expected: 2, found: 1 },
        { line: 4, kind: 'emptyId' },
        { line: 5, kind: 'duplicateId', value: 'a', first: 2 },
      ],
    });
  });

  it('refuses an empty list, a header alone and unnamed or repeated factors', () => {
    expect(parseUnits('  \n')).toEqual({ ok: false, problems: [{ line: 1, kind: 'empty' }] });
    expect(parseUnits('id,region')).toEqual({ ok: false, problems: [{ line: 2, kind: 'empty' }] });
    expect(parseUnits('id,region,,region\na,b,c,d')).toEqual({
      ok: false,
      problems: [
        { line: 1, kind: 'factorName', value: '' },
        { line: 1, kind: 'factorName', value: 'region' },
      ],
    });
  });

  it('refuses values longer than the server accepts', () => {
    expect(parseUnits('x'.repeat(201))).toEqual({
      ok: false,
      problems: [{ line: 1, kind: 'longValue', max: 200 }],
    });
  });
});
