import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

/** Resolution of the event-loop delay monitor, ms. */
const RESOLUTION_MS = 1;

/** What a {@link HarnessMonitor} measured over a step. */
export interface HarnessReading {
  /** p99 event-loop delay minus the monitor's resolution (never below 0), ms. */
  readonly eventLoopLagP99Ms: number;
  /** Event-loop utilisation over the step, in [0, 1]. */
  readonly eventLoopUtilization: number;
  /** Process CPU time (user + system) over the step, microseconds. */
  readonly cpuUs: number;
  /** Wall time the monitor ran, ms (the whole step, warm-up included; absent: not measured). */
  readonly elapsedMs?: number | undefined;
  /**
   * Most requests in flight at once over the step, warm-up included (added by the step's
   * runner, not the monitor).
   */
  readonly peakInFlight?: number | undefined;
  /** The open loop's `--max-in-flight`, when it had one (added by the step's runner). */
  readonly maxInFlight?: number | undefined;
}

/**
 * Measures the load generator's own health over a step: event-loop delay
 * (`perf_hooks.monitorEventLoopDelay`), event-loop utilisation and process CPU.
 *
 * @remarks
 * The delay monitor samples with a timer of `RESOLUTION_MS`; an idle loop reads that
 * resolution as delay, so it is subtracted (the note from the anchors). Utilisation is
 * `performance.eventLoopUtilization` (the open loop waits for its arrivals in the event loop,
 * see `ArrivalClock`, so waiting counts as idle).
 *
 * @example
 * ```ts
 * const monitor = new HarnessMonitor();
 * // ... run the step ...
 * const reading = monitor.stop();
 * Object.keys(reading); // ['eventLoopLagP99Ms', 'eventLoopUtilization', 'cpuUs', 'elapsedMs']
 * ```
 */
export class HarnessMonitor {
  private readonly histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  private readonly elu = performance.eventLoopUtilization();
  private readonly cpu = process.cpuUsage();
  private readonly started = performance.now();

  constructor() {
    this.histogram.enable();
  }

  /** @returns the reading since construction; the monitor stops */
  stop(): HarnessReading {
    this.histogram.disable();
    const p99 = this.histogram.count > 0 ? this.histogram.percentile(99) / 1e6 : RESOLUTION_MS;
    const cpu = process.cpuUsage(this.cpu);
    return {
      eventLoopLagP99Ms: Math.max(0, p99 - RESOLUTION_MS),
      eventLoopUtilization: performance.eventLoopUtilization(this.elu).utilization,
      cpuUs: cpu.user + cpu.system,
      elapsedMs: performance.now() - this.started,
    };
  }
}
