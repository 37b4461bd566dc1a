import { JUDGE_KAPPA_METRIC, JUDGE_SCORE_METRIC } from '../judges/judge-config-checks.js';

const JUDGE_METRICS: readonly string[] = [JUDGE_SCORE_METRIC, JUDGE_KAPPA_METRIC];

/**
 * Why a metric both runs report has no paired value. A judge's grades are kept in
 * `results.json` per model, not per item in `predictions.arrow`, so a judge metric can never
 * be paired; any other metric has no value on the items both runs answered (an AUC over paired
 * items of one class).
 *
 * @param metric - the metric's name
 * @returns the cause, a clause that can follow the metric's name and a colon
 * @example
 * notComparedCause('judge_score'); // "predictions.arrow holds no per-item judge grades, so assay compare can never pair judge_score; compare it in the two runs' own reports"
 */
export function notComparedCause(metric: string): string {
  return JUDGE_METRICS.includes(metric)
    ? `predictions.arrow holds no per-item judge grades, so assay compare can never pair ${metric}; compare it in the two runs' own reports`
    : 'it has no value on the items both runs answered';
}

/**
 * The causes of several metrics not compared, each metric named where the causes differ.
 *
 * @param metrics - the metrics' names
 * @returns the causes, a clause that can follow the metrics' names and a colon
 * @example
 * notComparedCauses(['roc_auc', 'log_loss']); // 'they have no value on the items both runs answered'
 */
export function notComparedCauses(metrics: readonly string[]): string {
  const causes = [...new Set(metrics.map(notComparedCause))];
  if (causes.length === 1) {
    return metrics.length === 1 ? causes[0]! : causes[0]!.replace(/^it has /, 'they have ');
  }
  return metrics.map((m) => `${m}: ${notComparedCause(m)}`).join('; ');
}
