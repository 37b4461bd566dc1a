import { Worker } from 'node:worker_threads';
import { LoadTestError } from '../errors.js';

/** `Atomics.waitAsync` (Node 16+), missing from the ES2022 library types this package builds with. */
const waitAsync = (
  Atomics as unknown as {
    waitAsync(
      a: Int32Array,
      index: number,
      value: number,
    ): { async: false; value: string } | { async: true; value: Promise<string> };
  }
).waitAsync;

/** A clock-thread wake-up this late (ms after its arrival) arms the backstop timers of {@link ArrivalClock.reached}. */
const CLOCK_LATE_MS = 1;
/**
 * How long before each arrival the clock thread wakes the main thread, ms: about the time that
 * wake-up takes to reach it (a `waitAsync` task through libuv, 0.13 ms at the median here), so
 * the main thread is there on time and waits out what is left itself ({@link ArrivalClock.until}).
 *
 * @example
 * ```ts
 * EARLY_MS; // 0.1
 * // the run loop wakes EARLY_MS before each arrival and waits out the rest itself:
 * // await clock.reached(i, dueAt - EARLY_MS); clock.until(dueAt);
 * ```
 */
export const EARLY_MS = 0.1;

/** How long the backstop timers stay armed after a late wake-up, ms. */
const BACKSTOP_FOR_MS = 1000;

/**
 * Slots of the shared `Int32Array`: arrivals the clock has reached, the stop flag, and how
 * many of its wake-ups came more than {@link CLOCK_LATE_MS} late.
 */
const REACHED = 0;
const STOP = 1;
const LATE = 2;
/** Never notified: {@link ArrivalClock.until} sleeps on it with a timeout. */
const NAP = 3;

