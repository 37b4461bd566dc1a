import { z } from 'zod';
import { ComparisonSchema, ThresholdResultSchema } from './comparison-and-threshold-schemas.js';
import { EarlyStopSchema } from './early-stop-schema.js';
import { JudgeSchema } from './judge-schema.js';
import { ServedModelMismatchSchema } from './served-model-schema.js';

const Num = z.number().nullable();

const PercentilesSchema = z.object({
  count: z.number().int(),
  mean: Num,
  p50: Num,
  p90: Num,
  p95: Num,
  p99: Num,
  max: Num,
});

const MetricSummarySchema = z.object({
  /** value on all test predictions pooled */
  value: Num,
  /** mean across folds */
  mean: Num,
  /** population std across folds */
  std: Num,
  /** per-fold values */
  folds: z.array(Num),
  /** CI of the pooled value at `evaluation.ci`: bootstrap percentile unless `ciMethod` says otherwise */
  ciLow: Num,
  ciHigh: Num,
  /**
   * how `ciLow`/`ciHigh` were computed when not by the bootstrap percentile method (absent:
   * bootstrap percentile, as in files written before this field). `'wilson'`: a proportion
   * metric of a plain count (accuracy, recall, precision, false-positive rate, micro
   * recall/precision) whose bootstrap interval had no width (every resample scored the same,
   * e.g. 5 of 5 right) has the Wilson score interval of that count instead (Wilson 1927).
   */
  ciMethod: z.literal('wilson').optional(),
  /** why `value` is null (e.g. `needs scores: set params.logprobs: true`); absent otherwise */
  reason: z.string().optional(),
});

const ServiceStatsSchema = z.object({
  requests: z.number().int(),
  answered: z.number().int(),
  failed: z.number().int(),
  errorRate: z.number(),
  errorsByClass: z.record(z.string(), z.number().int()),
  errorExamples: z.array(z.object({ errorClass: z.string(), message: z.string() })),
  /**
   * answers that came from the response cache, this run or when first journaled; their
   * latency figures are those measured when they were first sent (files written before
   * 2026-12-06 left them out of the latency figures)
   */
  cachedAnswers: z.number().int(),
  /** where this run got each distinct request: resumed + sent + cached this run = requests */
  resumedFromJournal: z.number().int(),
  /** requests that reached the service this run */
  sentThisRun: z.number().int(),
  // absent in files written before it existed: those counted cached answers as sent
  /** requests the response cache answered this run */
  cachedThisRun: z.number().int().default(0),
  /**
   * requests the service answered (or failed) only after at least one retry, and the retries
   * in all: `errorRate` counts only requests that failed after every retry, so a service that
   * refused some first attempts shows here (absent in older files)
   */
  retried: z.number().int().optional(),
  retries: z.number().int().optional(),
  /**
   * requests that failed without the retries they had left, because the client's retry
   * budget (`retry.budget`) was spent (this run's, and those resumed from the journal, as
   * their error messages say): `errorRate` counts them too, so it is then not only failures
   * after every retry (absent in older files and when none)
   */
  notRetriedBudget: z.number().int().optional(),
  latencyMs: PercentilesSchema,
  ttftMs: PercentilesSchema,
  tpotMs: PercentilesSchema,
  /**
   * per-request decode speed: output tokens over the summed seconds of each request (it
   * falls as load rises, so it is no throughput figure)
   */
  outputTokensPerSecond: Num,
  /**
   * what the service delivered over the wall time of the sending: answered requests and output
   * tokens per second of the clock; null when nothing was sent or when no request sent was
   * answered (a rate of failures is no service figure) (absent in older files). A resumed run
   * adds the sending of the earlier runs that answered its resumed requests, as their journal
   * recorded it: `earlierRuns` counts them (absent: this run's sending alone)
   */
  throughput: z
    .object({
      wallSeconds: z.number(),
      requestsPerSecond: z.number(),
      outputTokensPerSecond: z.number(),
      earlierRuns: z.number().int().positive().optional(),
    })
    .nullable()
    .optional(),
  inputTokens: z.number(),
  outputTokens: z.number(),
  costUsd: Num,
  costPerCorrectUsd: Num,
});

/**
 * Free-text scoring of one model (`task.type: generation`): samples per item, how they were
 * reduced, extraction failures, per-metric histograms of the per-item values, per-slice
 * metrics and the worst items in the order the harness ranked them.
 */
