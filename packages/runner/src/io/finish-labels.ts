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

/**
 * Makes a label column's dictionary homogeneous: when every label is a number
 * or numeric text (CSV), the labels become numbers (merging `"1"` and `1`);
 * when labels mix numbers and strings, numbers become their string form.
 *
 * @param column - a freshly built label column
 * @returns the same column or one with a remapped dictionary
 */
export function finishLabels(
  column: LoadedColumn,
  options: { readonly typed?: boolean } = {},
): LoadedColumn {
  if (column.kind !== 'label') return column;
  const dict = column.dictionary;
  if (options.typed === true) refuseMixedTypes(column.name, dict, column.codes);
  const unsafe = dict.find(
    (label) => typeof label === 'number' && Number.isInteger(label) && !Number.isSafeInteger(label),
  );
  if (unsafe !== undefined) {
    const row = column.codes.indexOf(dict.indexOf(unsafe));
    throw new RunnerError(
      'UNSAFE_INTEGER_LABEL',
      `Column "${column.name}" has a label beyond 2^53 - 1 (${Number.MAX_SAFE_INTEGER}) at data row ${row + 1}, read as ${String(unsafe)}: a number that large is rounded (the file may hold a neighbour of it), so distinct labels would collide; store such labels as strings (quoted in JSON).`,
      { path: column.name },
    );
  }
  // integer text beyond 2^53 stays text: as numbers, distinct labels would become equal
  const bigText = dict.some(
    (label) =>
      typeof label === 'string' &&
      BIG_INTEGER_TEXT.test(label) &&
      !Number.isSafeInteger(Number(label)),
  );
  const parsed = dict.map((label) =>
    typeof label === 'number' ? label : (parseNumericCell(label) ?? Number.NaN),
  );
  const allNumeric = !bigText && parsed.every((v) => !Number.isNaN(v));
  const hasString = dict.some((label) => typeof label === 'string');
  if (!hasString) return column;
  const target: Label[] = allNumeric ? parsed : dict.map((label) => String(label));
  if (!allNumeric && dict.every((label) => typeof label === 'string')) return column;
  const index = new Map<Label, number>();
  const dictionary: Label[] = [];
  const remap = new Int32Array(dict.length);
  target.forEach((label, i) => {
    remap[i] = internLabel(index, dictionary, label);
  });
  const codes = column.codes;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c >= 0) codes[i] = remap[c]!;
  }
  return { kind: 'label', name: column.name, codes, dictionary };
}
