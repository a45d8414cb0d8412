import { describe, expect, it } from 'vitest';
import { ApiError } from './api.ts';
import type { QcaTranslate } from './qca-i18n.ts';
import { runProblem } from './qca-run-problem.ts';
import type { Translate } from './validation.ts';

// Keys and options in place of the catalogue, so the test sees what would be translated.
const t = ((key: string, options?: object) =>
  options ? `${key} ${JSON.stringify(options)}` : key) as QcaTranslate;
const tc = ((key: string) => key) as unknown as Translate;
const data = {
  columns: ['DEV', 'SURV'],
  rows: [
    { case: 'AU', caseId: null, values: [0.8, 0] },
    { case: 'BE', caseId: null, values: [2, 1] },
  ],
};

describe('runProblem', () => {
  it('explains a time-out with the time limit', () => {
    expect(runProblem(t, tc, new ApiError(408, 'timeout', 'Too slow.'), data)).toEqual({
      message: 'run.timeout {"seconds":30}',
      details: [],
      signIn: false,
    });
  });

  it('offers to sign in again after a 401', () => {
    expect(runProblem(t, tc, new ApiError(401, 'unauthorized', 'No.'), data).signIn).toBe(true);
  });

  it('names the row, case and column of a bad value, keeping the engine message', () => {
    const error = new ApiError(400, 'validation', 'Invalid data', [
      { path: 'data.rows.1.values.0', message: 'is not a set membership' },
      { path: 'params.inclCut.1', message: 'too big' },
      { path: 'data', message: 'row 1 (case AU): column DEV has 2' },
    ]);
    expect(runProblem(t, tc, error, data)).toEqual({
      message: 'run.invalid',
      details: [
        {
          where: 'run.whereCell {"row":2,"case":"BE","column":"DEV"}',
          message: 'is not a set membership',
        },
        { where: 'analyse.inclCut0', message: 'too big' },
        { where: null, message: 'row 1 (case AU): column DEV has 2' },
      ],
      signIn: false,
    });
  });

  it('falls back to the general messages', () => {
    expect(runProblem(t, tc, new ApiError(500, 'internal', 'Oops'), data).message).toBe(
      'errors.server',
    );
    expect(runProblem(t, tc, new Error('x'), data).message).toBe('errors.unknown');
  });
});
