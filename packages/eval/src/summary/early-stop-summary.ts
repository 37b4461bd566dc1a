import type { EarlyStopResult, RunResults } from '@assay/report';
import type { EarlyStop } from '../run/send-until-known.js';

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * The `earlyStop` section of `results.json`: what the stopping rule did, each model's
 * confidence sequences at the stopping time, and beside each the usual bootstrap interval of
 * the same metric on the items sent (null when the run computes none, e.g. `error_rate`).
 *
 * @param stop - the run's early-stop record
 * @param models - the models' results (for the bootstrap intervals)
 * @returns the section
 * @example
 * earlyStopResult(run.earlyStop, models).itemsSent;
 */
export function earlyStopResult(stop: EarlyStop, models: RunResults['models']): EarlyStopResult {
  return {
    when: stop.config.when,
    minItems: stop.config.minItems,
    checkEvery: stop.config.checkEvery,
    method: 'betting',
    ruleHeld: stop.ruleHeld,
    stopped: stop.stopped,
    itemsTotal: stop.itemsTotal,
    itemsSent: stop.itemsSent,
    looks: stop.looks,
    confidence: stop.confidence,
    models: stop.models.map((m) => {
      const metrics = models.find((r) => r.name === m.model)?.metrics ?? {};
      return {
        model: m.model,
        requestsSaved: m.requestsSaved,
        costSavedUsd: m.costSavedUsd,
        sequences: m.sequences.map(({ metric, interval }) => ({
          metric,
          n: interval.n,
          mean: finite(interval.mean),
          lower: interval.lower,
          upper: interval.upper,
          bootstrapLow: metrics[metric]?.ciLow ?? null,
          bootstrapHigh: metrics[metric]?.ciHigh ?? null,
        })),
      };
    }),
  };
}
