import type { MetricSummary, ModelResult } from '../results/run-results-schema.js';

/** Metrics that are one quantity under two or more names, and why. */
const FAMILIES: ReadonlyArray<{
  members: readonly string[];
  why: (group: readonly string[]) => string;
}> = [
  {
    members: ['balanced_accuracy', 'recall_macro'],
    why: () => 'both are the mean over the labels of the share of each label answered correctly',
  },
  {
    members: ['accuracy', 'recall_micro', 'precision_micro', 'f1_micro'],
    why: (group) =>
      group.some((n) => n === 'precision_micro' || n === 'f1_micro')
        ? 'with one label per item and every answer naming a label, each is the share of items answered correctly'
        : 'with one label per item, both are the share of items answered correctly',
  },
];

/** Metrics shown as one row: one name, or several that are equal by construction. */
export interface MetricGroup {
  /** the metric names, the first as reported first */
  names: string[];
  /** why the names are one quantity; null for a single metric */
  note: string | null;
}

function sameNumbers(a: MetricSummary | undefined, b: MetricSummary | undefined): boolean {
  if (!a || !b) return a === b;
  const key = (s: MetricSummary) =>
    JSON.stringify([s.value, s.ciLow, s.ciHigh, s.mean, s.std, s.folds, s.reason ?? null]);
  return key(a) === key(b);
}

/**
 * Groups the reported metrics that are identical by construction, so a table shows each
 * quantity once: `balanced_accuracy` = `recall_macro` (the mean per-label recall), and
 * `accuracy` = `recall_micro` (= `precision_micro` = `f1_micro` while every answer names a
 * label: single-label classification).
 *
 * @param names - the reported metrics, in report order
 * @param models - every model's results
 * @returns the groups in report order; a name joins a group only when it belongs to the
 *   same identity and every model's numbers (value, interval, fold values) are exactly
 *   equal, so two metrics that merely come out close are never merged
 * @remarks The identities hold by definition (scikit-learn's `balanced_accuracy_score` is
 *   the macro average of `recall_score`; micro-averaged precision and recall both count
 *   every correct answer once), up to their edge cases: a label without items in a fold,
 *   or answers outside the labels, which the exact-equality check keeps apart.
 * @example
 * metricGroups(['accuracy', 'balanced_accuracy', 'recall_macro'], models)[1]?.names; // ['balanced_accuracy', 'recall_macro']
 */
export function metricGroups(
  names: readonly string[],
  models: readonly ModelResult[],
): MetricGroup[] {
  const used = new Set<string>();
  const groups: MetricGroup[] = [];
  for (const name of names) {
    if (used.has(name)) continue;
    used.add(name);
    const family = FAMILIES.find((f) => f.members.includes(name));
    const same = (family?.members ?? []).filter(
      (other) =>
        other !== name &&
        !used.has(other) &&
        names.includes(other) &&
        models.length > 0 &&
        models.every((m) => m.metrics[name] && sameNumbers(m.metrics[name], m.metrics[other])),
    );
    same.sort((a, b) => names.indexOf(a) - names.indexOf(b));
    for (const other of same) used.add(other);
    const group = [name, ...same];
    groups.push({
      names: group,
      note: same.length > 0 ? `identical by construction: ${family!.why(group)}` : null,
    });
  }
  return groups;
}
