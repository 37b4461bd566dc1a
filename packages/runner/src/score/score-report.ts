import { z } from 'zod';

const nullableNumber = z.number().nullable();
const LabelSchema = z.union([z.string(), z.number()]);

/** A metric's value on a set of rows, with its bootstrap interval when requested. */
export const MetricValueSchema = z.object({
  /** The point estimate; null when the metric is undefined on these rows. */
  value: nullableNumber,
  /**
   * Interval `[lo, hi]` at the report's confidence level: the percentile bootstrap's, unless
   * `ciMethod` says otherwise.
   */
  ci: z.tuple([z.number(), z.number()]).optional(),
  /**
   * `'wilson'`: `ci` is the Wilson score interval of the metric's count, which replaced a
   * bootstrap interval of no width (a share of a count at 0 or 1, such as accuracy 5 of 5, on
   * unweighted rows that are each their own resampling unit); absent: the bootstrap's.
   */
  ciMethod: z.literal('wilson').optional(),
});

/**
 * Mean, standard deviation (population, ddof = 0; null where one fold has a value, which has
 * no spread), min and max of a metric over folds.
 */
export const FoldSummarySchema = z.object({
  mean: nullableNumber,
  std: nullableNumber,
  min: nullableNumber,
  max: nullableNumber,
  /** Folds where the metric is defined, which the other figures summarise (absent in older reports). */
  definedFolds: z.number().int().nonnegative().optional(),
});

/**
 * The zod schema of an `assay score` report (`--format json`), also returned
 * by `scorePredictions`. Numbers that are undefined (NaN) are `null`.
 *
 * @example
 * ```ts
 * import { ScoreReportSchema } from '@assay/runner';
 * const report = await scorePredictions({ yTrue: [1, 0, 1, 1], yPred: [1, 0, 0, 1] }, { workers: 0 });
 * ScoreReportSchema.parse(JSON.parse(JSON.stringify(report))).overall.accuracy.value; // 0.75
 * ```
 */
