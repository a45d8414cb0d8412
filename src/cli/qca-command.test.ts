import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { registerQcaCommand } from './qca-command.ts';

const fixtures = fileURLToPath(new URL('../core/qca/fixtures/data/', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'qca-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs `connective qca …` on a fresh program and captures its output. */
async function run(args: string[]): Promise<{ out: string; err: string; code: number }> {
  let out = '';
  let err = '';
  const program = new Command('connective')
    .exitOverride()
    .configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (err += s) });
  registerQcaCommand(program);
  try {
    await program.parseAsync(['node', 'connective', 'qca', ...args]);
    return { out, err, code: 0 };
  } catch (e) {
    if (e instanceof CommanderError) return { out, err, code: e.exitCode };
    throw e;
  }
}

interface Report {
  data: { n_dropped_for_NA: number; cases_dropped_for_NA: string[] };
  truth_table: { rows: { row: number; OUT: string; cases: string[] }[] };
  solution: { models: { expression: string; terms: { term: string; covU: number | null }[] }[] };
}

describe('connective qca', () => {
  it('prints the intermediate solution of R as JSON', async () => {
    const r = await run([
      '--data',
      join(fixtures, 'LF.csv'),
      '--outcome',
      'SURV',
      '--conditions',
      'DEV,URB,LIT,IND,STB',
      '--incl-cut',
      '0.8',
      '--include',
      '?',
      '--dir-exp',
      'DEV, STB, ~LIT*IND',
    ]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as Report;
    expect(report.solution.models.map((m) => m.expression)).toEqual(['DEV*URB*STB + DEV*~IND*STB']);
    expect(report.truth_table.rows.find((x) => x.row === 32)!.cases).toEqual([
      'BE',
      'CZ',
      'NL',
      'UK',
    ]);
  });

  it('negates the outcome and reports the cases dropped for missing values', async () => {
    const r = await run([
      '--data',
      join(fixtures, 'd.BWB.csv'),
      '--outcome',
      '~CAN',
      '--conditions',
      'BC,SP,PH,PR,CH,AS,LI,HS,LC,TS',
    ]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as Report;
    expect(report.data.cases_dropped_for_NA).toEqual(['01', '03', '26']);
    expect(report.data.n_dropped_for_NA).toBe(3);
  });

  it('prints a readable truth table and solutions with --format text', async () => {
    const r = await run([
      '--data',
      join(fixtures, 'LC.csv'),
      '--outcome',
      'SURV',
      '--include',
      '?',
      '--format',
      'text',
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Truth table for SURV');
    expect(r.out).toContain('M1: DEV*STB -> SURV');
  });

  it('names the CSV line and column of a bad value and exits with 1', async () => {
    const file = join(tmp, 'bad.csv');
    writeFileSync(file, 'case,DEV,SURV\na,1,1\nb,0,0\nc,1,1\nd,0,0\ne,1,1\nf,x,0\n');
    const r = await run(['--data', file, '--outcome', 'SURV']);
    expect(r.code).toBe(1);
    expect(r.err).toContain("bad.csv line 7: value 'x' in column DEV is not a number");
    expect(r.out).toBe('');
  });

  it('names the flag of a bad option', async () => {
    const data = join(fixtures, 'LC.csv');
    const cut = await run(['--data', data, '--outcome', 'SURV', '--incl-cut', '0.8,abc']);
    expect(cut.code).toBe(1);
    expect(cut.err).toContain("--incl-cut: 'abc' is not a number");
    const fmt = await run(['--data', data, '--outcome', 'SURV', '--format', 'xml']);
    expect(fmt.err).toContain('--format');
    const missing = await run(['--data', join(tmp, 'nope.csv'), '--outcome', 'SURV']);
    expect(missing.err).toContain('--data: cannot read');
    const col = await run(['--data', data, '--outcome', 'SURV', '--conditions', 'DEV,XYZ']);
    expect(col.err).toContain('condition column XYZ');
  });
});
