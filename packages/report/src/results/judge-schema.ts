import { z } from 'zod';

const Num = z.number().nullable();

/**
 * An LLM judge's grading of one model: its settings, what it graded and could not, the
 * grade counts, its consistency and, with a human grade column, its agreement with people.
 * A zod schema (`models[].judge` of `results.json`).
 *
 * @example
 * JudgeSchema.parse(judge).mode; // 'closedqa'
 * JudgeSchema.safeParse({}).success; // false
 */
export const JudgeSchema = z.object({
  client: z.string(),
  mode: z.enum(['closedqa', 'factuality', 'rubric', 'pairwise']),
  temperature: z.number(),
  seed: Num,
  repeats: z.number().int(),
  graded: z.number().int(),
  unscored: z.number().int(),
  unscoredReasons: z.array(z.object({ reason: z.string(), count: z.number().int() })),
  /** e.g. `{ C: 10, I: 4 }`, A..E, or pass/fail */
  grades: z.record(z.string(), z.number().int()),
  /** share of answers whose repeated grades disagree (repeats > 1) */
  flipRate: Num,
  /** pairwise: share of pairs whose two orders disagree */
  swapInconsistency: Num.optional(),
  /**
   * The judge's grading requests over the whole run (one judge grades every model, so every
   * model's block carries the same figures): distinct requests, those sent this run, answered
   * from the cache this run, and their cost in USD (null when the judge has no price). Not in
   * the model's own `service` or `total_cost_usd`.
   */
  requests: z
    .object({
      total: z.number().int(),
      sentThisRun: z.number().int(),
      cachedThisRun: z.number().int(),
      resumedFromJournal: z.number().int(),
      costUsd: Num,
    })
    .optional(),
  agreement: z
    .object({
      column: z.string(),
      weights: z.enum(['none', 'linear', 'quadratic']),
      n: z.number().int(),
      kappa: Num,
      ciLow: Num,
      ciHigh: Num,
      labels: z.array(z.string()),
      /** rows: human grade, columns: judge grade */
      matrix: z.array(z.array(z.number().int())),
    })
    .optional(),
});

/** An LLM judge's grading of one model (`models[].judge`). */
export type JudgeSummary = z.infer<typeof JudgeSchema>;
