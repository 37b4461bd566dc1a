import { join } from 'node:path';
import type { ModelResult, RunResults } from '@assay/report';
import { createRunner, type Runner } from '@assay/runner';
import type { ComparedRun } from '../compare/load-compared-run.js';
import { evaluationWarnings, mayShuffle } from '../config/evaluation-method.js';
import { ZERO_ONE_SCORERS } from '../config/generation-schema.js';
import { higherIsBetter, SERVICE_METRICS } from '../config/metric-names.js';
import { parseThreshold } from '../config/thresholds.js';
import { type GenerationSection, generationSection } from '../generation/generation-section.js';
import { scoreGenerationModel } from '../generation/score-generation-model.js';
import { addJudgeResults } from '../judges/judge-results.js';
import type { PredictionRow } from '../run/prediction-row.js';
import type { ExecutedRun } from '../run/run-evaluation.js';
import { taskFor } from '../tasks/task-for.js';
import type { TaskModule } from '../tasks/task-module.js';
import { baselineDifferencesFor } from './baseline-comparison.js';
import { checkThresholds } from './check-thresholds.js';
import { compareModels } from './compare-models.js';
import {
  degenerateIntervalWarnings,
  modelsWithRepeatedItems,
} from './degenerate-interval-warnings.js';
import { earlyStopResult, emptySequenceWarnings } from './early-stop-summary.js';
import { emptyReferenceWarnings } from './empty-reference-warnings.js';
import { emptyTextWarnings } from './empty-text-warnings.js';
import { generationSlices } from './generation-slices.js';
import { withSizeNeeded } from './interval-size-needed.js';
import { modelResult } from './model-result.js';
import { namedSeed } from './named-seed.js';
import { positiveClassMetrics } from './positive-class.js';
import { redactConfig } from './redact-config.js';
import { redactedAnswerWarnings } from './redacted-answer-warnings.js';
import { scoreModelOnPool } from './score-models.js';
import { type FigureInterval, serviceIntervals } from './service-intervals.js';
import { undefinedFoldWarnings } from './undefined-fold-warnings.js';
import { unseenLabelWarnings } from './unseen-label-warnings.js';
import { wrongAnswerPrompts } from './wrong-answer-prompts.js';

/**
 * The metrics a run reports: `evaluation.metrics`, else the task's defaults
 * (classification: accuracy, balanced accuracy, macro F1/precision/recall, plus ROC AUC,
 * log loss and Brier score for binary tasks with scores; regression: MAE, RMSE, R²), then
 * the task metrics that thresholds name and those leave out (`matthews_corrcoef >= 0.5`), so
 * that the tables, the comparisons and `results.json` show every figure a gate reads.
 *
 * @param run - the executed run
 * @returns metric names
 * @example
 * runMetrics(executed); // ['accuracy', 'balanced_accuracy', …]
 */
export function runMetrics(run: ExecutedRun): string[] {
  const task = taskFor(run.config.task);
  const configured = run.config.evaluation.metrics;
  const listed = configured && configured.length > 0 ? configured : task.defaultMetrics(run.rows);
  // a generation task reports its scorers, which its thresholds can only name
  if (task.generation !== undefined) return listed;
  const gated = run.config.thresholds
    .map(parseThreshold)
    .flatMap((p) =>
      p.ok && task.metricNames.includes(p.threshold.metric) ? [p.threshold.metric] : [],
    );
  return [...new Set([...listed, ...gated])];
}

/** Options of {@link summarizeRun}. */
export interface SummarizeRunOptions {
  /** the pool that computes the task metrics (default: one made and closed here) */
  runner?: Runner | undefined;
  /** end time (default: when the statistics are done) */
  finishedAt?: Date | undefined;
  /** the `baseline` run of `vs baseline` thresholds, when already read (else read here) */
  baseline?: ComparedRun | undefined;
}

/**
 * Turns an executed run into `results.json` content: per-model metrics (pooled,
 * per fold, bootstrap CI, or the Wilson interval of the count for a proportion at 0 or 1,
 * computed on the runner's worker pool), confusion
 * matrix, ROC and calibration curves, service statistics, worst slices,
 * wrong-answer samples with the prompts they were asked (`prompts`), paired comparisons and
 * threshold checks.
 *
 * @param run - the executed run
 * @param options - the runner to score on, end time
 * @returns the results object (valid against `RunResultsSchema`)
 * @throws RunnerError `WORKER_FAILED` when a scoring worker fails, `INTERRUPTED` when the
 *   runner was closed
 * @example
 * const summary = await summarizeRun(executed);
 * summary.models[0].metrics.accuracy.value; // 0.9
 */
export async function summarizeRun(
  run: ExecutedRun,
  options: SummarizeRunOptions = {},
): Promise<RunResults> {
  const own = options.runner === undefined ? createRunner() : undefined;
  try {
    return await summarizeWith(own ?? options.runner!, run, options.finishedAt, options.baseline);
  } finally {
    await own?.close();
  }
}

