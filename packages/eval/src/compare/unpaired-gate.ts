import type { CompareDecision } from './compare-result.js';

/** How many items each side has that the other lacks, and how many pair. */
export interface PairingCounts {
  readonly pairedItems: number;
  readonly unpaired: { readonly baseline: number; readonly candidate: number };
}

/**
 * `2.33%` for 0.02333, `9%` for 0.09: three significant digits, no trailing zeros.
 *
 * @param share - a share in [0, 1]
 * @returns the percentage
 * @example
 * unpairedPercent(7 / 300); // '2.33%'
 */
export function unpairedPercent(share: number): string {
  return `${+(share * 100).toPrecision(3)}%`;
}

/**
 * The share of the predictions of either run that have no partner in the other (a pair counts
 * once): those a comparison leaves out because they cannot be paired.
 *
 * @param counts - paired predictions and each side's unpaired ones
 * @returns a share in [0, 1]; 0 when there is no prediction at all
 * @example
 * unpairedShare({ pairedItems: 293, unpaired: { baseline: 7, candidate: 0 } }); // 0.023333333333333334
 */
export function unpairedShare(counts: PairingCounts): number {
  const only = counts.unpaired.baseline + counts.unpaired.candidate;
  const all = counts.pairedItems + only;
  return all === 0 ? 0 : only / all;
}

/**
 * What breaks `--max-unpaired`, when the share of predictions in one run only is above
 * `maxShare`.
 *
 * @param counts - paired predictions and each side's unpaired ones
 * @param maxShare - the most unpaired share that passes; null: no such rule
 * @returns the clause (`7 of 300 predictions (2.33%; a pair counts once) have no partner in the
 *   other run (…), above --max-unpaired 0.01`), or undefined when the share passes or there is
 *   no rule
 * @example
 * unpairedProblem({ pairedItems: 293, unpaired: { baseline: 7, candidate: 0 } }, 0.05); // undefined
 */
export function unpairedProblem(
  counts: PairingCounts,
  maxShare: number | null,
): string | undefined {
  if (maxShare === null) return undefined;
  const share = unpairedShare(counts);
  if (!(share > maxShare)) return undefined;
  const { baseline, candidate } = counts.unpaired;
  const only = baseline + candidate;
  const all = counts.pairedItems + only;
  return `${only} of ${all} predictions (${unpairedPercent(share)}; a pair counts once) have no partner in the other run (baseline ${baseline}, candidate ${candidate}), above --max-unpaired ${maxShare}`;
}

/**
 * `--max-unpaired`: a comparison in which more than `maxShare` of the predictions of either
 * run have no partner in the other fails (exit 1). The metrics of such a comparison describe
 * the paired predictions only: a candidate run that lost 9% of its predictions (a filter,
 * another data set version, another evaluation method) compared on the rest passed `--fail-on
 * regression`, which said so in a caveat, and nothing failed it.
 *
 * @param decision - the decision of the metric rules (before its caveats are added)
 * @param counts - paired predictions and each side's unpaired ones
 * @param maxShare - the most unpaired share that passes; null: no such rule
 * @returns the decision, failed with the unpaired counts when their share is above `maxShare`
 *   (a decision that failed already names them after its own reason); a pass names the share
 *   it checked, and one that checked no metric rule says that this rule alone was checked
 * @example
 * const pass = { exitCode: 0, reason: 'PASS: no gated metric significantly worse; gated: accuracy' };
 * unpairedGate(pass, { pairedItems: 293, unpaired: { baseline: 7, candidate: 0 } }, 0.01).reason;
 * // 'FAIL: 7 of 300 predictions (2.33%; a pair counts once) have no partner in the other run …'
 */
export function unpairedGate(
  decision: CompareDecision,
  counts: PairingCounts,
  maxShare: number | null,
): CompareDecision {
  if (maxShare === null) return decision;
  const what = unpairedProblem(counts, maxShare);
  if (what === undefined) {
    if (decision.exitCode !== 0) return decision;
    const within = `${unpairedPercent(unpairedShare(counts))} of the predictions in one run only, within --max-unpaired ${maxShare}`;
    // the metric rules' "nothing can fail this comparison" is no longer true
    if (decision.reason.startsWith('NOT CHECKED'))
      return {
        exitCode: 0,
        reason: `PASS: ${within}; no rule on the metrics was given (--fail-on regression, --margin)`,
      };
    return { ...decision, reason: `${decision.reason}; ${within}` };
  }
  if (decision.exitCode !== 0) return { ...decision, reason: `${decision.reason}; also: ${what}` };
  return {
    exitCode: 1,
    reason: `FAIL: ${what}: the metrics compare the ${counts.pairedItems} paired predictions only; compare runs of the same data, evaluation method and samples`,
  };
}
