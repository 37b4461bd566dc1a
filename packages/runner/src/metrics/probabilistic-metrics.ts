import {
  brierKernel,
  logLossBinaryKernel,
  logLossKernel,
  topKAccuracyKernel,
} from '@assay/core-metrics';
import type { RowsMetric } from './metric-spec.js';
import { binaryScores, needsProba } from './score-inputs.js';

/** The `k` of `top_k_accuracy`: scikit-learn's `top_k_accuracy` scorer uses k = 2. */
export const TOP_K_ACCURACY_K = 2;

/** scikit-learn 1.2's `eps='auto'` for float64 probabilities. */
const EPS = Number.EPSILON;

/** Losses and accuracies over probabilities, by scikit-learn scorer name. */
export const PROBABILISTIC_METRICS: readonly RowsMetric[] = [
  {
    name: 'log_loss',
    task: 'classification',
    needs: 'scores',
    kind: 'rows',
    greaterIsBetter: false,
    compute(columns, rows) {
      if (columns.yProba !== null) {
        return logLossKernel(
          columns.yTrue,
          columns.yProba,
          columns.classes.length,
          columns.weight,
          rows,
          EPS,
        );
      }
      // a binary y_score is read as the probability of the positive class, as scikit-learn does
      const { isPositive, scores } = binaryScores(columns, 'log_loss');
      return logLossBinaryKernel(isPositive, scores, columns.weight, rows, EPS);
    },
  },
  {
    name: 'brier_score',
    task: 'classification',
    needs: 'scores',
    kind: 'rows',
    greaterIsBetter: false,
    compute(columns, rows) {
      const { isPositive, scores } = binaryScores(columns, 'brier_score');
      return brierKernel(isPositive, scores, columns.weight, rows);
    },
  },
  {
    name: 'top_k_accuracy',
    task: 'classification',
    needs: 'proba',
    kind: 'rows',
    greaterIsBetter: true,
    compute(columns, rows) {
      needsProba(columns, 'top_k_accuracy');
      return topKAccuracyKernel(
        columns.yTrue,
        columns.yProba!,
        columns.classes.length,
        TOP_K_ACCURACY_K,
        columns.weight,
        rows,
      );
    },
  },
];
