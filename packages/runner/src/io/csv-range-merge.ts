import type { Label } from '@assay/core-metrics';
import { LabelColumnBuilder } from './column-builders.js';
import type { CsvRangeColumnResult } from './csv-range-types.js';
import { finishLabels } from './finish-labels.js';
import { internLabel } from './label-intern.js';
import type { LoadedColumn } from './loaded-column.js';

/** Where each range's rows start in the shared columns, and how many it has. */
export interface RangeRows {
  readonly offsets: readonly number[];
  readonly rows: readonly number[];
}

/**
 * The ranges whose labels must be read again, for a column that holds labels: every
 * range after the first one that met a label, unless it read labels from its first row
 * (the sequential reader reads every cell after its switch as a label, `NA` included,
 * while a range that began numeric read `NA` as missing and `1.0` as the number 1).
 *
 * @param found - the parse tasks' results for the column, in range order
 * @returns the ranges to parse again with the column read as labels
 * @example
 * rangesToRelabel([null, { dictionary: ['x'], switchedAt: 3 }, null]); // [2]
 */
export function rangesToRelabel(found: readonly CsvRangeColumnResult[]): number[] {
  const first = found.findIndex((result) => result !== null);
  if (first < 0) return [];
  const again: number[] = [];
  for (let r = first + 1; r < found.length; r++) {
    if (found[r] === null || found[r]!.switchedAt > 0) again.push(r);
  }
  return again;
}

/**
 * Encodes a numeric range of a column that turned into labels after it: each number
 * becomes a label (NaN missing), as the sequential reader re-encodes the numbers it read
 * before its first label.
 *
 * @param values - the range's numbers
 * @param codes - the range's codes, written here
 * @returns the range's local dictionary
 * @example
 * const dictionary = numbersAsLabels(values.subarray(0, 10), codes.subarray(0, 10));
 */
export function numbersAsLabels(values: Float64Array, codes: Int32Array): readonly Label[] {
  const builder = new LabelColumnBuilder(0, codes);
  for (let i = 0; i < values.length; i++) builder.push(values[i]!);
  return builder.dictionary;
}

/**
 * Merges the ranges' local dictionaries in range order (so a label's code is its rank of
 * first appearance in the file, as the sequential reader gives it), remaps each range's
 * codes in place, and homogenizes the labels as the sequential reader does.
 *
 * @param name - the column
 * @param codes - the whole column's codes, each range's local
 * @param ranges - where the ranges' rows are
 * @param dictionaries - each range's local dictionary
 * @returns the label column
 * @throws {@link RunnerError} `UNSAFE_INTEGER_LABEL` (from `finishLabels`)
 * @example
 * const column = mergeRangeLabels('label', codes, { offsets: [0, 4], rows: [4, 3] }, [['a'], ['b', 'a']]);
 */
export function mergeRangeLabels(
  name: string,
  codes: Int32Array,
  ranges: RangeRows,
  dictionaries: readonly (readonly Label[])[],
): LoadedColumn {
  const index = new Map<Label, number>();
  const dictionary: Label[] = [];
  dictionaries.forEach((local, r) => {
    const remap = new Int32Array(local.length);
    let identity = true;
    local.forEach((label, i) => {
      const code = internLabel(index, dictionary, label);
      remap[i] = code;
      if (code !== i) identity = false;
    });
    if (identity) return;
    const from = ranges.offsets[r]!;
    const to = from + ranges.rows[r]!;
    for (let i = from; i < to; i++) {
      const c = codes[i]!;
      if (c >= 0) codes[i] = remap[c]!;
    }
  });
  return finishLabels({ kind: 'label', name, codes, dictionary });
}
