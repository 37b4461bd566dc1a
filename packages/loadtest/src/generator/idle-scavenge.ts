import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type MinorGc = (options: { type: 'minor' }) => void;

/** The gap to the next arrival that a scavenge may use, ms (a small one takes well under). */
const MIN_GAP_MS = 1.5;
/** Young-generation bytes in use from which a scavenge is worth running early. */
const MIN_YOUNG_BYTES = 1 << 20;

let cached: MinorGc | null | undefined;

/**
 * V8's `gc` function: the global one under `--expose-gc`, else one taken from a fresh context
 * with the flag switched on just for that context (the flag is switched off again, so no
 * other code gets a `gc`); `null` where neither works.
 */
function minorGc(): MinorGc | null {
  if (cached !== undefined) return cached;
  const global = (globalThis as { gc?: unknown }).gc;
  if (typeof global === 'function') {
    cached = global as MinorGc;
    return cached;
  }
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    cached = typeof gc === 'function' ? (gc as MinorGc) : null;
  } catch {
    cached = null;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
  return cached;
}

function youngBytesInUse(): number {
  for (const space of getHeapSpaceStatistics()) {
    if (space.space_name === 'new_space') return space.space_used_size;
  }
  return 0;
}

/**
 * Runs the young-generation collection (a scavenge) of the open loop's thread in the gaps
 * between arrivals, so that it does not fall on an arrival.
 *
 * @remarks
 * A scavenge stops the thread for a time that grows with the young objects still alive, and
 * V8 runs one whenever the young generation (up to 16 MB a half by default) fills up,
 * wherever the schedule stands. At 2000 requests/s that was a stop of 2–6 ms every 0.3 s or
 * so, which made the arrivals due during it late: about 1% of them, the schedule lag's p99.
 * Here, whenever the next arrival is at least 1.5 ms away and more than 1 MB of the young
 * generation is in use, it is collected at once: with that little to copy a scavenge takes a
 * fraction of a millisecond, so it ends before the arrival, and V8's own scavenges (at a full
 * young generation) no longer come. Lag stays what it measures (send time minus intended
 * time); nothing is sent early. Without long enough gaps (a constant rate of more than about
 * 650/s) it never runs and V8 collects as before.
 *
 * @example
 * ```ts
 * const idle = new IdleScavenger();
 * const nextArrival = performance.now() + 0.5;
 * idle.gap(nextArrival - performance.now()); // too short a gap: no scavenge
 * idle.runs; // 0
 * ```
 */
export class IdleScavenger {
  readonly #gc = minorGc();
  /** Scavenges run here, for the record. */
  runs = 0;

  /**
   * Called when the loop is about to wait for its next arrival.
   *
   * @param msUntilNext - time until the next arrival is due
   */
  gap(msUntilNext: number): void {
    if (this.#gc === null || msUntilNext < MIN_GAP_MS) return;
    if (youngBytesInUse() < MIN_YOUNG_BYTES) return;
    this.#gc({ type: 'minor' });
    this.runs++;
  }
}
