import type { Tally } from './record-tally.js';

/**
 * Where `durationS` starts: an open loop's measured schedule starts `arrivals / rate` before its
 * last arrival (its gaps are rescaled to end there exactly, as `arrivalOffsets` draws them, the
 * cut-off arrivals counted), a closed loop (or a pool of steps) at its first measured start.
 *
 * @param t - the step's tally
 * @param rate - an open-loop step's rate; none for a closed loop or a pool of steps
 * @returns ms since the run's start
 * @example
 * ```ts
 * spanStart(tallyRecords(records, undefined), undefined); // 0 (the first scheduled start)
 * ```
 */
export function spanStart(t: Tally, rate: number | undefined): number {
  if (rate === undefined || !(rate > 0)) return t.start;
  const arrivals = t.measured + t.cutOff.count;
  // never before the run's start, which record times count from: a step shorter than one gap
  // (--rate 1e-6 --duration 1s) has its one arrival at the step's end, not 11 days after its start
  return Math.max(0, Math.max(t.lastStart, t.cutOff.lastScheduled) - (arrivals / rate) * 1000);
}

/** Completions in a step's sending span below which it gives no steady rate. */
export const MIN_STEADY_COMPLETIONS = 10;

/**
 * Answers that end within this share of the span's mean gap of the one before are one burst.
 */
const BURST_GAP_SHARE = 0.1;

/**
 * How many answers, from `ends[from]` on (before `ends[to]`), are chained to `at`: each within
 * `tolerance` ms of the one before, the first within `tolerance` of `at`.
 */
function chainedAfter(
  ends: ArrayLike<number>,
  from: number,
  to: number,
  at: number,
  tolerance: number,
): number {
  let i = from;
  let last = at;
  while (i < to && ends[i]! - last <= tolerance) last = ends[i++]!;
  return i - from;
}

/**
 * Completed requests per second while the step was sending: requests (warm-up ones too) that
 * ended after the first and by the last measured start, over that span. A closed loop's drain
 * after its last start (up to one latency with no new requests) is left out. 0 (read: use
 * `requestsPerSec`) when fewer than {@link MIN_STEADY_COMPLETIONS} completions fall in the span:
 * a burst of a few milliseconds holding one completion is no rate.
 *
 * @remarks
 * A closed loop's first measured start follows an answer (the warm-up's, whose slot it takes).
 * When answers come in bursts (a batch whose sequences end at one decode step: `--ignore-eos`
 * with one `--max-tokens` ends a whole batch together; a starved server running its overdue
 * steps back to back), the rest of that answer's burst ended just after the span's start, and
 * the span, from one burst to the last, would hold one burst too many: 64 answers every 2 s
 * read 1.25 times the rate in a 10-s step. So `closedLoop` leaves out the answers chained to
 * the start by gaps of at most a tenth of the span's mean gap, and counts those chained so to
 * the last start (a step cut at its N-th start, `--requests`, stops inside a burst, whose
 * other answers end just after it); an open loop's starts follow no answer.
 *
 * @param t - the step's tally
 * @param closedLoop - whether each start followed an answer (a closed loop, or a pool of steps)
 * @returns requests per second, or 0
 * @example
 * ```ts
 * steadyRate(tallyRecords(records, undefined)); // 18.947… (18 answers ended within 0.95 s of sending)
 * ```
 */
export function steadyRate(t: Tally, closedLoop = false): number {
  const span = t.lastStart - t.start;
  if (!(span > 0)) return 0;
  const ends = t.ends.sortedValues();
  // (first start, last start]: a span of k completion gaps holds k completions
  let from = 0;
  while (from < ends.length && ends[from]! <= t.start) from++;
  let to = from;
  while (to < ends.length && ends[to]! <= t.lastStart) to++;
  let n = to - from;
  if (closedLoop && n > 0) {
    const tolerance = (BURST_GAP_SHARE * span) / n;
    // the rest of the burst whose first answer started the span is the burst before it
    n -= chainedAfter(ends, from, to, t.start, tolerance);
    // a step cut at its N-th start (`--requests`) can stop inside a burst: the rest of it
    // belongs to the span as the burst's first answer did
    n += chainedAfter(ends, to, ends.length, t.lastStart, tolerance);
  }
  return n < MIN_STEADY_COMPLETIONS ? 0 : n / (span / 1000);
}
