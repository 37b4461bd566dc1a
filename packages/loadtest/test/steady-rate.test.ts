import { expect, test } from 'vitest';
import { type LoadRecord, summarizeRecords } from '../src/index.js';
import { timedRecord } from './support/timed-record.js';

/**
 * A closed loop of 8 against a batch of 8 slots whose sequences all end at one decode step:
 * every `periodMs` the 8 answers end 0.1 ms apart (the client reads them one after another),
 * and each starts the next request 0.05 ms later while the step sends (until `sendUntilMs`).
 * The first 8 requests, sent at 0, are the warm-up.
 */
function batchedClosedLoop(
  periodMs: number,
  sendUntilMs: number,
  measured = Infinity,
): LoadRecord[] {
  const records: LoadRecord[] = [];
  let starts = Array.from({ length: 8 }, () => 0);
  let warmup = true;
  let sent = 0;
  for (let k = 1; starts.length > 0; k++) {
    const next: number[] = [];
    starts.forEach((start, j) => {
      const end = k * periodMs + 0.1 * j;
      records.push({ ...timedRecord(records.length, start, end), warmup });
      if (end <= sendUntilMs && sent < measured) {
        next.push(end + 0.05);
        sent++;
      }
    });
    starts = next;
    warmup = false;
  }
  return records;
}

test('a closed loop whose answers end in bursts reads the rate of its bursts, not one burst more', () => {
  // 8 answers every 200 ms: 40/s; measured starts from 200.05 ms (after the first burst's first
  // answer) to 2000.75 ms (after the tenth burst's last)
  const records = batchedClosedLoop(200, 2001);
  const { steadyRequestsPerSec } = summarizeRecords(records).throughput;
  // bursts 2..10 in the span; the first burst's other 7 answers ended with its start
  expect(steadyRequestsPerSec).toBeCloseTo(72 / 1.8007, 9);
  expect(Math.abs(steadyRequestsPerSec - 40)).toBeLessThan(0.05);
});

test('a closed loop cut at its N-th start, inside a burst, counts the rest of that burst', () => {
  // --requests 75: the 75th measured start follows the 3rd answer of the tenth burst (2000.2 ms)
  for (const measured of [73, 75, 77]) {
    const records = batchedClosedLoop(200, 1e9, measured);
    const { steadyRequestsPerSec } = summarizeRecords(records).throughput;
    const lastStart = Math.max(...records.filter((r) => !r.warmup).map((r) => r.sentMs!));
    // bursts 2..10, whole, over the span from the first start to the last
    expect(steadyRequestsPerSec).toBeCloseTo(72 / ((lastStart - 200.05) / 1000), 9);
    expect(Math.abs(steadyRequestsPerSec - 40)).toBeLessThan(0.05);
  }
});

test('an open loop counts every answer that ended in its span: its starts follow no answer', () => {
  const records = batchedClosedLoop(200, 2001);
  // as if the starts were arrivals at 20/s: the span is the same, and so are its answers
  const { steadyRequestsPerSec } = summarizeRecords(records, undefined, 20).throughput;
  expect(steadyRequestsPerSec).toBeCloseTo(79 / 1.8007, 9);
});

test('answers that end apart are all counted, however close the first is to the start', () => {
  // one answer every 25 ms (40/s), each starting the next request at once; the first ends 3 ms
  // after the first start, just past a tenth of the mean gap (2.47 ms), so it is no burst
  const records: LoadRecord[] = [timedRecord(0, 0, 3)];
  for (let i = 1; i <= 80; i++) records.push(timedRecord(i, 3 + 25 * (i - 1), 3 + 25 * i));
  const { steadyRequestsPerSec } = summarizeRecords(records).throughput;
  // starts 0 .. 1978 ms; the answers at 3, 28, ..., 1978 ms: 80 over 1.978 s
  expect(steadyRequestsPerSec).toBeCloseTo(80 / 1.978, 9);
});
