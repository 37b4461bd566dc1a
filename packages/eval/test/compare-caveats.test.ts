import type { ModelResult } from '@assay/report';
import { describe, expect, it } from 'vitest';
import {
  comparisonCaveats,
  disagreementNote,
  fewResamplesNote,
} from '../src/compare/compare-caveats.js';

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
