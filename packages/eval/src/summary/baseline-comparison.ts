import type { ModelResult } from '@assay/report';
import type { Runner } from '@assay/runner';
import { checkOwnValues, scoredPairCount } from '../compare/check-own-values.js';
import { unpairedSentence } from '../compare/compare-caveats.js';
import { compareMetrics, type MeasuredMetric } from '../compare/compare-metrics.js';
import type { ComparedRun } from '../compare/load-compared-run.js';
import { pairRuns } from '../compare/pair-runs.js';
import type { PairableRun } from '../compare/pairable-run.js';
import { higherIsBetter } from '../config/metric-names.js';
import { parseThreshold } from '../config/thresholds.js';
import { BASELINE_REMEDY, thisRunName } from '../run/check-baseline.js';
import { loadBaseline } from '../run/load-baseline.js';
import type { ExecutedRun } from '../run/run-evaluation.js';
import type { TaskModule } from '../tasks/task-module.js';
import { redactConfig } from './redact-config.js';

/** One model's paired differences from the baseline run, for `vs baseline` thresholds. */
export interface BaselineSide {
  /** the baseline run's model it was paired with */
  readonly baselineModel: string;
  /** the baseline's results file */
  readonly baselineResults: string;
  /** per metric named by a `vs baseline` threshold: the difference (this run − baseline) */
  readonly metrics: ReadonlyMap<string, MeasuredMetric>;
  /** what the differences rest on that they do not show (few paired predictions), if anything */
  readonly caveat?: string;
  /** the confidence level of the intervals */
  readonly ci: number;
}

/**
 * What a `vs baseline` difference covers when that is not the whole of both runs: predictions
 * without a partner in the other run (runs of different items, or one that was cut short),
 * and paired ones left out because a request failed on either side. Said with each threshold
 * that reads the difference, since a check on 40 shared items reads as one on the whole run.
 *
 * @param counts - paired predictions, those of each run without a partner, failed pairs
 * @returns one sentence, or undefined when every prediction of both runs was paired and scored
 * @example
 * baselineCaveat({ paired: 40, onlyBaseline: 0, onlyRun: 60, failedPairs: 0 });
 * // "only 40 predictions were paired with the baseline run: 60 of this run's have no partner in the other run"
 */
export function baselineCaveat(counts: {
  paired: number;
  onlyBaseline: number;
  onlyRun: number;
  failedPairs: number;
}): string | undefined {
  const parts: string[] = [];
  const only = unpairedSentence(
    counts.paired,
    [
      [counts.onlyRun, "this run's"],
      [counts.onlyBaseline, "the baseline's"],
    ],
    ' with the baseline run',
  );
  if (only !== undefined) parts.push(only);
  if (counts.failedPairs > 0)
    parts.push(
      `${counts.failedPairs} of ${counts.paired} paired predictions were left out: a request failed in either run`,
    );
  return parts.length === 0 ? undefined : parts.join('; ');
}

/** Per model of this run, its comparison with the baseline run. */
export type BaselineDifferences = ReadonlyMap<string, BaselineSide>;

/**
 * The task metrics named by `<metric> vs baseline` thresholds.
 *
 * @param thresholds - the configuration's threshold strings
 * @param task - the task module
 * @returns the metric names, each once
 * @example
 * baselineMetrics(['f1_macro vs baseline >= -0.01', 'accuracy >= 0.9'], taskFor(config.task)); // ['f1_macro']
 */
export function baselineMetrics(thresholds: readonly string[], task: TaskModule): string[] {
  const out = thresholds
    .map(parseThreshold)
    .flatMap((p) =>
      p.ok && p.threshold.against === 'baseline' && task.metricNames.includes(p.threshold.metric)
        ? [p.threshold.metric]
        : [],
    );
  return [...new Set(out)];
}

/**
 * Compares each model of the run being summarized with the baseline run (`baseline:` in the
 * configuration), as `assay compare` does: items paired by fold, id, sample and prompt
 * variant, each metric's difference with its paired bootstrap BCa interval.
 *
 * @param current - this run: its rows, task, data set, configuration and models
 * @param baseline - the baseline run, read by `loadComparedRun`
 * @param metrics - the metrics to compare (those of the `vs baseline` thresholds)
 * @param task - the task module
 * @param runner - the run's pool
 * @param settings - resamples, level, seed, permutations
 * @returns per model of this run, the comparison
 * @throws EvaluationError `RUNS_DIFFER` when the baseline used another task, label set or
 *   data set, or shares no item with this run
 * @remarks Each model is paired with the baseline's model of the same name, or with the
 *   baseline's first model when it has none of that name.
 * @example
 * const runner = createRunner();
 * const differences = await compareWithBaseline(candidate, baseline, ['f1_macro'], taskFor(config.task), runner, { bootstrap: 1000, ci: 0.95, seed: 0, permutations: 9999 });
 * await runner.close();
 * [...differences.keys()]; // ['nb']
 */
