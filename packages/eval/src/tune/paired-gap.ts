import type { Runner } from '@assay/runner';
import { normalQuantile } from '@assay/stats';
import { compareRuns } from '../compare/compare-runs.js';
import { EvaluationError } from '../errors.js';
import type { CandidateEvaluation } from './evaluate-candidate.js';

/** One candidate's score against another's on the same items: the paired difference. */
export interface PairedGap {
  /** the candidate whose score is subtracted */
  readonly against: number;
  /** this candidate's score minus the other's, on the items both answered */
  readonly difference: number | null;
  /** the paired bootstrap interval of the difference (BCa, as `assay compare`) */
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
  /** the paired test's two-sided p-value (as `assay compare`) */
  readonly pValue: number | null;
  /**
   * the standard error of the difference: the interval's width over 2 z (z = 1.96 at 95%),
   * the normal reading of the bootstrap interval; null without an interval
   */
  readonly standardError: number | null;
}

/** The bootstrap settings of the paired comparisons. */
export interface PairedGapSettings {
  readonly bootstrap: number;
  readonly ci: number;
  readonly seed: number;
}

/**
 * The paired difference of two evaluations on the same items (`a` − `b`), as `assay compare
 * b a` measures it: each item's answers of both candidates resampled together, so what the
 * items share (easy and hard ones) cancels, and the interval is that of the difference, not of
 * either score.
 *
 * @param runner - the scoring pool
 * @param a - one candidate's evaluation
 * @param b - the other's, on the same items
 * @param metric - the ranking metric
 * @param settings - resamples, level, seed
 * @returns the difference with its interval, p-value and standard error (nulls when the runs
 *   cannot be paired, e.g. scored on different items)
 * @example
 * const [winner, runnerUp] = tuned.candidates.map(candidateRow);
 * const runner = createRunner();
 * const gap = await pairedGap(runner, winner, runnerUp, 'f1_macro', { bootstrap: 1000, ci: 0.95, seed: 0 });
 * await runner.close();
 * gap.against; // 1
 */
export async function pairedGap(
  runner: Runner | undefined,
  a: CandidateEvaluation,
  b: CandidateEvaluation,
  metric: string,
  settings: PairedGapSettings,
): Promise<PairedGap> {
  const none: PairedGap = {
    against: b.candidate,
    difference: null,
    ciLow: null,
    ciHigh: null,
    pValue: null,
    standardError: null,
  };
  if (a.items !== b.items || a.value === null || b.value === null) return none;
  let m: Awaited<ReturnType<typeof compareRuns>>['metrics'][number] | undefined;
  try {
    const result = await compareRuns(b.dir, a.dir, {
      metrics: [metric],
      bootstrap: settings.bootstrap,
      ci: settings.ci,
      seed: settings.seed,
      ...(runner === undefined ? {} : { runner }),
    });
    m = result.metrics.find((x) => x.metric === metric);
  } catch (error) {
    // runs that cannot be paired (different items): no paired difference
    if (error instanceof EvaluationError && error.code === 'RUNS_DIFFER') return none;
    throw error;
  }
  if (m === undefined) return none;
  const z = normalQuantile(1 - (1 - settings.ci) / 2);
  return {
    against: b.candidate,
    difference: m.difference,
    ciLow: m.ciLow,
    ciHigh: m.ciHigh,
    pValue: m.pValue,
    standardError: m.ciLow === null || m.ciHigh === null ? null : (m.ciHigh - m.ciLow) / (2 * z),
  };
}
