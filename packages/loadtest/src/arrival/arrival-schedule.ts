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
 * vLLM's `bench serve` now does (relative sleeps drifted to 183 of 200 QPS, vLLM #21104).
 * `poisson` draws exponential gaps (gamma with cv 1), `gamma:<cv>` draws Gamma(1/cv², ·)
 * gaps, `constant` spaces them evenly. The first request is at offset 0 ... the gaps are those
 * that follow each request, so the last request starts one gap before `n / rate`.
 *
 * @param n - how many requests
 * @param rate - requests per second (above 0)
 * @param arrival - the arrival process
 * @param seed - seed of the gap draws
 * @returns ascending offsets in ms, `offsets[0] === 0`
 * @example
 * ```ts
 * arrivalOffsets(4, 2, { kind: 'constant' }, 1); // [0, 500, 1000, 1500]
 * ```
 */
export function arrivalOffsets(
  n: number,
  rate: number,
  arrival: Arrival,
  seed: number,
): Float64Array {
  const gaps = new Float64Array(n);
  const rng = createRng(seed >>> 0);
  const shape = arrival.kind === 'gamma' ? 1 / (arrival.cv * arrival.cv) : 1;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    gaps[i] = arrival.kind === 'constant' ? 1 : gamma(rng, shape);
    sum += gaps[i]!;
  }
  const scale = sum > 0 ? ((n / rate) * 1000) / sum : 0;
  const offsets = new Float64Array(n);
  let at = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = at;
    at += gaps[i]! * scale;
  }
  return offsets;
}
