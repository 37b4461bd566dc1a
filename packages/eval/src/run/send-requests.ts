import { setMaxListeners } from 'node:events';
import type { PromptMessage } from '../prompt/build-messages.js';
import type { Outcome, RunJournal } from './journal.js';
import { positiveScore, type TokenLogprobLike } from './positive-score.js';
import type { UnreachableWatch } from './unreachable-watch.js';

/** One request to send: its messages and sample index (part of the cache key above temperature 0). */
export interface PendingRequest {
  readonly messages: PromptMessage[];
  readonly sampleIndex: number;
  /** per-request parameter overrides (a judge's repeat r is sent with seed + r) */
  readonly params?: { readonly seed?: number } | undefined;
}

/** The slice of an `@assay/clients` ModelClient the runner uses. */
export interface CompletionClientLike {
  /** sends one request (cached, retried, rate limited by the client) */
  complete(
    request: { messages: PromptMessage[]; sampleIndex?: number; params?: { seed?: number } },
    options?: { signal?: AbortSignal; retrySignal?: AbortSignal | undefined },
  ): Promise<{
    text: string;
    logprobs?: TokenLogprobLike[];
    usage: { inputTokens: number; outputTokens: number };
    cost?: { totalUsd: number };
    record: {
      ttftMs: number | undefined;
      tpotMs: number | undefined;
      e2eLatencyMs: number | undefined;
      retries: number;
      /** where the token counts came from: the service's body, or counted locally */
      usageSource?: string | undefined;
    };
    cached: boolean;
    /** the model id the service says answered, when its response names one */
    servedModel?: string;
    /** a cached answer's timings as measured when it was first sent */
    recordedTiming?: {
      ttftMs?: number | undefined;
      tpotMs?: number | undefined;
      e2eLatencyMs?: number | undefined;
    };
  }>;
}

