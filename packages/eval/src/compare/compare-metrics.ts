import type { Runner } from '@assay/runner';
import { mcnemarExact } from '@assay/stats';
import { ZERO_ONE_SCORERS } from '../config/generation-schema.js';
import { pairedGenerationDifferences } from '../generation/compare-generations.js';
import { finiteOrNull, type PredictionRow } from '../run/prediction-row.js';
import { pairedMetricDifferences } from '../summary/paired-metric-differences.js';
import type { TaskModule } from '../tasks/task-module.js';
import { alikeItemsBound, itemsDiffering } from './alike-items-bound.js';
import { differingItems, flooredBootstrapP, readsLabelsOnly } from './bootstrap-p-floor.js';
import type { MetricComparison, PairedTestName } from './compare-result.js';

/** A metric's comparison before the decision rules: values, difference, interval, test. */
export type MeasuredMetric = Omit<
  MetricComparison,
  'pAdjusted' | 'gated' | 'worse' | 'nonInferior' | 'failed'
>;

/** Options of {@link compareMetrics}. */
export interface CompareMetricsOptions {
  readonly bootstrap: number;
  readonly ci: number;
  readonly seed: number;
  /** random sign assignments of the permutation test */
  readonly permutations: number;
  /** whether larger values of a metric are better */
  readonly greaterIsBetter: (metric: string) => boolean;
}

/** Both values, the difference, its interval and p-value, as the runner or the generation path gives them. */
type Difference = {
  readonly [K in 'a' | 'b' | 'difference' | 'ciLow' | 'ciHigh' | 'pValue']: number | null;
};

const num = (x: number | null): number | null => (x === null ? null : finiteOrNull(x));

function measured(
  metric: string,
  d: Difference,
  interval: MetricComparison['interval'],
  test: PairedTestName | null,
  greaterIsBetter: boolean,
): MeasuredMetric {
  return {
    metric,
    greaterIsBetter,
    baseline: num(d.a),
    candidate: num(d.b),
    difference: num(d.difference),
    ciLow: num(d.ciLow),
    ciHigh: num(d.ciHigh),
    interval,
    test: num(d.pValue) === null ? null : test,
    pValue: num(d.pValue),
  };
}

/** The rows that enter the metrics on both sides (answered, and scored by the task). */
function scoredPairs(
  rowsA: readonly PredictionRow[],
  rowsB: readonly PredictionRow[],
  task: TaskModule,
): { scoredA: PredictionRow[]; scoredB: PredictionRow[] } {
  const scoredA: PredictionRow[] = [];
  const scoredB: PredictionRow[] = [];
  rowsA.forEach((r, i) => {
    const other = rowsB[i]!;
    if (r.outcome === 'failed' || other.outcome === 'failed') return;
    if (!task.entersMetrics(r) || !task.entersMetrics(other)) return;
    scoredA.push(r);
    scoredB.push(other);
  });
  return { scoredA, scoredB };
}

/** The pairs whose request was answered on both sides. */
function answeredPairs(
  rowsA: readonly PredictionRow[],
  rowsB: readonly PredictionRow[],
): { a: PredictionRow[]; b: PredictionRow[] } {
  const a: PredictionRow[] = [];
  const b: PredictionRow[] = [];
  rowsA.forEach((r, i) => {
    if (r.outcome === 'failed' || rowsB[i]!.outcome === 'failed') return;
    a.push(r);
    b.push(rowsB[i]!);
  });
  return { a, b };
}

/** Classification, regression, multiple-choice: the runner's paired bootstrap; McNemar for accuracy. */
async function compareScoredMetrics(
  runner: Runner,
  rowsA: readonly PredictionRow[],
  rowsB: readonly PredictionRow[],
  task: TaskModule,
  metrics: readonly string[],
  options: CompareMetricsOptions,
): Promise<MeasuredMetric[]> {
  const { scoredA, scoredB } = scoredPairs(rowsA, rowsB, task);
  if (scoredA.length === 0) return [];
  const byMetric = await pairedMetricDifferences(runner, scoredA, scoredB, task, metrics, {
    ...options,
    interval: 'bca',
  });
  // McNemar's pairs must be independent: one row per item (repeated CV predicts an item often)
  const onePerItem = new Set(scoredA.map((r) => r.id)).size === scoredA.length;
  const mcnemar =
    task.comparesCorrectness && onePerItem
      ? mcnemarExact(
          scoredA.map((r) => r.correct === true),
          scoredB.map((r) => r.correct === true),
        ).pValue
      : null;
  const alike = itemsDiffering(
    scoredA.map((r) => r.id),
    scoredA.map((r, i) => r.correct !== scoredB[i]!.correct),
  );
  return metrics.flatMap((metric) => {
    const d = byMetric[metric];
    if (d === undefined) return [];
    const exact = metric === 'accuracy' && mcnemar !== null;
    const m = measured(
      metric,
      exact ? { ...d, pValue: mcnemar } : d,
      d.interval,
      exact ? 'mcnemar' : 'bootstrap',
      options.greaterIsBetter(metric),
    );
    return [alikeItemsBound(m, alike, options.ci)];
  });
}

