import { passQualifiers, type RunResults, thresholdDetails, thresholdOutcome } from '@assay/report';

/** How many failed checks the exit reason names before summing up the rest. */
const NAMED = 3;

/**
 * The last line `assay run` prints for a finished run whose metrics are representative: why
 * it exits 0 or 1.
 *
 * @param results - the run's results
 * @returns e.g. `assay: exit 1: 1 of 4 threshold checks failed: accuracy >= 0.99 [nb]
 *   (accuracy 0.975 is not >= 0.99; value 0.975, 95% interval [0.925, 1])`; a pass keeps the
 *   verdict's qualification (`… passed (service thresholds only)`)
 * @example
 * exitReason(results); // 'assay: exit 0: all 2 threshold checks passed'
 */
export function exitReason(results: RunResults): string {
  const checks = results.thresholds;
  if (checks.length === 0) return 'assay: exit 0: no thresholds set, so nothing gates this run';
  const failed = checks.filter((t) => thresholdOutcome(t) !== 'pass');
  if (failed.length === 0) {
    // a CI log shows this line alone: it keeps the verdict's qualification of the PASS
    const { tag } = passQualifiers(results, '');
    const but = tag === null ? '' : ` (${tag})`;
    return checks.length === 1
      ? `assay: exit 0: the 1 threshold check passed${but}`
      : `assay: exit 0: all ${checks.length} threshold checks passed${but}`;
  }
  const named = failed
    .slice(0, NAMED)
    .map((t) => `${t.threshold} [${t.model}] (${thresholdDetails(t, results.evaluation.ci)})`);
  const more = failed.length > NAMED ? `; and ${failed.length - NAMED} more` : '';
  const of =
    checks.length === 1
      ? 'the 1 threshold check'
      : `${failed.length} of ${checks.length} threshold checks`;
  return `assay: exit 1: ${of} failed: ${named.join('; ')}${more}`;
}
