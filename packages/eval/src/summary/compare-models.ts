import type { ModelComparison } from '@assay/report';
import type { Runner } from '@assay/runner';
import { holmAdjust, mcnemarExact } from '@assay/stats';
import { alikeComparisonEntry, itemsDiffering } from '../compare/alike-items-bound.js';
import {
  bootstrapPBound,
  differingItems,
  flooredBootstrapP,
  readsLabelsOnly,
} from '../compare/bootstrap-p-floor.js';
import { compareGenerations } from '../generation/compare-generations.js';
import type { GenerationSettings } from '../generation/score-generation-model.js';
import { finiteOrNull, type PredictionRow } from '../run/prediction-row.js';
import type { TaskModule } from '../tasks/task-module.js';
import { pairedMetricDifferences } from './paired-metric-differences.js';

/** Options of {@link compareModels}. */
export interface CompareModelsOptions {
  /** bootstrap resamples of each paired difference (at least 1) */
  readonly bootstrap: number;
  /** confidence level */
  readonly ci: number;
  /**
   * seed of every pair's resamples (`evaluation.seed`, as `assay compare` and `vs baseline`
   * thresholds seed theirs), so a pair's interval depends neither on where its models are
   * listed nor on which other models run beside them
   */
  readonly seed: number;
}

/** The rows of two models for the same items and folds, in the same order. */
function pairRows(
  a: readonly PredictionRow[],
  b: readonly PredictionRow[],
  task: TaskModule,
): {
  answeredA: PredictionRow[];
  answeredB: PredictionRow[];
  scoredA: PredictionRow[];
  scoredB: PredictionRow[];
} {
  const keyOf = (r: PredictionRow): string => `${r.fold}\u0000${r.id}\u0000${r.permutation ?? 0}`;
  const byKey = new Map(b.filter((r) => r.outcome !== 'failed').map((r) => [keyOf(r), r]));
  const out = {
    answeredA: [] as PredictionRow[],
    answeredB: [] as PredictionRow[],
    scoredA: [] as PredictionRow[],
    scoredB: [] as PredictionRow[],
  };
  for (const r of a) {
    const other = byKey.get(keyOf(r));
    if (r.outcome === 'failed' || other === undefined) continue;
    out.answeredA.push(r);
    out.answeredB.push(other);
    if (task.entersMetrics(r) && task.entersMetrics(other)) {
      out.scoredA.push(r);
      out.scoredB.push(other);
    }
  }
  return out;
}

/** Paired bootstrap of every metric both sides' encodings give, on the runner's pool. */
async function compareMetrics(
  runner: Runner,
  rowsA: readonly PredictionRow[],
  rowsB: readonly PredictionRow[],
  task: TaskModule,
  metrics: readonly string[],
  options: CompareModelsOptions,
): Promise<ModelComparison['metrics']> {
  // BCa, as assay compare and `vs baseline` thresholds compute it: one paired difference, one
  // interval (the percentile interval gave [-0.2600, -0.1987] where compare gave [-0.2638, -0.2013])
  const byMetric = await pairedMetricDifferences(runner, rowsA, rowsB, task, metrics, {
    ...options,
    interval: 'bca',
  });
  // as assay compare: no paired test over the differing items can go below 2 / 2^d
  const differing = differingItems(rowsA, rowsB);
  const differingLabels = differingItems(rowsA, rowsB, false, true);
  // as assay compare: a share no paired item differs on gets the exact bound, not [0, 0]
  const alike = itemsDiffering(
    rowsA.map((r) => r.id),
    rowsA.map((r, i) => r.correct !== rowsB[i]!.correct),
  );
  const out: ModelComparison['metrics'] = {};
  for (const [name, d] of Object.entries(byMetric)) {
    const p = finiteOrNull(d.pValue);
    const items = readsLabelsOnly(name) ? differingLabels : differing;
    const pValue = p === null ? null : flooredBootstrapP(p, items, options.bootstrap);
    const entry = {
      difference: finiteOrNull(d.difference),
      ciLow: finiteOrNull(d.ciLow),
      ciHigh: finiteOrNull(d.ciHigh),
      pValue,
      // a reader of results.json must not take 0 for a p-value: it only says p < 2 / B
      ...(pValue === 0 ? { pValueBelow: bootstrapPBound(0, options.bootstrap) } : {}),
      pHolm: null,
    };
    out[name] = alikeComparisonEntry(name, entry, alike, options.ci);
  }
  return out;
}

/**
 * Holm-adjusts McNemar's and each metric's p-values across the pairs of models; a bootstrap
 * p-value of 0 enters as its bound 2 / B, as in `assay compare`.
 */
function adjustAcrossPairs(
  comparisons: ModelComparison[],
  metrics: readonly string[],
  bootstrap: number,
): void {
  const mc = holmAdjust(comparisons.map((c) => c.mcnemar?.pValue ?? Number.NaN));
  comparisons.forEach((c, i) => {
    if (c.mcnemar) c.mcnemar.pHolm = finiteOrNull(mc[i]);
  });
  for (const metric of metrics) {
    const adj = holmAdjust(
      comparisons.map((c) => {
        const p = c.metrics[metric]?.pValue ?? Number.NaN;
        return bootstrapPBound(p, bootstrap);
      }),
    );
    comparisons.forEach((c, i) => {
      const m = c.metrics[metric];
      if (m) m.pHolm = finiteOrNull(adj[i]);
    });
  }
}