const GenerationSchema = z.object({
  /** samples per item */
  samples: z.number().int(),
  /** how an item's samples became one value; null with one sample */
  reducer: z.enum(['mean', 'max', 'majority', 'pass@k']).nullable(),
  /** rows whose extraction chain matched nothing (scored as '') */
  extractionFailures: z.number().int(),
  /** per metric, a histogram of the per-item values: `counts[i]` in `[edges[i], edges[i + 1])` */
  histograms: z.record(
    z.string(),
    z.object({ edges: z.array(z.number()), counts: z.array(z.number().int()) }),
  ),
  /**
   * the scorers whose headline is a corpus score (BLEU, chrF, chrF++, TER): their per-item
   * values in `histograms` and `worstItems` are sentence scores, each answer scored alone, and
   * the headline is not their mean (absent in older files: the reports then go by the names)
   */
  sentenceScores: z.array(z.string()).optional(),
  slices: z.array(
    z.object({ group: z.string(), n: z.number().int(), metrics: z.record(z.string(), Num) }),
  ),
  worstItems: z.array(
    z.object({
      id: z.string(),
      fold: z.number().int(),
      /** counted from 0, as `sample` in `predictions.arrow`; the reports show it so */
      sample: z.number().int(),
      output: z.string(),
      /** the extraction chain's answer; null when it matched nothing */
      extracted: z.string().nullable(),
      reference: z.array(z.string()),
      /** the metric the item is worst on, and its value */
      metric: z.string(),
      value: Num,
      scores: z.record(z.string(), Num),
    }),
  ),
});

