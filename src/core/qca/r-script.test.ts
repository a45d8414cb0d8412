import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnalysisData, AnalysisParams } from './analysis.ts';
import { parseCsv } from './csv.ts';
import { rScript, rString } from './r-script.ts';

const params: AnalysisParams = {
  outcome: '~SURV',
  conditions: ['DEV', 'URB', 'STB'],
  calibration: {
    DEV: { method: 'fuzzy', exclusion: 2, crossover: 5.5, inclusion: 8 },
    URB: { method: 'crisp', thresholds: [30, 60] },
  },
  inclCut: [0.8, 0.6],
  nCut: 2,
  priCut: 0.51,
  include: '?,C',
  dirExp: 'DEV, STB',
  allSol: true,
  rowDom: false,
};

const hostile = [
  'Oslo',
  'say "hello"',
  'back\\slash\\',
  'two\nlines',
  'Ends with "\\"',
  'comma, and "quotes"',
  '007',
  'Oslo',
  '# not a comment',
  'NA',
  'tab\there',
  'Bærum kommune',
];

const data: AnalysisData = {
  columns: ['DEV', 'URB', 'STB', 'SURV', 'EXTRA'],
  rows: hostile.map((name, i) => ({
    case: name,
    values: [i + 0.25, i * 10, i % 2, i % 3 === 0 ? null : (i % 2) * 1, 1e-7 * i],
  })),
};

const meta = {
  title: 'Survival of democracy\n) ; system("rm -rf /") # sneaky',
  generatedAt: '2026-11-27T10:00:00.000Z',
  url: 'https://connective.example/qca/analyses/42',
};

/** The string literals and code of an R script, checked as R's lexer reads them. */
function lexR(src: string): { strings: string[]; code: string } {
  const strings: string[] = [];
  let code = '';
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (ch === '"' || ch === "'") {
      let s = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new Error('unterminated string');
        const c = src[i]!;
        if (c === ch) break;
        if (c === '\\') {
          const e = src[i + 1]!;
          const simple: Record<string, string> = {
            n: '\n',
            r: '\r',
            t: '\t',
            '\\': '\\',
            '"': '"',
            "'": "'",
            '0': '\0',
          };
          if (e === 'x') {
            const hex = /^[0-9a-fA-F]{1,2}/.exec(src.slice(i + 2))![0];
            s += String.fromCharCode(parseInt(hex, 16));
            i += 2 + hex.length;
            continue;
          }
          if (!(e in simple)) throw new Error(`unknown escape \\${e}`);
          s += simple[e];
          i += 2;
          continue;
        }
        s += c;
        i++;
      }
      i++;
      strings.push(s);
      code += ' STR ';
      continue;
    }
    code += ch;
    i++;
  }
  return { strings, code };
}

/** Checks that brackets pair up, as R's parser requires. */
function balanced(code: string): boolean {
  const stack: string[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  for (const ch of code) {
    if ('([{'.includes(ch)) stack.push(ch);
    else if (ch in pairs && stack.pop() !== pairs[ch]) return false;
  }
  return stack.length === 0;
}

function hasRscript(): boolean {
  try {
    execFileSync('Rscript', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('rScript', () => {
  const script = rScript(data, params, meta);
  const lines = script.split('\n');

  it('calls R QCA with the arguments of the analysis', () => {
    expect(script).toContain('library(QCA)');
    expect(script).toContain(
      'data[["DEV"]] <- calibrate(data[["DEV"]], type = "fuzzy", thresholds = c(2, 5.5, 8))',
    );
    expect(script).toContain(
      'data[["URB"]] <- calibrate(data[["URB"]], type = "crisp", thresholds = c(30, 60))',
    );
    expect(script).toContain(
      [
        'tt <- truthTable(data, outcome = "~SURV",',
        '  conditions = c("DEV", "URB", "STB"),',
        '  incl.cut = c(0.8, 0.6), n.cut = 2, pri.cut = 0.51,',
        '  complete = TRUE, show.cases = TRUE)',
      ].join('\n'),
    );
    expect(script).toContain(
      [
        'sol <- minimize(tt, include = c("?", "C"),',
        '  dir.exp = "DEV, STB",',
        '  all.sol = TRUE, row.dom = FALSE, details = TRUE)',
      ].join('\n'),
    );
    // Missing values are dropped for the columns used, before calibrating.
    expect(script.indexOf('complete.cases(data[, c("DEV", "URB", "STB", "SURV")')).toBeLessThan(
      script.indexOf('calibrate('),
    );
  });

  it('writes a conservative analysis without calibration as R QCA was called', () => {
    const s = rScript(
      { columns: ['A', 'Y'], rows: [{ case: 'a', values: [1, 1] }] },
      {
        ...params,
        outcome: 'Y',
        conditions: ['A'],
        calibration: {},
        inclCut: [1],
        include: '',
        dirExp: null,
        allSol: false,
      },
      { title: 'Plain', generatedAt: '2026-01-01' },
    );
    expect(s).toContain('incl.cut = 1, n.cut = 2, pri.cut = 0.51');
    expect(s).toContain('conditions = "A",');
    expect(s).toContain('sol <- minimize(tt, include = "",\n  dir.exp = NULL,');
    expect(s).not.toContain('calibrate(');
  });

  it('keeps every comment on one line, so a title cannot become code', () => {
    const { code } = lexR(script);
    expect(code).not.toMatch(/system/);
    expect(lines[0]).toBe('# Survival of democracy ) ; system("rm -rf /") # sneaky');
    expect(lines[1]).toBe(
      '# Made by Connective on 2026-11-27T10:00:00.000Z from https://connective.example/qca/analyses/42.',
    );
  });

  it('inlines the data so that read.csv gives back every case name, however hostile', () => {
    const { strings } = lexR(script);
    const text = strings.find((s) => s.startsWith('case,'))!;
    const table = parseCsv(text, 'inline');
    expect(table.header).toEqual(['case', ...data.columns]);
    const names = table.records.map((r) => r.cells[0]);
    // Repeated names and "NA" are made unique as R's make.unique() does.
    expect(names).toEqual(hostile.map((n, i) => (i === 7 ? 'Oslo.1' : n === 'NA' ? 'NA.1' : n)));
    expect(table.records[1]!.cells.slice(1)).toEqual(['1.25', '10', '1', '1', '1e-7']);
    expect(table.records[0]!.cells.slice(1)).toEqual(['0.25', '0', '0', 'NA', '0']);
  });

  it('escapes quotes, backslashes and control characters in R strings', () => {
    expect(rString('a "b" \\ c')).toBe('"a \\"b\\" \\\\ c"');
    expect(rString('x\ny\rz\u0001\u0000')).toBe('"x\\ny\\rz\\x01"');
    expect(lexR(rString('say "hi"\\\n')).strings).toEqual(['say "hi"\\\n']);
  });

  it('is well-formed R: strings terminated, valid escapes, brackets balanced', () => {
    const { code } = lexR(script);
    expect(balanced(code)).toBe(true);
    // Every statement line starts at column 0 with a known call or assignment.
    const statements = code
      .split('\n')
      .filter((l) => /^\S/.test(l))
      .map((l) => l.split(/[ (]/)[0]);
    expect(statements).toEqual([
      'library',
      'data',
      'data',
      'data[[',
      'data[[',
      'tt',
      'print',
      'sol',
      'print',
    ]);
  });

  it.skipIf(!hasRscript())('parses with R itself', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qca-r-'));
    try {
      const file = join(dir, 'analysis.R');
      writeFileSync(file, script);
      execFileSync('Rscript', ['-e', `invisible(parse(file = ${rString(file)}))`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
