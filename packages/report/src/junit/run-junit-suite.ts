import { thresholdMessage, thresholdOutcome } from '../format/threshold-text.js';
import type { RunResults } from '../results/run-results-schema.js';
import type { JunitCase, JunitSuite } from './junit-xml.js';

/**
 * The JUnit suite of one `assay run`: one test case per threshold and model, named
 * `<threshold> [<model>]` in class `assay.thresholds`.
 *
 * @remarks A failed check is a `<failure>` (type `threshold`) whose message holds the
 *   compared figure, the value, the interval and the limit; a check whose figure has no value
 *   (no interval, no baseline, no timed request) is an `<error>` (type `no-value`) with the
 *   reason; a passed one carries the same line as `<system-out>`. A model whose metrics are
 *   not representative (too many failed requests or unparseable answers: exit 3) adds an
 *   `<error>` case `metrics representative [<model>]` (type `not-representative`), so the
 *   file fails when the run does. The suite's properties
 *   record the data set, item count, method, seed, bootstrap resamples and confidence level.
 * @param r - the run's results
 * @returns the suite, for {@link junitXml}
 * @example
 * runJunitSuite(results).cases.map((c) => c.name); // ['f1_macro >= 0.8 [nb]']
 * junitXml([runJunitSuite(results)]).includes('failures="0"'); // true
 */
export function runJunitSuite(r: RunResults): JunitSuite {
  const cases = r.thresholds.map((t): JunitCase => {
    const message = thresholdMessage(t, r.evaluation.ci);
    const base = { name: `${t.threshold} [${t.model}]`, classname: 'assay.thresholds' };
    const outcome = thresholdOutcome(t);
    if (outcome === 'fail') return { ...base, failure: { message, type: 'threshold' } };
    if (outcome === 'error') return { ...base, error: { message, type: 'no-value' } };
    return { ...base, systemOut: message };
  });
  // a run whose metrics are not representative exits 3 whatever its thresholds say
  for (const m of r.models) {
    const reasons = m.notRepresentative ?? [];
    if (reasons.length === 0) continue;
    cases.push({
      name: `metrics representative [${m.name}]`,
      classname: 'assay.run',
      error: { message: reasons.join('; '), type: 'not-representative' },
    });
  }
  return {
    name: `assay run ${r.name}`,
    cases,
    timeS: r.durationMs / 1000,
    timestamp: r.startedAt,
    properties: {
      dataset: r.dataset.source,
      items: String(r.dataset.items),
      task: r.task.type,
      method: r.evaluation.method,
      seed: String(r.evaluation.seed),
      bootstrap: String(r.evaluation.bootstrap),
      ci: String(r.evaluation.ci),
      models: r.models.map((m) => m.name).join(', '),
    },
  };
}
