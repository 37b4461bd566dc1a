import { quotedLabel } from '@assay/labels';

/** Labels a warning lists before it says how many more there are. */
export const LISTED_LABELS = 10;

export { quotedLabel };

/**
 * A label as a table shows it: as it is, or quoted as {@link quotedLabel} does when whitespace
 * would hide what it holds (empty, leading or trailing whitespace, or a Unicode space), so
 * that `"ham "` and `ham` do not look alike.
 *
 * @param label - the label
 * @returns e.g. `ham`, `"ham "`, `"spam\u00a0"`
 * @example
 * ```ts
 * labelText('ham'); // 'ham'
 * labelText('ham '); // '"ham "'
 * ```
 */
export function labelText(label: unknown): string {
  if (typeof label !== 'string') return String(label);
  const quoted = quotedLabel(label);
  // quotedLabel escapes exactly the Unicode spaces a reader cannot see
  const hidden = label === '' || /^\s|\s$/u.test(label) || quoted !== JSON.stringify(label);
  return hidden ? quoted : label;
}

/**
 * Labels for a warning or an error message: each as JSON, at most {@link LISTED_LABELS} of
 * them, then how many more (a regression file scored as classification can have thousands of
 * unseen labels, and the warning listed every one: 60 KB for 4,000 rows).
 *
 * @param labels - the labels, in the order to list them
 * @param limit - how many to list (default {@link LISTED_LABELS})
 * @returns e.g. `"a", "b", "c"` or `1, 2, ... and 3,990 more`
 * @example
 * ```ts
 * quotedLabels(['a', 1]); // '"a", 1'
 * ```
 */
export function quotedLabels(labels: readonly unknown[], limit = LISTED_LABELS): string {
  const shown = labels.slice(0, limit).map(quotedLabel).join(', ');
  const more = labels.length - limit;
  return more > 0 ? `${shown}, ... and ${more.toLocaleString('en-US')} more` : shown;
}

/**
 * Values a warning names, in words: `slice "b"`, `slices 0, 1 and 2`, `folds 0, 1, 2, 3, 4 and
 * 3 more` (each value as JSON: strings quoted, numbers bare).
 *
 * @param noun - what the values are, singular (`slice`); an `s` makes the plural
 * @param values - the values, in the order to name them
 * @param limit - how many to name before counting the rest (default 5)
 * @returns the noun and the values
 * @example
 * ```ts
 * namedInWords('slice', ['b']); // 'slice "b"'
 * namedInWords('fold', [0, 1, 2]); // 'folds 0, 1 and 2'
 * ```
 */
export function namedInWords(noun: string, values: readonly unknown[], limit = 5): string {
  const shown = values.slice(0, limit).map((v) => JSON.stringify(v));
  const more = values.length - shown.length;
  const last = more > 0 ? `${more} more` : shown.pop()!;
  const text = shown.length === 0 ? last : `${shown.join(', ')} and ${last}`;
  return `${values.length === 1 ? noun : `${noun}s`} ${text}`;
}
