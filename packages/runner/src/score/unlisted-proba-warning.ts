import type { Label } from '@assay/labels';
import type { JobMetrics } from './job-metrics.js';
import { quotedLabels } from './quoted-labels.js';
import type { ScoreColumns } from './score-columns.js';

/**
 * A warning for probability columns of classes that `labels` leaves out: the metrics on
 * probabilities read one column per class of the data whatever `labels` says, where
 * scikit-learn's `log_loss(labels=)` refuses a list that does not match the columns. Only
 * when a metric of the job reads the probabilities.
 *
 * @param columns - the prepared columns
 * @param labels - the `labels` option
 * @param metrics - the job's metrics
 * @returns the warning, or none
 * @example
 * ```ts
 * const yProba = [[0.7, 0.2, 0.1, 0.5], [0.2, 0.6, 0.5, 0.3], [0.1, 0.2, 0.4, 0.2]];
 * const { columns } = prepareColumns({ yTrue: ['ant', 'bee', 'cat', 'ant'], yPred: ['ant', 'bee', 'bee', 'ant'], yProba });
 * const metrics = { specs: [METRIC_REGISTRY.get('log_loss')], names: ['log_loss'], rowNames: ['log_loss'] };
 * unlistedProbaWarnings(columns, ['ant', 'bee'], metrics); // ['labels leaves out "cat", …']
 * ```
 */
export function unlistedProbaWarnings(
  columns: ScoreColumns,
  labels: readonly Label[] | undefined,
  metrics: JobMetrics,
): string[] {
  if (labels === undefined || columns.yProba === null) return [];
  // only when a metric reads the probabilities (a binary ranking metric without yScore too)
  const reads = metrics.specs.some(
    (s) => s.needs === 'proba' || (s.needs === 'scores' && columns.yScore === null),
  );
  if (!reads) return [];
  const listed = new Set(labels.map(String));
  const unlisted = columns.classes.filter((c) => !listed.has(String(c)));
  if (unlisted.length === 0) return [];
  return [
    `labels leaves out ${quotedLabels(unlisted)}, but y_proba has a column for every class (${quotedLabels(columns.classes)}): log_loss, top_k_accuracy, roc_auc_ovr and the other metrics on probabilities read them all (scikit-learn's log_loss(labels=) would refuse a list that does not name every column's class).`,
  ];
}
