import { z } from 'zod';

const Num = z.number().nullable();

/** One followed metric of one model at the stopping time. */
const StopSequenceSchema = z.object({
  metric: z.string(),
  /** items the sequence read */
  n: z.number().int(),
  /** their mean */
  mean: Num,
  /** the anytime-valid confidence sequence at the stopping time */
  lower: z.number(),
  upper: z.number(),
  /**
   * true when the sequence came out empty (its running intersection crossed: lower > upper),
   * so it bounds nothing; absent in files written before the field existed
   */
  empty: z.boolean().optional(),
  /** the usual bootstrap percentile interval of the metric on the items sent (null: none) */
  bootstrapLow: Num,
  bootstrapHigh: Num,
});

/**
 * The zod schema of `results.json`'s `earlyStop`: what `evaluation.stop` did. Absent when the
 * run has no stopping rule (and in files written before it existed).
 *
 * @remarks
 * The stopping rule reads anytime-valid confidence sequences (Waudby-Smith & Ramdas' betting
 * sequences), valid however often they are looked at; the bootstrap interval beside each is the
 * usual fixed-sample one, too narrow for a decision made by looking repeatedly, shown for
 * reference. `confidence` is each sequence's level: `evaluation.ci`, or less when
 * `decided(thresholds)` splits `1 − ci` over several sequences.
 * @example
 * EarlyStopSchema.parse(results.earlyStop).itemsSent; // 20
 */
export const EarlyStopSchema = z.object({
  /** the rule as written (`evaluation.stop.when`) */
  when: z.string(),
  minItems: z.number().int(),
  checkEvery: z.number().int(),
  /** the sequences' construction */
  method: z.literal('betting'),
  /** whether the rule held at the last look */
  ruleHeld: z.boolean(),
  /** whether sending stopped before every item was sent */
  stopped: z.boolean(),
  /** items the run tests, and the prefix of the stratified order that was sent and scored */
  itemsTotal: z.number().int(),
  itemsSent: z.number().int(),
  /** how often the rule was checked */
  looks: z.number().int(),
  /** each sequence's confidence level */
  confidence: z.number(),
  models: z.array(
    z.object({
      model: z.string(),
      /** requests never sent because the run stopped */
      requestsSaved: z.number().int(),
      /** their estimated cost: the mean cost of the model's answers × requests saved */
      costSavedUsd: Num,
      sequences: z.array(StopSequenceSchema),
    }),
  ),
});

/** The `earlyStop` section of `results.json`. */
export type EarlyStopResult = z.infer<typeof EarlyStopSchema>;

/**
 * Whether a stop sequence of `results.json` came out empty: flagged so, or (in a file written
 * before the flag existed) with its lower end above its upper.
 *
 * @param s - one entry of `earlyStop.models[].sequences`
 * @returns true when the sequence bounds nothing
 * @example
 * sequenceIsEmpty({ lower: 0.82, upper: 0.79 }); // true
 */
export function sequenceIsEmpty(s: {
  lower: number;
  upper: number;
  empty?: boolean | undefined;
}): boolean {
  return s.empty === true || s.lower > s.upper;
}
