import { type ClientConfig, ClientConfigSchema, PROVIDERS } from '@assay/clients';
import { z } from 'zod';
import { LoadTestError } from '../errors.js';
import { parseSlo, type Slo } from '../slo/parse-slo.js';
import { checkClientConfig, httpJsonConfig } from './client-options.js';
import { openFileLimit, RESERVED_DESCRIPTORS, refuseOverFileLimit } from './open-file-limit.js';
import { issueMessage, optionPath } from './option-names.js';
import { pickLoad, positiveInt, type RunLoad } from './pick-load.js';

export type { RunLoad } from './pick-load.js';

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
  arrival: z
    .string()
    .optional()
    .describe('Open loop: poisson (the default), constant or gamma:<cv>.'),
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
  template: ClientConfigSchema.shape.template,
  paths: ClientConfigSchema.shape.paths,
  requestPath: z
    .string()
    .optional()
    .describe("http-json provider: the path appended to baseUrl, e.g. '/generate'."),
  apiKeyHeader: z
    .string()
    .optional()
    .describe('http-json provider: the header that carries the API key (default authorization).'),
  apiKeyPrefix: z
    .string()
    .optional()
    .describe("http-json provider: the text before the key in that header (default 'Bearer ')."),
});

/** Options as written. */
export type LoadTestOptions = z.input<typeof LoadTestOptionsSchema>;

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

/**
 * Validates load-test options before any request: one load, positive numbers, an SLO with known
 * keys, and the client configuration (benchmark mode: no retries, no cache; streaming).
 *
 * @remarks
 * The client configuration is checked here with the client's own schema, so that a bad
 * `--base-url`, `--provider` or `--api-key-env` is refused naming the flag. `--provider
 * http-json` needs `template` and `paths` (a `--config` file's keys, the shapes of
 * `@assay/clients`), and may have `requestPath`, `apiKeyHeader` and `apiKeyPrefix`; other
 * providers refuse them.
 *
 * @param input - options as written
 * @param env - where the `apiKeyEnv` variable must be set (default `process.env`, which the
 *   client reads)
 * @returns the resolved run
 * @throws {@link LoadTestError} `INVALID_OPTION` / `INVALID_SLO` with a one-line message naming the flag
 * @example
 * ```ts
 * resolveLoadTest({ baseUrl: 'http://127.0.0.1:8377/v1', model: 'm', rate: 5 }).load.kind; // 'rate'
 * ```
 */
export function resolveLoadTest(
  input: LoadTestOptions,
  env: NodeJS.ProcessEnv = process.env,
): ResolvedLoadTest {
  const parsed = LoadTestOptionsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    refuse(issueMessage(issue, input), optionPath(issue.path));
  }
  const o = parsed.data;
  const load = pickLoad(o);
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
  const limit = openFileLimit();
  const connections =
    load.kind === 'concurrency'
      ? load.concurrency
      : maxInFlight !== undefined
        ? Math.max(maxInFlight, DEFAULT_FULL_CONCURRENCY)
        : // the default pool of an open loop stays within the open-file limit (past it, sockets
          // fail with EMFILE, read as the service's connection errors)
          Math.max(
            DEFAULT_FULL_CONCURRENCY,
            Math.min(1024, limit === undefined ? 1024 : limit - RESERVED_DESCRIPTORS),
          );
  // a closed loop of N requests, no warm-up, never has more than N in flight
  if (load.kind === 'concurrency') {
    const most =
      requests !== undefined && o.warmupMs === 0
        ? Math.min(requests, load.concurrency)
        : load.concurrency;
    refuseOverFileLimit(most, '--concurrency');
  } else if (maxInFlight !== undefined) refuseOverFileLimit(maxInFlight, '--max-in-flight');
  const timeoutMs = Math.ceil(o.timeoutMs);
  const client: ClientConfig = {
    provider: o.provider,
    baseUrl: o.baseUrl,
    model: o.model,
    ...(o.apiKeyEnv === undefined ? {} : { apiKeyEnv: o.apiKeyEnv }),
    ...httpJsonConfig(o.provider, o),
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
  checkClientConfig(client, env);
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
