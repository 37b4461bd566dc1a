import type { ModelResult } from '@assay/report';
import { describe, expect, it } from 'vitest';
import { comparisonCaveats } from '../src/compare/compare-caveats.js';

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
