import { compareLabels } from './compare-labels.js';
import { checkLabelSet } from './encode-input-checks.js';
import type { Label } from './label.js';
import { LabelKindCheck } from './label-kind-check.js';

/**
 * The sorted union of several sets of labels (scikit-learn's `unique_labels`):
 * for callers that keep their own per-column dictionaries.
 *
 * @param sets - named label sets, e.g. `[['yTrue', trueLabels], ['yPred', predLabels]]`
 * @returns the distinct labels, numbers numerically or strings by code point
 * @throws {@link LabelError} `MIXED_LABEL_TYPES` when numbers meet strings, `INVALID_INPUT`
 *   when a set is not an iterable of labels (a number, null, a string), naming that set
 * @example
 * ```ts
 * import { sortedUnion } from '@assay/labels';
 * sortedUnion([['yTrue', ['b', 'a']], ['yPred', ['c', 'a']]]); // ['a', 'b', 'c']
 * ```
 */
export function sortedUnion(sets: ReadonlyArray<readonly [string, Iterable<Label>]>): Label[] {
  const kinds = new LabelKindCheck();
  const seen = new Set<Label>();
  for (const [argument, labels] of sets) {
    checkLabelSet(labels, argument);
    for (const label of labels) {
      if (seen.has(label)) continue;
      kinds.check(label, argument);
      // -0 and 0 are one label (a Set already treats them so); report it as 0
      seen.add(label === 0 ? 0 : label);
    }
  }
  return [...seen].sort(compareLabels);
}