const ModelResultSchema = z.object({
  name: z.string(),
  provider: z.string(),
  model: z.string(),
  items: z.object({
    total: z.number().int(),
    scored: z.number().int(),
    /** generation: always 0, free text is scored, not right or wrong (reports leave it out) */
    correct: z.number().int(),
    /** generation: always 0, as `correct` */
    wrong: z.number().int(),
    /** answers that could not be read; generation: outputs that matched no extraction rule */
    unparseable: z.number().int(),
    failed: z.number().int(),
    /**
     * distinct items among the scored predictions (repeated CV predicts an item once per
     * repeat): the units the intervals resample. Absent in files written before it existed.
     */
    distinct: z.number().int().optional(),
  }),
  metrics: z.record(z.string(), MetricSummarySchema),
  confusion: z
    .object({ labels: z.array(z.string()), matrix: z.array(z.array(z.number().int())) })
    .nullable(),
  /**
   * Why a classification model has no `confusion`: more task labels than the runner's
   * `CONFUSION_MATRIX_CLASS_LIMIT`. Absent otherwise.
   */
  confusionNote: z.string().optional(),
  rocCurve: z.object({ fpr: z.array(z.number()), tpr: z.array(z.number()), auc: Num }).nullable(),
  calibration: z
    .object({
      meanPredicted: z.array(z.number()),
      fractionPositive: z.array(z.number()),
      counts: z.array(z.number()),
    })
    .nullable(),
  latencySample: z.array(z.number()),
  ttftSample: z.array(z.number()),
  service: ServiceStatsSchema,
  /**
   * Per dataset group, worst first: by accuracy; for a regression by mean absolute error; for
   * a generation task by its first scorer (`metric`, lowest first, highest first for `ter`).
   */
  slices: z.array(
    z.object({
      group: z.string(),
      n: z.number().int(),
      /**
       * the share of scored answers equal to the expected one; null for a generation task
       * (free text is scored, not right or wrong: read `metric` and `value`). Files written
       * before this held 0 there when an output matched no extraction rule.
       */
      accuracy: Num,
      errors: z.number().int(),
      /**
       * distinct items in the group: `n` counts predictions, which are more where an item is
       * asked several times (generation samples, multiple-choice orders, repeated CV). Absent
       * in files written before it existed.
       */
      items: z.number().int().nonnegative().optional(),
      /** regression: the mean absolute error of the group's answers that have a number */
      meanAbsoluteError: Num.optional(),
      /**
       * regression: the group's predictions without a number (unparseable answers and failed
       * requests), left out of `meanAbsoluteError`. Absent in files written before it existed.
       */
      withoutNumber: z.number().int().nonnegative().optional(),
      /** generation: the scorer the slices are ranked by (the task's first scorer) */
      metric: z.string().optional(),
      /** generation: that scorer's value on the group */
      value: Num.optional(),
      /** generation: every scorer's value on the group */
      metrics: z.record(z.string(), Num).optional(),
    }),
  ),
  wrongAnswers: z.array(
    z.object({
      id: z.string(),
      fold: z.number().int(),
      expected: z.string().nullable(),
      answer: z.string().nullable(),
      parsed: z.string().nullable(),
      input: z.string(),
      /**
       * the hash of the prompt sent (`prompt_hash` in `predictions.arrow`); its messages are in
       * the top-level `prompts`. Absent in files written before prompts were kept.
       */
      promptHash: z.string().optional(),
      /**
       * multiple-choice: the choice order the answer was asked in (`permutation` in
       * `predictions.arrow`: 0 for the data set's order, then 1..`task.permutations`). Absent
       * for other tasks and in files written before it existed.
       */
      permutation: z.number().int().nonnegative().optional(),
      /**
       * multiple-choice: the data set's letters of the choices in the order that prompt showed
       * them, space-separated: `C A D B` means the choice shown first (as A, or 1 with
       * `task.extract: number`) was the data set's C. `answer` is in the shown letters,
       * `expected` and `parsed` in the data set's. Absent where `permutation` is.
       */
      choiceOrder: z.string().optional(),
    }),
  ),
  /**
   * The positive class's own figures on a binary classification task, scored on the runner
   * like the other metrics (pooled value, per fold, bootstrap interval): `precision` (of the
   * items answered with the positive label, the share that has it), `recall` (of the items
   * with the positive label, the share answered so) and `falsePositiveRate` (of the other
   * items, the share answered with the positive label). Absent for other tasks and in files
   * written before it existed.
   */
  positiveClass: z
    .object({
      label: z.string(),
      precision: MetricSummarySchema,
      recall: MetricSummarySchema,
      falsePositiveRate: MetricSummarySchema,
    })
    .optional(),
  /**
   * Why this model's metrics do not represent it (too many failed requests or unparseable
   * answers, above `evaluation.maxFailedFraction` / `maxUnparseableFraction`); empty when
   * they do. Absent in files written before this check existed.
   */
  notRepresentative: z.array(z.string()).optional(),
  /**
   * A multiple-choice task's order check: `permutations` (extra seeded choice orders asked per
   * item, besides the data set's), `positionBiasRate` (of the items asked in more than one
   * order, the share whose chosen original choice differs between orders; an unparseable
   * answer counts as an answer of its own; null when no item was compared) and
   * `itemsCompared` (those items, per fold of repeated CV). `ordersPerItem`: the fewest and
   * most choice orders an item was actually asked in, the data set's included (fewer than
   * `permutations` + 1 when the choices allow fewer orders: two choices have only one other);
   * absent in files written before it existed. Absent for other tasks.
   */
  multipleChoice: z
    .object({
      permutations: z.number().int().nonnegative(),
      positionBiasRate: z.number().min(0).max(1).nullable(),
      itemsCompared: z.number().int().nonnegative(),
      ordersPerItem: z
        .object({ min: z.number().int().nonnegative(), max: z.number().int().nonnegative() })
        .optional(),
    })
    .optional(),
  /** free-text scoring (`task.type: generation`); absent for other tasks and older files */
  generation: GenerationSchema.optional(),
  /** the LLM judge's grading, when the task has a `judge` section */
  judge: JudgeSchema.optional(),
});

/**
 * One message of a prompt as `results.json` keeps it: long contents are cut to
 * `PROMPT_MESSAGE_CHARS` characters, `omittedChars` saying how many were left out (the whole
 * prompt is in `prompts.arrow`).
 */
const PromptMessageSchema = z.object({
  role: z.string(),
  content: z.string(),
  omittedChars: z.number().int().positive().optional(),
});

/**
 * The zod schema of `results.json`, the machine-readable outcome of `assay run`
 * (`schemaVersion: 1`).
 *
 * @remarks Non-finite numbers are written as `null`. Metric `value` is computed
 *   on all test predictions pooled, `mean`/`std` across folds, and
 *   `ciLow`/`ciHigh` is the bootstrap percentile interval at `evaluation.ci`, or, where a
 *   metric's `ciMethod` is `'wilson'`, the Wilson score interval of its count (a proportion
 *   whose bootstrap interval had no width: `x / n` at 0 or 1).
 *   Items whose request failed are excluded from task metrics and counted in
 *   `items.failed`; unparseable answers count as wrong.
 * @example
 * const results = RunResultsSchema.parse(JSON.parse(readFileSync('results.json', 'utf8')));
 */