/** Rows by model name, in config order. */
function rowsByModel(run: ExecutedRun): Map<string, PredictionRow[]> {
  const out = new Map<string, PredictionRow[]>();
  for (const m of run.config.models) out.set(m.name, []);
  for (const r of run.rows) out.get(r.model)!.push(r);
  return out;
}

/**
 * Reported metrics, the task metrics named only by a threshold (checked on the fold mean)
 * and, for a binary task, the positive class's precision, recall and false-positive rate.
 */
function scoredMetrics(run: ExecutedRun, metrics: readonly string[], task: TaskModule): string[] {
  const fromThresholds = run.config.thresholds
    .map(parseThreshold)
    .flatMap((p) =>
      p.ok && task.metricNames.includes(p.threshold.metric) ? [p.threshold.metric] : [],
    );
  return [...new Set([...metrics, ...fromThresholds, ...positiveClassMetrics(task)])];
}

/** The metrics whose interval an interval threshold reads (`accuracy.ci_low >= 0.9`). */
function intervalGated(thresholds: readonly string[]): Set<string> {
  return new Set(
    thresholds
      .map(parseThreshold)
      .flatMap((p) =>
        p.ok && p.threshold.bound !== undefined && p.threshold.against === undefined
          ? [p.threshold.metric]
          : [],
      ),
  );
}

/** The service metrics thresholds name (`p95_latency_ms <= 800`, `error_rate.ci_high <= 0.01`): each is shown with its interval. */
function thresholdServiceMetrics(thresholds: readonly string[]): string[] {
  const names = thresholds.flatMap((source) => {
    const p = parseThreshold(source);
    return p.ok && p.threshold.against === undefined ? [p.threshold.metric] : [];
  });
  return [...new Set(names)].filter((m) => (SERVICE_METRICS as readonly string[]).includes(m));
}

async function summarizeWith(
  runner: Runner,
  run: ExecutedRun,
  finishedAt: Date | undefined,
  baselineRun: ComparedRun | undefined,
): Promise<RunResults> {
  const { config } = run;
  const task = taskFor(config.task);
  const metrics = runMetrics(run);
  const seed = config.evaluation.seed >>> 0;
  const byModel = rowsByModel(run);
  const allScores: ModelResult['metrics'][] = [];
  const sections = new Map<string, GenerationSection>();
  const scoringWarnings: string[] = [];
  for (const m of config.models) {
    const options = {
      folds: run.folds,
      bootstrap: config.evaluation.bootstrap,
      ci: config.evaluation.ci,
      // from the model's name, not its place in models[]: reordering or adding a model leaves
      // this model's intervals (and the interval thresholds on them) as they were
      seed: namedSeed(seed, 'metrics', m.name),
    };
    const rows = byModel.get(m.name)!;
    if (task.generation === undefined) {
      allScores.push(
        await scoreModelOnPool(runner, rows, task, scoredMetrics(run, metrics, task), options),
      );
      continue;
    }
    const scores = await scoreGenerationModel(runner, rows, task.generation, options);
    allScores.push(scores.metrics);
    scoringWarnings.push(...scores.warnings.map((w) => `${m.name}: ${w}`));
    sections.set(m.name, generationSection(scores, task.generation, config.output.wrongSamples));
  }
  const models = config.models.map((m, mi) => {
    const result = modelResult(run, m, byModel.get(m.name)!, allScores[mi]!, metrics, task);
    const section = sections.get(m.name);
    if (section === undefined || task.generation === undefined) return result;
    const slices = generationSlices(result.slices, section, task.generation.scorers);
    return { ...result, slices, generation: section };
  });
  const judgeMetrics = addJudgeResults(run, models, allScores);
  const comparisons =
    config.models.length >= 2 && task.scored
      ? await compareModels(runner, byModel, task, metrics, {
          bootstrap: config.evaluation.bootstrap,
          ci: config.evaluation.ci,
          // evaluation.seed itself, as assay compare and `vs baseline` thresholds seed a pair
          seed,
        })
      : [];
  const intervals = models.map((m) =>
    serviceIntervals(
      thresholdServiceMetrics(config.thresholds),
      m,
      run.requests.get(m.name)!.outcomes,
      { ci: config.evaluation.ci },
    ),
  );
  const baseline = await baselineDifferencesFor(run, models, task, runner, baselineRun);
  const checked = checkThresholds(
    config.thresholds,
    models,
    allScores,
    task,
    intervals,
    baseline,
    anytimeIntervals(run.earlyStop, config.evaluation.ci),
  );
  // a bound that no run of this size could meet says so, not only that it failed
  const thresholds = withSizeNeeded(checked, models, config.evaluation.ci);
  const reported = [...metrics, ...judgeMetrics];
  const results = assembleResults(run, task, reported, models, comparisons, thresholds, finishedAt);
  return { ...results, warnings: [...(results.warnings ?? []), ...scoringWarnings] };
}

