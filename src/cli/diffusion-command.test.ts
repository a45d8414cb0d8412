import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../test/cli.ts';
import { registerDiffusionCommand } from './diffusion-command.ts';

const fixtures = 'src/core/stats/fixtures';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'connective-diffusion-'));
const write = (name: string, text: string) => {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text);
  return file;
};

const run = (args: string[]) => runCommand(registerDiffusionCommand, ['diffusion', ...args]);

describe('connective diffusion bass', () => {
  it('fits the JRC curve as R’s nls does, the peak as a decimal year', async () => {
    const r = await run([
      'bass',
      '--data',
      `${fixtures}/jrc-first-adoption.csv`,
      '--format',
      'json',
    ]);
    expect(r.status, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as Record<string, number>;
    // R: p = 0.00655, q = 0.4420, m = 34.49, residual sum of squares 12.996.
    expect(s.sse).toBeLessThanOrEqual(12.996 * 1.01);
    expect(Math.abs(s.m! - 34.49) / 34.49).toBeLessThan(0.05);
    expect(s.p).toBeCloseTo(0.00655, 5);
    expect(s.q).toBeCloseTo(0.442, 4);
    expect(s.peak).toBeCloseTo(2015.39, 2);
    expect(Object.keys(s).sort()).toEqual(['m', 'p', 'peak', 'q', 'r2', 'sse']);
    const table = await run(['bass', '--data', `${fixtures}/jrc-first-adoption.csv`]);
    expect(table.stdout).toMatch(/peak \(year\) +2015\.39/);
  });

  it('names the line of a bad value, a gap in the years and a curve too short to fit', async () => {
    for (const [text, message] of [
      ['year,adopters\n2001,1\n2002,x\n2003,4\n', "line 3: adopters 'x' is not a number"],
      ['year,adopters\n2001,1\n2003,2\n2004,4\n', 'line 3: year 2003 does not follow 2001'],
      ['year,adopters\n2001,1\n2002,-2\n2003,4\n', 'line 3: adopters must not be negative'],
      ['year,adopters\n2001,1\n2002,2\n', 'at least 3 years'],
      ['year,count\n2001,1\n', 'lacks the required column adopters'],
    ] as const) {
      const r = await run(['bass', '--data', write('bad.csv', text)]);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(message);
    }
  });
});

describe('connective diffusion eha', () => {
  it('matches R’s glm(family = binomial) on the event-history data', async () => {
    const r = await run([
      'eha',
      '--data',
      `${fixtures}/eha-data.csv`,
      '--formula',
      'adopted ~ tradition + peer_share + slack + year',
      '--format',
      'json',
    ]);
    expect(r.status, r.stderr).toBe(0);
    const got = JSON.parse(r.stdout) as {
      coefficients: { term: string; estimate: number; se: number; z: number; p: number }[];
      deviance: number;
      iterations: number;
    };
    const want = JSON.parse(fs.readFileSync(`${fixtures}/eha-glm.json`, 'utf8')) as {
      deviance: number;
      iterations: number;
      coefficients: {
        term: string;
        estimate: number;
        std_error: number;
        z: number;
        p_value: number;
      }[];
    };
    expect(got.coefficients.map((c) => c.term)).toEqual(want.coefficients.map((c) => c.term));
    want.coefficients.forEach((w, i) => {
      const g = got.coefficients[i]!;
      expect(Math.abs(g.estimate - w.estimate) / Math.abs(w.estimate)).toBeLessThan(1e-6);
      expect(Math.abs(g.se - w.std_error) / w.std_error).toBeLessThan(1e-6);
      expect(Math.abs(g.p - w.p_value)).toBeLessThan(1e-6);
    });
    expect(got.deviance).toBeCloseTo(want.deviance, 6);
    expect(got.iterations).toBe(want.iterations);
  });

  it('refuses a bad formula, a non-binary outcome with its line, and a singular design', async () => {
    const data = write('risk.csv', 'adopted,x,same\n0,1,5\n1,2,5\n0,3,5\n2,4,5\n');
    for (const [formula, message] of [
      ['adopted = x', "is not of the form 'y ~ a + b'"],
      ['adopted ~ x', 'line 5: adopted must be 0 or 1, not 2'],
      ['adopted ~ nothing', 'lacks the required column nothing'],
    ] as const) {
      const r = await run(['eha', '--data', data, '--formula', formula]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(message);
    }
    const singular = write('singular.csv', 'adopted,x,same\n0,1,5\n1,2,5\n0,3,5\n1,1,5\n');
    const r = await run(['eha', '--data', singular, '--formula', 'adopted ~ x + same']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('cannot be estimated');
    expect(r.stderr).toContain('same');
  });
});
