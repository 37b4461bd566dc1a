import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type CompareDecision,
  type CompareResult,
  compareJunit,
  unpairedGate,
  unpairedProblem,
  unpairedShare,
} from '../src/index.js';

/** spam-v1 against spam-v2: 200 paired items, none unpaired, no decision rule. */
const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/compare-result.json', import.meta.url), 'utf8'),
) as CompareResult;

const PASS: CompareDecision = {
  exitCode: 0,
  reason: 'PASS: no gated metric significantly worse; gated: accuracy',
};
const counts = (paired: number, baseline: number, candidate: number) => ({
  pairedItems: paired,
  unpaired: { baseline, candidate },
});

describe('--max-unpaired', () => {
  it('reads the share of the predictions of either run that only one of them has', () => {
    expect(unpairedShare(counts(293, 7, 0))).toBeCloseTo(7 / 300, 15);
    expect(unpairedShare(counts(90, 5, 5))).toBeCloseTo(0.1, 15);
    expect(unpairedShare(counts(0, 0, 0))).toBe(0);
  });

  it('fails a passing comparison above the share, with both sides counted, and passes at or below it', () => {
    const failed = unpairedGate(PASS, counts(91, 6, 3), 0.05);
    expect(failed.exitCode).toBe(1);
    expect(failed.reason).toBe(
      'FAIL: 9 of 100 predictions (9%; a pair counts once) have no partner in the other run (baseline 6, candidate 3), above --max-unpaired 0.05: the metrics compare the 91 paired predictions only; compare runs of the same data, evaluation method and samples',
    );
    // exactly at the share passes, and says what it checked
    expect(unpairedGate(PASS, counts(95, 5, 0), 0.05)).toEqual({
      exitCode: 0,
      reason: `${PASS.reason}; 5% of the predictions in one run only, within --max-unpaired 0.05`,
    });
    expect(unpairedGate(PASS, counts(91, 6, 3), null)).toBe(PASS);
    // 0 refuses any unpaired item
    expect(unpairedGate(PASS, counts(299, 1, 0), 0).exitCode).toBe(1);
  });

  it('adds the counts to a comparison that failed on its metrics', () => {
    const failed: CompareDecision = { exitCode: 1, reason: 'FAIL: accuracy significantly worse' };
    expect(unpairedGate(failed, counts(91, 6, 3), 0.05).reason).toBe(
      'FAIL: accuracy significantly worse; also: 9 of 100 predictions (9%; a pair counts once) have no partner in the other run (baseline 6, candidate 3), above --max-unpaired 0.05',
    );
    expect(unpairedGate(failed, counts(95, 5, 0), 0.05)).toBe(failed);
    expect(unpairedProblem(counts(91, 6, 3), 0.1)).toBeUndefined();
  });

  it('alone, a pass no longer says that nothing could fail the comparison', () => {
    const unchecked: CompareDecision = {
      exitCode: 0,
      reason:
        'NOT CHECKED: no decision rule given (--fail-on regression, --margin), so nothing can fail this comparison; exit 0',
    };
    expect(unpairedGate(unchecked, counts(99, 1, 0), 0.05)).toEqual({
      exitCode: 0,
      reason:
        'PASS: 1% of the predictions in one run only, within --max-unpaired 0.05; no rule on the metrics was given (--fail-on regression, --margin)',
    });
    expect(unpairedGate(unchecked, counts(90, 10, 0), 0.05).exitCode).toBe(1);
  });

  it('is a JUnit case of its own: failed above the share, passing with the share below it', () => {
    const over: CompareResult = {
      ...fixture,
      onlyBaseline: { count: 30, ids: ['a', 'b'] },
      settings: { ...fixture.settings, maxUnpaired: 0.05 },
      decision: unpairedGate(fixture.decision, counts(200, 30, 0), 0.05),
    };
    const failing = compareJunit(over);
    expect(failing).toMatch(
      /<testcase name="unpaired predictions \[[^\]]+\]"[^>]*>\s*<failure message="30 of 230 predictions \(13%; a pair counts once\) have no partner in the other run/,
    );
    expect(failing).toContain('type="unpaired"');
    const within = compareJunit({
      ...fixture,
      settings: { ...fixture.settings, maxUnpaired: 0.05 },
    });
    expect(within).toMatch(
      /<testcase name="unpaired predictions[^"]*"[^>]*>\s*<system-out>0% of the predictions in one run only, within --max-unpaired 0.05/,
    );
    expect(within).not.toContain('<failure');
    // without the flag there is no such case
    expect(compareJunit(fixture)).not.toContain('unpaired predictions');
  });
});