/** The names of a generation task's 0/1 scorers (a renamed `exact_match` by its name). */
function zeroOneScorerNames(
  scorers: readonly { readonly name: string; readonly metric: string }[] | undefined,
): ReadonlySet<string> {
  if (scorers === undefined) return ZERO_ONE_SCORERS;
  return new Set(scorers.filter((s) => ZERO_ONE_SCORERS.has(s.metric)).map((s) => s.name));
}

/** Each model's confidence sequences at the stopping time of a run with `evaluation.stop`. */
function anytimeIntervals(
  stop: ExecutedRun['earlyStop'],
  ci: number,
): Map<string, Map<string, FigureInterval>> | undefined {
  if (stop === undefined) return undefined;
  return new Map(
    stop.models.map((m) => [
      m.model,
      new Map(
        // an empty sequence (lower > upper) is no interval: the metric keeps its bootstrap one
        m.sequences.flatMap(({ metric, interval }): [string, FigureInterval][] =>
          interval.empty
            ? []
            : [
                [
                  metric,
                  {
                    low: interval.lower,
                    high: interval.upper,
                    method: 'confidence-sequence',
                    // decided(thresholds) splits 1 − ci over its sequences: their level is not ci
                    ...(Math.abs(stop.confidence - ci) < 1e-12 ? {} : { level: stop.confidence }),
                  },
                ],
              ],
        ),
      ),
    ]),
  );
}

function assembleResults(
  run: ExecutedRun,
  task: TaskModule,
  metrics: readonly string[],
  models: RunResults['models'],
  comparisons: RunResults['comparisons'],
  thresholds: RunResults['thresholds'],
  finishedAt: Date | undefined,
): RunResults {
  const { config } = run;
  const groupCounts: Record<string, number> = {};
  for (const it of run.items) {
    if (it.group !== undefined) groupCounts[it.group] = (groupCounts[it.group] ?? 0) + 1;
  }
  const out = config.output.dir;
  const finished = finishedAt ?? new Date();
  return {
    schemaVersion: 1,
    name: config.name,
    startedAt: run.startedAt.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: finished.getTime() - run.startedAt.getTime(),
    config: redactConfig(config),
    dataset: {
      source: config.dataset.builtin ?? config.dataset.path ?? '',
      items: run.items.length,
      tested: new Set(run.rows.map((r) => r.id)).size,
      labels: task.labelCounts(run.items),
      groups: groupCounts,
    },
    task: { type: task.type, labels: [...task.labels], positiveLabel: task.positive },
    evaluation: {
      method: config.evaluation.method,
      ...(mayShuffle(config.evaluation) ? { shuffled: config.evaluation.shuffle !== false } : {}),
      folds: run.folds,
      repeats: config.evaluation.method === 'repeated-stratified' ? config.evaluation.repeats : 1,
      seed: config.evaluation.seed,
      bootstrap: config.evaluation.bootstrap,
      ci: config.evaluation.ci,
      metrics: [...metrics],
      greaterIsBetter: Object.fromEntries(metrics.map((m) => [m, higherIsBetter(m)])),
      fewShot: run.fewShotIds,
      resampling: 'items',
    },
    models,
    prompts: wrongAnswerPrompts(models, run.prompts),
    comparisons,
    thresholds,
    passed: thresholds.every((t) => t.passed),
    warnings: [
      ...evaluationWarnings(config.evaluation, config.prompt.fewShot.count, config.task.type),
      ...(config.task.type === 'classification' ? unseenLabelWarnings(task.labels, run.rows) : []),
      ...emptyTextWarnings(run.items, config.dataset.columns?.text),
      ...(config.task.type === 'generation' ? emptyReferenceWarnings(run.items) : []),
      ...undefinedFoldWarnings(models),
      ...degenerateIntervalWarnings(
        models,
        intervalGated(config.thresholds),
        zeroOneScorerNames(task.generation?.scorers),
        { bootstrap: config.evaluation.bootstrap, repeated: modelsWithRepeatedItems(run.rows) },
      ),
      ...redactedAnswerWarnings(run.rows),
      ...emptySequenceWarnings(run.earlyStop),
    ],
    ...(run.earlyStop === undefined ? {} : { earlyStop: earlyStopResult(run.earlyStop, models) }),
    files: {
      results: join(out, 'results.json'),
      predictions: join(out, 'predictions.arrow'),
      prompts: join(out, 'prompts.arrow'),
      reportMd: join(out, 'report.md'),
      reportHtml: join(out, 'report.html'),
      journal: run.journalPath,
      cache: config.cache ?? '',
    },
  };
}
