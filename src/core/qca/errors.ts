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
