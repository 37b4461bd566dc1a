import { z } from 'zod';
import { HeadersFromEnvSchema, HeadersSchema, refineHeaderClashes } from './header-schemas.js';
import { API_KEY_ENV_HOLDS_KEY, looksLikeKey } from './key-shape.js';
import { refineTemplatePlaceholders } from './template-placeholders-check.js';
import { URL_CREDENTIAL_ADVICE, urlCredentialProblem } from './url-credentials.js';
import { missingSchemeProblem } from './url-scheme.js';

/** Provider kinds accepted in `ClientConfig.provider`. */
export const PROVIDERS = ['openai-chat', 'openai-completions', 'anthropic', 'http-json'] as const;

/** One of {@link PROVIDERS}. */
export type ProviderKind = (typeof PROVIDERS)[number];

/** Generation parameters as accepted in `config.params` and `request.params`. */
export const GenerationParamsSchema = z.strictObject({
  temperature: z
    .number()
    .min(0)
    .optional()
    .describe(
      'Sampling temperature; 0 for the most likely answer (and one cache entry per prompt).',
    ),
  maxTokens: z
    .number()
    .int()
    .positive()
    .optional()
    .describe(
      'Most tokens the model may generate per answer (max_tokens); anthropic defaults to 1024.',
    ),
  topP: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe(
      'Nucleus sampling: sample from the smallest set of tokens with this total probability.',
    ),
  stop: z
    .array(z.string())
    .optional()
    .describe('Stop sequences: generation ends before any of them.'),
  seed: z
    .number()
    .int()
    .optional()
    .describe('Sampling seed, for servers that support reproducible sampling.'),
  logprobs: z
    .boolean()
    .optional()
    .describe(
      'Return token log-probabilities (OpenAI-compatible servers); evaluations derive class scores (roc_auc, log_loss) from them.',
    ),
  topLogprobs: z
    .number()
    .int()
    .min(0)
    .max(20)
    .optional()
    .describe('How many alternative tokens with their log-probabilities per position (0-20).'),
  extra: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('Further fields merged into the request body as given (they win over the above).'),
});

/** Default of `config.maxResponseBytes`: 8 MiB, far above any real answer, far below RAM. */
export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/**
 * A URL field that must not carry a credential: checked in the schema, so that a tool
 * validating a larger configuration (`assay run`'s `models[i].baseUrl`) lists it with its
 * other problems. The issue names the parameter, never the value. With `httpOnly` (the base
 * URL) a value that does not parse or is not http(s) is an issue too, so that a URL typed
 * without its scheme (`--base-url localhost:8000`) is refused with the configuration's other
 * problems, before a run starts; `parseBaseUrl` then gives the client's own error.
 */