/**
 * Paired comparisons of every pair of models on the items both answered:
 * McNemar's exact test on correctness (classification and multiple choice, when each item
 * has one prediction: repeated folds and choice orders are no independent pairs, and the
 * metrics' item-resampling bootstrap p is the test then), and for every metric the
 * difference B − A with a paired bootstrap BCa interval and p-value (the interval `assay
 * compare` gives the same two sides with as many resamples and the same seed: every pair is
 * seeded by `options.seed`), computed on the runner's
 * worker pool by the same metric registry that scores each model; Holm-corrected
 * across pairs when there are more than two models.
 *
 * @param runner - the run's runner
 * @param rowsByModel - prediction rows per model name (same folds and items)
 * @param task - the task module
 * @param metrics - metric names to compare
 * @param options - bootstrap resamples, CI level, seed
 * @returns one comparison per unordered pair, in model order
 * @remarks
 * Items whose request failed for either model are left out, and so are items that do
 * not enter the task metrics for both (a regression answer without a number). Each
 * replicate resamples the paired items with replacement (all of an item's predictions at
 * once, so repeated CV's repeats add no false confidence) and evaluates both models on
 * the same draw; the p-value is the two-sided percentile-inversion p of `@assay/stats`'
 * `pairedBootstrapFromReplicates`.
 * @example
 * const runner = createRunner();
 * const rowsByModel = new Map([['nb', baseline.rows], ['nb-v2', candidate.rows]]);
 * const comparisons = await compareModels(runner, rowsByModel, taskFor(config.task), ['accuracy'], { bootstrap: 1000, ci: 0.95, seed: 1 });
 * await runner.close();
 * comparisons.map((c) => [c.a, c.b]); // [['nb', 'nb-v2']]
 */
export async function compareModels(
  runner: Runner,
  rowsByModel: ReadonlyMap<string, readonly PredictionRow[]>,
  task: TaskModule,
  metrics: readonly string[],
  options: CompareModelsOptions,
): Promise<ModelComparison[]> {
  const names = [...rowsByModel.keys()];
  if (task.generation !== undefined) {
    return compareGenerationModels(rowsByModel, task.generation, options);
  }
  const out: ModelComparison[] = [];
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const pairs = pairRows(rowsByModel.get(names[i]!)!, rowsByModel.get(names[j]!)!, task);
      const comparison: ModelComparison = {
        a: names[i]!,
        b: names[j]!,
        // McNemar pairs every answered item; the metrics only those both scored (a regression
        // answer without a number is answered, not scored: 120 was reported for 104 paired)
        pairedItems: task.comparesCorrectness ? pairs.answeredA.length : pairs.scoredA.length,
        mcnemar: null,
        metrics: {},
      };
      // McNemar's pairs are independent trials: with an item's rows repeated (choice orders,
      // repeated folds) 160 rows of 40 items gave p = 0.013 where resampling items gave 0.145
      const onePerItem = new Set(pairs.answeredA.map((r) => r.id)).size === pairs.answeredA.length;
      if (pairs.answeredA.length > 0 && task.comparesCorrectness && onePerItem) {
        const m = mcnemarExact(
          pairs.answeredA.map((r) => r.correct === true),
          pairs.answeredB.map((r) => r.correct === true),
        );
        comparison.mcnemar = { ...m, pHolm: null };
      }
      if (pairs.scoredA.length > 0) {
        comparison.metrics = await compareMetrics(
          runner,
          pairs.scoredA,
          pairs.scoredB,
          task,
          metrics,
          options,
        );
      }
      out.push(comparison);
    }
  }
  if (names.length > 2) adjustAcrossPairs(out, metrics, options.bootstrap);
  return out;
}

/**
 * Every pair of models on a generation task ({@link compareGenerations}), with Holm's
 * adjustment across all metrics of all pairs at once (a bootstrap p of 0 enters as its bound).
 */
async function compareGenerationModels(
  rowsByModel: ReadonlyMap<string, readonly PredictionRow[]>,
  settings: GenerationSettings,
  options: CompareModelsOptions,
): Promise<ModelComparison[]> {
  const names = [...rowsByModel.keys()];
  const out: ModelComparison[] = [];
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const { pairedItems, metrics } = await compareGenerations(
        rowsByModel.get(names[i]!)!,
        rowsByModel.get(names[j]!)!,
        settings,
        { ...options, interval: 'bca' },
      );
      out.push({ a: names[i]!, b: names[j]!, pairedItems, mcnemar: null, metrics });
    }
  }
  const entries = out.flatMap((c) => Object.values(c.metrics));
  // a bootstrap p of 0 enters as its bound 2 / B (`pValueBelow`), as in `assay compare`
  const adjusted = holmAdjust(entries.map((e) => e.pValueBelow ?? e.pValue ?? Number.NaN));
  entries.forEach((e, k) => {
    e.pHolm = finiteOrNull(adjusted[k]);
  });
  return out;
}
