import type { DatasetItem } from '../datasets/dataset-item.js';

/** Whether a reference holds no text at all (only whitespace counts as none). */
function blank(reference: string): boolean {
  return reference.trim() === '';
}

/**
 * A run warning for generation items with an empty reference: such an item is scored against
 * the empty string, as sacrebleu does (so nearly any answer scores 0 on it and lowers every
 * mean), which is seldom meant: more often a cell was left blank or the wrong column mapped.
 * The scores are kept as sacrebleu computes them; the warning only names the items.
 *
 * @remarks An item counts when its reference, or any one of several references (a JSON array
 *   in the reference column), is empty or whitespace only. The wording names how many items
 *   and the first one's id, so it can be found in the data file.
 * @param items - the items the run asks (their `reference` / `references`)
 * @returns one warning, or none when every reference holds text
 * @example
 * emptyReferenceWarnings([{ id: 'mail-5', index: 5, fields: {}, label: undefined, group: undefined, reference: '' }]);
 * // ["1 item has an empty reference (the first: 'mail-5'); …"]
 */
export function emptyReferenceWarnings(items: readonly DatasetItem[]): string[] {
  const empty = items.filter((it) => {
    const references = it.references ?? (it.reference === undefined ? [] : [it.reference]);
    return references.some(blank);
  });
  if (empty.length === 0) return [];
  const count = empty.length === 1 ? '1 item has' : `${empty.length} items have`;
  return [
    `${count} an empty reference (the first: '${empty[0]!.id}'); their answers are scored against the empty string, as sacrebleu scores it, so they score 0 on nearly every metric and lower the means. Fill in the reference (dataset.columns.reference) or remove those items from the data set, unless an empty answer is what they expect.`,
  ];
}
