import { type Arrival, parseArrival } from '../arrival/arrival-schedule.js';
import { LoadTestError } from '../errors.js';

/** The load of a run after validation. */
export type RunLoad =
  | { readonly kind: 'concurrency'; readonly concurrency: number }
  | { readonly kind: 'rate'; readonly rate: number; readonly arrival: Arrival }
  | { readonly kind: 'sweep'; readonly steps: number; readonly arrival: Arrival }
  | { readonly kind: 'find-max'; readonly arrival: Arrival };

/** The options that choose a load, as written. */
export interface LoadChoice {
  readonly concurrency?: number | undefined;
  readonly rate?: number | undefined;
  readonly arrival?: string | undefined;
  readonly sweep?: number | undefined;
  readonly findMax: boolean;
  readonly slo?: string | undefined;
  readonly maxInFlight?: number | undefined;
}

function refuse(message: string, path: string): never {
  throw new LoadTestError('INVALID_OPTION', message, path);
}

/**
 * An integer of at least 1, or undefined.
 *
 * @param value - the option's value
 * @param flag - the flag, for the message
 * @returns the value
 * @throws {@link LoadTestError} `INVALID_OPTION` naming the flag
 */
export function positiveInt(value: number | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 1)
    refuse(`${flag} is ${value}; expected an integer of at least 1.`, flag);
  return value;
}

/**
 * The one load of a run: `--concurrency`, `--rate`, `--sweep` or `--find-max`.
 *
 * @remarks
 * Refuses no load or two, a rate <= 0, `--find-max` without `--slo`, and the open-loop options
 * with a closed loop: `--max-in-flight` and `--arrival` (a closed loop sends each worker's next
 * request when its last one ends; it has no arrivals). `--arrival` defaults to `poisson`.
 *
 * @param o - the options
 * @returns the load
 * @throws {@link LoadTestError} `INVALID_OPTION` naming the flag
 * @example
 * ```ts
 * pickLoad({ rate: 5, findMax: false }).kind; // 'rate'
 * ```
 */
export function pickLoad(o: LoadChoice): RunLoad {
  const given = [
    o.concurrency !== undefined && '--concurrency',
    o.rate !== undefined && '--rate',
    o.sweep !== undefined && '--sweep',
    o.findMax && '--find-max',
  ].filter((f): f is string => f !== false);
  if (given.length === 0)
    refuse(
      'Give one load: --concurrency N, --rate R, --sweep K or --find-max --slo <spec>.',
      'load',
    );
  if (given.length > 1) refuse(`${given.join(' and ')} cannot be combined; give one load.`, 'load');
  if (o.concurrency !== undefined) {
    if (o.maxInFlight !== undefined)
      refuse(
        '--max-in-flight applies to open loop (--rate, --sweep, --find-max); --concurrency already bounds what is in flight.',
        '--max-in-flight',
      );
    if (o.arrival !== undefined)
      refuse(
        '--arrival applies to open loop (--rate, --sweep, --find-max); --concurrency sends each next request when the last one ends, so it has no arrivals.',
        '--arrival',
      );
    return { kind: 'concurrency', concurrency: positiveInt(o.concurrency, '--concurrency')! };
  }
  const arrival = parseArrival(o.arrival ?? 'poisson');
  if (o.rate !== undefined) {
    if (!(o.rate > 0) || !Number.isFinite(o.rate))
      refuse(`--rate is ${o.rate}; expected requests per second above 0.`, '--rate');
    return { kind: 'rate', rate: o.rate, arrival };
  }
  if (o.sweep !== undefined)
    return { kind: 'sweep', steps: positiveInt(o.sweep, '--sweep')!, arrival };
  if (o.slo === undefined)
    refuse(
      '--find-max needs --slo <spec>: the largest rate that meets it is searched for.',
      '--slo',
    );
  return { kind: 'find-max', arrival };
}
