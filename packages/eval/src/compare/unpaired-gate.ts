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
 * The share of the items of either run that only one of them has: the items a comparison
 * leaves out because they cannot be paired.
 *
 * @param counts - paired items and each side's unpaired ones
 * @returns a share in [0, 1]; 0 when there is no item at all
 * @example
 * unpairedShare({ pairedItems: 293, unpaired: { baseline: 7, candidate: 0 } }); // 0.023333333333333334
 */
export function unpairedShare(counts: PairingCounts): number {
  const only = counts.unpaired.baseline + counts.unpaired.candidate;
  const items = counts.pairedItems + only;
  return items === 0 ? 0 : only / items;
}

/**
 * What breaks `--max-unpaired`, when the share of items in one run only is above `maxShare`.
 *
 * @param counts - paired items and each side's unpaired ones
 * @param maxShare - the most unpaired share that passes; null: no such rule
 * @returns the clause (`7 of 300 items (2.33%) are in one run only (…), above --max-unpaired
 *   0.01`), or undefined when the share passes or there is no rule
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
  const items = counts.pairedItems + only;
  return `${only} of ${items} items (${unpairedPercent(share)}) are in one run only (baseline ${baseline}, candidate ${candidate}), above --max-unpaired ${maxShare}`;
}

/**
 * `--max-unpaired`: a comparison whose runs do not share more than `1 − maxShare` of their
 * items fails (exit 1). The metrics of such a comparison describe the shared items only: a
 * candidate run that lost 9% of its predictions (a crash, a filter, another data set version)
 * compared on the rest passed `--fail-on regression`, which said so in a caveat, and nothing
 * failed it.
 *
 * @param decision - the decision of the metric rules
 * @param counts - paired items and each side's unpaired ones
 * @param maxShare - the most unpaired share that passes; null: no such rule
 * @returns the decision, failed with the unpaired counts when their share is above `maxShare`
 *   (a decision that failed already names them after its own reason)
 * @example
 * const pass = { exitCode: 0, reason: 'PASS: no gated metric significantly worse; gated: accuracy' };
 * unpairedGate(pass, { pairedItems: 293, unpaired: { baseline: 7, candidate: 0 } }, 0.01).reason;
 * // 'FAIL: 7 of 300 items (2.33%) are in one run only (baseline 7, candidate 0), above --max-unpaired 0.01: …'
 */
export function unpairedGate(
  decision: CompareDecision,
  counts: PairingCounts,
  maxShare: number | null,
): CompareDecision {
  const what = unpairedProblem(counts, maxShare);
  if (what === undefined) return decision;
  if (decision.exitCode !== 0) return { ...decision, reason: `${decision.reason}; also: ${what}` };
  return {
    exitCode: 1,
    reason: `FAIL: ${what}: the metrics compare the ${counts.pairedItems} shared items only; rerun the run that lacks items (its journal resumes it) or compare runs of the same data`,
  };
}
