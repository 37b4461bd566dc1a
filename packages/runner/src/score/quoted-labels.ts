/** Labels a warning lists before it says how many more there are. */
export const LISTED_LABELS = 10;

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
  const shown = labels
    .slice(0, limit)
    .map((l) => JSON.stringify(l))
    .join(', ');
  const more = labels.length - limit;
  return more > 0 ? `${shown}, ... and ${more.toLocaleString('en-US')} more` : shown;
}