// The clock's thread, as source: a worker from a file would need the compiled `.js` next to
// this module, which the TypeScript sources that tests run from do not have.
// It sleeps in `Atomics.wait` (a futex with a timeout, precise to tens of microseconds) until
// EARLY_MS before each arrival, then publishes how many arrivals it has woken for and wakes the
// main thread (and counts its own late wake-ups: it waited for a core). Times are
// `process.hrtime` milliseconds, the monotonic clock both threads read.
// `ASSAY_LOADTEST_FAULT=clock-exit` ends the thread after its first wake-up, as a crash
// would (`clock-exit-before-start`: before it listens): a test-only hook (as the runner's `ASSAY_RUNNER_FAULT`) for the CLOCK_FAILED path.
const CLOCK_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { shared, offsets } = workerData;
const crash = process.env.ASSAY_LOADTEST_FAULT === 'clock-exit';
const now = () => Number(process.hrtime.bigint()) / 1e6;
parentPort.once('message', (startHr) => {
  for (let i = 0; i < offsets.length; i++) {
    for (;;) {
      if (Atomics.load(shared, ${STOP}) !== 0) return;
      const left = startHr + offsets[i] - ${EARLY_MS} - now();
      if (left <= 0) break;
      Atomics.wait(shared, ${STOP}, 0, left);
    }
    if (now() - (startHr + offsets[i] - ${EARLY_MS}) > ${CLOCK_LATE_MS}) Atomics.add(shared, ${LATE}, 1);
    Atomics.store(shared, ${REACHED}, i + 1);
    Atomics.notify(shared, ${REACHED});
    if (crash) process.exit(70);
  }
  // wait for stop(): a thread that ended here would be joined by the main thread (Node blocks
  // it until the thread has torn its heap down), just when the last arrival is due
  while (Atomics.load(shared, ${STOP}) === 0) Atomics.wait(shared, ${STOP}, 0);
});
// listening: the schedule may start (a start sent at 'online' waited for the rest of this
// thread's boot, and the step's first arrivals went out late)
if (process.env.ASSAY_LOADTEST_FAULT === 'clock-exit-before-start') process.exit(70);
parentPort.postMessage('ready');
`;

/**
 * Wakes the open loop at each arrival of its schedule, from a worker thread that sleeps until
 * the arrival is due, so the generator's own thread waits in the event loop (epoll), free to
 * read responses, and burns no CPU between arrivals.
 *
 * @remarks
 * Why not a timer: Node's timers have whole-millisecond resolution and fire on libuv's
 * millisecond clock, up to ~2 ms after they were asked to; waiting the last stretch in
 * `setImmediate` turns was precise but kept a core busy between arrivals (competing with the
 * server under test on a small machine). Here the worker's `Atomics.wait(timeout)` wakes on
 * time and `Atomics.notify` resolves the main thread's `Atomics.waitAsync`, which libuv
 * delivers as soon as the loop is free. That hand-over takes about 0.13 ms (median), so the
 * clock thread wakes {@link EARLY_MS} before each arrival and the main thread waits out what
 * is left with {@link ArrivalClock.until}; the caller sends an arrival only once
 * `performance.now()` has reached its time, so schedule lag (send minus intended) stays
 * honest and is never negative.
 *
 * @example
 * ```ts
 * const offsets = [0, 10, 20]; // ms after the start
 * const clock = await ArrivalClock.start(offsets);
 * const start = performance.now() + 5;
 * clock.go(start);
 * const onTime = [];
 * for (let i = 0; i < offsets.length; i++) {
 *   while (clock.due <= i) await clock.reached(i, start + offsets[i]);
 *   clock.until(start + offsets[i]); // the last fraction of a millisecond
 *   onTime.push(performance.now() >= start + offsets[i]);
 * }
 * onTime; // [true, true, true] (never early)
 * await clock.stop();
 * ```
 */
export class ArrivalClock {
  private readonly shared: Int32Array;
  /** Why the clock thread ended before {@link ArrivalClock.stop}, if it did. */
  #failure: Error | undefined;
  #stopping = false;
  /** Until when (`performance.now()`) each wait also races a timer. */
  #backstopUntil = 0;
  /** The clock thread's late wake-ups seen so far. */
  #lateSeen = 0;

  private constructor(
    private readonly worker: Worker,
    shared: Int32Array,
    /** arrivals in the schedule */
    private readonly count: number,
  ) {
    this.shared = shared;
  }

  /**
   * Starts the clock's thread (it waits for {@link ArrivalClock.go}).
   *
   * @param offsets - arrival times, ms after the start, non-decreasing
   * @returns the clock, once its thread listens for the start
   */
  static async start(offsets: Float64Array | readonly number[]): Promise<ArrivalClock> {
    const shared = new Int32Array(new SharedArrayBuffer(16));
    const worker = new Worker(CLOCK_SOURCE, {
      eval: true,
      workerData: { shared, offsets: Float64Array.from(offsets) },
    });
    await new Promise<void>((resolve, reject) => {
      const failed = (why: string): void =>
        reject(
          new LoadTestError(
            'CLOCK_FAILED',
            `The open loop's clock thread ended before the schedule started (${why}); the load test stops.`,
            'rate',
          ),
        );
      const errored = (error: Error): void => failed(error.message);
      const exited = (code: number): void => failed(`it exited with code ${code}`);
      worker.once('error', errored);
      worker.once('exit', exited);
      worker.once('message', () => {
        worker.off('error', errored);
        worker.off('exit', exited);
        resolve();
      });
    });
    const clock = new ArrivalClock(worker, shared, offsets.length);
    worker.on('error', (error) => clock.#ended(error));
    worker.once('exit', (code) => {
      clock.#ended(new Error(`it exited with code ${code}`));
    });
    return clock;
  }

  /** The clock thread ended: every wait returns (see {@link ArrivalClock.failure}). */
  #ended(cause: Error): void {
    // the thread also ends, by itself, once it has woken the loop for the last arrival
    if (this.#stopping || this.#failure !== undefined || this.due >= this.count) return;
    this.#failure = new LoadTestError(
      'CLOCK_FAILED',
      `The open loop's clock thread ended before its schedule did (${cause.message}); the load test stops.`,
      'rate',
    );
    Atomics.store(this.shared, STOP, 1);
    Atomics.notify(this.shared, REACHED);
  }

  /**
   * @returns the error when the clock thread ended before {@link ArrivalClock.stop} (no
   * wake-up will come: the caller must stop), else undefined
   */
  get failure(): Error | undefined {
    return this.#failure;
  }

  /**
   * Starts the schedule.
   *
   * @param start - `performance.now()` of offset 0
   */
  go(start: number): void {
    // performance.now() is process.hrtime minus the time origin: the same clock, shifted
    const shift = Number(process.hrtime.bigint()) / 1e6 - performance.now();
    this.worker.postMessage(start + shift);
  }

  /** @returns how many arrivals the clock thread has woken for so far (each {@link EARLY_MS} before its time) */
  get due(): number {
    return Atomics.load(this.shared, REACHED);
  }

  /**
   * Blocks this thread until `performance.now()` reaches `at`: a futex sleep (no CPU), for the
   * last fraction of a millisecond before an arrival, after the clock thread's early wake-up.
   *
   * @param at - a time, `performance.now()` clock, at most a few tenths of a ms away
   */
  until(at: number): void {
    for (let left = at - performance.now(); left > 0; left = at - performance.now()) {
      Atomics.wait(this.shared, NAP, 0, left);
    }
  }

  /** @returns how many of the clock thread's wake-ups came more than {@link CLOCK_LATE_MS} after their arrival */
  get lateWakeups(): number {
    return Atomics.load(this.shared, LATE);
  }

  /**
   * Waits (without blocking the event loop) until arrival `i` is due or the clock stops.
   *
   * @remarks
   * While the clock thread keeps time, its wake-up alone ends the wait. Once it has woken
   * more than {@link CLOCK_LATE_MS} after an arrival (on a machine short of cores it waits for a
   * core before it can wake this thread: two scheduling delays instead of one), every wait
   * of the next {@link BACKSTOP_FOR_MS} also races a timer for the arrival, a wake-up of this
   * thread alone. Not always, because a Node timer counts from the loop's cached millisecond
   * clock and so fires up to a few milliseconds early (the busier the loop, the earlier): a
   * timer on every wait woke the loop before its arrival in about a fifth of the waits, each
   * a turn of the loop for nothing. Whichever wakes the loop, the caller sends only what is
   * due.
   *
   * @param i - an arrival's index
   * @param dueAt - its time, `performance.now()` clock
   * @returns a promise to await, or `undefined` when the arrival is already due (no await,
   * no turn of the loop)
   */
  reached(i: number, dueAt: number): Promise<unknown> | undefined {
    const seen = Atomics.load(this.shared, REACHED);
    if (seen > i || Atomics.load(this.shared, STOP) !== 0) return undefined;
    const wait = waitAsync(this.shared, REACHED, seen);
    if (!wait.async) return undefined;
    const now = performance.now();
    const late = this.lateWakeups;
    if (late !== this.#lateSeen) {
      this.#lateSeen = late;
      this.#backstopUntil = now + BACKSTOP_FOR_MS;
    }
    if (now >= this.#backstopUntil) return wait.value;
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.max(0, dueAt - now));
      void wait.value.then(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Stops the clock: a pending {@link ArrivalClock.reached} returns, the thread ends. */
  async stop(): Promise<void> {
    this.#stopping = true;
    Atomics.store(this.shared, STOP, 1);
    Atomics.notify(this.shared, STOP);
    Atomics.notify(this.shared, REACHED);
    await this.worker.terminate();
  }
}
