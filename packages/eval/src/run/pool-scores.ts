import type { MetricSummary } from '@assay/report';
import { metricSpec, type PredictionInput, type Runner, type ScoreReport } from '@assay/runner';
import { finiteOrNull, type PredictionRow } from './prediction-row.js';
import type { ScoringTask } from './score-model.js';

/** Whether a metric reads `score` (P(positive label)) instead of the parsed label. */
function readsScores(name: string): boolean {
  return metricSpec(name)?.needs === 'scores';
}

/** Metrics of one positive label (`f1_score(..., labels=[pos], average=None)`). */
const POSITIVE_LABEL_METRICS = new Set(['f1', 'precision', 'recall', 'jaccard']);

function positiveLabelMetric(name: string): boolean {
  return POSITIVE_LABEL_METRICS.has(metricSpec(name)?.name ?? name);
}

/** Label code of an answer that matches no task label (a class outside `labels`). */
const UNPARSEABLE = -1;

/** Options of {@link scoreModelOnPool}. */
export interface PoolScoreOptions {
  /** number of folds of the run (length of each metric's `folds`) */
  folds: number;
  /** bootstrap resamples (0: no interval) */
  bootstrap: number;
  /** confidence level */
  ci: number;
  /** seed of the bootstrap */
  seed: number;
}

function nullSummary(folds: number): MetricSummary {
  return {
    value: null,
    mean: null,
    std: null,
    folds: new Array<number | null>(folds).fill(null),
    ciLow: null,
    ciHigh: null,
  };
}

/**
 * Reads one metric of a score report into the `results.json` shape: pooled value,
 * per-fold values (by fold number; null for a fold without scored rows), mean and
 * population std across folds, bootstrap percentile interval.
 */
function summaryOf(report: ScoreReport, key: string, folds: number): MetricSummary {
  const byFold = new Array<number | null>(folds).fill(null);
  for (const f of report.folds) {
    if (f.fold < folds && f.nTest > 0) byFold[f.fold] = finiteOrNull(f.metrics[key]);
  }
  const overall = report.overall[key];
  const summary = report.summary[key];
  return {
    value: finiteOrNull(overall?.value),
    mean: finiteOrNull(summary?.mean),
    std: finiteOrNull(summary?.std),
    folds: byFold,
    ciLow: finiteOrNull(overall?.ci?.[0]),
    ciHigh: finiteOrNull(overall?.ci?.[1]),
  };
}

async function scoreOn(
  runner: Runner,
  input: PredictionInput,
  foldIds: Int32Array,
  names: readonly string[],
  options: PoolScoreOptions & { task: 'classification' | 'regression'; labels?: number[] },
  out: Record<string, MetricSummary>,
): Promise<void> {
  if (names.length === 0) return;
  const report = await runner.scorePredictions(input, {
    task: options.task,
    metrics: names,
    foldIds,
    ...(options.labels === undefined ? {} : { labels: options.labels }),
    seed: options.seed,
    bootstrap: options.bootstrap,
    ci: options.ci,
  });
  // the report names metrics canonically (`mean_absolute_error` → `mae`), in request order
  names.forEach((name, j) => {
    out[name] = summaryOf(report, report.settings.metrics[j]!, options.folds);
  });
}

