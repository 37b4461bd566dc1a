import { Worker } from 'node:worker_threads';

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

/** Slots of the shared `Int32Array`: arrivals the clock has reached, and the stop flag. */
const REACHED = 0;
const STOP = 1;

// The clock's thread, as source: a worker from a file would need the compiled `.js` next to
// this module, which the TypeScript sources that tests run from do not have.
// It sleeps in `Atomics.wait` (a futex with a timeout, precise to tens of microseconds) until
// each arrival, then publishes how many arrivals are due and wakes the main thread. Times are
// `process.hrtime` milliseconds, the monotonic clock both threads read.
const CLOCK_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { shared, offsets } = workerData;
const now = () => Number(process.hrtime.bigint()) / 1e6;
parentPort.once('message', (startHr) => {
  for (let i = 0; i < offsets.length; i++) {
    for (;;) {
      if (Atomics.load(shared, ${STOP}) !== 0) return;
      const left = startHr + offsets[i] - now();
      if (left <= 0) break;
      Atomics.wait(shared, ${STOP}, 0, left);
    }
    Atomics.store(shared, ${REACHED}, i + 1);
    Atomics.notify(shared, ${REACHED});
  }
});
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
 * delivers as soon as the loop is free. The clock never runs early: a wake-up comes at or
 * after the arrival's time, so schedule lag (send minus intended) stays honest.
 *
 * @example
 * ```ts
 * const clock = await ArrivalClock.start(offsets);
 * const start = performance.now() + 5;
 * clock.go(start);
 * await clock.reached(0, start + offsets[0]); // arrival 0 is due
 * await clock.stop();
 * ```
 */
export class ArrivalClock {
  private readonly shared: Int32Array;

  private constructor(
    private readonly worker: Worker,
    shared: Int32Array,
  ) {
    this.shared = shared;
  }

  /**
   * Starts the clock's thread (it waits for {@link ArrivalClock.go}).
   *
   * @param offsets - arrival times, ms after the start, non-decreasing
   * @returns the clock, once its thread runs
   */
  static async start(offsets: Float64Array | readonly number[]): Promise<ArrivalClock> {
    const shared = new Int32Array(new SharedArrayBuffer(8));
    const worker = new Worker(CLOCK_SOURCE, {
      eval: true,
      workerData: { shared, offsets: Float64Array.from(offsets) },
    });
    await new Promise<void>((resolve, reject) => {
      worker.once('online', resolve);
      worker.once('error', reject);
    });
    return new ArrivalClock(worker, shared);
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

  /** @returns how many arrivals are due so far */
  get due(): number {
    return Atomics.load(this.shared, REACHED);
  }

  /**
   * Waits (without blocking the event loop) until arrival `i` is due or the clock stops.
   *
   * @remarks
   * A timer for `dueAt` races the clock thread's wake-up: on a machine short of cores the
   * clock thread may itself wait for a core before it can wake this one (two scheduling
   * delays instead of one), and then the timer, a millisecond-resolution wake-up of this thread
   * alone, comes first. Whichever wakes the loop, the caller sends only what is due.
   *
   * @param i - an arrival's index
   * @param dueAt - its time, `performance.now()` clock
   */
  async reached(i: number, dueAt: number): Promise<void> {
    const seen = Atomics.load(this.shared, REACHED);
    if (seen > i || Atomics.load(this.shared, STOP) !== 0) return;
    const wait = waitAsync(this.shared, REACHED, seen);
    if (!wait.async) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, Math.max(0, dueAt - performance.now()));
    });
    await Promise.race([wait.value, timeout]);
    clearTimeout(timer);
  }

  /** Stops the clock: a pending {@link ArrivalClock.reached} returns, the thread ends. */
  async stop(): Promise<void> {
    Atomics.store(this.shared, STOP, 1);
    Atomics.notify(this.shared, STOP);
    Atomics.notify(this.shared, REACHED);
    await this.worker.terminate();
  }
}
