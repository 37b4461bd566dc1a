import { type ClientConfig, PROVIDERS } from '@assay/clients';
import { z } from 'zod';
import { type Arrival, parseArrival } from '../arrival/arrival-schedule.js';
import { LoadTestError } from '../errors.js';
import { parseSlo, type Slo } from '../slo/parse-slo.js';

/** Default measured time when neither a duration nor a request count is given, ms. */
export const DEFAULT_DURATION_MS = 30_000;
/** Default per-request timeout, ms. */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** Default full concurrency of a sweep's throughput step and open-loop connection pool. */
export const DEFAULT_FULL_CONCURRENCY = 64;

/** The options of {@link runLoadTest} as written (the CLI's flags; a config file's fields). */
export const LoadTestOptionsSchema = z.strictObject({
  baseUrl: z.string().min(1).describe('Base URL of the service, e.g. http://127.0.0.1:8000/v1.'),
  model: z.string().min(1).describe('Model id sent with every request.'),
  provider: z.enum(PROVIDERS).default('openai-chat').describe('The service API.'),
  apiKeyEnv: z.string().optional().describe('Environment variable holding the API key.'),
  concurrency: z.number().optional().describe('Closed loop: requests in flight.'),
  rate: z.number().optional().describe('Open loop: requests per second.'),
  arrival: z.string().default('poisson').describe('poisson, constant or gamma:<cv>.'),
  sweep: z.number().optional().describe('Sweep: synchronous, throughput, then K rates between.'),
  findMax: z.boolean().default(false).describe('Bisect on rate for the largest rate within --slo.'),
  slo: z.string().optional().describe("SLO, e.g. 'ttft_p95<=300,error_rate<=0.01'."),
  durationMs: z.number().optional().describe('Measured time per step, ms.'),
  requests: z.number().optional().describe('Measured requests per step.'),
  warmupMs: z.number().default(0).describe('Warm-up per step, ms (sent, not measured).'),
  maxInFlight: z
    .number()
    .optional()
    .describe('Open loop: most requests in flight; more are dropped.'),
  maxTokens: z.number().optional().describe('max_tokens of every request.'),
  ignoreEos: z.boolean().default(false).describe("Send vLLM's ignore_eos (needs maxTokens)."),
  timeoutMs: z.number().default(DEFAULT_TIMEOUT_MS).describe('Per-request timeout, ms.'),
  seed: z.number().int().default(1).describe('Seed of arrival draws and synthetic prompts.'),
});

/** Options as written. */
export type LoadTestOptions = z.input<typeof LoadTestOptionsSchema>;

/** The load of a run after validation. */
export type RunLoad =
  | { readonly kind: 'concurrency'; readonly concurrency: number }
  | { readonly kind: 'rate'; readonly rate: number; readonly arrival: Arrival }
  | { readonly kind: 'sweep'; readonly steps: number; readonly arrival: Arrival }
  | { readonly kind: 'find-max'; readonly arrival: Arrival };

/** Validated options: one load, bounds, the SLO parsed, the client configuration built. */
export interface ResolvedLoadTest {
  readonly load: RunLoad;
  readonly slo: Slo | undefined;
  readonly durationMs: number | undefined;
  readonly requests: number | undefined;
  readonly warmupMs: number;
  readonly maxInFlight: number | undefined;
  readonly timeoutMs: number;
  readonly seed: number;
  readonly client: ClientConfig;
}

function refuse(message: string, path: string): never {
  throw new LoadTestError('INVALID_OPTION', message, path);
}

function positiveInt(value: number | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 1)
    refuse(`${flag} is ${value}; expected an integer of at least 1.`, flag);
  return value;
}

function pickLoad(o: z.output<typeof LoadTestOptionsSchema>, arrival: Arrival): RunLoad {
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
  if (o.rate !== undefined) {
    if (!(o.rate > 0) || !Number.isFinite(o.rate))
      refuse(`--rate is ${o.rate}; expected requests per second above 0.`, '--rate');
    return { kind: 'rate', rate: o.rate, arrival };
  }
  if (o.concurrency !== undefined) {
    if (o.maxInFlight !== undefined)
      refuse(
        '--max-in-flight applies to open loop (--rate, --sweep, --find-max); --concurrency already bounds what is in flight.',
        '--max-in-flight',
      );
    return { kind: 'concurrency', concurrency: positiveInt(o.concurrency, '--concurrency')! };
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

/**
 * Validates load-test options before any request: one load, positive numbers, an SLO with known
 * keys, and the client configuration (benchmark mode: no retries, no cache; streaming).
 *
 * @param input - options as written
 * @returns the resolved run
 * @throws {@link LoadTestError} `INVALID_OPTION` / `INVALID_SLO` with a one-line message naming the flag
 * @example
 * ```ts
 * resolveLoadTest({ baseUrl: 'http://127.0.0.1:8377/v1', model: 'm', rate: 5 }).load.kind; // 'rate'
 * ```
 */
export function resolveLoadTest(input: LoadTestOptions): ResolvedLoadTest {
  const parsed = LoadTestOptionsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    refuse(
      `Option ${issue.path.join('.') || '(options)'}: ${issue.message}.`,
      issue.path.join('.'),
    );
  }
  const o = parsed.data;
  const arrival = parseArrival(o.arrival);
  const load = pickLoad(o, arrival);
  const slo = o.slo === undefined ? undefined : parseSlo(o.slo);
  const requests = positiveInt(o.requests, '--requests');
  if (o.durationMs !== undefined && !(o.durationMs > 0))
    refuse(`--duration is ${o.durationMs} ms; expected a time above 0 (e.g. 30s).`, '--duration');
  if (!(o.warmupMs >= 0)) refuse(`--warmup is ${o.warmupMs} ms; expected 0 or more.`, '--warmup');
  if (!(o.timeoutMs > 0))
    refuse(`--timeout is ${o.timeoutMs} ms; expected a time above 0.`, '--timeout');
  const maxInFlight = positiveInt(o.maxInFlight, '--max-in-flight');
  const maxTokens = positiveInt(o.maxTokens, '--max-tokens');
  if (o.ignoreEos && maxTokens === undefined)
    refuse(
      '--ignore-eos needs --max-tokens N: the server then answers exactly N tokens.',
      '--ignore-eos',
    );
  const durationMs = o.durationMs ?? (requests === undefined ? DEFAULT_DURATION_MS : undefined);
  const connections =
    load.kind === 'concurrency'
      ? load.concurrency
      : Math.max(maxInFlight ?? 1024, DEFAULT_FULL_CONCURRENCY);
  const timeoutMs = Math.ceil(o.timeoutMs);
  const client: ClientConfig = {
    provider: o.provider,
    baseUrl: o.baseUrl,
    model: o.model,
    ...(o.apiKeyEnv === undefined ? {} : { apiKeyEnv: o.apiKeyEnv }),
    streaming: true,
    benchmarkMode: true,
    retry: { maxRetries: 0 },
    concurrency: { max: connections },
    timeouts: {
      connectMs: Math.min(10_000, timeoutMs),
      headersMs: timeoutMs,
      totalMs: timeoutMs,
      idleMs: timeoutMs,
    },
    params: {
      ...(maxTokens === undefined ? {} : { maxTokens }),
      ...(o.ignoreEos ? { extra: { ignore_eos: true } } : {}),
    },
  };
  return {
    load,
    slo,
    durationMs,
    requests,
    warmupMs: o.warmupMs,
    maxInFlight,
    timeoutMs,
    seed: o.seed,
    client,
  };
}
