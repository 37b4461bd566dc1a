import { join } from 'node:path';
import { calibrationCurve, rocCurve } from '@assay/core-metrics';
import type { ModelResult, RunResults, ThresholdResult } from '@assay/report';
import { createRunner, type Runner } from '@assay/runner';
import { createRng } from '@assay/splitters';
import {
  CLASSIFICATION_METRICS,
  higherIsBetter,
  REGRESSION_METRICS,
} from '../config/metric-names.js';
import { parseThreshold, thresholdHolds } from '../config/thresholds.js';
import { compareModels } from './compare-models.js';
import { calibrationPoints } from './curves.js';
import { scoreModelOnPool } from './pool-scores.js';
import { finiteOrNull, type PredictionRow } from './prediction-row.js';
import type { ExecutedRun } from './run-evaluation.js';
import { type ScoringTask, scoredSet } from './score-model.js';
import { serviceStats } from './service-stats.js';

const DEFAULT_CLASSIFICATION = [
  'accuracy',
  'balanced_accuracy',
  'f1_macro',
  'precision_macro',
  'recall_macro',
];

/**
 * The metrics a run reports: `evaluation.metrics`, else a default set
 * (accuracy, balanced accuracy, macro F1/precision/recall; plus ROC AUC, log
 * loss and Brier score for binary tasks with scores), regression errors and R².
 *
 * @param run - the executed run
 * @returns metric names
 * @example
 * runMetrics(executed); // ['accuracy', 'balanced_accuracy', ...]
 */
export function runMetrics(run: ExecutedRun): string[] {
  const { task, evaluation } = run.config;
  if (evaluation.metrics && evaluation.metrics.length > 0) return evaluation.metrics;
  if (task.type === 'classification') {
    const scored = run.rows.some((r) => r.score !== null);
    return task.labels.length === 2 && scored
      ? [...DEFAULT_CLASSIFICATION, 'roc_auc', 'log_loss', 'brier_score']
      : DEFAULT_CLASSIFICATION;
  }
  if (task.type === 'regression') return ['mean_absolute_error', 'root_mean_squared_error', 'r2'];
  return [];
}

function sampleLatencies(
  rows: readonly PredictionRow[],
  pick: (r: PredictionRow) => number | null,
): number[] {
  const xs = rows
    .filter((r) => !r.cached)
    .map(pick)
    .filter((x): x is number => x !== null);
  // Keep the report small: an evenly spaced sample of at most 2000 sorted values preserves the CDF.
  xs.sort((a, b) => a - b);
  if (xs.length <= 2000) return xs;
  return Array.from({ length: 2000 }, (_, i) => xs[Math.round((i * (xs.length - 1)) / 1999)]!);
}

const HEADER_LINE = /^(From |[A-Za-z][\w-]*: )/;

/**
 * The start of an input for the wrong-answer sample; for an e-mail (header block,
 * blank line, body) its Subject line and the start of the body, which say more
 * than the Received: chain.
 */
function excerpt(text: string): string {
  const gap = text.indexOf('\n\n');
  if (HEADER_LINE.test(text) && gap > 0) {
    const subject = /^Subject:.*$/im.exec(text.slice(0, gap))?.[0];
    const body = text.slice(gap + 2).trim();
    return `${subject ? `${subject}\n\n` : ''}${body}`.slice(0, 400);
  }
  return text.slice(0, 400);
}

function scoringTask(run: ExecutedRun): ScoringTask {
  const t = run.config.task;
  const labels = t.type === 'classification' ? t.labels : [];
  return {
    type: t.type,
    labels,
    positive: t.type === 'classification' ? (t.positiveLabel ?? labels[0]!) : '',
  };
}

/** Options of {@link summarizeRun}. */
export interface SummarizeRunOptions {
  /** the pool that computes the task metrics (default: one made and closed here) */
  runner?: Runner | undefined;
  /** end time (default: when the statistics are done) */
  finishedAt?: Date | undefined;
}

/**
 * Turns an executed run into `results.json` content: per-model metrics (pooled,
 * per fold, bootstrap CI, computed on the runner's worker pool), confusion
 * matrix, ROC and calibration curves, service statistics, worst slices,
 * wrong-answer samples, paired comparisons and threshold checks.
 *
 * @param run - the executed run
 * @param options - the runner to score on, end time
 * @returns the results object (valid against `RunResultsSchema`)
 * @throws {@link EvaluationError} `WORKER_FAILED` when a scoring worker fails, `ABORTED`
 *   when the runner was closed
 * @example
 * const results = await summarizeRun(await executeRun(config));
 */
export async function summarizeRun(
  run: ExecutedRun,
  options: SummarizeRunOptions = {},
): Promise<RunResults> {
  const own = options.runner === undefined ? createRunner() : undefined;
  try {
    return await summarizeWith(own ?? options.runner!, run, options.finishedAt);
  } finally {
    await own?.close();
  }
}

