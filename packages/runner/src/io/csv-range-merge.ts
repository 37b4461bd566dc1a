import type { Label } from '@assay/core-metrics';
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
 * The ranges whose labels must be read again, for a column that holds labels: every range
 * that did not read labels from its first row. The sequential reader reads such an `auto`
 * column again as `label` (each cell the label of its own text: `1.0` the label `"1.0"`,
 * `NA` the label `"NA"`), while a range that began numeric read `1.0` as the number 1 and
 * `NA` as missing.
 *
 * @param found - the parse tasks' results for the column, in range order
 * @returns the ranges to parse again with the column read as labels
 * @example
 * rangesToRelabel([null, { dictionary: ['x'], switchedAt: 3 }, { dictionary: ['y'], switchedAt: 0 }]); // [0, 1]
 */
export function rangesToRelabel(found: readonly CsvRangeColumnResult[]): number[] {
  if (found.every((result) => result === null)) return [];
  const again: number[] = [];
  found.forEach((result, r) => {
    if (result === null || result.switchedAt > 0) again.push(r);
  });
  return again;
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
 * const codes = Int32Array.of(0, 1, 0, 0, 1, 0, 1); // rows 0-2 coded by range 0, rows 3-6 by range 1
 * mergeRangeLabels('label', codes, { offsets: [0, 3], rows: [3, 4] }, [['a', 'b'], ['b', 'c']]);
 * // { kind: 'label', name: 'label', codes: Int32Array [0, 1, 0, 1, 2, 1, 2], dictionary: ['a', 'b', 'c'] }
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
  return finishLabels({ kind: 'label', name, codes, dictionary }, { csvText: true });
}