/**
 * Every metric of the task on the paired items of two runs: both values, the difference
 * (candidate − baseline) with its paired bootstrap BCa interval, and a paired test.
 *
 * @param runner - the runner whose pool computes the bootstrap replicates
 * @param rowsA - the baseline's paired rows
 * @param rowsB - the candidate's rows of the same items, in the same order
 * @param task - the task module
 * @param metrics - the metrics to compare
 * @param options - resamples, level, seed, permutations, directions
 * @returns one entry per metric that both sides give a value, in `metrics` order
 * @remarks
 * Items whose request failed on either side, or that do not enter the metrics on both, are
 * left out. Tests: McNemar's exact test for 0/1 outcomes (accuracy with one prediction per
 * item; 0/1 generation scorers); the sign-flip permutation test over items for per-item
 * generation scores; the paired bootstrap's p-value for metrics that are no mean of
 * per-item values (F1, AUC, corpus BLEU), and for accuracy under repeated CV, raised to
 * 2 / 2^d when d items were answered differently ({@link flooredBootstrapP}): no paired test
 * over items can go below that, and the bootstrap does on a handful of items. A share of
 * 0/1 outcomes (accuracy, exact match) on which no paired item differs gets ± the exact
 * upper end of the share of items answered differently ({@link alikeItemsBound}) instead of
 * the bootstrap's [0, 0].
 * @example
 * const runner = createRunner();
 * const measured = await compareMetrics(runner, baseline.rows, candidate.rows, taskFor(baseline.task), ['accuracy', 'f1_macro'], { bootstrap: 1000, ci: 0.95, seed: 0, permutations: 9999, greaterIsBetter: () => true });
 * await runner.close();
 * measured.map((m) => m.metric); // ['accuracy', 'f1_macro']
 */
export async function compareMetrics(
  runner: Runner,
  rowsA: readonly PredictionRow[],
  rowsB: readonly PredictionRow[],
  task: TaskModule,
  metrics: readonly string[],
  options: CompareMetricsOptions,
): Promise<MeasuredMetric[]> {
  const answered = answeredPairs(rowsA, rowsB);
  const byText = task.generation !== undefined;
  const d = differingItems(answered.a, answered.b, byText);
  // a label metric's floor counts the items whose labels differ (scores of all may differ)
  const dLabels = differingItems(answered.a, answered.b, byText, true);
  const raw = await measureMetrics(runner, rowsA, rowsB, task, metrics, options);
  return raw.map((m) =>
    m.test === 'bootstrap' && m.pValue !== null
      ? {
          ...m,
          pValue: flooredBootstrapP(
            m.pValue,
            !byText && readsLabelsOnly(m.metric) ? dLabels : d,
            options.bootstrap,
          ),
        }
      : m,
  );
}

async function measureMetrics(
  runner: Runner,
  rowsA: readonly PredictionRow[],
  rowsB: readonly PredictionRow[],
  task: TaskModule,
  metrics: readonly string[],
  options: CompareMetricsOptions,
): Promise<MeasuredMetric[]> {
  if (task.generation === undefined) {
    return compareScoredMetrics(runner, rowsA, rowsB, task, metrics, options);
  }
  const answered = answeredPairs(rowsA, rowsB);
  // the 0/1 scorers by the names the task gives them (a renamed exact_match too)
  const shares = new Set(
    task.generation.scorers.filter((s) => ZERO_ONE_SCORERS.has(s.metric)).map((s) => s.name),
  );
  const paired = await pairedGenerationDifferences(answered.a, answered.b, task.generation, {
    ...options,
    interval: 'bca',
    test: 'permutation',
  });
  return metrics.flatMap((metric) => {
    const d = paired.metrics[metric];
    if (d === undefined) return [];
    const m = measured(metric, d, d.interval, d.test, options.greaterIsBetter(metric));
    const alike = { items: d.scoredItems, differing: d.differingItems };
    return [alikeItemsBound(m, alike, options.ci, shares)];
  });
}
