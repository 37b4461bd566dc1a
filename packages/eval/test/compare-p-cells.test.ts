import { describe, expect, it } from 'vitest';
import type { CompareResult } from '../src/compare/compare-result.js';
import { metricRows } from '../src/compare/compare-text.js';

/** A comparison of two bootstrap metrics, both at p = 0: one gated, one not. */
function result(pAdjusted: number | null): CompareResult {
  const metric = (name: string, gated: boolean, adjusted: number | null) => ({
    metric: name,
    baseline: 0.9,
    candidate: 0.7,
    difference: -0.2,
    ciLow: -0.25,
    ciHigh: -0.15,
    test: 'bootstrap',
    pValue: 0,
    pAdjusted: adjusted,
    gated,
    failed: gated,
    worse: true,
  });
  return {
    settings: {
      ci: 0.95,
      bootstrap: 1000,
      seed: 0,
      permutations: 9999,
      adjustment: 'benjamini-hochberg',
      failOn: 'regression',
      margin: null,
      gatedMetrics: ['f1_macro'],
    },
    metrics: [metric('f1_macro', true, pAdjusted), metric('log_loss', false, null)],
  } as unknown as CompareResult;
}

describe('the p-value cells of assay compare', () => {
  it('show a bound of 0 as 2/B, rounded up, and no adjusted p for a metric that is not gated', () => {
    const [gated, other] = metricRows(result(0.002286)).rows;
    // p, p adj: the adjusted bound 0.002286 reads <0.0023, never the smaller <0.002
    expect(gated!.slice(6, 8)).toEqual(['<0.002', '<0.0023']);
    // the bound of an ungated metric is not adjusted: its p adj cell is empty
    expect(other!.slice(6, 8)).toEqual(['<0.002', '—']);
  });
});
