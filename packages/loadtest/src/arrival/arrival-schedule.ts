import { createRng, type Rng } from '@assay/splitters';
import { LoadTestError } from '../errors.js';

/** How open-loop requests arrive: `poisson`, `constant`, or gamma gaps with a coefficient of variation. */
export type Arrival =
  | { readonly kind: 'poisson' }
  | { readonly kind: 'constant' }
  | { readonly kind: 'gamma'; readonly cv: number };

/**
 * Parses `--arrival poisson|constant|gamma:<cv>`.
 *
 * @param text - the flag's value
 * @returns the arrival process
 * @throws {@link LoadTestError} `INVALID_OPTION` naming `--arrival` and the valid forms
 * @example
 * ```ts
 * parseArrival('gamma:2').kind; // 'gamma'
 * ```
 */
export function parseArrival(text: string): Arrival {
  if (text === 'poisson') return { kind: 'poisson' };
  if (text === 'constant') return { kind: 'constant' };
  const m = /^gamma:(.+)$/.exec(text);
  const cv = m === null ? Number.NaN : Number(m[1]);
  if (m !== null && cv > 0 && Number.isFinite(cv)) return { kind: 'gamma', cv };
  throw new LoadTestError(
    'INVALID_OPTION',
    `--arrival is '${text}'; expected poisson, constant or gamma:<cv> with a coefficient of variation above 0 (e.g. gamma:2).`,
    'arrival',
  );
}

/**
 * Arrival as written on the command line and in results.
 *
 * @param arrival - the arrival process
 * @returns `'poisson'`, `'constant'` or `'gamma:<cv>'`
 * @example
 * ```ts
 * arrivalName({ kind: 'gamma', cv: 2 }); // 'gamma:2'
 * ```
 */
export function arrivalName(arrival: Arrival): string {
  return arrival.kind === 'gamma' ? `gamma:${arrival.cv}` : arrival.kind;
}

/** A standard normal draw (Box-Muller). */
function normal(rng: Rng): number {
  const u = 1 - rng.nextFloat();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextFloat());
}

/** A Gamma(shape, 1) draw: Marsaglia and Tsang (2000), with the shape < 1 boost. */
function gamma(rng: Rng, shape: number): number {
  if (shape < 1) return gamma(rng, shape + 1) * (1 - rng.nextFloat()) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng.nextFloat();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/**
 * Offsets (ms from the start) of `n` open-loop arrivals at `rate` requests/s: an absolute
 * schedule, so timer lateness never accumulates.
 *
 * @remarks
 * Gaps are drawn first and then rescaled so that they sum to exactly `n / rate` seconds, as
 * vLLM's `bench serve` does (relative sleeps drifted to 183 of 200 QPS, vLLM #21104): as in
 * vLLM, request i is due one gap after request i - 1 and the first one gap after the start, so
 * the last one is due at exactly `n / rate` and the schedule spans its whole length (with the
 * first request at 0, the last came one gap early: 10 Poisson arrivals at 5/s over 2 s ran from
 * 0 to 1.3 s). With `warm` warm-up arrivals, the first `warm` gaps and the rest are rescaled
 * apart, to `warm / rate` and `(n - warm) / rate`: the warm-up's last arrival is then the start
 * of the measured schedule, and the measured arrivals span exactly `(n - warm) / rate` after it.
 * `poisson` draws exponential gaps (gamma with cv 1), `gamma:<cv>` draws Gamma(1/cv², ·) gaps,
 * `constant` spaces them evenly.
 *
 * @param n - how many requests (warm-up ones included)
 * @param rate - requests per second (above 0)
 * @param arrival - the arrival process
 * @param seed - seed of the gap draws
 * @param warm - how many of the `n` are warm-up arrivals, first (default 0)
 * @param measuredMs - the measured arrivals' span, ms, when it is not `(n - warm) / rate` (a
 *   step shorter than one gap: `runStep` gives its one arrival the step's duration)
 * @returns ascending offsets in ms, the last one `n / rate` seconds
 * @example
 * ```ts
 * arrivalOffsets(4, 2, { kind: 'constant' }, 1); // [500, 1000, 1500, 2000]
 * arrivalOffsets(4, 2, { kind: 'constant' }, 1, 1); // [500, 1000, 1500, 2000]
 * ```
 */
export function arrivalOffsets(
  n: number,
  rate: number,
  arrival: Arrival,
  seed: number,
  warm = 0,
  measuredMs?: number,
): Float64Array {
  const gaps = new Float64Array(n);
  const rng = createRng(seed >>> 0);
  const shape = arrival.kind === 'gamma' ? 1 / (arrival.cv * arrival.cv) : 1;
  for (let i = 0; i < n; i++) gaps[i] = arrival.kind === 'constant' ? 1 : gamma(rng, shape);
  const offsets = new Float64Array(n);
  const split = Math.min(Math.max(0, Math.floor(warm)), n);
  let at = 0;
  for (const [from, to, measured] of [
    [0, split, false],
    [split, n, true],
  ] as const) {
    let sum = 0;
    for (let i = from; i < to; i++) sum += gaps[i]!;
    const base = at;
    const length = measured && measuredMs !== undefined ? measuredMs : ((to - from) / rate) * 1000;
    const scale = sum > 0 ? length / sum : 0;
    let cum = 0;
    for (let i = from; i < to; i++) {
      cum += gaps[i]!;
      // the segment's last arrival lands on its end exactly, whatever the rounding
      offsets[i] = i === to - 1 ? base + length : base + cum * scale;
    }
    at = base + length;
  }
  return offsets;
}
