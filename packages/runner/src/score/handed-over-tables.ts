import { RunnerError } from '../errors.js';

/**
 * Tables scored with `inPlace: true`: their columns may hold the job's codes instead of
 * the values they were loaded with, so scoring one again gave other, wrong figures
 * (accuracy 0.62 and balanced accuracy 0.013 for 0.80 and 0.80 on a 2M-row CSV).
 */
const handedOver = new WeakSet<object>();

/**
 * Refuses a table that an earlier scoring call was handed with `inPlace: true`, and
 * records this call's table when it is handed over now.
 *
 * @param table - the input's table (a loaded table or an Arrow table)
 * @param inPlace - whether this call may overwrite it
 * @throws {@link RunnerError} `TABLE_CONSUMED` for a table handed over before
 */
export function takeTable(table: object, inPlace: boolean): void {
  if (handedOver.has(table)) {
    throw new RunnerError(
      'TABLE_CONSUMED',
      'This table was already scored with inPlace: true, which may have overwritten its columns with the codes of that job; load the file again (loadColumns) for another scoring call, or score every call on the table without inPlace.',
      { path: 'inPlace' },
    );
  }
  if (inPlace) handedOver.add(table);
}