function credentialFreeUrl(toUrl: (value: string) => URL, httpOnly = false) {
  return z.string().superRefine((value, ctx) => {
    const noScheme = httpOnly ? missingSchemeProblem(value) : undefined;
    if (noScheme !== undefined) {
      ctx.addIssue({ code: 'custom', message: noScheme, params: { baseUrl: true } });
      return;
    }
    let url: URL;
    try {
      url = toUrl(value);
    } catch {
      if (httpOnly)
        ctx.addIssue({
          code: 'custom',
          message: `is not a URL; expected e.g. '${EXAMPLE_BASE_URL}'`,
          params: { baseUrl: true },
        });
      return;
    }
    if (httpOnly && url.protocol !== 'http:' && url.protocol !== 'https:') {
      ctx.addIssue({
        code: 'custom',
        message: `uses the scheme '${url.protocol}'; expected 'http:' or 'https:', e.g. '${EXAMPLE_BASE_URL}'`,
        params: { baseUrl: true },
      });
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

const EXAMPLE_BASE_URL = 'http://127.0.0.1:8000/v1';

const JsonPath = z.string().regex(/^\$(\.[A-Za-z_$][\w$-]*|\[\d+\])*$/, {
  message: "expected a JSON path like '$.output.text' or '$.choices[0].text'",
});

const ConcurrencySchema = z
  .strictObject({
    max: z
      .number()
      .int()
      .positive()
      .default(16)
      .describe('Most requests in flight at once (the starting limit when adaptive).'),
    adaptive: z
      .boolean()
      .default(false)
      .describe(
        'Halve the limit on 429/503/529 or an overload event and grow it by one after increaseAfter successes in a row (AIMD), within [min, max].',
      ),
    min: z
      .number()
      .int()
      .positive()
      .default(1)
      .describe('Lowest limit adaptive concurrency may reach.'),
    increaseAfter: z
      .number()
      .int()
      .positive()
      .default(20)
      .describe('Consecutive successes after which adaptive concurrency grows the limit by one.'),
  })
  .default({ max: 16, adaptive: false, min: 1, increaseAfter: 20 })
  .describe('How many requests may be in flight at once.');

const RetrySchema = z
  .strictObject({
    maxRetries: z
      .number()
      .int()
      .min(0)
      .default(3)
      .describe('Most retries of one request (408, 409, 429, 5xx, timeouts, connection failures).'),
    baseDelayMs: z
      .number()
      .min(0)
      .default(250)
      .describe(
        'Backoff base in ms: the k-th retry waits uniform(0, min(maxDelayMs, baseDelayMs * 2^k)).',
      ),
    maxDelayMs: z
      .number()
      .min(0)
      .default(20_000)
      .describe('Longest backoff between two attempts, in ms.'),
    budget: z
      .number()
      .min(0)
      .default(0.2)
      .describe(
        "Retries allowed over the client's life as a fraction of its requests (at most 10 + budget * requests), so a failing service is not flooded.",
      ),
    retryMalformed: z
      .boolean()
      .default(false)
      .describe('Also retry responses that cannot be parsed.'),
    maxRetryAfterMs: z
      .number()
      .min(0)
      .default(60_000)
      .describe(
        'A server hint (Retry-After and the like) above this many ms fails the request instead of waiting.',
      ),
  })
  .default({
    maxRetries: 3,
    baseDelayMs: 250,
    maxDelayMs: 20_000,
    budget: 0.2,
    retryMalformed: false,
    maxRetryAfterMs: 60_000,
  })
  .describe('Retries of transient failures, with jittered exponential backoff.');

const TimeoutsSchema = z
  .strictObject({
    connectMs: z
      .number()
      .positive()
      .default(10_000)
      .describe('TCP (and TLS) connect timeout, in ms.'),
    headersMs: z
      .number()
      .positive()
      .default(60_000)
      .describe('Longest wait for the response headers (the first byte), in ms.'),
    totalMs: z
      .number()
      .positive()
      .default(600_000)
      .describe('Longest one attempt may take, in ms.'),
    // An integer: undici rejects a fractional body timeout when the pool is created.
    idleMs: z
      .number()
      .int()
      .positive()
      .default(60_000)
      .describe(
        'Longest silence between two pieces of a response body, streamed or not, in ms; a stall fails the attempt as a timeout.',
      ),
  })
  .default({ connectMs: 10_000, headersMs: 60_000, totalMs: 600_000, idleMs: 60_000 })
  .describe('Timeouts of each attempt.');

const PathsSchema = z
  .strictObject({
    text: JsonPath.describe(
      "JSON path of the answer text in the response, e.g. '$.generated_text'.",
    ),
    reasoning: JsonPath.optional().describe(
      'JSON path of reasoning text, if the service returns it.',
    ),
    finishReason: JsonPath.optional().describe('JSON path of the finish reason.'),
    inputTokens: JsonPath.optional().describe('JSON path of the prompt token count.'),
    outputTokens: JsonPath.optional().describe('JSON path of the generated token count.'),
    streamText: JsonPath.optional().describe(
      "JSON path of the text delta in each SSE event; setting it makes the provider stream (e.g. '$.token.text').",
    ),
    streamSkip: JsonPath.optional().describe(
      "JSON path of a flag in each SSE event: where it is true, the event's text and reasoning are not part of the answer (TGI: '$.token.special', so '</s>' is not appended); its finish reason and counts are still read.",
    ),
    streamReasoning: JsonPath.optional().describe(
      'JSON path of a reasoning delta in each SSE event.',
    ),
    streamFinishReason: JsonPath.optional().describe(
      'JSON path of the finish reason in an SSE event.',
    ),
    streamInputTokens: JsonPath.optional().describe(
      'JSON path of the prompt token count in an SSE event.',
    ),
    streamOutputTokens: JsonPath.optional().describe(
      'JSON path of the generated token count in an SSE event.',
    ),
  })
  .optional()
  .describe("http-json provider: where to read the answer and usage in the service's response.");

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
 * `headers` are extra headers, part of the cache key (names and hashed values); their values
 * are treated as secrets: redacted, once 8 characters or longer, from answers, errors and
 * warnings (a request's own headers only when named like a credential). `headersFromEnv` maps
 * header names to environment variables that hold their values (`{ 'X-Gateway-Token':
 * 'GATEWAY_TOKEN' }`): read with the key, sent with `headers`, redacted like the key, and
 * part of the cache key by name and variable only (never the value, as the key is never
 * part of it); a header named in both (in any case) is refused. `template`, `paths`, `requestPath`,
 * `apiKeyHeader` and `apiKeyPrefix` configure the `'http-json'` provider.
 */
export const ClientConfigSchema = z
  .strictObject({
    provider: z
      .enum(PROVIDERS)
      .describe(
        "The service's API: 'openai-chat' (/chat/completions), 'openai-completions' (/completions), 'anthropic' (/messages) or 'http-json' (any JSON API, see template and paths).",
      ),
    baseUrl: credentialFreeUrl((value) => new URL(value), true).describe(
      "The service's base URL, e.g. 'https://api.openai.com/v1' or 'http://127.0.0.1:8000/v1'; no credentials in it (use apiKeyEnv).",
    ),
    model: z
      .string()
      .min(1)
      .describe('Model name sent to the service; also picks the price and the tokenizer.'),
    apiKeyEnv: z
      .string()
      // a key pasted here must be refused without quoting it; abort: the regex would say less
      .refine((value) => !looksLikeKey(value), { message: API_KEY_ENV_HOLDS_KEY, abort: true })
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { message: 'expected an environment variable name' })
      .optional()
      .describe(
        'Name of the environment variable holding the API key (e.g. OPENAI_API_KEY); omit for a server without authentication. The key itself never goes in a config.',
      ),
    params: GenerationParamsSchema.default({}).describe(
      'Generation parameters sent with every request.',
    ),
    streaming: z
      .boolean()
      .default(false)
      .describe('Read answers as server-sent events, so records have token timings (TTFT, TPOT).'),
    streamUsage: z
      .boolean()
      .default(true)
      .describe(
        'Send stream_options.include_usage on OpenAI streams; switch off for servers that reject it.',
      ),
    benchmarkMode: z
      .boolean()
      .default(false)
      .describe(
        'No retries and no cache: every failure and every latency is visible. Requests go through a lean HTTP/1.1 transport with a lower cost per request than undici (for load tests).',
      ),
    concurrency: ConcurrencySchema,
    rateLimit: z
      .strictObject({
        rpm: z.number().positive().optional().describe('Most requests per minute.'),
        tpm: z.number().positive().optional().describe('Most tokens (prompt + answer) per minute.'),
      })
      .optional()
      .describe('Client-side rate limits (token buckets, requests spaced evenly).'),
    retry: RetrySchema,
    timeouts: TimeoutsSchema,
    maxResponseBytes: z
      .number()
      .int()
      .positive()
      .default(DEFAULT_MAX_RESPONSE_BYTES)
      .describe(
        'Most bytes of one response body, streamed or not (default 8 MiB); a larger one fails as response_too_large, not retried.',
      ),
    price: z
      .strictObject({
        inputPerMTok: z.number().min(0).describe('USD per million prompt tokens.'),
        outputPerMTok: z.number().min(0).describe('USD per million generated tokens.'),
        cachedInputPerMTok: z
          .number()
          .min(0)
          .optional()
          .describe(
            "USD per million prompt tokens read from OpenAI's prompt cache (usage.prompt_tokens_details.cached_tokens); unset: billed at inputPerMTok.",
          ),
      })
      .optional()
      .describe('Prices for cost figures; default: the built-in table, by model name.'),
    headers: HeadersSchema,
    headersFromEnv: HeadersFromEnvSchema,
    tokenizer: z
      .enum(['auto', 'o200k_base', 'cl100k_base', 'estimate'])
      .default('auto')
      .describe(
        "Local token counting when the service reports no usage: 'auto' picks by model name; 'estimate' is characters / 4.",
      ),
    anthropicVersion: z
      .string()
      .default('2023-06-01')
      .describe('The anthropic-version header (anthropic provider).'),
    template: z
      .unknown()
      .optional()
      .describe(
        'http-json provider: the request body, any JSON value with {{prompt}}, {{messages}}, {{model}}, {{temperature}}, {{maxTokens}}, {{topP}}, {{stop}}, {{seed}}, {{stream}} or {{sampleIndex}} placeholders.',
      ),
    paths: PathsSchema,
    requestPath: credentialFreeUrl((value) => new URL(`http://h/${value}`))
      .default('')
      .describe("http-json provider: the path appended to baseUrl, e.g. '/generate'."),
    apiKeyHeader: z
      .string()
      .default('authorization')
      .describe('http-json provider: the header that carries the API key.'),
    apiKeyPrefix: z
      .string()
      .default('Bearer ')
      .describe('http-json provider: the text before the key in that header.'),
  })
  // runs even when other fields failed (`when`), so every problem is reported at once
  .superRefine(refineHeaderClashes, { when: () => true })
  .superRefine(refineTemplatePlaceholders, { when: () => true });

/** A configuration as written by a user (defaults not yet applied). */
export type ClientConfig = z.input<typeof ClientConfigSchema>;

/** A parsed configuration with every default applied. */
export type ResolvedClientConfig = z.output<typeof ClientConfigSchema>;
