import type { PredictionRow } from '../run/prediction-row.js';

const quoted = (labels: Iterable<string>): string =>
  [...labels]
    .sort()
    .map((l) => `"${l}"`)
    .join(', ');

/**
 * Run warnings for labels of `task.labels` that no scored item has: each is scored as a class
 * without rows, as scikit-learn does, so its recall, precision and F1 are 0 and every macro
 * average is lowered by it (4 items, two spam and two ham, with `labels: [spam, ham, other]`
 * give f1_macro 0.222, not 0.333). A typo in a label, or a label the data set lacks, would
 * otherwise lower the scores silently. The wording follows `assay score --labels`.
 *
 * @param labels - the task's labels
 * @param rows - the run's prediction rows (`expected` the data's label, `parsed` the answer)
 * @returns one warning per such label, in the order of `task.labels`
 * @example
 * unseenLabelWarnings(['spam', 'ham', 'other'], rows);
 * // ['task.labels lists "other", which occurs in neither the data\'s labels nor the answers; …']
 */
export function unseenLabelWarnings(
  labels: readonly string[],
  rows: readonly PredictionRow[],
): string[] {
  const inData = new Set<string>();
  const answeredBy = new Map<string, Set<string>>();
  for (const r of rows) {
    if (r.expected === null) continue;
    inData.add(r.expected);
    if (r.parsed === null) continue;
    const models = answeredBy.get(r.parsed) ?? new Set<string>();
    models.add(r.model);
    answeredBy.set(r.parsed, models);
  }
  // no scored item at all: nothing is averaged, and "the data's labels" would be none
  if (inData.size === 0) return [];
  return labels
    .filter((l) => !inData.has(l))
    .map((l) => {
      const models = answeredBy.get(l);
      const where =
        models === undefined
          ? "occurs in neither the data's labels nor the answers"
          : `does not occur in the data's labels (only in the answers of ${[...models].join(', ')})`;
      return labelWarning(l, where, inData);
    });
}

function labelWarning(label: string, where: string, inData: ReadonlySet<string>): string {
  return `task.labels lists "${label}", which ${where}; scored as a class without rows, as scikit-learn does (its recall, precision and F1 are 0, and macro averages include it). The labels in the data are ${quoted(inData)}; remove "${label}" from task.labels, or check its spelling.`;
}

/**
 * The dry run's form of {@link unseenLabelWarnings}: labels of `task.labels` that no item of
 * the data set has, found before anything is sent.
 *
 * @param labels - the task's labels
 * @param items - the items the run would ask (their `label`)
 * @returns one warning per such label, in the order of `task.labels`
 * @example
 * absentLabelWarnings(['spam', 'ham', 'other'], items); // ['task.labels lists "other", …']
 */
export function absentLabelWarnings(
  labels: readonly string[],
  items: readonly { readonly label?: string | undefined }[],
): string[] {
  const inData = new Set(items.flatMap((it) => (it.label === undefined ? [] : [it.label])));
  if (inData.size === 0) return [];
  return labels
    .filter((l) => !inData.has(l))
    .map((l) => labelWarning(l, "occurs in none of the data's labels", inData));
}
