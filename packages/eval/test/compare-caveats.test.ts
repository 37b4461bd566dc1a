import type { ModelResult } from '@assay/report';
import { describe, expect, it } from 'vitest';
import {
  comparisonCaveats,
  disagreementNote,
  fewPermutationsNote,
  fewResamplesNote,
} from '../src/compare/compare-caveats.js';
import { monteCarloNote, zeroWidthCaveats } from '../src/compare/monte-carlo-note.js';

const model = { name: 'm', notRepresentative: [] } as unknown as ModelResult;
const side = { run: 'r', model };

describe('the caveats of a comparison', () => {
  it('name the paired predictions left out of the metrics for an answer without a number', () => {
    expect(
      comparisonCaveats({
        pairedItems: 120,
        failedPairs: 2,
        unscoredPairs: 16,
        baseline: side,
        candidate: side,
      }),
    ).toEqual([
      '2 of 120 paired predictions (1.7%) were left out: a request failed in either run',
      '16 of 120 paired predictions (13.3%) were left out of the metrics: an answer without a number in either run',
    ]);
    expect(
      comparisonCaveats({ pairedItems: 120, failedPairs: 0, baseline: side, candidate: side }),
    ).toEqual([]);
  });
});

describe('the notes on a small bootstrap', () => {
  it('say that fewer than 2/alpha resamples can find no difference, and read a p of 0 as 2/B', () => {
    expect(fewResamplesNote(20, 0.05)).toEqual([
      '--bootstrap 20: a bootstrap p-value is at least 2/20 = 0.1, not below alpha 0.05, so no metric tested by the bootstrap can be found worse however large its drop; use --bootstrap 1000 or more (the intervals still show the difference)',
    ]);
    expect(fewResamplesNote(1000, 0.05)).toEqual([]);
    // an interval below 0 and a bootstrap p of 0 out of 20 resamples (a bound of 0.1) disagree
    const drop = { metric: 'f1_macro', ciLow: -0.32, ciHigh: -0.21, pValue: 0, test: 'bootstrap' };
    expect(disagreementNote([drop], 0.05, 20)).toHaveLength(1);
    expect(disagreementNote([drop], 0.05, 1000)).toEqual([]);
  });
});

describe('the note on a small permutation test', () => {
  it('says that fewer than 2/alpha - 1 sign assignments can find no text metric worse', () => {
    expect(fewPermutationsNote(10, 0.05, ['rougeL', 'token_f1'])).toEqual([
      '--permutations 10: a permutation p-value is at least 2/11 = 0.182, not below alpha 0.05, so no metric tested by the permutation test (rougeL, token_f1) can be found worse however large its drop; use the default --permutations 9999 (the intervals still show the difference)',
    ]);
    // 39 assignments reach 2/40 = 0.05, still not below alpha; 40 do
    expect(fewPermutationsNote(39, 0.05, ['token_f1'])).toHaveLength(1);
    expect(fewPermutationsNote(40, 0.05, ['token_f1'])).toEqual([]);
    // no metric tested by permutation: nothing to say
    expect(fewPermutationsNote(10, 0.05, [])).toEqual([]);
  });
});

describe('a comparison of runs of different items', () => {
  it('says how few predictions were paired, so a pass is not read as one of the whole runs', () => {
    expect(
      comparisonCaveats({
        pairedItems: 25,
        failedPairs: 0,
        unpaired: { baseline: 375, candidate: 15 },
        baseline: side,
        candidate: side,
      }),
    ).toEqual([
      "only 25 predictions were paired: 375 of the baseline's and 15 of the candidate's have no partner in the other run",
    ]);
  });
});

describe('monteCarloNote', () => {
  const gated = (metric: string, pValue: number, pAdjusted: number, difference = -0.01) => ({
    metric,
    test: 'bootstrap' as const,
    gated: true,
    pValue,
    pAdjusted,
    difference,
    greaterIsBetter: true,
  });

  it('says when a gate at alpha is within the bootstrap p-value’s Monte Carlo error, and suggests more resamples', () => {
    // p 0.007 × 7 metrics (Holm) = 0.049: one standard error of 1000 resamples is about 0.018
    const note = monteCarloNote(
      [gated('f1_macro', 0.007, 0.049), gated('roc_auc', 0.0001, 0.0007)],
      0.05,
      1000,
    );
    expect(note).toHaveLength(1);
    expect(note[0]).toMatch(
      /^the decision at alpha 0\.05 is within Monte Carlo error for f1_macro \(p-adjusted 0\.0490 ± 0\.0185\): .*rerun with --bootstrap 10000 to settle it$/,
    );
    expect(note[0]).not.toContain('roc_auc');
  });

  it('under --fail-on regression says nothing of a better metric: no seed makes it fail', () => {
    // a user's compare: roc_auc +0.0048, p-adjusted 0.064, under --fail-on regression
    const better = gated('roc_auc', 0.032, 0.064, 0.0048);
    expect(monteCarloNote([better], 0.05, 1000, 'regression')).toEqual([]);
    const lossBetter = { ...gated('log_loss', 0.032, 0.064, -0.01), greaterIsBetter: false };
    expect(monteCarloNote([lossBetter], 0.05, 1000, 'regression')).toEqual([]);
    // worse, or without --fail-on, the note stands
    expect(
      monteCarloNote([gated('roc_auc', 0.032, 0.064, -0.0048)], 0.05, 1000, 'regression'),
    ).toHaveLength(1);
    expect(monteCarloNote([better], 0.05, 1000)).toHaveLength(1);
  });

  it('says nothing when every decision is clear of it', () => {
    expect(monteCarloNote([gated('f1_macro', 0.3, 0.6)], 0.05, 1000)).toEqual([]);
    expect(monteCarloNote([gated('f1_macro', 0.002, 0.014)], 0.05, 1000)).toEqual([]);
  });
});

describe('zeroWidthCaveats', () => {
  it('says a [0, 0] interval of a gated metric under --margin rests on the sample alone', () => {
    const metrics = [
      { metric: 'accuracy', gated: true, ciLow: 0, ciHigh: -0 },
      { metric: 'roc_auc', gated: true, ciLow: -0.01, ciHigh: 0.02 },
      { metric: 'recall', gated: false, ciLow: 0, ciHigh: 0 },
    ];
    expect(zeroWidthCaveats(metrics, 0.01)).toEqual([
      'no item differs between the runs on accuracy: the interval [0, 0] says nothing about items not in the sample',
    ]);
    expect(zeroWidthCaveats(metrics, null)).toEqual([]);
  });
});
