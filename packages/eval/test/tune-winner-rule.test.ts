import { describe, expect, it } from 'vitest';
import { type CandidateEvaluation, chooseWinner } from '../src/index.js';
import type { PairedGap } from '../src/tune/paired-gap.js';

function evaluation(
  candidate: number,
  value: number,
  ci: [number, number],
  tokensPerItem: number,
): CandidateEvaluation {
  return {
    candidate,
    rung: 0,
    items: 480,
    value,
    ciLow: ci[0],
    ciHigh: ci[1],
    folds: [value],
    requests: 480,
    sent: 480,
    cached: 0,
    resumed: 0,
    resumedPaid: 0,
    costUsd: null,
    sentCostUsd: null,
    tokensPerItem,
    p95LatencyMs: 10,
    constraintFailures: [],
    dir: '',
  };
}

const gap = (against: number, difference: number, ci: [number, number]): PairedGap => ({
  against,
  difference,
  ciLow: ci[0],
  ciHigh: ci[1],
  pValue: 0.002,
  standardError: (ci[1] - ci[0]) / (2 * 1.959964),
});

// a user's trial: the intervals overlap, but the paired difference is +0.0265 [0.0139, 0.0406]
// (p = 0.002, `assay compare`): c1 is clearly better, by far more than one standard error
const c0 = evaluation(0, 0.9388, [0.922, 0.954], 600);
const c1 = evaluation(1, 0.9653, [0.9514, 0.9778], 1200);

describe('the one-standard-error rule', () => {
  it('keeps the best when the cheaper candidate falls short by more than one standard error, though the 95% intervals overlap', () => {
    const w = chooseWinner([c0, c1], true, new Map([[0, gap(1, -0.0265, [-0.0406, -0.0139])]]));
    expect(w?.rule).toBe('best');
    expect(w?.evaluation.candidate).toBe(1);
    // without a pairing, the best's own standard error (0.0067) says the same
    expect(chooseWinner([c0, c1], true)?.evaluation.candidate).toBe(1);
  });

  it('holds the shortfall against the standard error of the paired difference when it has one', () => {
    // the best's interval is wide (standard error 0.0255), the paired difference narrow: the
    // candidates answer most items alike, so a shortfall of 0.02 is real
    const best = evaluation(0, 0.9, [0.85, 0.95], 1000);
    const cheap = evaluation(1, 0.88, [0.83, 0.93], 500);
    expect(chooseWinner([best, cheap], true)?.evaluation.candidate).toBe(1);
    const paired = chooseWinner([best, cheap], true, new Map([[1, gap(0, -0.02, [-0.03, -0.01])]]));
    expect(paired?.rule).toBe('best');
    expect(paired?.evaluation.candidate).toBe(0);
    // a shortfall within the paired standard error: the cheaper one, and the reason says whose
    const close = chooseWinner(
      [best, { ...cheap, value: 0.896 }],
      true,
      new Map([[1, gap(0, -0.004, [-0.012, 0.004])]]),
    );
    expect(close?.rule).toBe('one-standard-error');
    expect(close?.evaluation.candidate).toBe(1);
    expect(close?.standardError).toEqual({
      value: expect.closeTo(0.00408, 4),
      of: 'paired-difference',
    });
    expect(close?.reason).toMatch(
      /within one standard error \(0\.0041, of the paired difference\)/,
    );
  });

  it('applies the rule in the metric direction for lower-better metrics', () => {
    const best = evaluation(0, 0.1, [0.05, 0.15], 1000);
    const cheap = evaluation(1, 0.11, [0.06, 0.16], 500);
    const w = chooseWinner([best, cheap], false);
    expect(w?.rule).toBe('one-standard-error');
    expect(w?.evaluation.candidate).toBe(1);
    const worse = evaluation(2, 0.2, [0.15, 0.25], 400);
    expect(chooseWinner([best, worse], false)?.evaluation.candidate).toBe(0);
  });
});
