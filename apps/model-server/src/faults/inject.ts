import type { FailureMode, FaultOptions, LatencySpec } from './parse-fault-header.js';
import { createRandom, standardNormal } from './random.js';

/** What happens to one request. */
export interface FaultPlan {
  readonly failure: FailureMode | undefined;
  /** Milliseconds to wait before the first byte. */
  readonly delayMs: number;
  /** Milliseconds between streamed tokens. */
  readonly tokenDelayMs: number;
}

const DEFAULT_FAILURE: FailureMode = { kind: 'status', status: 503 };
const MAX_KEYS = 100_000;

/**
 * Name under which a failure is counted in `ModelServerStats.faultsInjected`.
 *
 * @param failure - an injected failure
 * @returns `status-<code>` for a status failure, else the failure's kind
 * @example
 * ```ts
 * import { failureName } from '@assay/model-server';
 * failureName({ kind: 'status', status: 429 }); // 'status-429'
 * failureName({ kind: 'reset' }); // 'reset'
 * ```
 */
export function failureName(failure: FailureMode): string {
  return failure.kind === 'status' ? `status-${failure.status}` : failure.kind;
}

/**
 * Decides, per request, which faults apply; owns the seeded RNG and the fail-first counters.
 *
 * @remarks
 * Stateful (one per server): the RNG sequence and counters make a run with the same seed and the
 * same request order reproducible.
 *
 * @example
 * ```ts
 * import { FaultInjector, parseFaultSpec } from '@assay/model-server';
 * const counts: Record<string, number> = {};
 * new FaultInjector(1, counts).plan(parseFaultSpec('status=429')).failure; // { kind: 'status', status: 429 }
 * counts; // { 'status-429': 1 }
 * ```
 */
export class FaultInjector {
  readonly #random: () => number;
  readonly #failFirstCounts = new Map<string, number>();
  readonly #counts: Record<string, number>;

  /**
   * @param seed - RNG seed
   * @param counts - record to count injected faults into (the server's stats)
   */
  constructor(seed: number, counts: Record<string, number>) {
    this.#random = createRandom(seed);
    this.#counts = counts;
  }

  /**
   * Draws the plan for one request and counts what it injects.
   *
   * @param options - effective fault options of the request
   * @returns failure (if any) and delays
   */
  plan(options: FaultOptions): FaultPlan {
    let failure: FailureMode | undefined;
    if (options.failFirst !== undefined) {
      const key = options.key ?? '';
      const seen = this.#failFirstCounts.get(key) ?? 0;
      if (this.#failFirstCounts.size >= MAX_KEYS) this.#failFirstCounts.clear();
      this.#failFirstCounts.set(key, seen + 1);
      if (seen < options.failFirst) failure = options.failure ?? DEFAULT_FAILURE;
    } else if (options.failure !== undefined || options.rate !== undefined) {
      const rate = options.rate ?? 1;
      if (rate >= 1 || (rate > 0 && this.#random() < rate)) {
        failure = options.failure ?? DEFAULT_FAILURE;
      }
    }
    const delayMs = options.latency === undefined ? 0 : this.#sample(options.latency);
    const tokenDelayMs = options.tokenDelayMs ?? 0;
    if (failure !== undefined) this.#count(failureName(failure));
    if (delayMs > 0) this.#count('latency');
    if (tokenDelayMs > 0) this.#count('token-delay');
    return { failure, delayMs, tokenDelayMs };
  }

  /** Forgets fail-first counters. */
  reset(): void {
    this.#failFirstCounts.clear();
  }

  #sample(latency: LatencySpec): number {
    if (latency.kind === 'fixed') return latency.ms;
    return latency.medianMs * Math.exp(latency.sigma * standardNormal(this.#random));
  }

  #count(name: string): void {
    this.#counts[name] = (this.#counts[name] ?? 0) + 1;
  }
}
