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
 * const stopped = { ...config, evaluation: { ...config.evaluation, stop: { when: 'ci_width(accuracy) <= 0.5', minItems: 10, checkEvery: 10 } } };
 * const run = await executeRun({ ...stopped, output: { ...config.output, dir: join(dir, 'stopped') } });
 * earlyStopResult(run.earlyStop, results.models).itemsSent; // 20
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
          empty: interval.empty,
          bootstrapLow: metrics[metric]?.ciLow ?? null,
          bootstrapHigh: metrics[metric]?.ciHigh ?? null,
        })),
      };
    }),
  };
}

/**
 * Run warnings for confidence sequences of `evaluation.stop` that came out empty (their
 * running intersection crossed, lower > upper): the answers, in the order sent, do not look
 * like draws from one distribution (the service drifted during the run, e.g. a burst of
 * failures), so the sequence decided nothing (the rule never held on it) and the metric's
 * figures keep the bootstrap interval of the items sent.
 *
 * @param stop - the run's early-stop record, undefined without `evaluation.stop`
 * @returns one warning per model and such metric
 * @example
 * emptySequenceWarnings(undefined); // [] (a run without evaluation.stop)
 */
export function emptySequenceWarnings(stop: EarlyStop | undefined): string[] {
  if (stop === undefined) return [];
  return stop.models.flatMap((m) =>
    m.sequences
      .filter((s) => s.interval.empty)
      .map(
        (s) =>
          `${m.model}: the confidence sequence of ${s.metric} is empty after ${s.interval.n} items (its lower end ${s.interval.lower.toFixed(3)} passed its upper ${s.interval.upper.toFixed(3)}): the answers, in the order sent, do not look like draws from one distribution (did the service change during the run?); the stopping rule never held on it, and its figures keep the bootstrap interval.`,
      ),
  );
}
