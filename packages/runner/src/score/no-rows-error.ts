import { RunnerError } from '../errors.js';

/**
 * The error for a job with no row to score: the columns given are empty, or `dropMissing`
 * dropped every row.
 *
 * @param dropped - rows that `dropMissing` dropped (0: the input itself had none)
 * @returns a {@link RunnerError} `EMPTY_INPUT`
 * @example
 * ```ts
 * noRowsError(0).message; // 'The input has no rows to score; each column needs at least one value.'
 * ```
 */
export function noRowsError(dropped: number): RunnerError {
  return new RunnerError(
    'EMPTY_INPUT',
    dropped === 0
      ? 'The input has no rows to score; each column needs at least one value.'
      : `No rows are left to score: dropMissing dropped all ${dropped} rows for a missing value; at least one complete row is required.`,
  );
}
