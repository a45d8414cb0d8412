/**
 * Errors raised by the QCA engine.
 *
 * `QcaInputError` means the caller supplied data or options that cannot be analysed (a bad
 * value, an unknown column, an inconsistent threshold); `QcaLimitError` means the problem is
 * valid but exceeds one of the engine's safety limits.
 */

/**
 * Invalid data or options given to the QCA engine.
 *
 * @example
 * throw new QcaInputError("column 'DEV' is not in the data");
 */
export class QcaInputError extends Error {
  override name = 'QcaInputError';
  /**
   * Where the problem is, when known: `data` or `data.rows.N.values.M` for a value,
   * `params.<name>` for a parameter; and a stable code for the kind of problem.
   */
  path?: string;
  code?: string;
}

/** A QcaInputError that says where the problem is and what kind it is. */
export function inputError(message: string, path: string, code = 'invalid'): QcaInputError {
  const err = new QcaInputError(message);
  err.path = path;
  err.code = code;
  return err;
}

/**
 * A valid problem that exceeds an engine limit (too many conditions, too many models).
 *
 * @example
 * throw new QcaLimitError('at most 31 conditions are supported');
 */
export class QcaLimitError extends Error {
  override name = 'QcaLimitError';
}
