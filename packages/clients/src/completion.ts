import type { RequestRecord, UsageSource } from './records/request-record.js';

/** One chat message. `system` messages are hoisted to Anthropic's top-level `system`. */
export interface ChatMessage {
  /** Speaker role. */
  readonly role: 'system' | 'user' | 'assistant';
  /** Message text. */
  readonly content: string;
}

/**
 * Generation parameters; every field is optional and omitted from the wire when unset.
 *
 * @remarks
 * `extra` is merged last into the provider's request body (e.g. `{ top_k: 40 }` for vLLM),
 * so it can add any field the provider accepts. All of these are part of the cache key.
 */
export interface GenerationParams {
  /** Sampling temperature. */
  temperature?: number | undefined;
  /** Maximum output tokens (required by Anthropic; defaults to 1024 there). */
  maxTokens?: number | undefined;
  /** Nucleus sampling. */
  topP?: number | undefined;
  /** Stop sequences. */
  stop?: string[] | undefined;
  /** Sampling seed (OpenAI-compatible servers). */
  seed?: number | undefined;
  /** Return log-probabilities of the sampled tokens. */
  logprobs?: boolean | undefined;
  /** Number of alternatives per position (implies `logprobs`). */
  topLogprobs?: number | undefined;
  /** Provider-specific fields merged into the request body. */
  extra?: Record<string, unknown> | undefined;
}

/** A request: chat `messages` or a raw `prompt` (providers convert between the two). */
export interface CompletionRequest {
  /** Chat messages (chat providers). */
  messages?: ChatMessage[];
  /** Raw prompt (completion providers; chat providers send it as one user message). */
  prompt?: string;
  /** Which sample this is when drawing several at `temperature > 0` (part of the cache key). */
  sampleIndex?: number;
  /** Per-request overrides of the configured generation parameters. */
  params?: Partial<GenerationParams>;
  /** Per-request extra headers (e.g. test fault injection); never cached or recorded. */
  headers?: Record<string, string>;
}

/** Log-probability of one sampled token, with alternatives when asked for. */
export interface TokenLogprob {
  /** The token text. */
  readonly token: string;
  /** Natural-log probability. */
  readonly logprob: number;
  /** The most likely alternatives at this position. */
  readonly topLogprobs?: ReadonlyArray<{ readonly token: string; readonly logprob: number }>;
}

/** Token counts of a completion and where they came from. */
export interface Usage {
  /** Prompt tokens. */
  readonly inputTokens: number;
  /** Completion tokens (reasoning included, as providers bill them). */
  readonly outputTokens: number;
  /** Reasoning tokens, when reported. */
  readonly reasoningTokens?: number;
  /** Prompt tokens read from the provider's prompt cache, when reported (part of `inputTokens`). */
  readonly cachedTokens?: number;
  /** Prompt tokens written to the provider's prompt cache, when reported (part of `inputTokens`). */
  readonly cacheWriteTokens?: number;
  /** `'server'` (response usage), `'tokenizer'` (js-tiktoken) or `'estimate'` (chars/4). */
  readonly source: UsageSource;
}

/** Cost of one completion in US dollars. */
export interface Cost {
  /** Input side. */
  readonly inputUsd: number;
  /** Output side. */
  readonly outputUsd: number;
  /** Sum of both. */
  readonly totalUsd: number;
}

/** A finished completion. */
export interface Completion {
  /** Answer text. */
  readonly text: string;
  /** Reasoning text, when the provider streams or returns it. */
  readonly reasoning?: string;
  /** Normalised finish reason: `'stop'`, `'length'`, `'content_filter'`, `'tool_calls'` or the raw value. */
  readonly finishReason: string;
  /** Per-token log-probabilities, when requested and returned. */
  readonly logprobs?: TokenLogprob[];
  /** Token counts. */
  readonly usage: Usage;
  /** Cost; absent when the model has no known price. */
  readonly cost?: Cost;
  /** Timings, status, retries and usage of this request. */
  readonly record: RequestRecord;
  /** `true` when served from the response cache without an HTTP request. */
  readonly cached: boolean;
  /**
   * The model id the service says answered: the `model` field of an OpenAI response (or of
   * its stream chunks), Anthropic's `message.model`. Absent when the response names none
   * (http-json never does). It may differ from the configured `model`: a dated version of
   * an alias (`gpt-4o` answered by `gpt-4o-2024-08-06`), or a server that serves one model
   * whatever it is asked for. Kept in the response cache, so a cached completion has it too
   * (unless its entry was written before it was kept).
   */
  readonly servedModel?: string;
  /**
   * A cached completion's timings as measured when it was first sent (the cache entry's
   * timing summary, ms; a field the original request lacked is absent). Absent on live
   * completions, whose `record` holds their own timings: a cached one's `record` times the
   * cache lookup.
   */
  readonly recordedTiming?: RecordedTiming;
}

/** Timings of a request as measured when it was sent, ms. */
export interface RecordedTiming {
  /** Time to first token. */
  readonly ttftMs?: number | undefined;
  /** Time per output token after the first. */
  readonly tpotMs?: number | undefined;
  /** End-to-end latency. */
  readonly e2eLatencyMs?: number | undefined;
}

/**
 * One event of {@link ModelClient.stream}: text deltas as they arrive, then the completion.
 *
 * @remarks
 * `at` is the `performance.now()` arrival time of the SSE event that carried the delta.
 */
export type StreamEvent =
  | { readonly type: 'content'; readonly delta: string; readonly at: number }
  | { readonly type: 'reasoning'; readonly delta: string; readonly at: number }
  | { readonly type: 'done'; readonly completion: Completion };