/**
 * Scores one model's predictions on the runner's worker pool: every metric on
 * all test predictions pooled, per fold, mean ± std across folds and a
 * bootstrap percentile CI of the pooled value.
 *
 * @param runner - the run's runner (one pool for every model)
 * @param rows - the model's prediction rows (one per item × fold)
 * @param task - task labels and positive label
 * @param metrics - `assay run` metric names
 * @param options - fold count, bootstrap, CI level, seed
 * @returns metric summaries by name (the `results.json` shape)
 * @throws {@link EvaluationError} from the runner (`WORKER_FAILED`, `ABORTED` when closed)
 * @remarks
 * Failed requests are left out. Each prediction row belongs to exactly one test fold
 * (its `fold`: for repeated CV the fold number across repeats, `repeat·k + i`; holdout
 * is fold 0), which is the runner's `foldIds`; the pooled value and its bootstrap run
 * over all rows, so an item of repeated CV counts once per repeat.
 * Classification labels are encoded as numbers: the positive label is `1` and the
 * other `0` for a binary task (task label index otherwise), and an answer that
 * matches no label is `-1`, a predicted class outside the runner's `labels` option
 * (the task labels): it counts as wrong for accuracy, balanced accuracy and MCC and
 * lowers the true class's recall, but gets no precision/recall entry of its own in
 * macro/weighted/micro averages — scikit-learn with `labels=` the task labels.
 * `cohen_kappa`, like `cohen_kappa_score(labels=)`, uses the rows whose answer is a
 * label. `f1`/`precision`/`recall` are the positive label's own scores (one-vs-rest
 * for a multiclass task). Score metrics (`roc_auc`, `log_loss`, `brier_score`) are
 * null unless every scored row of a binary task has a score. Regression scores the
 * rows whose answer parsed as a number.
 * @example
 * const runner = createRunner();
 * const metrics = await scoreModelOnPool(runner, rows, task, ['accuracy'], { folds: 5, bootstrap: 1000, ci: 0.95, seed: 1 });
 * await runner.close();
 */
export async function scoreModelOnPool(
  runner: Runner,
  rows: readonly PredictionRow[],
  task: ScoringTask,
  metrics: readonly string[],
  options: PoolScoreOptions,
): Promise<Record<string, MetricSummary>> {
  const out: Record<string, MetricSummary> = {};
  for (const m of metrics) out[m] = nullSummary(options.folds);
  const kept = rows.filter((r) => r.outcome !== 'failed' && r.expected !== null);
  if (task.type === 'regression') {
    const numeric = kept.filter((r) => r.parsed !== null);
    if (numeric.length === 0) return out;
    await scoreOn(
      runner,
      {
        yTrue: Float64Array.from(numeric, (r) => Number(r.expected)),
        yPred: Float64Array.from(numeric, (r) => Number(r.parsed)),
      },
      Int32Array.from(numeric, (r) => r.fold),
      metrics,
      { ...options, task: 'regression' },
      out,
    );
    return out;
  }
  if (task.type !== 'classification' || kept.length === 0) return out;
  const k = task.labels.length;
  const binary = k === 2;
  const positive = Math.max(0, task.labels.indexOf(task.positive));
  // binary: positive → 1, the other label → 0; multiclass: the task label's index
  const code = binary
    ? (label: string | null) =>
        label === task.labels[positive] ? 1 : label === task.labels[1 - positive] ? 0 : UNPARSEABLE
    : (label: string | null) => {
        const i = label === null ? -1 : task.labels.indexOf(label);
        return i < 0 ? UNPARSEABLE : i;
      };
  const yTrue = Int32Array.from(kept, (r) => code(r.expected));
  const yPred = Int32Array.from(kept, (r) => code(r.parsed));
  const foldIds = Int32Array.from(kept, (r) => r.fold);
  const scored = binary && kept.every((r) => r.score !== null);
  const labels = binary ? [1, 0] : task.labels.map((_, i) => i);
  const main = metrics.filter(
    (m) => (binary || !positiveLabelMetric(m)) && (scored || !readsScores(m)),
  );
  await scoreOn(
    runner,
    scored ? { yTrue, yPred, yScore: Float64Array.from(kept, (r) => r.score!) } : { yTrue, yPred },
    foldIds,
    main,
    { ...options, task: 'classification', labels },
    out,
  );
  if (!binary) {
    // the positive label against the rest: the same tp, predicted and support counts
    const oneVsRest = (c: number) => (c === UNPARSEABLE ? UNPARSEABLE : c === positive ? 1 : 0);
    await scoreOn(
      runner,
      { yTrue: yTrue.map(oneVsRest), yPred: yPred.map(oneVsRest) },
      foldIds,
      metrics.filter(positiveLabelMetric),
      { ...options, task: 'classification', labels: [1, 0] },
      out,
    );
  }
  return out;
}
