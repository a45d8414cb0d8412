import type { z } from 'zod';
import type { useTranslation } from 'react-i18next';
import { ApiError } from './api.ts';

export type Translate = ReturnType<typeof useTranslation>['t'];
type Issue = z.ZodError['issues'][number];

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** A translated message for one zod issue (the shared schemas' messages are English). */
export function issueMessage(t: Translate, issue: Issue): string {
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') {
        return min <= 1 ? t('validation.required') : t('validation.minLength', { count: min });
      }
      return t('validation.invalid');
    }
    case 'too_big':
      return issue.origin === 'string'
        ? t('validation.maxLength', { count: Number(issue.maximum) })
        : t('validation.invalid');
    case 'invalid_format':
      if (issue.format === 'email') return t('validation.email');
      if (issue.format === 'url') return t('validation.url');
      return t('validation.invalid');
    case 'invalid_value':
      return t('validation.choose');
    case 'invalid_type':
      return issue.input === undefined || issue.input === null || issue.input === ''
        ? t('validation.required')
        : t('validation.invalid');
    case 'custom':
      if (issue.path[0] === 'level') return t('validation.levelOnlyPublicBodies');
      if (issue.path[0] === 'country') return t('validation.choose');
      return t('validation.invalid');
    default:
      return t('validation.invalid');
  }
}

/** Field errors (first issue per top-level field) from a failed safeParse. */
export function fieldErrorsFromZod<F extends string>(
  t: Translate,
  error: z.ZodError,
  fields: readonly F[],
): { fields: FieldErrors<F>; other: string | null } {
  const out: FieldErrors<F> = {};
  let other: string | null = null;
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '');
    const field = fields.find((f) => f === key);
    if (field) {
      out[field] ??= issueMessage(t, issue);
    } else {
      other ??= issueMessage(t, issue);
    }
  }
  return { fields: out, other };
}

/** A translated, user-facing message for any error from the API client. */
export function errorMessage(t: Translate, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.unknown');
  if (error.code === 'network') return t('errors.network');
  if (error.code === 'bad_response') return t('errors.badResponse');
  switch (error.status) {
    case 400:
      return t('validation.invalid');
    case 401:
      return t('errors.unauthorized');
    case 403:
      return t('errors.forbidden');
    case 404:
      return t('errors.notFound');
    case 409:
      return t('errors.conflict');
    case 429:
      return t('errors.rateLimited');
    default:
      return error.status >= 500 ? t('errors.server') : t('errors.unknown');
  }
}

/**
 * Map a 400 answer's `details` onto the form's fields. Issues whose path is not
 * one of the fields end up in `other`, with a generic message.
 */
export function fieldErrorsFromApi<F extends string>(
  t: Translate,
  error: unknown,
  fields: readonly F[],
  /** A specific message for a field the server found wrong (e.g. "the password is not right"). */
  messages: FieldErrors<F> = {},
): { fields: FieldErrors<F>; other: string | null } {
  const out: FieldErrors<F> = {};
  if (!(error instanceof ApiError)) return { fields: out, other: errorMessage(t, error) };
  if (error.status !== 400 || error.fieldIssues.length === 0) {
    return { fields: out, other: errorMessage(t, error) };
  }
  let other: string | null = null;
  for (const issue of error.fieldIssues) {
    const key = issue.path.split(/[.[/]/)[0] ?? '';
    const field = fields.find((f) => f === key);
    if (field) out[field] ??= messages[field] ?? t('validation.invalid');
    else other ??= t('validation.invalid');
  }
  return { fields: out, other };
}
