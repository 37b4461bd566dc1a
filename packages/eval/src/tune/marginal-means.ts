import { normalQuantile } from '@assay/stats';
import type { Candidate } from './candidates.js';

/** The mean score of the candidates that share one value of one parameter. */
export interface MarginalMean {
  /** the value (file values as written in the space) */
  readonly value: unknown;
  /** candidates with that value that were scored */
  readonly n: number;
  /** their mean score */
  readonly mean: number | null;
  /**
   * normal interval of that mean over candidates (null for fewer than 2, and when they all
   * scored the same: an interval of no width would read as certainty)
   */
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
}

/**
 * The effect of each parameter: for every path and value, the mean score of the candidates
 * with that value, with a normal interval over those candidates.
 *
 * @param space - path -> values as written
 * @param candidates - the candidates
 * @param scoreOf - a candidate's score on items every candidate was scored on (null if none)
 * @param ci - the confidence level
 * @returns path -> one entry per value
 * @example
 * const space = { 'prompt.template': ['{{text}}', 'Spam or ham? {{text}}'] };
 * const scores = new Map([[0, 0.8], [1, 0.9]]);
 * const effects = marginalMeans(space, gridCandidates(space), (c) => scores.get(c.index) ?? null, 0.95);
 * effects['prompt.template'].map((m) => m.mean); // [0.8, 0.9]
 */
export function marginalMeans(
  space: Readonly<Record<string, readonly unknown[]>>,
  candidates: readonly Candidate[],
  scoreOf: (c: Candidate) => number | null,
  ci: number,
): Record<string, MarginalMean[]> {
  const z = normalQuantile(1 - (1 - ci) / 2);
  const out: Record<string, MarginalMean[]> = {};
  for (const [path, values] of Object.entries(space)) {
    out[path] = values.map((value, j) => {
      const scores = candidates
        .filter((c) => c.valueIndex[path] === j)
        .map(scoreOf)
        .filter((s): s is number => s !== null);
      const n = scores.length;
      if (n === 0) return { value, n, mean: null, ciLow: null, ciHigh: null };
      const mean = scores.reduce((a, b) => a + b, 0) / n;
      if (n < 2) return { value, n, mean, ciLow: null, ciHigh: null };
      const sd = Math.sqrt(scores.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
      // candidates that all scored the same give an interval of no width: no certainty, so none
      if (sd === 0) return { value, n, mean, ciLow: null, ciHigh: null };
      return {
        value,
        n,
        mean,
        ciLow: mean - (z * sd) / Math.sqrt(n),
        ciHigh: mean + (z * sd) / Math.sqrt(n),
      };
    });
  }
  return out;
}