export const ScoreReportSchema = z.object({
  /** Rows scored (after dropping rows with missing values). */
  n: z.number().int().nonnegative(),
  /** Distinct clusters among the rows (with `clusterIds`: e.g. the items predicted). */
  clusters: z.number().int().nonnegative().optional(),
  task: z.enum(['classification', 'regression', 'generation']),
  /** Sorted class labels (classification; empty for regression and generation). */
  labels: z.array(z.union([z.string(), z.number()])),
  /** Every metric on all rows. */
  overall: z.record(z.string(), MetricValueSchema),
  /** Every metric on each CV test fold, in splitter order. */
  folds: z.array(
    z.object({
      fold: z.number().int().nonnegative(),
      /** Repeat index of repeated CV (0 otherwise). */
      repeat: z.number().int().nonnegative(),
      nTrain: z.number().int().nonnegative(),
      nTest: z.number().int().nonnegative(),
      metrics: z.record(z.string(), nullableNumber),
    }),
  ),
  /** Fold statistics per metric (empty without CV). */
  summary: z.record(z.string(), FoldSummarySchema),
  /** Every metric per value of the slice column. */
  slices: z
    .record(
      z.string(),
      z.object({
        n: z.number().int().nonnegative(),
        metrics: z.record(z.string(), MetricValueSchema),
      }),
    )
    .optional(),
  /** Overall confusion matrix (rows = true label, columns = predicted), null for regression and generation. */
  confusionMatrix: z
    .object({
      labels: z.array(z.union([z.string(), z.number()])),
      counts: z.array(z.array(z.number())),
    })
    .nullable(),
  /**
   * Above `CONFUSION_MATRIX_CLASS_LIMIT` classes (where `confusionMatrix` is null): the
   * non-zero cells as `[true label, predicted label, count]`, by true then predicted
   * label; absent when there are more than `SPARSE_CONFUSION_MAX_CELLS` of them.
   */
  sparseConfusionMatrix: z
    .object({
      nonZeroCells: z.number().int().nonnegative(),
      cells: z.array(z.tuple([LabelSchema, LabelSchema, z.number()])),
    })
    .optional(),
  /**
   * Per class on all rows (classification): precision, recall and F1 (0 where
   * undefined, as `zero_division=0`) and support (rows, or weight, of that true label).
   */
  perClass: z
    .array(
      z.object({
        label: LabelSchema,
        precision: z.number(),
        recall: z.number(),
        f1: z.number(),
        support: z.number(),
      }),
    )
    .optional(),
  warnings: z.array(z.string()),
  /** Rows dropped for a missing value (with --drop-missing). */
  dropped: z.number().int().nonnegative().optional(),
  /** Predicted labels that never occur as true labels. */
  unseenPredLabels: z.array(z.union([z.string(), z.number()])).optional(),
  /** How the numbers were made. */
  settings: z.object({
    metrics: z.array(z.string()),
    cv: z.string(),
    /**
     * Whether the rows were shuffled before the folds were cut: present for the CV kinds that
     * shuffle (`kfold`, `stratified`, `stratified-group`, `holdout`, `repeated-stratified`);
     * false with `--no-shuffle`, whose folds are scikit-learn's `shuffle=False` folds.
     */
    shuffle: z.boolean().optional(),
    /**
     * With folds read from a column (`assay score --folds`): that column's value of each fold,
     * in fold order (`folds[k].fold` is `k`; its value in the file is `foldValues[k]`).
     */
    foldValues: z.array(z.number()).optional(),
    /** the positive class of binary metrics and scores, when `posLabel` named it */
    posLabel: LabelSchema.optional(),
    /**
     * The k of `top_k_accuracy` (a row counts as right when its true class is among its k
     * most probable classes; scikit-learn's `top_k_accuracy` scorer's k = 2): present when
     * `top_k_accuracy` is scored.
     */
    topK: z.number().int().positive().optional(),
    /** the `labels` option: the labels averaged and per-label metrics range over, in order */
    labels: z.array(LabelSchema).optional(),
    /** whether rows were weighted (`weight`, `--weight`): counts are then sums of weights */
    weighted: z.boolean().optional(),
    seed: z.number().int(),
    bootstrap: z.number().int().nonnegative(),
    ci: z.number(),
    /** How each metric's bootstrap resamples: confusion counts (multinomial) or rows. */
    bootstrapMethod: z.record(z.string(), z.enum(['multinomial-counts', 'rows'])).optional(),
    /**
     * What each replicate draws with replacement: `rows`, or `clusters` (with
     * `clusterIds`: every row of each drawn cluster).
     */
    resampling: z.enum(['rows', 'clusters']).optional(),
    /**
     * Generation scoring: how `exact_match` and `token_f1` compared texts (`--normalize`),
     * ROUGE's stemmer, BLEU's tokenizer (absent in reports written before it could be chosen:
     * `13a`), and sacrebleu's signature of each corpus metric on the whole set.
     */
    generation: z
      .object({
        normalize: z.string(),
        stemmer: z.enum(['porter', 'none']),
        bleuTokenize: z.enum(['13a', 'none', 'intl', 'char', 'zh']).optional(),
        signatures: z.record(z.string(), z.string()),
      })
      .optional(),
  }),
  timing: z.object({
    loadMs: z.number().nonnegative(),
    computeMs: z.number().nonnegative(),
    workers: z.number().int().nonnegative(),
  }),
  /**
   * What was scored, as `assay score` writes it (absent from `scorePredictions` and from
   * reports written before it): the file as passed (`-` for stdin), its format, its size in
   * bytes and its modification time (ISO-8601; null for stdin). No wall-clock time, so one
   * file gives one report.
   */
  input: z
    .object({
      file: z.string(),
      format: z.enum(['csv', 'tsv', 'jsonl', 'arrow', 'parquet']),
      bytes: z.number().int().nonnegative(),
      modifiedAt: z.string().nullable(),
    })
    .optional(),
  /** The version of assay (`@assay/cli`) that wrote the report, when `assay score` did. */
  assayVersion: z.string().optional(),
});

/** An `assay score` report; see {@link ScoreReportSchema}. */
export type ScoreReport = z.infer<typeof ScoreReportSchema>;

/** A metric value with its optional interval. */
export type MetricValue = z.infer<typeof MetricValueSchema>;
