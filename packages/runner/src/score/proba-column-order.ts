import type { Label } from '@assay/labels';
import { RunnerError } from '../errors.js';

/** Whether `name` is `label` or ends in it after a separator (`p_cat`, `prob-cat`, `cat`). */
function namesLabel(name: string, label: string): boolean {
  if (name === label) return true;
  if (!name.endsWith(label) || name.length === label.length) return false;
  return /[^\p{L}\p{N}]$/u.test(name.slice(0, name.length - label.length));
}

/**
 * Refuses probability columns whose names say they are in another order than the one they
 * are read in: column `k` of `--y-proba` holds the probability of the `k`-th class in sorted
 * order, so `p_cat,p_dog,p_bird` for the classes bird, cat, dog would score every class
 * against another's probabilities and report wrong numbers with no error.
 *
 * @remarks
 * Only names that each end in a different class label (after a separator such as `_` or
 * `-`, or the label alone) say anything; any other naming is taken as given.
 *
 * @param names - the probability columns' names, as listed
 * @param classes - the classes in sorted order
 * @throws {@link RunnerError} `INVALID_OPTION` naming the order to list them in
 * @example
 * checkProbaColumnOrder(['p_bird', 'p_cat', 'p_dog'], ['bird', 'cat', 'dog']); // undefined (the names follow the sorted classes)
 * try {
 *   checkProbaColumnOrder(['p_cat', 'p_bird'], ['bird', 'cat']);
 * } catch (error) {
 *   error.message; // '--y-proba lists p_cat,p_bird, … list them as --y-proba p_bird,p_cat.'
 * }
 */
export function checkProbaColumnOrder(
  names: readonly string[] | undefined,
  classes: readonly Label[],
): void {
  if (names === undefined || names.length < 2 || names.length !== classes.length) return;
  const labels = classes.map(String);
  const owners = names.map((name) => {
    const hits = labels.filter((label) => namesLabel(name, label));
    return hits.length === 1 ? hits[0] : undefined;
  });
  if (owners.some((owner) => owner === undefined) || new Set(owners).size !== owners.length) return;
  if (owners.every((owner, k) => owner === labels[k])) return;
  const ordered = labels.map((label) => names[owners.indexOf(label)]);
  throw new RunnerError(
    'INVALID_OPTION',
    `--y-proba lists ${names.join(',')}, but the columns are read in the sorted class order (${labels.join(', ')}) and their names say another; list them as --y-proba ${ordered.join(',')}.`,
    { path: 'yProba' },
  );
}