async function summarizeWith(
  runner: Runner,
  run: ExecutedRun,
  finishedAt: Date | undefined,
): Promise<RunResults> {
  const { config } = run;
  const task = scoringTask(run);
  const metrics = runMetrics(run);
  const seed = config.evaluation.seed >>> 0;
  const rowsByModel = new Map<string, PredictionRow[]>();
  for (const m of config.models) rowsByModel.set(m.name, []);
  for (const r of run.rows) rowsByModel.get(r.model)!.push(r);
  // task metrics named only by a threshold are scored too (checked against the fold mean)
  const known: readonly string[] =
    task.type === 'regression' ? REGRESSION_METRICS : CLASSIFICATION_METRICS;
  const thresholdMetrics = config.thresholds
    .map(parseThreshold)
    .flatMap((p) => (p.ok && known.includes(p.threshold.metric) ? [p.threshold.metric] : []));
  const scoredMetrics = [...new Set([...metrics, ...thresholdMetrics])];
  const modelScores: ModelResult['metrics'][] = [];
  for (const [mi, m] of config.models.entries()) {
    const all = await scoreModelOnPool(runner, rowsByModel.get(m.name)!, task, scoredMetrics, {
      folds: run.folds,
      bootstrap: config.evaluation.bootstrap,
      ci: config.evaluation.ci,
      seed: (seed + 1 + mi) >>> 0,
    });
    modelScores.push(all);
  }

  const models: ModelResult[] = config.models.map((m, mi) => {
    const rows = rowsByModel.get(m.name)!;
    const set = scoredSet(rows, task);
    const all = modelScores[mi]!;
    const scores = Object.fromEntries(metrics.map((name) => [name, all[name]!]));
    const count = (o: PredictionRow['outcome']): number =>
      rows.filter((r) => r.outcome === o).length;
    const correct = count('correct');
    const req = run.requests.get(m.name)!;
    let confusion: ModelResult['confusion'] = null;
    let rocCurve_: ModelResult['rocCurve'] = null;
    let calibration: ModelResult['calibration'] = null;
    if (task.type === 'classification') {
      const labels = [...task.labels, 'unparseable'];
      const idx = new Map(labels.map((l, i) => [l, i]));
      const matrix = task.labels.map(() => labels.map(() => 0));
      for (const r of set.rows) {
        const t = idx.get(r.expected ?? '');
        if (t === undefined || t >= task.labels.length) continue;
        matrix[t]![
          r.parsed === null ? labels.length - 1 : (idx.get(r.parsed) ?? labels.length - 1)
        ]!++;
      }
      confusion = { labels, matrix };
      const withScore = set.rows.filter((r) => r.score !== null);
      if (
        task.labels.length === 2 &&
        withScore.length > 0 &&
        withScore.length === set.rows.length
      ) {
        const pos = withScore.map((r) => r.expected === task.positive);
        const sc = withScore.map((r) => r.score!);
        const y01 = pos.map((p) => (p ? 1 : 0));
        if (y01.includes(0) && y01.includes(1)) {
          const roc = rocCurve(y01, sc);
          rocCurve_ = {
            fpr: Array.from(roc.fpr),
            tpr: Array.from(roc.tpr),
            auc:
              scores.roc_auc?.value ??
              finiteOrNull(set.metric('roc_auc', Array.from(set.rows.keys()))),
          };
        }
        const cal = calibrationCurve(y01, sc, { nBins: 10 });
        calibration = {
          meanPredicted: Array.from(cal.probPred),
          fractionPositive: Array.from(cal.probTrue),
          counts: [],
        };
        // Bin counts (for tooltips) from the same uniform bins; dropped if an edge case made the
        // non-empty bins differ from scikit-learn's.
        const counts = calibrationPoints(pos, sc, 10).counts;
        if (counts.length === calibration.meanPredicted.length) calibration.counts = counts;
      }
    }
    const groups = new Map<string, PredictionRow[]>();
    for (const r of rows) {
      if (r.group === null) continue;
      let g = groups.get(r.group);
      if (!g) groups.set(r.group, (g = []));
      g.push(r);
    }
    const slices = [...groups.entries()]
      .map(([group, g]) => {
        const scored = g.filter((r) => r.correct !== null);
        return {
          group,
          n: g.length,
          accuracy:
            scored.length === 0 ? null : scored.filter((r) => r.correct).length / scored.length,
          errors: g.filter((r) => r.outcome === 'failed').length,
        };
      })
      .sort((a, b) => (a.accuracy ?? 2) - (b.accuracy ?? 2) || b.n - a.n);
    const itemsById = new Map(run.items.map((it) => [it.id, it]));
    const wrong = rows.filter((r) => r.outcome === 'wrong' || r.outcome === 'unparseable');
    const step = Math.max(1, Math.floor(wrong.length / Math.max(1, config.output.wrongSamples)));
    const wrongAnswers = wrong
      .filter((_, i) => i % step === 0)
      .slice(0, config.output.wrongSamples)
      .map((r) => ({
        id: r.id,
        fold: r.fold,
        expected: r.expected,
        answer: r.rawAnswer === null ? null : r.rawAnswer.slice(0, 500),
        parsed: r.parsed,
        input: excerpt(itemsById.get(r.id)?.fields.text ?? ''),
      }));
    return {
      name: m.name,
      provider: m.provider,
      model: m.model,
      items: {
        total: rows.length,
        scored: set.rows.length,
        correct,
        wrong: count('wrong'),
        unparseable: count('unparseable'),
        failed: count('failed'),
      },
      metrics: scores,
      confusion,
      rocCurve: rocCurve_,
      calibration,
      latencySample: sampleLatencies(rows, (r) => r.e2eMs),
      ttftSample: sampleLatencies(rows, (r) => r.ttftMs),
      service: serviceStats(req.outcomes, { resumed: req.resumed, sent: req.sent, correct }),
      slices,
      wrongAnswers,
    };
  });

  const rng = createRng((seed + 1000) >>> 0);
  const comparisons =
    config.models.length >= 2 && task.type !== 'generation'
      ? compareModels(rowsByModel, task, metrics, {
          bootstrap: config.evaluation.bootstrap,
          ci: config.evaluation.ci,
          rng: () => rng.nextFloat(),
        })
      : [];

  const thresholds: ThresholdResult[] = [];
  for (const source of config.thresholds) {
    const parsed = parseThreshold(source);
    if (!parsed.ok) continue;
    const t = parsed.threshold;
    for (const [mi, m] of models.entries()) {
      const value = thresholdValue(m, modelScores[mi]!, t.metric, task);
      thresholds.push({
        threshold: source,
        model: m.name,
        metric: t.metric,
        value: finiteOrNull(value),
        passed: thresholdHolds(t, value),
      });
    }
  }

  const labelCounts: Record<string, number> = {};
  const groupCounts: Record<string, number> = {};
  for (const it of run.items) {
    if (it.label !== undefined && task.type === 'classification')
      labelCounts[it.label] = (labelCounts[it.label] ?? 0) + 1;
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
      labels: labelCounts,
      groups: groupCounts,
    },
    task: {
      type: task.type,
      labels: [...task.labels],
      positiveLabel: task.type === 'classification' ? task.positive : null,
    },
    evaluation: {
      method: config.evaluation.method,
      folds: run.folds,
      repeats: config.evaluation.method === 'repeated-stratified' ? config.evaluation.repeats : 1,
      seed: config.evaluation.seed,
      bootstrap: config.evaluation.bootstrap,
      ci: config.evaluation.ci,
      metrics,
      greaterIsBetter: Object.fromEntries(metrics.map((m) => [m, higherIsBetter(m)])),
      fewShot: run.fewShotIds,
    },
    models,
    comparisons,
    thresholds,
    passed: thresholds.every((t) => t.passed),
    files: {
      results: join(out, 'results.json'),
      predictions: join(out, 'predictions.arrow'),
      reportMd: join(out, 'report.md'),
      reportHtml: join(out, 'report.html'),
      journal: run.journalPath,
      cache: config.cache ?? '',
    },
  };
}

