import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import {
  fellBehindNotes,
  type LoadRecord,
  type LoadTestResult,
  rateStepOutcome,
  summarizeRecords,
} from '../src/index.js';
import { timedRecord } from './support/timed-record.js';

const SWEEP = JSON.parse(
  readFileSync(new URL('./fixtures/sweep-result.json', import.meta.url), 'utf8'),
) as LoadTestResult;

/** A single `--rate` run's result from its records, the generator healthy. */
function rateRun(records: LoadRecord[], rate: number): LoadTestResult {
  const base = SWEEP.steps![3]!;
  return {
    ...base,
    ...summarizeRecords(records, undefined, rate),
    profile: { kind: 'rate', rate, arrival: 'poisson' },
    harness: { ...base.harness, saturated: false },
  };
}

/** A record that failed with `errorClass` 3 ms after its start. */
function failedRecord(index: number, startMs: number, errorClass: string): LoadRecord {
  return {
    ...timedRecord(index, startMs, startMs + 3),
    errorClass,
    status: null,
    outputTokens: null,
  };
}

// the trial's run at 10/s against a server answering in 22-45 ms: 20 starts, the last two
// bunched 21 ms apart just before the end of sending, each answered in about 25 ms
const TRIAL_STARTS = [
  337, 503, 509, 590, 700, 770, 905, 1010, 1150, 1230, 1280, 1390, 1460, 1550, 1640, 1720, 1860,
  1937, 2110, 2131,
];

test('a fast server whose last arrivals end just after the last send keeps up', () => {
  const records = TRIAL_STARTS.map((s, i) => timedRecord(i, s, s + (i === 0 ? 45 : 25)));
  const run = rateRun(records, 10);
  // the half's completions alone read 10 of 12: the last two ended after the last start
  expect(run.throughput.keptUpShare).toBeGreaterThanOrEqual(1);
  expect(fellBehindNotes(run)).toEqual([]);
});

test('an arrival of the second half slower than any of the first half is not answered in time', () => {
  // the same run, the last two answered in 400 ms where the first half took at most 45: of the
  // 10 arrivals after the half (1234 ms), 9 ended by the last start (one of them the first
  // half's), none of the two later ones in time
  const records = TRIAL_STARTS.map((s, i) =>
    timedRecord(i, s, s + (i === 0 ? 45 : i >= 18 ? 400 : 25)),
  );
  const run = rateRun(records, 10);
  expect(run.throughput.keptUpShare).toBeCloseTo(0.9, 9);
});

test('a FIFO server below the offered rate still falls behind, its latency growing', () => {
  // 10/s offered evenly for 30 s, one answer every 150 ms (6.67/s): no request of the second
  // half is answered as fast as the first half's slowest, so none is added to the share
  let free = 0;
  const records = Array.from({ length: 300 }, (_, i) => {
    free = Math.max(free, i * 100) + 150;
    return timedRecord(i, i * 100, free);
  });
  const run = rateRun(records, 10);
  expect(run.throughput.keptUpShare!).toBeGreaterThan(0.6);
  expect(run.throughput.keptUpShare!).toBeLessThan(0.7);
  expect(fellBehindNotes(run)).toEqual([
    expect.stringMatching(/^Step 0: the service fell behind its rate \(kept up 0\.6\d < 0\.95\)/),
  ]);
});

test('a server that refuses connections mid-run is said to fail, not to queue', () => {
  // 100 arrivals at 20/s; the server dies after 1 s: the rest fail at once with `connection`
  const records = Array.from({ length: 100 }, (_, i) =>
    i < 20 ? timedRecord(i, i * 50, i * 50 + 30) : failedRecord(i, i * 50, 'connection'),
  );
  const run = rateRun(records, 20);
  expect(run.throughput.keptUpShare).toBeNull();
  expect(run.throughput.keptUpFailures).toEqual({ failed: 50, scheduled: 50 });
  const notes = fellBehindNotes(run);
  expect(notes).toHaveLength(1);
  expect(notes[0]).toMatch(
    /^Step 0: the service completed less than its rate because requests failed, not because they queued \(50 of the 50 requests/,
  );
  expect(notes[0]).not.toMatch(/fell behind/);
  // --find-max does not count the refused requests as a rate the service fell behind
  expect(rateStepOutcome({ ...run, sloPassed: { passed: true, failures: [] } }, 20, 10)).toBe(
    'pass',
  );
});

test('requests that time out are queueing: a server that times them out falls behind', () => {
  // 10/s for 30 s; from 15 s on every request waits out a 2-s timeout
  const records = Array.from({ length: 300 }, (_, i) =>
    i < 150 ? timedRecord(i, i * 100, i * 100 + 50) : failedRecord(i, i * 100, 'timeout'),
  );
  const run = rateRun(records, 10);
  expect(run.throughput.keptUpFailures).toBeUndefined();
  expect(run.throughput.keptUpShare!).toBeLessThan(0.05);
  expect(fellBehindNotes(run)[0]).toMatch(/fell behind its rate/);
});
