import { describe, expect, it } from 'vitest';
import { parseQcaCsv } from './qca-csv.ts';

describe('parseQcaCsv', () => {
  it('reads case names, set names and values, with missing values as null', () => {
    expect(parseQcaCsv('case,DEV,SURV\r\nAU,0.81,0.05\r\nBE,NA,1\r\n')).toEqual({
      ok: true,
      data: {
        columns: ['DEV', 'SURV'],
        rows: [
          { case: 'AU', caseId: null, values: [0.81, 0.05] },
          { case: 'BE', caseId: null, values: [null, 1] },
        ],
      },
    });
  });

  it('reads quoted cells, a byte-order mark and blank lines', () => {
    const result = parseQcaCsv('\uFEFF"case","A","Y"\n"Gent, library",1,0\n\n"Say ""hi""",0,1\n');
    expect(result.ok && result.data.rows.map((r) => r.case)).toEqual(['Gent, library', 'Say "hi"']);
  });

  it('reads semicolons with decimal commas, and tabs', () => {
    const semi = parseQcaCsv('case;A;Y\nx;0,25;1\n');
    expect(semi.ok && semi.data.rows[0]!.values).toEqual([0.25, 1]);
    const tabs = parseQcaCsv('case\tA\tY\nx\t3\t1\n');
    expect(tabs.ok && tabs.data.rows[0]!.values).toEqual([3, 1]);
  });

  it('names the line and column of a value that is not a number', () => {
    expect(parseQcaCsv('case,DEV,SURV\nAU,0.8,0\nBE,high,1\n')).toEqual({
      ok: false,
      problems: [{ line: 3, kind: 'notNumber', column: 'DEV', value: 'high' }],
    });
  });

  it('counts lines inside quoted cells, so later lines keep their number', () => {
    const result = parseQcaCsv('case,A,Y\n"two\nlines",1,0\nx,?,1\n');
    expect(result).toEqual({
      ok: false,
      problems: [{ line: 4, kind: 'notNumber', column: 'A', value: '?' }],
    });
  });

  it('finds rows with too few or too many cells', () => {
    expect(parseQcaCsv('case,A,Y\nx,1\ny,1,0,1\n')).toEqual({
      ok: false,
      problems: [
        { line: 2, kind: 'cellCount', expected: 3, found: 2 },
        { line: 3, kind: 'cellCount', expected: 3, found: 4 },
      ],
    });
  });

  it('checks the set names in the header as R QCA accepts them', () => {
    expect(parseQcaCsv('case,1A,A,A\nx,1,0,1\n')).toEqual({
      ok: false,
      problems: [
        { line: 1, kind: 'setName', value: '1A' },
        { line: 1, kind: 'duplicateSet', value: 'A' },
      ],
    });
    expect(parseQcaCsv('case,A\nx,1\n')).toEqual({
      ok: false,
      problems: [{ line: 1, kind: 'tooFewSets', found: 1 }],
    });
  });

  it('refuses empty or repeated case names, an empty file and an unclosed quote', () => {
    expect(parseQcaCsv('case,A,Y\n,1,0\nx,1,0\nx,0,1\n')).toEqual({
      ok: false,
      problems: [
        { line: 2, kind: 'caseName' },
        { line: 4, kind: 'duplicateCase', value: 'x' },
      ],
    });
    expect(parseQcaCsv('')).toEqual({ ok: false, problems: [{ line: 1, kind: 'empty' }] });
    expect(parseQcaCsv('case,A,Y\n')).toEqual({
      ok: false,
      problems: [{ line: 2, kind: 'empty' }],
    });
    expect(parseQcaCsv('case,A,Y\n"x,1,0\n')).toEqual({
      ok: false,
      problems: [{ line: 2, kind: 'unclosedQuote' }],
    });
  });
});
