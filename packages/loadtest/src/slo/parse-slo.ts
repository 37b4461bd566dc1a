import { LoadTestError } from '../errors.js';

/** Latency metrics an SLO may bound (vLLM's definitions, see the README). */
export const SLO_METRICS = ['ttft', 'tpot', 'itl', 'e2e'] as const;
/** Statistics of a latency metric an SLO may bound. */
export const SLO_STATS = ['mean', 'p50', 'p90', 'p95', 'p99', 'p999', 'max'] as const;

/** One of {@link SLO_METRICS}. */
export type SloMetric = (typeof SLO_METRICS)[number];
/** One of {@link SLO_STATS}. */
export type SloStat = (typeof SLO_STATS)[number];

/** One bound of an SLO: `ttft_p95<=300` or `error_rate<=0.01`. */
export type SloBound =
  | {
      readonly key: string;
      readonly metric: SloMetric;
      readonly stat: SloStat;
      readonly max: number;
    }
  | { readonly key: 'error_rate'; readonly metric: 'error_rate'; readonly max: number };

/** A parsed `--slo`: its text as given and its bounds. */
export interface Slo {
  /** The specification as given, e.g. `'ttft_p95<=300,error_rate<=0.01'`. */
  readonly spec: string;
  readonly bounds: readonly SloBound[];
}

/**
 * Every key `--slo` accepts, for the refusal message.
 *
 * @returns `ttft_mean`, ..., `e2e_max`, `error_rate`
 * @example
 * ```ts
 * sloKeys().length; // 29
 * ```
 */
export function sloKeys(): string[] {
  const keys: string[] = [];
  for (const m of SLO_METRICS) for (const s of SLO_STATS) keys.push(`${m}_${s}`);
  keys.push('error_rate');
  return keys;
}

/**
 * Parses `--slo 'ttft_p95<=300,tpot_p95<=50,e2e_p99<=2000,error_rate<=0.01'` (milliseconds).
 *
 * @remarks
 * A key is `<metric>_<stat>` with metric in {@link SLO_METRICS} and stat in {@link SLO_STATS},
 * or `error_rate` (failed and dropped requests over all measured ones, in [0, 1]). A step
 * passes when each statistic meets its bound; for goodput each latency bound is also applied
 * to every request on its own (its TTFT, TPOT, e2e, and its longest inter-token gap for `itl`),
 * as vLLM's `--goodput` does. Unknown keys are refused with the list of valid ones; so is a
 * key given twice (which bound would hold is not for the parser to guess), and an `error_rate`
 * limit above 1.
 *
 * @param spec - the flag's value
 * @returns the SLO
 * @throws {@link LoadTestError} `INVALID_SLO` for an unknown or repeated key, a missing `<=`, a
 *   bound that is not a number >= 0, or an `error_rate` bound above 1
 * @example
 * ```ts
 * parseSlo('ttft_p95<=300,error_rate<=0.01').bounds.length; // 2
 * ```
 */
export function parseSlo(spec: string): Slo {
  const parts = spec.split(',').map((p) => p.trim());
  if (parts.every((p) => p === '')) {
    throw new LoadTestError(
      'INVALID_SLO',
      `--slo is '${spec}'; expected bounds like 'ttft_p95<=300,error_rate<=0.01'.`,
      'slo',
    );
  }
  const empty = parts.indexOf('');
  if (empty >= 0) {
    // 'ttft_p95<=300,$E2E' with $E2E unset would judge without the bound the user meant
    throw new LoadTestError(
      'INVALID_SLO',
      `--slo '${spec}' has an empty bound (bound ${empty + 1} of ${parts.length}: a stray comma, or a shell variable that was empty); remove the comma or give the bound.`,
      'slo',
    );
  }
  const seen = new Map<string, string>();
  const bounds = parts.map((part): SloBound => {
    const m = /^([a-z0-9_]+)\s*<=\s*(.+)$/.exec(part);
    if (m === null) {
      throw new LoadTestError(
        'INVALID_SLO',
        `--slo bound '${part}' is not '<key><=<number>' (e.g. ttft_p95<=300).`,
        'slo',
      );
    }
    const key = m[1]!;
    const max = Number(m[2]);
    if (!(max >= 0) || !Number.isFinite(max)) {
      throw new LoadTestError(
        'INVALID_SLO',
        `--slo bound '${part}' has the limit '${m[2]}'; expected a number >= 0 (milliseconds, or a fraction for error_rate).`,
        'slo',
      );
    }
    if (seen.has(key)) {
      throw new LoadTestError(
        'INVALID_SLO',
        `--slo gives '${key}' twice ('${seen.get(key)}' and '${part}'); give each key once.`,
        'slo',
      );
    }
    seen.set(key, part);
    if (key === 'error_rate') {
      if (max > 1) {
        throw new LoadTestError(
          'INVALID_SLO',
          `--slo bound '${part}' has the limit ${max}; error_rate is a fraction of the requests, from 0 to 1 (e.g. error_rate<=0.01 for 1%).`,
          'slo',
        );
      }
      return { key, metric: 'error_rate', max };
    }
    const [metric, stat] = key.split('_') as [string, string | undefined];
    if (
      !(SLO_METRICS as readonly string[]).includes(metric) ||
      !(SLO_STATS as readonly string[]).includes(stat ?? '')
    ) {
      throw new LoadTestError(
        'INVALID_SLO',
        `--slo key '${key}' is unknown; valid keys: ${sloKeys().join(', ')}.`,
        'slo',
      );
    }
    return { key, metric: metric as SloMetric, stat: stat as SloStat, max };
  });
  return { spec, bounds };
}
