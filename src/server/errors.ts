import type { FieldIssue } from '../shared/errors.ts';

/** An error with an HTTP status and a stable code, sent as `{ error: { code, message, details } }`. */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export function badRequest(message: string, details?: FieldIssue[]): HttpError {
  return new HttpError(400, 'validation', message, details);
}
export function unauthorized(message = 'Sign in first.'): HttpError {
  return new HttpError(401, 'unauthorized', message);
}
export function forbidden(message = 'You may not do this.'): HttpError {
  return new HttpError(403, 'forbidden', message);
}
export function notFound(what = 'Resource'): HttpError {
  return new HttpError(404, 'not_found', `${what} not found.`);
}
export function conflict(code: string, message: string): HttpError {
  return new HttpError(409, code, message);
}

/** True for a PostgreSQL unique-violation error (both drivers), optionally on a given constraint. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = (err as { cause?: unknown })?.cause ?? err;
  const code = (e as { code?: unknown })?.code;
  if (code !== '23505') return false;
  return constraint === undefined || (e as { constraint?: unknown }).constraint === constraint;
}
