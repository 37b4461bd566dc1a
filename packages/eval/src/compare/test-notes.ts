import { disagreementNote, fewPermutationsNote, fewResamplesNote } from './compare-caveats.js';
import type { MetricComparison } from './compare-result.js';
import { monteCarloNote } from './monte-carlo-note.js';
import { worseAloneNotes } from './worse-alone-notes.js';

/**
 * The notes on the tests: where the interval and the test disagree, resolutions too coarse to
 * reach alpha, decisions within Monte Carlo error, and gated metrics worse on their own that
 * pass (a metric with a note of its own is left out of the general disagreement note).
 *
 * @param metrics - the compared metrics after the decision rules
 * @param alpha - 1 − the confidence level
 * @param s - resamples, permutations, whether `--fdr` adjusted the p-values, and `--fail-on`
 * @returns the notes, in that order
 * @example
 * testNotes([], 0.05, { bootstrap: 20, permutations: 9999, fdr: false, failOn: null }); // ['--bootstrap 20: a bootstrap p-value is at least 2/20 = 0.1, …']
 */
export function testNotes(
  metrics: readonly MetricComparison[],
  alpha: number,
  s: { bootstrap: number; permutations: number; fdr: boolean; failOn: 'regression' | null },
): string[] {
  // they say why --fail-on regression passes a metric: without it there is no such pass
  const alone =
    s.failOn === 'regression'
      ? worseAloneNotes(metrics, alpha, {
          adjustment: s.fdr ? 'Benjamini-Hochberg' : 'Holm',
          bootstrap: s.bootstrap,
          permutations: s.permutations,
        })
      : [];
  const explained = new Set(alone.filter((n) => n.cause === 'test').map((n) => n.metric));
  const permuted = metrics.filter((m) => m.test === 'permutation').map((m) => m.metric);
  return [
    ...disagreementNote(
      metrics.filter((m) => !explained.has(m.metric)),
      alpha,
      s.bootstrap,
    ),
    ...fewResamplesNote(s.bootstrap, alpha),
    ...fewPermutationsNote(s.permutations, alpha, permuted),
    ...monteCarloNote(metrics, alpha, s.bootstrap, s.failOn),
    ...alone.map((n) => n.note),
  ];
}
