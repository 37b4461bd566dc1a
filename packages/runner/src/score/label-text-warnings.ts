import type { Label } from '@assay/labels';
import { describeDataRow } from '../io/table-source.js';
import { quotedLabel } from './quoted-labels.js';

/** Letters typed for the digit they look like: a hint at what a stray label meant. */
const LOOKALIKE: Readonly<Record<string, string>> = {
  O: '0',
  o: '0',
  D: '0',
  l: '1',
  I: '1',
  i: '1',
  S: '5',
  s: '5',
  B: '8',
  Z: '2',
  z: '2',
};

/** Groups of whitespace-twin labels a warning lists before it stops. */
const LISTED_GROUPS = 10;

/** Text labels of one column a stray-label warning names. */
const LISTED_STRAYS = 3;

/** Whether a label reads as a number (`1`, `"0"`, `" 2.5"`). */
function readsAsNumber(label: Label): boolean {
  return typeof label === 'number' || (label.trim() !== '' && !Number.isNaN(Number(label)));
}

/**
 * The warning for classes that differ only in whitespace (`"ham"` and `"ham "`, `"spam"` and
 * `"spam\u00a0"`): each is a class of its own, and a table shows them alike.
 *
 * @param classes - the job's classes
 * @returns the warning, or undefined when no two classes differ only in whitespace
 * @example
 * ```ts
 * whitespaceLabelWarning(['ham', 'ham ', 'spam']);
 * // 'Labels that differ only in whitespace were found: "ham" and "ham "; each is …'
 * ```
 */
export function whitespaceLabelWarning(classes: readonly Label[]): string | undefined {
  const groups = new Map<string, string[]>();
  for (const label of classes) {
    if (typeof label !== 'string') continue;
    // \s covers the Unicode spaces too (no-break, thin, ideographic)
    const key = label.replace(/\s+/gu, ' ').trim();
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [label]);
    else group.push(label);
  }
  const twins = [...groups.values()].filter((g) => g.length > 1);
  if (twins.length === 0) return undefined;
  const listed = twins.slice(0, LISTED_GROUPS).map((g) => g.map(quotedLabel).join(' and '));
  const more = twins.length > LISTED_GROUPS ? `; and ${twins.length - LISTED_GROUPS} more` : '';
  return `Labels that differ only in whitespace were found: ${listed.join('; ')}${more}; each is a class of its own. If they are meant to be one class, trim the whitespace in the data.`;
}

/** The label columns of a job, as the warning names them. */
export interface LabelCodes {
  /** Sorted union of the labels; codes index into it. */
  readonly classes: readonly Label[];
  readonly yTrue: Int32Array;
  readonly yPred: Int32Array;
}

/** Each class's row count and first row in one column of codes. */
function countCodes(codes: Int32Array, k: number): { counts: Float64Array; first: Int32Array } {
  const counts = new Float64Array(k);
  const first = new Int32Array(k).fill(-1);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c < 0) continue;
    if (counts[c] === 0) first[c] = i;
    counts[c]!++;
  }
  return { counts, first };
}

/** The hint `(O for 0?)` when a stray label is a letter that looks like a digit among the classes. */
function typoHint(label: Label, classes: readonly Label[]): string {
  const digit = typeof label === 'string' ? LOOKALIKE[label.trim()] : undefined;
  if (digit === undefined || !classes.some((c) => String(c).trim() === digit)) return '';
  return ` (${label} for ${digit}?)`;
}

/**
 * Warnings for a label column of numbers but for a few text values (one row, or under 1% of
 * them): a typo (`O` for `0`) that became a class of its own, which drags macro averages and
 * balanced accuracy down without a word. Each names the column, the value and its first line
 * in the file (`line 122 (data row 121) of preds.csv`) when the table was read from one.
 *
 * @param codes - the job's classes and class codes
 * @param names - how to name each label column (`Column "y" (y_true)`)
 * @param table - the loaded table, to name the line; any object otherwise
 * @param keptRows - the input rows `dropMissing` kept, undefined when none was dropped
 * @returns the warnings, none when the labels are all numbers or all text
 * @example
 * ```ts
 * const yTrue = Int32Array.from({ length: 200 }, (_, i) => (i === 120 ? 2 : i % 2));
 * const codes = { classes: ['0', '1', 'O'], yTrue, yPred: yTrue.map(() => 0) };
 * const names = { yTrue: 'y_true', yPred: 'y_pred' };
 * (await strayTextLabelWarnings(codes, names, {}, undefined))[0];
 * // 'y_true holds numbers except for "O" (O for 0?) in 1 row(s), the first at data row 121: …'
 * ```
 */
export async function strayTextLabelWarnings(
  codes: LabelCodes,
  names: { readonly yTrue: string; readonly yPred: string },
  table: object,
  keptRows: Uint32Array | undefined,
): Promise<string[]> {
  const { classes } = codes;
  const text = classes.map((l) => !readsAsNumber(l));
  if (!text.includes(true) || !text.includes(false)) return [];
  const warnings: string[] = [];
  for (const role of ['yTrue', 'yPred'] as const) {
    const column = codes[role];
    const { counts, first } = countCodes(column, classes.length);
    let textRows = 0;
    let numberRows = 0;
    for (let c = 0; c < classes.length; c++) {
      if (text[c]) textRows += counts[c]!;
      else numberRows += counts[c]!;
    }
    // one row, or under 1%: a slip; more is a column of text labels to take as it is
    if (numberRows === 0 || textRows === 0 || (textRows > 1 && textRows >= 0.01 * column.length)) {
      continue;
    }
    const strays = classes.flatMap((_, c) => (text[c] && counts[c]! > 0 ? [c] : []));
    for (const c of strays.slice(0, LISTED_STRAYS)) {
      const row = keptRows?.[first[c]!] ?? first[c]!;
      const place = await describeDataRow(table, row);
      const rows = counts[c]!.toLocaleString('en-US');
      warnings.push(
        `${names[role]} holds numbers except for ${quotedLabel(classes[c])}${typoHint(classes[c]!, classes)} in ${rows} row(s), the first at ${place}: it is scored as a class of its own. If it is a typo, correct it in the data.`,
      );
    }
  }
  return warnings;
}
