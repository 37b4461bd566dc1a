import { z } from 'zod';
import { URL_CREDENTIAL_ADVICE, urlCredentialProblem } from './url-credentials.js';

/** Provider kinds accepted in `ClientConfig.provider`. */
export const PROVIDERS = ['openai-chat', 'openai-completions', 'anthropic', 'http-json'] as const;

/** One of {@link PROVIDERS}. */
export type ProviderKind = (typeof PROVIDERS)[number];

/** Generation parameters as accepted in `config.params` and `request.params`. */
export const GenerationParamsSchema = z.strictObject({
  temperature: z.number().min(0).optional(),
  maxTokens: z.number().int().positive().optional(),
  topP: z.number().min(0).max(1).optional(),
  stop: z.array(z.string()).optional(),
  seed: z.number().int().optional(),
  logprobs: z.boolean().optional(),
  topLogprobs: z.number().int().min(0).max(20).optional(),
  extra: z.record(z.string(), z.unknown()).optional(),
});

/** Default of `config.maxResponseBytes`: 8 MiB, far above any real answer, far below RAM. */
export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/**
 * A URL field that must not carry a credential: checked in the schema, so that a tool
 * validating a larger configuration (`assay run`'s `models[i].baseUrl`) lists it with its
 * other problems. The issue names the parameter, never the value; a URL that does not parse
 * is left to `parseBaseUrl`, which says what would be valid.
 */
function credentialFreeUrl(toUrl: (value: string) => URL) {
  return z.string().superRefine((value, ctx) => {
    let url: URL;
    try {
      url = toUrl(value);
    } catch {
      return;
    }
    const problem = urlCredentialProblem(url);
    if (problem !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `${problem}; ${URL_CREDENTIAL_ADVICE}`,
        params: { urlCredential: true },
      });
    }
  });
}

const JsonPath = z.string().regex(/^\$(\.[A-Za-z_$][\w$-]*|\[\d+\])*$/, {
  message: "expected a JSON path like '$.output.text' or '$.choices[0].text'",
});

/**
 * The zod schema of a client configuration; {@link createClient} parses with it.
 *
 * @remarks
 * Defaults: `params: {}`, `streaming: false` (when `true`, `complete` reads the SSE stream so
 * the record has token timings), `concurrency: { max: 16, adaptive: false, min: 1,
 * increaseAfter: 20 }`, `retry: { maxRetries: 3, baseDelayMs: 250, maxDelayMs: 20000,
 * budget: 0.2, retryMalformed: false, maxRetryAfterMs: 60000 }`, `timeouts: { connectMs: 10000,
 * headersMs: 60000, totalMs: 600000, idleMs: 60000 }` (`idleMs`: longest wait for the next byte
 * of a response body, streamed or not; a stall fails the attempt as `timeout`), `maxResponseBytes: 8 MiB` (a larger response body,
 * streamed or not, fails the attempt as `response_too_large`), `tokenizer: 'auto'`,
 * `benchmarkMode: false` (no retries, no cache: every failure and every latency is visible).
 * `apiKeyEnv` names an environment variable; the key itself never appears in config.
 * `headers` are extra headers; their values are treated as secrets (redacted from everything
 * the client returns, once 8 characters or longer). `template`, `paths`, `requestPath`,
 * `apiKeyHeader` and `apiKeyPrefix` configure the `'http-json'` provider.
 */
export const ClientConfigSchema = z.strictObject({
  provider: z.enum(PROVIDERS),
  baseUrl: credentialFreeUrl((value) => new URL(value)),
  model: z.string().min(1),
  apiKeyEnv: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { message: 'expected an environment variable name' })
    .optional(),
  params: GenerationParamsSchema.default({}),
  streaming: z.boolean().default(false),
  streamUsage: z.boolean().default(true),
  benchmarkMode: z.boolean().default(false),
  concurrency: z
    .strictObject({
      max: z.number().int().positive().default(16),
      adaptive: z.boolean().default(false),
      min: z.number().int().positive().default(1),
      increaseAfter: z.number().int().positive().default(20),
    })
    .default({ max: 16, adaptive: false, min: 1, increaseAfter: 20 }),
  rateLimit: z
    .strictObject({ rpm: z.number().positive().optional(), tpm: z.number().positive().optional() })
    .optional(),
  retry: z
    .strictObject({
      maxRetries: z.number().int().min(0).default(3),
      baseDelayMs: z.number().min(0).default(250),
      maxDelayMs: z.number().min(0).default(20_000),
      budget: z.number().min(0).default(0.2),
      retryMalformed: z.boolean().default(false),
      maxRetryAfterMs: z.number().min(0).default(60_000),
    })
    .default({
      maxRetries: 3,
      baseDelayMs: 250,
      maxDelayMs: 20_000,
      budget: 0.2,
      retryMalformed: false,
      maxRetryAfterMs: 60_000,
    }),
  timeouts: z
    .strictObject({
      connectMs: z.number().positive().default(10_000),
      headersMs: z.number().positive().default(60_000),
      totalMs: z.number().positive().default(600_000),
      // An integer: undici rejects a fractional body timeout when the pool is created.
      idleMs: z.number().int().positive().default(60_000),
    })
    .default({ connectMs: 10_000, headersMs: 60_000, totalMs: 600_000, idleMs: 60_000 }),
  maxResponseBytes: z.number().int().positive().default(DEFAULT_MAX_RESPONSE_BYTES),
  price: z
    .strictObject({ inputPerMTok: z.number().min(0), outputPerMTok: z.number().min(0) })
    .optional(),
  headers: z.record(z.string(), z.string()).optional(),
  tokenizer: z.enum(['auto', 'o200k_base', 'cl100k_base', 'estimate']).default('auto'),
  anthropicVersion: z.string().default('2023-06-01'),
  template: z.unknown().optional(),
  paths: z
    .strictObject({
      text: JsonPath,
      reasoning: JsonPath.optional(),
      finishReason: JsonPath.optional(),
      inputTokens: JsonPath.optional(),
      outputTokens: JsonPath.optional(),
      streamText: JsonPath.optional(),
      streamReasoning: JsonPath.optional(),
      streamFinishReason: JsonPath.optional(),
      streamInputTokens: JsonPath.optional(),
      streamOutputTokens: JsonPath.optional(),
    })
    .optional(),
  requestPath: credentialFreeUrl((value) => new URL(`http://h/${value}`)).default(''),
  apiKeyHeader: z.string().default('authorization'),
  apiKeyPrefix: z.string().default('Bearer '),
});

/** A configuration as written by a user (defaults not yet applied). */
export type ClientConfig = z.input<typeof ClientConfigSchema>;

/** A parsed configuration with every default applied. */
export type ResolvedClientConfig = z.output<typeof ClientConfigSchema>;
