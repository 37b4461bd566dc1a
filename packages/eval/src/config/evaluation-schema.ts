import { MAX_BOOTSTRAP } from '@assay/runner';
import { z } from 'zod';
import { StopSchema } from './stop-schema.js';

/**
 * The `evaluation` section of a run config: how items are split, how sure the figures are,
 * when a run's metrics stop being representative, and when sending stops early.
 */
export const EvaluationSchema = z
  .strictObject({
    method: z
      .enum(['all', 'holdout', 'kfold', 'stratified', 'group', 'repeated-stratified', 'timeseries'])
      .optional()
      .describe(
        "How items are split into training and test parts: 'all' (every item tested once, no training part; the default when prompt.fewShot.count is 0, else 'stratified'), 'holdout' (one split, testSize), 'kfold', 'stratified' (k folds keeping label proportions), 'group' (k folds keeping each dataset.columns.group together), 'repeated-stratified' (stratified, repeats times), 'timeseries' (expanding window). Training parts only feed few-shot examples.",
      ),
    k: z.number().int().min(2).default(5).describe('Number of folds.'),
    testSize: z
      .number()
      .gt(0)
      .lt(1)
      .default(0.2)
      .describe("Fraction of the items in the test part, for method 'holdout'."),
    testIds: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe(
        "Method 'holdout' only: the test part is exactly the items with these ids (the rest is the training part that feeds few-shot examples) instead of a random testSize share. assay tune scores its held-out parts this way.",
      ),
    repeats: z
      .number()
      .int()
      .positive()
      .default(1)
      .describe("How often stratified k-fold is repeated, for method 'repeated-stratified'."),
    shuffle: z
      .boolean()
      .optional()
      .describe(
        "Whether methods 'kfold', 'stratified' and 'holdout' shuffle the items (seeded by seed) before cutting them; default true. false cuts them in data set order, as scikit-learn's shuffle=False: KFold and StratifiedKFold folds, and for 'holdout' train_test_split(shuffle=False), whose test part is the last ceil(testSize x n) items (not stratified). Refused with 'repeated-stratified', whose repeats are reshuffles; 'all', 'group' and 'timeseries' never shuffle.",
      ),
    seed: z.number().int().default(0).describe('Seed of the split and of the bootstrap.'),
    bootstrap: z
      .number()
      .int()
      .min(0)
      .max(MAX_BOOTSTRAP)
      .default(1000)
      .describe('Bootstrap resamples of the items for confidence intervals; 0 for none.'),
    ci: z
      .number()
      .gt(0)
      .lt(1)
      .default(0.95)
      .describe('Confidence level of the intervals, e.g. 0.95.'),
    metrics: z
      .array(z.string())
      .optional()
      .describe(
        "Task metrics to report, by scikit-learn scorer name or alias, as in assay score (e.g. ['accuracy', 'f1_macro', 'roc_auc']); default: the task's set.",
      ),
    maxFailedFraction: z
      .number()
      .min(0)
      .max(1)
      .default(0.05)
      .describe(
        "Above this fraction of failed requests a model's metrics are marked not representative and the run exits 3.",
      ),
    maxUnparseableFraction: z
      .number()
      .min(0)
      .max(1)
      .default(0.5)
      .describe(
        'Above this fraction of unparseable answers (of those answered) likewise: not representative, exit 3.',
      ),
    stop: StopSchema.optional(),
  })
  .superRefine((e, ctx) => {
    if (e.testIds !== undefined && e.method !== 'holdout') {
      ctx.addIssue({
        code: 'custom',
        path: ['testIds'],
        message:
          "testIds names the test part of method 'holdout'; set method: holdout or leave testIds out",
      });
    }
    if (e.shuffle === false && e.method === 'repeated-stratified') {
      ctx.addIssue({
        code: 'custom',
        path: ['shuffle'],
        message:
          "'repeated-stratified' repeats a shuffled stratified split, so shuffle: false would repeat one split; use method: stratified with shuffle: false, or leave shuffle out",
      });
    }
  })
  .default({
    k: 5,
    testSize: 0.2,
    repeats: 1,
    seed: 0,
    bootstrap: 1000,
    ci: 0.95,
    maxFailedFraction: 0.05,
    maxUnparseableFraction: 0.5,
  });