/** Options of {@link sendRequests}. */
export interface SendRequestsOptions {
  /** model name (journal key) */
  model: string;
  /** requests to send: journal key → prompt */
  requests: Map<string, PendingRequest>;
  /** the journal (already loaded outcomes are skipped before calling this) */
  journal: RunJournal;
  /** the client */
  client: CompletionClientLike;
  /** maximum requests in flight */
  concurrency: number;
  /** labels and positive label, to turn log-probabilities into a score */
  scoring?: { labels: readonly string[]; positive: string } | undefined;
  /** stops scheduling and aborts requests in flight */
  signal?: AbortSignal | undefined;
  /** called after every finished request */
  onOutcome?: (o: Outcome) => void;
  /** called with where each answer sent this run took its token counts (`server`, `tokenizer`, `estimate`) */
  onUsageSource?: (source: string | undefined) => void;
  /**
   * stops the sending (no new request, those in flight aborted and left unrecorded) when it
   * trips: the service cannot be reached
   */
  unreachable?: UnreachableWatch | undefined;
  /**
   * when it fires, no new request starts, and those in flight finish and are journaled (a
   * gentle stop: what the service is already working on is not paid for twice)
   */
  drain?: AbortSignal | undefined;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function errorFields(error: unknown): {
  errorClass: string;
  errorMessage: string;
  httpStatus?: number;
  record?: Record<string, unknown>;
} {
  const e = error as {
    code?: unknown;
    status?: unknown;
    record?: { errorClass?: string } & Record<string, unknown>;
    message?: string;
  };
  const status = num(e?.status);
  return {
    errorClass: e?.record?.errorClass ?? (typeof e?.code === 'string' ? e.code : 'error'),
    errorMessage: String(e?.message ?? error),
    ...(status === null ? {} : { httpStatus: status }),
    ...(e?.record ? { record: e.record } : {}),
  };
}

/**
 * Sends requests with bounded concurrency, journaling each outcome (answer or
 * final failure) the moment it is known.
 *
 * @param options - requests, client, journal, concurrency, abort signal
 * @returns the outcomes recorded, by journal key (aborted requests are not recorded)
 * @example
 * const journal = new RunJournal(join(dir, 'journal.sqlite'));
 * const client = createClient({ provider: 'openai-chat', baseUrl, model: 'assay-spam-nb' });
 * const requests = new Map([['k1', { messages: [{ role: 'user', content: 'WIN a FREE prize now' }], sampleIndex: 0 }]]);
 * const sent = await sendRequests({ model: 'nb', requests, journal, client, concurrency: 8 });
 * sent.get('k1').text; // 'spam'
 * await client.close();
 * journal.close();
 */
export async function sendRequests(options: SendRequestsOptions): Promise<Map<string, Outcome>> {
  const entries = [...options.requests.entries()];
  // The run's signal, or the watch of an unreachable service, stops this sending.
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  // Every request in flight listens on the one signal, and every sending of a run on the run's
  // signal; that is by design, not a leak.
  setMaxListeners(0, signal);
  if (options.signal) setMaxListeners(0, options.signal);
  const out = new Map<string, Outcome>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < entries.length) {
      if (signal.aborted || options.drain?.aborted) return;
      const [key, { messages, sampleIndex, params }] = entries[next++]!;
      let outcome: Outcome;
      try {
        const c = await options.client.complete(
          {
            messages,
            ...(sampleIndex === 0 ? {} : { sampleIndex }),
            ...(params === undefined ? {} : { params }),
          },
          // the first Ctrl-C lets attempts in flight finish but takes no more retries: a
          // Retry-After of 20 s kept a trial's run waiting a minute
          { signal, retrySignal: options.drain },
        );
        const score = options.scoring
          ? positiveScore(c.logprobs, options.scoring.labels, options.scoring.positive)
          : null;
        if (!c.cached) options.onUsageSource?.(c.record.usageSource);
        outcome = {
          model: options.model,
          key,
          status: 'ok',
          text: c.text,
          score,
          ...(score === null ? {} : { scoreOf: options.scoring!.positive }),
          errorClass: null,
          errorMessage: null,
          cached: c.cached,
          // an answer from the response cache keeps the timings measured when it was sent (as
          // a journal-resumed one does); its record only times the cache lookup
          ...timingsOf(c.cached ? (c.recordedTiming ?? {}) : c.record),
          inputTokens: num(c.usage.inputTokens),
          outputTokens: num(c.usage.outputTokens),
          costUsd: num(c.cost?.totalUsd),
          retries: c.record.retries,
          ...(c.servedModel === undefined ? {} : { servedModel: c.servedModel }),
        };
      } catch (error) {
        // An abort is not the model's failure: leave it unrecorded so a rerun sends it.
        if (signal.aborted) return;
        const f = errorFields(error);
        // nor a retry the gentle stop cut short: no answer was had, a rerun sends it
        if (options.drain?.aborted && f.errorClass === 'abort') return;
        outcome = {
          model: options.model,
          key,
          status: 'error',
          text: null,
          score: null,
          errorClass: f.errorClass,
          errorMessage: f.errorMessage,
          cached: false,
          ttftMs: null,
          tpotMs: null,
          e2eMs: num(f.record?.e2eLatencyMs),
          inputTokens: null,
          outputTokens: null,
          costUsd: null,
          retries: num(f.record?.retries) ?? 0,
          ...(f.httpStatus === undefined ? {} : { httpStatus: f.httpStatus }),
        };
      }
      options.journal.record(outcome);
      out.set(key, outcome);
      options.onOutcome?.(outcome);
      if (options.unreachable?.observe(outcome)) stop.abort();
    }
  };
  const n = Math.max(1, Math.min(options.concurrency, entries.length));
  await Promise.all(Array.from({ length: n }, worker));
  return out;
}

/** An outcome's timings from a request record or a cached answer's recorded timings. */
function timingsOf(t: {
  readonly ttftMs?: number | null | undefined;
  readonly tpotMs?: number | null | undefined;
  readonly e2eLatencyMs?: number | null | undefined;
}): Pick<Outcome, 'ttftMs' | 'tpotMs' | 'e2eMs'> {
  return { ttftMs: num(t.ttftMs), tpotMs: num(t.tpotMs), e2eMs: num(t.e2eLatencyMs) };
}
