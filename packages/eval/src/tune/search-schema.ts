import { z } from 'zod';

/** Strategies of `search.strategy`. */
export const SEARCH_STRATEGIES = ['grid', 'random', 'successive-halving', 'hyperband'] as const;

/**
 * The `search` section of a tune config: the space, the strategy, the metric, the budget and
 * the constraints. Every property is described for the JSON Schema.
 */
export const SearchSchema = z
  .strictObject({
    space: z
      .record(
        z.string().min(1),
        z
          .array(z.unknown())
          .min(1)
          .describe(
            'The values to try at this config path; `file:<path>` reads a file (relative to the config).',
          ),
      )
      .refine((space) => Object.keys(space).length > 0, 'give at least one config path to vary')
      .describe(
        "Config paths to vary and their values, e.g. { 'prompt.maxFieldChars': [300, 6000], 'models[0].params.temperature': [0, 0.3] }. A candidate is one point of the grid.",
      ),
    strategy: z
      .enum(SEARCH_STRATEGIES)
      .default('grid')
      .describe(
        'grid (every candidate on every tuning item), random (n candidates), successive-halving (start all on a stratified subset, keep the best 1/eta), hyperband (several halving brackets).',
      ),
    n: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('random: how many candidates to draw (default: 10, at most the grid).'),
    eta: z
      .number()
      .int()
      .min(2)
      .default(3)
      .describe(
        'successive-halving / hyperband: keep the best 1/eta of the candidates at each rung and grow the items eta times.',
      ),
    minItems: z
      .number()
      .int()
      .positive()
      .default(30)
      .describe('successive-halving / hyperband: items of the first rung (at least).'),
    metric: z
      .string()
      .min(1)
      .optional()
      .describe(
        "The metric that ranks candidates (direction from the metric: scores up, losses and latencies down); default: the task's headline metric.",
      ),
    budget: z
      .strictObject({
        requests: z
          .number()
          .int()
          .positive()
          .optional()
          .describe('Most requests to send (cached answers are free).'),
        costUsd: z
          .number()
          .positive()
          .optional()
          .describe('Most US dollars to spend (needs model prices).'),
      })
      .default({})
      .describe(
        'Hard limits: the search stops before an evaluation that could exceed them and reports the best so far.',
      ),
    constraints: z
      .array(z.string().min(1))
      .default([])
      .describe("Thresholds a candidate must meet to win, e.g. 'p95_latency_ms <= 800'."),
    nested: z
      .union([
        z.literal('none'),
        z.strictObject({
          outer: z.number().int().min(2).describe('Outer folds (the estimate).'),
          inner: z.number().int().min(2).describe('Inner folds (the choice).'),
        }),
      ])
      .default('none')
      .describe(
        "'none': tune on the tuning part and score the winner once on a held-out test part; { outer, inner }: nested cross-validation, the search run inside each outer fold with inner stratified k-fold scoring, the outer folds giving the estimate (zero-shot candidates only).",
      ),
    testFraction: z
      .number()
      .gt(0)
      .lt(1)
      .default(0.2)
      .describe("nested: 'none': the share of items kept aside as the test part (stratified)."),
    seed: z.number().int().default(0).describe('Seed of the item order and of random candidates.'),
    threshold: z
      .boolean()
      .default(false)
      .describe(
        "Binary classification with scores (params.logprobs: true): also choose the decision threshold on the positive-class score by 5-fold CV on the winner's tuning answers (as scikit-learn's TunedThresholdClassifierCV) and report the gain on the test part.",
      ),
  })
  .describe('The search of `assay tune`.');

/** The validated `search` section. */
export type SearchConfig = z.infer<typeof SearchSchema>;