export async function compareWithBaseline(
  current: PairableRun,
  baseline: ComparedRun,
  metrics: readonly string[],
  task: TaskModule,
  runner: Runner,
  settings: { bootstrap: number; ci: number; seed: number; permutations: number },
): Promise<BaselineDifferences> {
  const out = new Map<string, BaselineSide>();
  const names = baseline.results.models.map((m) => m.name);
  for (const model of current.results.models) {
    const baselineModel = names.includes(model.name) ? model.name : names[0];
    const paired = pairRuns(baseline, current, {
      models: {
        ...(baselineModel === undefined ? {} : { baseline: baselineModel }),
        candidate: model.name,
      },
      allowDifferentData: false,
      remedy: BASELINE_REMEDY,
    });
    const measured = await compareMetrics(runner, paired.rowsA, paired.rowsB, task, metrics, {
      ...settings,
      greaterIsBetter: higherIsBetter,
    });
    const own = baseline.results.models.find((m) => m.name === paired.modelA)!;
    // the baseline's values must be its own (as assay compare checks): a half-measured pair of
    // positive labels or a results.json beside another run's predictions is refused
    checkOwnValues(
      measured.map((m) => ({ ...m, candidate: null })),
      [
        {
          side: 'baseline',
          resultsFile: baseline.resultsFile,
          model: own,
          scored: scoredPairCount(paired.rowsA, paired.rowsB, task),
          rows: baseline.rows.filter((r) => r.model === own.name),
        },
        {
          side: 'this run',
          resultsFile: current.resultsFile,
          model: { name: model.name, metrics: {} },
          scored: -1,
          rows: [],
        },
      ],
      task,
    );
    const renamed =
      paired.modelA === model.name
        ? undefined
        : `paired with the baseline's model ${paired.modelA}: the baseline has no model named ${model.name}`;
    const unpairedCaveat = baselineCaveat({
      paired: paired.rowsA.length,
      onlyBaseline: paired.onlyBaseline.count,
      onlyRun: paired.onlyCandidate.count,
      failedPairs: paired.rowsA.filter(
        (r, i) => r.outcome === 'failed' || paired.rowsB[i]!.outcome === 'failed',
      ).length,
    });
    const caveat = [renamed, unpairedCaveat].filter((c) => c !== undefined).join('; ') || undefined;
    out.set(model.name, {
      baselineModel: paired.modelA,
      baselineResults: baseline.resultsFile,
      metrics: new Map(measured.map((m) => [m.metric, m])),
      ...(caveat === undefined ? {} : { caveat }),
      ci: settings.ci,
    });
  }
  return out;
}

/**
 * The comparisons `vs baseline` thresholds read, for the run being summarized: none when no
 * threshold names the baseline, else every model compared with the `baseline` run.
 *
 * @param run - the executed run
 * @param models - its models' results
 * @param task - the task module
 * @param runner - the run's pool
 * @param baseline - the baseline run when already read (`runEvaluation` reads it before
 *   sending anything, so a missing file is refused first); read from `config.baseline` otherwise
 * @returns per model name, the comparison; undefined when no threshold needs one
 * @throws EvaluationError what `loadBaseline` and {@link compareWithBaseline} throw
 * @example
 * const runner = createRunner();
 * const withBaseline = { ...executed, config: { ...config, baseline: candidateDir, thresholds: ['f1_macro vs baseline >= -0.01'] } };
 * const differences = await baselineDifferencesFor(withBaseline, results.models, taskFor(config.task), runner);
 * await runner.close();
 * [...differences.keys()]; // ['nb']
 */
export async function baselineDifferencesFor(
  run: ExecutedRun,
  models: readonly ModelResult[],
  task: TaskModule,
  runner: Runner,
  baseline?: ComparedRun,
): Promise<BaselineDifferences | undefined> {
  const { config } = run;
  const metrics = baselineMetrics(config.thresholds, task);
  if (metrics.length === 0 || config.baseline === undefined) return undefined;
  const current: PairableRun = {
    // no results.json yet: name the run by its output directory
    resultsFile: thisRunName(config),
    rows: run.rows,
    results: {
      task: { type: task.type, labels: [...task.labels], positiveLabel: task.positive },
      dataset: {
        source: config.dataset.builtin ?? config.dataset.path ?? '',
        items: run.items.length,
        labels: {},
        groups: {},
      },
      config: redactConfig(config),
      models,
    },
  };
  return compareWithBaseline(
    current,
    baseline ?? (await loadBaseline(config.baseline)),
    metrics,
    task,
    runner,
    {
      bootstrap: Math.max(1000, config.evaluation.bootstrap),
      ci: config.evaluation.ci,
      seed: config.evaluation.seed,
      permutations: 9999,
    },
  );
}
