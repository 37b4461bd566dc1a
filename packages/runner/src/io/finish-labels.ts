import type { Label } from '@assay/core-metrics';
import { RunnerError } from '../errors.js';
import { internLabel } from './label-intern.js';
import type { LoadedColumn } from './loaded-column.js';
import { BIG_INTEGER_TEXT, parseNumericCell } from './numeric-cell.js';

/**
 * Refuses JSON labels that mix numbers with strings that are not numbers (`1` and `"cat"`), as
 * scikit-learn refuses a "Mix of label input types"; text that reads as a number (`"2"`) still
 * joins the numbers.
 */
function refuseMixedTypes(name: string, dict: readonly Label[], codes: Int32Array): void {
  const number = dict.findIndex((label) => typeof label === 'number');
  if (number < 0) return;
  const text = dict.findIndex(
    (label) => typeof label === 'string' && parseNumericCell(label) === undefined,
  );
  if (text < 0) return;
  // the dictionary is in first-seen order: each label's first code is its first row
  const row = (code: number) => codes.indexOf(code) + 1;
  throw new RunnerError(
    'MIXED_LABEL_TYPES',
    `Mix of label input types (string and number): column "${name}" has the number label ${String(dict[number])} (data row ${row(number)}) and the string label ${JSON.stringify(dict[text])} (data row ${row(text)}); labels must be all numbers or all strings (quote every label in the file, or none).`,
    { path: name },
  );
}

/** CSV text that is a missing value in a column of numbers (what `parseNumericCell` reads as NaN). */
function missingMarker(label: Label): boolean {
  return typeof label === 'string' && label !== '' && Number.isNaN(parseNumericCell(label) ?? 0);
}

/**
 * Makes a label column's dictionary homogeneous: when every label is a number
 * or numeric text (CSV), the labels become numbers (merging `"1"` and `1`);
 * when labels mix numbers and strings, numbers become their string form.
 *
 * @remarks
 * With `csvText` (a CSV's cells), pandas' missing markers (`NA`, `NaN`, `NULL`, `None`, …) count with the
 * numbers: a column of numeric text and markers becomes numeric labels with the markers'
 * rows missing (code -1), as the same column read as numbers has them missing; in a column
 * with any other text they stay labels, as written.
 *
 * With `stringTyped` (an Arrow or Parquet column whose type is a string type), the labels
 * stay text whatever they look like, as pandas keeps them: `"1"`, `"1.0"` and `"01"` are
 * three classes, sorted as strings (`"1" < "10" < "2"`), as scikit-learn sorts them.
 *
 * @param column - a freshly built label column
 * @param options - `typed`: JSON values (refuse numbers mixed with text); `csvText`: CSV
 *   cells; `stringTyped`: the values of a string-typed Arrow or Parquet column
 * @returns the same column or one with a remapped dictionary
 */
export function finishLabels(
  column: LoadedColumn,
  options: {
    readonly typed?: boolean;
    readonly csvText?: boolean;
    readonly stringTyped?: boolean;
  } = {},
): LoadedColumn {
  if (column.kind !== 'label') return column;
  // the file's schema says these are strings: a number's look is no reason to change them
  if (options.stringTyped === true) return column;
  const dict = column.dictionary;
  if (options.typed === true) refuseMixedTypes(column.name, dict, column.codes);
  refuseUnsafeIntegers(column.name, dict, column.codes);
  // integer text beyond 2^53 stays text: as numbers, distinct labels would become equal
  const bigText = dict.some(
    (label) =>
      typeof label === 'string' &&
      BIG_INTEGER_TEXT.test(label) &&
      !Number.isSafeInteger(Number(label)),
  );
  const markers = options.csvText === true ? dict.map(missingMarker) : [];
  const parsed = dict.map((label) =>
    typeof label === 'number' ? label : (parseNumericCell(label) ?? Number.NaN),
  );
  // missing markers are missing among numbers; a column of nothing but markers has no number
  // to be missing among, and keeps them as its text labels (a model that always answered null)
  const allNumeric =
    !bigText &&
    parsed.every((v, i) => !Number.isNaN(v) || markers[i] === true) &&
    parsed.some((v, i) => !Number.isNaN(v) && markers[i] !== true);
  const hasString = dict.some((label) => typeof label === 'string');
  if (!hasString) return column;
  if (!allNumeric && dict.every((label) => typeof label === 'string')) return column;
  const target: (Label | null)[] = allNumeric
    ? parsed.map((v, i) => (markers[i] === true ? null : v))
    : dict.map((label) => String(label));
  return remapLabels(column.name, column.codes, target);
}

/** Codes each label of `target` (null: missing) in first-appearance order; remaps `codes` in place. */
function remapLabels(
  name: string,
  codes: Int32Array,
  target: readonly (Label | null)[],
): LoadedColumn {
  const index = new Map<Label, number>();
  const dictionary: Label[] = [];
  const remap = new Int32Array(target.length);
  target.forEach((label, i) => {
    remap[i] = label === null ? -1 : internLabel(index, dictionary, label);
  });
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c >= 0) codes[i] = remap[c]!;
  }
  return { kind: 'label', name, codes, dictionary };
}

/** Refuses a number label beyond 2^53 - 1 (a rounded integer: distinct labels would collide). */
function refuseUnsafeIntegers(name: string, dict: readonly Label[], codes: Int32Array): void {
  const unsafe = dict.find(
    (label) => typeof label === 'number' && Number.isInteger(label) && !Number.isSafeInteger(label),
  );
  if (unsafe === undefined) return;
  const row = codes.indexOf(dict.indexOf(unsafe));
  throw new RunnerError(
    'UNSAFE_INTEGER_LABEL',
    `Column "${name}" has a label beyond 2^53 - 1 (${Number.MAX_SAFE_INTEGER}) at data row ${row + 1}, read as ${String(unsafe)}: a number that large is rounded (the file may hold a neighbour of it), so distinct labels would collide; store such labels as strings (quoted in JSON).`,
    { path: name },
  );
}
