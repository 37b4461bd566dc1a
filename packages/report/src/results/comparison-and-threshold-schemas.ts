import { z } from 'zod';

const Num = z.number().nullable();

/**
 * One model-vs-model comparison of `results.json`: the pair, the paired items, McNemar's test
 * (classification) and per metric the difference B − A with its paired bootstrap interval and
 * p-value (Holm-adjusted across pairs of three models or more).
 *
 * @example
 * ComparisonSchema.parse(results.comparisons[0]).pairedItems; // 20
 */
export const ComparisonSchema = z.object({
  a: z.string(),
  b: z.string(),
  pairedItems: z.number().int(),
  mcnemar: z
    .object({ onlyA: z.number().int(), onlyB: z.number().int(), pValue: z.number(), pHolm: Num })
    .nullable(),
  metrics: z.record(
    z.string(),
    z.object({
      difference: Num,
      ciLow: Num,
      ciHigh: Num,
      /** the paired bootstrap p-value; 0 when no resample crossed zero, with `pValueBelow` */
      pValue: Num,
      /**
       * with a `pValue` of 0, the bound it stands for, 2 / B for B resamples (as `assay
       * compare --format json` writes it): the p-value is below this, never 0; absent
       * otherwise and in files written before 2026-12-06
       */
      pValueBelow: z.number().optional(),
      pHolm: Num,
      /**
       * `'clopper-pearson'` where no paired item was answered differently on a share of 0/1
       * outcomes (accuracy, exact match), whose bootstrap interval is then [0, 0]: the interval
       * is ± the exact upper end of the share of items answered differently, 0 of `itemsAlike`
       * seen; absent for the paired bootstrap's interval and in files written before 2026-12-07
       */
      interval: z.literal('clopper-pearson').optional(),
      /** with `interval: 'clopper-pearson'`: the paired items, every one answered alike */
      itemsAlike: z.number().int().optional(),
    }),
  ),
});

/**
 * One threshold check of `results.json`: the expression, the model, the compared figure and
 * its interval, and the outcome.
 *
 * @example
 * ThresholdResultSchema.parse(results.thresholds[0]).passed; // true
 */
export const ThresholdResultSchema = z.object({
  threshold: z.string(),
  model: z.string(),
  metric: z.string(),
  value: Num,
  passed: z.boolean(),
  /** why the value could not be computed, when it could not (the check then fails) */
  reason: z.string().optional(),
  /**
   * what a checked `vs baseline` threshold rests on that its figures do not show: e.g. that
   * only some of the runs' predictions were paired (runs of different items)
   */
  caveat: z.string().optional(),
  /**
   * the figure compared with `limit`: the point `value`, or an end of the interval
   * (`'ci_low'`, `'ci_high'`); absent in files written before interval thresholds
   */
  bound: z.enum(['value', 'ci_low', 'ci_high']).optional(),
  /** `'baseline'` for a `<metric> vs baseline` threshold (`value` is then the difference) */
  against: z.literal('baseline').optional(),
  /**
   * a `vs baseline` threshold's two sides: the baseline's `results.json`, the baseline model
   * this model was paired with, and the metric's value of each run on the paired items
   * (`value` = `current` − `baselineValue`); absent in older files
   */
  baseline: z
    .object({
      results: z.string(),
      model: z.string(),
      baselineValue: Num,
      current: Num,
    })
    .optional(),
  /** the comparison operator of the threshold */
  op: z.enum(['>=', '>', '<=', '<', '==']).optional(),
  /** the number the figure is compared with */
  limit: z.number().optional(),
  /** lower end of the metric's interval at `evaluation.ci` (null when it has none) */
  ciLow: Num.optional(),
  /** upper end of the metric's interval at `evaluation.ci` (null when it has none) */
  ciHigh: Num.optional(),
  /**
   * how the interval was computed: `'bootstrap-percentile'` (task and judge metrics),
   * `'order-statistic'` (latency, TTFT and TPOT percentiles: the distribution-free interval
   * of a quantile; runs before 2026-12-06 gave them `'bootstrap-percentile'`) or `'wilson'`
   * (error and unparseable rates, and a task proportion whose bootstrap interval had no width: its metric's `ciMethod`);
   * `'bootstrap-bca'` for the paired difference of a `vs baseline` threshold (`'bootstrap-percentile'`
   * where BCa is undefined; `'clopper-pearson'` for a share no paired item differs on: ± the
   * exact upper end of the share of items answered differently); `'confidence-sequence'` after
   * `evaluation.stop`, for the metrics its rule followed (the anytime-valid interval at the
   * stopping time, which a bootstrap on the items sent is not)
   */
  interval: z
    .enum([
      'bootstrap-percentile',
      'wilson',
      'order-statistic',
      'bootstrap-bca',
      'clopper-pearson',
      'confidence-sequence',
    ])
    .optional(),
  /**
   * the interval's confidence level when it is not `evaluation.ci`: a confidence sequence of
   * `decided(thresholds)`, which splits `1 − ci` over the sequences it reads (e.g. 0.975)
   */
  level: z.number().optional(),
  /**
   * `'pass'`, `'fail'`, or `'error'` when the figure could not be computed (which fails the
   * run like `'fail'`); absent in older files, where `passed` says pass or fail
   */
  outcome: z.enum(['pass', 'fail', 'error']).optional(),
  /**
   * a failed `.ci_high <=` check of a rate (`.ci_low >=` of a share) on a Wilson interval that
   * no outcome of the run's size could pass: the run's count (`had` requests or items), the
   * interval end its best outcome (none failed, every one right) gives (`best`), and the
   * fewest that could pass (`needed`; null when none can); absent otherwise and in older files
   */
  sizeNeeded: z
    .object({
      unit: z.enum(['requests', 'items']),
      had: z.number().int(),
      needed: z.number().int().nullable(),
      best: z.number(),
    })
    .optional(),
});
