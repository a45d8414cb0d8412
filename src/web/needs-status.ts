/**
 * What the responsible organisation may do with a need next, and how the server's refusals read
 * on the page. No React, no DOM.
 */
import { NEED_TRANSITIONS, type NeedStatus } from '../shared/needs.ts';
import { ApiError } from './api.ts';

/** A status the responsible organisation may give (open is reached only by reopening). */
export type AnswerStatus = Exclude<NeedStatus, 'open'>;

/** The statuses a need may move on to (in order), none once it is resolved or declined. */
export function nextStatuses(status: NeedStatus): AnswerStatus[] {
  return NEED_TRANSITIONS[status].filter((s): s is AnswerStatus => s !== 'open');
}

/** Only a resolved or declined need is reopened (with a reason). */
export function canReopen(status: NeedStatus): boolean {
  return status === 'resolved' || status === 'declined';
}

/** The answers the server refuses with a 409, each with its own message in the catalogues. */
export const ANSWER_CONFLICTS = [
  'illegal_transition',
  'changed',
  'not_closed',
  'merged',
  'no_responsible',
] as const;
export type AnswerConflict = (typeof ANSWER_CONFLICTS)[number];

/**
 * Why the server refused an answer or a reopening, when it said so with a 409 this page knows;
 * null for any other error.
 *
 * @example
 * answerConflict(new ApiError(409, 'changed', 'The need changed meanwhile: reload it.')); // 'changed'
 * answerConflict(new ApiError(403, 'forbidden', '…')); // null
 */
export function answerConflict(error: unknown): AnswerConflict | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  return ANSWER_CONFLICTS.find((c) => c === error.code) ?? null;
}