export const RunResultsSchema = z.object({
  schemaVersion: z.literal(1),
  name: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  durationMs: z.number(),
  config: z.record(z.string(), z.unknown()),
  dataset: z.object({
    source: z.string(),
    items: z.number().int(),
    /**
     * distinct items some model was asked in a test fold: fewer than `items` under
     * `timeseries` cross-validation, whose first block only ever trains. Absent in files
     * written before it existed.
     */
    tested: z.number().int().nonnegative().optional(),
    labels: z.record(z.string(), z.number().int()),
    groups: z.record(z.string(), z.number().int()),
  }),
  task: z.object({
    type: z.enum(['classification', 'regression', 'generation', 'multiple-choice']),
    labels: z.array(z.string()),
    positiveLabel: z.string().nullable(),
  }),
  evaluation: z.object({
    method: z.string(),
    /**
     * whether the items were shuffled before the split (`evaluation.shuffle`), for the methods
     * that may shuffle (`holdout` without `testIds`, `kfold`, `stratified`,
     * `repeated-stratified`); absent for the others and in files written before it existed
     */
    shuffled: z.boolean().optional(),
    folds: z.number().int(),
    repeats: z.number().int(),
    seed: z.number().int(),
    bootstrap: z.number().int(),
    ci: z.number(),
    metrics: z.array(z.string()),
    /** per reported metric, whether larger values are better (from the metric registry) */
    greaterIsBetter: z.record(z.string(), z.boolean()).optional(),
    fewShot: z.array(z.array(z.string())),
    /**
     * what a bootstrap resample draws: `items` (every prediction of a drawn item). Absent in
     * files written before it existed, whose intervals resampled predictions.
     */
    resampling: z.enum(['items', 'predictions']).optional(),
  }),
  models: z.array(ModelResultSchema),
  /**
   * The prompts of the sampled wrong answers (`models[].wrongAnswers[].promptHash`), by hash:
   * each prompt once however many models or answers share it, so the file stays small. Every
   * prompt of the run is in `files.prompts`. Absent in files written before prompts were kept.
   */
  prompts: z.record(z.string(), z.array(PromptMessageSchema)).optional(),
  comparisons: z.array(ComparisonSchema),
  thresholds: z.array(ThresholdResultSchema),
  passed: z.boolean(),
  /**
   * what the run's settings make doubtful (e.g. cross-validation with nothing learned from
   * the training folds); absent in files written before it existed
   */
  warnings: z.array(z.string()).optional(),
  /**
   * the answers (or judge grades) whose response named another model than the one asked for
   * (a misspelt id that a one-model service answered anyway): each is also one of `warnings`;
   * absent when none, and in files written before it existed
   */
  servedModelMismatches: z.array(ServedModelMismatchSchema).optional(),
  /** what `evaluation.stop` did; absent without a stopping rule */
  earlyStop: EarlyStopSchema.optional(),
  files: z.object({
    results: z.string(),
    predictions: z.string(),
    /** `prompts.arrow`: every distinct prompt, keyed by `prompt_hash` (absent in older files) */
    prompts: z.string().optional(),
    reportMd: z.string(),
    reportHtml: z.string(),
    journal: z.string(),
    cache: z.string(),
  }),
});

/** The content of `results.json`. */
export type RunResults = z.infer<typeof RunResultsSchema>;
/** One model's section of {@link RunResults}. */
export type ModelResult = z.infer<typeof ModelResultSchema>;
/** One model-vs-model comparison of {@link RunResults}. */
export type ModelComparison = z.infer<typeof ComparisonSchema>;
/** One threshold check of {@link RunResults}. */
export type ThresholdResult = z.infer<typeof ThresholdResultSchema>;
/** Metric summary (pooled value, fold mean/std, CI). */
export type MetricSummary = z.infer<typeof MetricSummarySchema>;
/** The positive class's precision, recall and false-positive rate of one model. */
export type PositiveClassSummary = NonNullable<ModelResult['positiveClass']>;
/** One message of a prompt kept in {@link RunResults} `prompts`. */
export type PromptMessageResult = z.infer<typeof PromptMessageSchema>;
/** The choice-order check of a multiple-choice model. */
export type MultipleChoiceSummary = NonNullable<ModelResult['multipleChoice']>;
/** Service statistics of one model. */
export type ServiceStats = z.infer<typeof ServiceStatsSchema>;
/** Free-text scoring of one model (`models[].generation`). */
export type GenerationSummary = z.infer<typeof GenerationSchema>;
export type { JudgeSummary } from './judge-schema.js';
export type { ServedModelMismatch } from './served-model-schema.js';
