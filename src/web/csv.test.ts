import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';

describe('toCsv', () => {
  it('writes a header and rows with CRLF line ends', () => {
    expect(
      toCsv(
        ['country', 'cases'],
        [
          ['NL', 12],
          ['BE', 3],
        ],
      ),
    ).toBe('country,cases\r\nNL,12\r\nBE,3\r\n');
  });

  it('quotes cells with commas, quotes or line breaks (RFC 4180)', () => {
    expect(toCsv(['a'], [['Rotterdam, Zuid'], ['the "pilot"'], ['two\nlines']])).toBe(
      'a\r\n"Rotterdam, Zuid"\r\n"the ""pilot"""\r\n"two\nlines"\r\n',
    );
  });

  it('writes empty cells for missing values and keeps numbers as they are', () => {
    expect(toCsv(['a', 'b', 'c'], [[null, 0, -1]])).toBe('a,b,c\r\n,0,-1\r\n');
  });

  it('defuses text that a spreadsheet would run as a formula', () => {
    expect(toCsv(['a'], [['=HYPERLINK("x")'], ['+1'], ['@sum'], ['-2']])).toBe(
      `a\r\n"'=HYPERLINK(""x"")"\r\n'+1\r\n'@sum\r\n'-2\r\n`,
    );
  });
});
