import type { MetricSummary, ModelResult } from '@assay/report';
import type { ExecutedRun } from '../run/run-evaluation.js';
import { namedSeed } from '../summary/named-seed.js';
import { JUDGE_KAPPA_METRIC, JUDGE_SCORE_METRIC } from './judge-config-checks.js';
import type { Estimate } from './judge-score-interval.js';
import { type JudgeSummary, summarizeJudge } from './judge-summary.js';

/** A model's results, with its judge block (`models[].judge` of `results.json`). */
export type JudgedModelResult = ModelResult;

/**
 * A judge metric in the `results.json` metric shape. Judge metrics are pooled over the
 * run's answers (an answer tested in several folds is graded once), so they have no
 * per-fold values; `mean` repeats `value`, which is what thresholds read.
 */
function judgeMetric(estimate: Estimate, folds: number, reason: string): MetricSummary {
  return {
    value: estimate.value,
    mean: estimate.value,
    std: null,
    folds: new Array<number | null>(folds).fill(null),
    ciLow: estimate.ciLow,
    ciHigh: estimate.ciHigh,
    ...(estimate.ciMethod === undefined ? {} : { ciMethod: estimate.ciMethod }),
    ...(estimate.value === null ? { reason } : {}),
  };
}

/**
 * Adds the judge's figures to each judged model: the `judge` block, metric `judge_score`
 * and, with a human grade column, `judge_kappa`, both in the model's reported metrics and in
 * the scores thresholds read.
 *
 * @remarks Pairwise judges only the two compared models (any other model's `judge_score` is
 * null, with the reason); other modes every model. Each
 * model's intervals use their own seed, `evaluation.seed` mixed with the model's name
 * (`namedSeed(seed, 'judge', name)`), so they do not move when the models are reordered or
 * another is added.
 * @param run - the executed run (its `judge` execution)
 * @param models - the models' results, in config order (changed in place)
 * @param scores - the scores thresholds read, per model (changed in place)
 * @returns the judge metric names reported (empty without a judge)
 * @example
 * const judgedModels = [{ name: 'extractive', metrics: {} }];
 * addJudgeResults(judged, judgedModels, [{}]); // ['judge_score']
 */
export function addJudgeResults(
  run: ExecutedRun,
  models: JudgedModelResult[],
  scores: ModelResult['metrics'][],
): string[] {
  const judge = run.config.judge;
  const execution = run.judge;
  if (judge === undefined || execution === undefined) return [];
  const { evaluation } = run.config;
  models.forEach((model, mi) => {
    const draws = execution.draws.get(model.name);
    if (draws === undefined && judge.mode === 'pairwise') {
      // outside the compared pair: no judge block, and a metric that says why it is empty
      const none = judgeMetric(
        { value: null, ciLow: null, ciHigh: null },
        run.folds,
        'the pairwise judge compares two other models',
      );
      model.metrics[JUDGE_SCORE_METRIC] = none;
      scores[mi]![JUDGE_SCORE_METRIC] = none;
      return;
    }
    const summary = summarizeJudge(draws ?? [], {
      client: execution.client.name,
      mode: judge.mode,
      temperature: judge.temperature,
      seed: execution.client.seed,
      repeats: judge.repeats,
      bootstrap: {
        resamples: evaluation.bootstrap,
        level: evaluation.ci,
        seed: namedSeed(evaluation.seed, 'judge', model.name),
      },
      humanGrade: judge.humanGrade,
    });
    const p = execution.progress;
    model.judge = {
      ...summary.result,
      requests: {
        total: p.total,
        sentThisRun: execution.sent,
        cachedThisRun: execution.cached,
        resumedFromJournal: p.resumed,
        costUsd: judgeCost(execution),
      },
    };
    const metrics: Record<string, MetricSummary> = {
      [JUDGE_SCORE_METRIC]: judgeMetric(summary.score, run.folds, 'no answer was graded'),
    };
    if (summary.kappa !== undefined) {
      metrics[JUDGE_KAPPA_METRIC] = judgeMetric(
        summary.kappa,
        run.folds,
        'kappa is undefined: no graded answer has a human grade, or both sides give one grade only',
      );
    }
    Object.assign(model.metrics, metrics);
    Object.assign(scores[mi]!, metrics);
    const unread = mostlyUnscored(model.name, summary.result, evaluation.maxUnparseableFraction);
    if (unread !== null) model.notRepresentative = [...(model.notRepresentative ?? []), unread];
  });
  return judge.humanGrade === undefined
    ? [JUDGE_SCORE_METRIC]
    : [JUDGE_SCORE_METRIC, JUDGE_KAPPA_METRIC];
}

/**
 * Why a model's judge figures do not represent it: the judge left more of its grading draws
 * unscored (no readable grade, a failed request) than `evaluation.maxUnparseableFraction`, the
 * limit on the models' own unreadable answers, so `judge_score` rests on the few it read.
 */
function mostlyUnscored(
  model: string,
  j: Pick<JudgeSummary['result'], 'client' | 'graded' | 'unscored' | 'unscoredReasons'>,
  limit: number,
): string | null {
  const draws = j.graded + j.unscored;
  if (draws === 0 || j.unscored / draws <= limit) return null;
  const top = j.unscoredReasons[0];
  return `${model}: the judge ${j.client} left ${j.unscored} of ${draws} grading draws unscored (${((100 * j.unscored) / draws).toFixed(1)}%), above evaluation.maxUnparseableFraction ${limit}, so judge_score rests on ${j.graded}${top === undefined ? '' : `; most often: ${top.reason} (${top.count})`}; check the judge's mode, prompt and model`;
}

/** The judge's spend: the sum over its requests, or null when none carried a cost (no price). */
function judgeCost(execution: NonNullable<ExecutedRun['judge']>): number | null {
  return execution.progress.costUsd > 0 ? execution.progress.costUsd : null;
}
