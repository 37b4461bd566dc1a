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
  it('reads the share of the items of either run that only one of them has', () => {
    expect(unpairedShare(counts(293, 7, 0))).toBeCloseTo(7 / 300, 15);
    expect(unpairedShare(counts(90, 5, 5))).toBeCloseTo(0.1, 15);
    expect(unpairedShare(counts(0, 0, 0))).toBe(0);
  });

  it('fails a passing comparison above the share, with both sides counted, and passes at or below it', () => {
    const failed = unpairedGate(PASS, counts(91, 6, 3), 0.05);
    expect(failed.exitCode).toBe(1);
    expect(failed.reason).toBe(
      'FAIL: 9 of 100 items (9%) are in one run only (baseline 6, candidate 3), above --max-unpaired 0.05: the metrics compare the 91 shared items only; rerun the run that lacks items (its journal resumes it) or compare runs of the same data',
    );
    // exactly at the share passes
    expect(unpairedGate(PASS, counts(95, 5, 0), 0.05)).toBe(PASS);
    expect(unpairedGate(PASS, counts(91, 6, 3), null)).toBe(PASS);
    // 0 refuses any unpaired item
    expect(unpairedGate(PASS, counts(299, 1, 0), 0).exitCode).toBe(1);
  });

  it('adds the counts to a comparison that failed on its metrics', () => {
    const failed: CompareDecision = { exitCode: 1, reason: 'FAIL: accuracy significantly worse' };
    expect(unpairedGate(failed, counts(91, 6, 3), 0.05).reason).toBe(
      'FAIL: accuracy significantly worse; also: 9 of 100 items (9%) are in one run only (baseline 6, candidate 3), above --max-unpaired 0.05',
    );
    expect(unpairedProblem(counts(91, 6, 3), 0.1)).toBeUndefined();
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
      /<testcase name="unpaired items \[[^\]]+\]"[^>]*>\s*<failure message="30 of 230 items \(13%\) are in one run only/,
    );
    expect(failing).toContain('type="unpaired"');
    const within = compareJunit({
      ...fixture,
      settings: { ...fixture.settings, maxUnpaired: 0.05 },
    });
    expect(within).toMatch(
      /<testcase name="unpaired items[^"]*"[^>]*>\s*<system-out>0% of the items are in one run only, within --max-unpaired 0.05/,
    );
    expect(within).not.toContain('<failure');
    // without the flag there is no such case
    expect(compareJunit(fixture)).not.toContain('unpaired items');
  });
});