function thresholdValue(
  m: ModelResult,
  scores: ModelResult['metrics'],
  metric: string,
  task: ScoringTask,
): number {
  const known: readonly string[] =
    task.type === 'regression' ? REGRESSION_METRICS : CLASSIFICATION_METRICS;
  if (known.includes(metric)) return scores[metric]?.mean ?? Number.NaN;
  const s = m.service;
  const v = (x: number | null): number => x ?? Number.NaN;
  switch (metric) {
    case 'error_rate':
      return s.errorRate;
    case 'unparseable_rate':
      return m.items.total === 0 ? Number.NaN : m.items.unparseable / m.items.total;
    case 'p50_latency_ms':
      return v(s.latencyMs.p50);
    case 'p90_latency_ms':
      return v(s.latencyMs.p90);
    case 'p95_latency_ms':
      return v(s.latencyMs.p95);
    case 'p99_latency_ms':
      return v(s.latencyMs.p99);
    case 'p50_ttft_ms':
      return v(s.ttftMs.p50);
    case 'p95_ttft_ms':
      return v(s.ttftMs.p95);
    case 'p99_ttft_ms':
      return v(s.ttftMs.p99);
    case 'p50_tpot_ms':
      return v(s.tpotMs.p50);
    case 'p95_tpot_ms':
      return v(s.tpotMs.p95);
    case 'output_tokens_per_s':
      return v(s.outputTokensPerSecond);
    case 'total_cost_usd':
      return v(s.costUsd);
    case 'cost_per_correct_usd':
      return v(s.costPerCorrectUsd);
    default:
      return Number.NaN;
  }
}

function redactConfig(config: ExecutedRun['config']): Record<string, unknown> {
  // Headers may carry tokens; keep their names only.
  return JSON.parse(
    JSON.stringify(config, (key, value) =>
      key === 'headers' && value && typeof value === 'object'
        ? Object.fromEntries(Object.keys(value).map((k) => [k, '<redacted>']))
        : value,
    ),
  ) as Record<string, unknown>;
}
