/** Why a QCA run failed, in the interface language, with the engine's own messages kept. */
import { QCA_TIME_LIMIT_MS, type QcaDataSet } from '../shared/qca.ts';
import { ApiError } from './api.ts';
import type { QcaTranslate } from './qca-i18n.ts';
import { ANALYSIS_FIELDS } from './qca-workbench.ts';
import { errorMessage, type Translate } from './validation.ts';

/** A problem the server found: where (in the interface language) and its message (English). */
export interface Issue {
  where: string | null;
  message: string;
}

/** Why an analysis did not run, in words. */
export interface RunProblem {
  message: string;
  /** The engine's own messages, for data or parameters it could not analyse. */
  details: Issue[];
  /** The session has ended: offer to sign in again. */
  signIn: boolean;
}

/**
 * What went wrong with a run: a time-out, a lost session, data the engine refused, or other.
 *
 * @example
 * runProblem(t, tc, new ApiError(408, 'timeout', 'Too slow.'), data).message; // 'The analysis took longer than 30 seconds…'
 */
export function runProblem(
  t: QcaTranslate,
  tc: Translate,
  error: unknown,
  data: QcaDataSet,
): RunProblem {
  if (!(error instanceof ApiError)) {
    return { message: errorMessage(tc, error), details: [], signIn: false };
  }
  if (error.status === 408 || error.code === 'timeout') {
    return {
      message: t('run.timeout', { seconds: QCA_TIME_LIMIT_MS / 1000 }),
      details: [],
      signIn: false,
    };
  }
  if (error.status === 401) return { message: t('run.signedOut'), details: [], signIn: true };
  if (error.status === 400 || error.status === 422) {
    const details = error.fieldIssues.map((issue) => issueText(t, issue, data));
    if (details.length === 0 && error.message) {
      details.push({ where: null, message: error.message });
    }
    return { message: t('run.invalid'), details, signIn: false };
  }
  return { message: errorMessage(tc, error), details: [], signIn: false };
}

/** Where a problem is (row and column of the data, or a parameter) and the engine's message. */
export function issueText(
  t: QcaTranslate,
  issue: { path: string; message: string },
  data: QcaDataSet,
): Issue {
  const parts = issue.path.split(/[.[\]/]+/).filter((p) => p !== '');
  // The engine's own messages (path `data`) already say where; other paths are put in words.
  let where: string | null = parts.length > 1 ? issue.path : null;
  if (parts[0] === 'data' && parts[1] === 'rows' && parts[2] !== undefined) {
    const row = Number(parts[2]);
    const column =
      parts[3] === 'values' && parts[4] !== undefined ? data.columns[Number(parts[4])] : undefined;
    const name = data.rows[row]?.case ?? '';
    where = column
      ? t('run.whereCell', { row: row + 1, case: name, column })
      : t('run.whereRow', { row: row + 1, case: name });
  } else if (parts[0] === 'params' && parts[1]) {
    const name = parts[1] === 'inclCut' ? (parts[2] === '1' ? 'inclCut0' : 'inclCut1') : parts[1];
    const field = ANALYSIS_FIELDS.find((f) => f === name);
    where = field
      ? t(`analyse.${field}`)
      : parts[1] === 'calibration' && parts[2]
        ? t('calibrate.columnHeading', { column: parts[2] })
        : parts.slice(1).join('.');
  }
  return { where, message: issue.message };
}
