import type { Tally } from './record-tally.js';
import { MIN_STEADY_COMPLETIONS } from './send-span.js';
import type { Throughput } from './step-result.js';

/** How many of the sorted `values` lie in (from, to]. */
function countIn(values: ArrayLike<number>, from: number, to: number): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > from && values[i]! <= to) n++;
  return n;
}

/**
 * The e2e (end less scheduled start) of the completed requests scheduled from the step's first
 * start to `mid`, sorted: the latencies the service showed before a queue could build. The
 * longest is what each later request is allowed before it counts as unanswered.
 */
function firstHalfLatencies(t: Tally, mid: number): Float64Array {
  const { starts, ends } = t.answered;
  const out: number[] = [];
  for (let i = 0; i < starts.length; i++) if (starts[i]! <= mid) out.push(ends[i]! - starts[i]!);
  return Float64Array.from(out).sort();
}

/**
 * Requests scheduled in (mid, lastStart] that ended after `lastStart` but within `allowance` of
 * their scheduled start: answered in the time the service took before, so not queued.
 */
function answeredInTime(t: Tally, mid: number, allowance: number): number {
  const { starts, ends } = t.answered;
  let n = 0;
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i]!;
    if (s > mid && s <= t.lastStart && ends[i]! > t.lastStart && ends[i]! - s <= allowance) n++;
  }
  return n;
}

/**
 * How much of its offered load a step completed once it was under way, from the second half of
 * its sending span (its first to its last measured start): the completions in that half, plus
 * the requests scheduled in it that ended after the last start but within the first half's
 * longest latency of their own start, over the requests scheduled in it that did not fail for a
 * cause other than queueing (a refused connection or an HTTP error is no queue; a timeout or a
 * drop is).
 *
 * @remarks
 * A service that keeps up completes, in that half, what arrived one latency earlier, about as
 * many as arrive in it, whatever the latency. The requests scheduled within one latency of the
 * last start end after it; counting only the half's completions left them out, and 2 of 12
 * arrivals bunched there read 0.83 against a server answering each in 25 ms. So a request that
 * ends within the first half's longest latency of its own start counts as completed: a request
 * answered as fast as before never counts as falling behind (the share reads 1 or a little
 * above for a service that keeps up). One that falls behind completes at its own rate (its
 * capacity over the offered rate): its latency grows through the step, so its second half's
 * requests all take longer than any of its first half's and none is added. Also the
 * completions per second in that half alone (`keptUpRate`), for find-max to hold against the
 * step's scheduled rate, and the half's requests that failed so (`keptUpFailures`). Share and
 * rate null when fewer than {@link MIN_STEADY_COMPLETIONS} of the half's requests did not fail
 * so, or when the first half's quickest requests (the 10th percentile of their e2e) take half
 * the span or more: a service slow but keeping up answers none within the span. Not the whole
 * step's quickest: a service far behind (1 slot of 300-ms requests at 20/s) answers even those
 * late, and its share read null.
 *
 * @param t - the step's tally
 * @returns `keptUpShare`, `keptUpRate` and `keptUpFailures`
 * @example
 * ```ts
 * const figures = keptUpFigures(tallyRecords(records, undefined));
 * figures.keptUpFailures; // { failed: 1, scheduled: 10 } (its last request's 429: a failure, not a queue)
 * figures.keptUpShare; // null (the 9 other requests of the second half are too few to judge)
 * ```
 */
export function keptUpFigures(
  t: Tally,
): Pick<Throughput, 'keptUpShare' | 'keptUpRate' | 'keptUpFailures'> {
  const none = { keptUpShare: null, keptUpRate: null };
  const span = t.lastStart - t.start;
  if (!(span > 0)) return none;
  const mid = t.start + span / 2;
  const scheduled = countIn(t.starts.sortedValues(), mid, t.lastStart);
  const failed = countIn(t.failedStarts.sortedValues(), mid, t.lastStart);
  const failures = failed === 0 ? {} : { keptUpFailures: { failed, scheduled } };
  const before = firstHalfLatencies(t, mid);
  // the first half's: a service that fell far behind answers even its quickest late in the step
  const quick = before.length === 0 ? Number.NaN : before[Math.floor(0.1 * (before.length - 1))]!;
  const arrivals = scheduled - failed;
  if (!(quick < span / 2) || arrivals < MIN_STEADY_COMPLETIONS) return { ...none, ...failures };
  const completions = countIn(t.ends.sortedValues(), mid, t.lastStart);
  const inTime = answeredInTime(t, mid, before[before.length - 1]!);
  // the rate too: a half that happened to draw few arrivals hides a backlog from the first half
  return {
    keptUpShare: (completions + inTime) / arrivals,
    keptUpRate: completions / (span / 2000),
    ...failures,
  };
}
