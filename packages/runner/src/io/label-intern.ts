import type { Label } from '@assay/core-metrics';

/**
 * The code of `label` in a dictionary built in first-appearance order: its index when seen
 * before, else the next code, with the label appended to `dictionary` and recorded in
 * `index`. The one rule every reader's code remapping follows (merged CSV ranges, relabelled
 * columns, Arrow dictionaries), so codes agree whichever path read a file.
 *
 * @param index - label → code so far
 * @param dictionary - labels by code so far (appended to)
 * @param label - the label to code
 * @returns its code
 */
export function internLabel(index: Map<Label, number>, dictionary: Label[], label: Label): number {
  let code = index.get(label);
  if (code === undefined) {
    code = dictionary.length;
    dictionary.push(label);
    index.set(label, code);
  }
  return code;
}
