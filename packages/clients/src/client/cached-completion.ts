import type { CachedCompletion } from '../cache/response-cache.js';
import type { Completion, RecordedTiming } from '../completion.js';
import { redact } from '../http/attempt-failure.js';
import type { RecordBuilder } from '../records/request-record.js';
import { redactLogprobs } from './redact-logprobs.js';

/**
 * A completion served from the cache: the stored answer with a fresh record
 * (`cached: true`, no HTTP timings; a streamed call gets one content chunk, now), and the
 * stored timings of the original request as `recordedTiming`.
 *
 * @param hit - the stored entry
 * @param record - the call's record builder
 * @param secrets - redacted from the stored text and log-probabilities, which an older
 *   client may have written
 * @returns the completion
 */
export function completionFromCache(
  hit: CachedCompletion,
  record: RecordBuilder,
  secrets: readonly string[],
): Completion {
  const now = performance.now();
  if (record.streamed && hit.text.length > 0) record.contentChunk(now);
  const finished = record.finish({
    cached: true,
    usage: hit.usage,
    costUsd: hit.cost?.totalUsd,
    endAt: now,
  });
  const completion: { -readonly [K in keyof Completion]: Completion[K] } = {
    text: redact(hit.text, secrets),
    finishReason: redact(hit.finishReason, secrets),
    usage: hit.usage,
    record: finished,
    cached: true,
    recordedTiming: recordedTimingOf(hit.timing),
  };
  if (hit.reasoning !== undefined) completion.reasoning = redact(hit.reasoning, secrets);
  if (hit.logprobs !== undefined) completion.logprobs = redactLogprobs(hit.logprobs, secrets)!;
  if (hit.cost !== undefined) completion.cost = hit.cost;
  if (typeof hit.servedModel === 'string')
    completion.servedModel = redact(hit.servedModel, secrets);
  return completion;
}

/** The stored timings that are numbers (an entry of an older client may have fewer). */
function recordedTimingOf(timing: CachedCompletion['timing'] | undefined): RecordedTiming {
  const out: { -readonly [K in keyof RecordedTiming]: RecordedTiming[K] } = {};
  if (typeof timing?.ttftMs === 'number') out.ttftMs = timing.ttftMs;
  if (typeof timing?.tpotMs === 'number') out.tpotMs = timing.tpotMs;
  if (typeof timing?.e2eLatencyMs === 'number') out.e2eLatencyMs = timing.e2eLatencyMs;
  return out;
}

/**
 * What the cache stores for a completion: answer, usage, cost and a timing summary. Built
 * field by field from the completion so nothing else (headers, keys) can slip in.
 *
 * @param completion - a live completion
 * @param provider - provider kind
 * @param model - model name
 * @returns the entry to put
 */
export function toCachedCompletion(
  completion: Completion,
  provider: string,
  model: string,
): CachedCompletion {
  const record = completion.record;
  return {
    text: completion.text,
    reasoning: completion.reasoning,
    finishReason: completion.finishReason,
    logprobs: completion.logprobs,
    usage: completion.usage,
    cost: completion.cost,
    timing: { ttftMs: record.ttftMs, tpotMs: record.tpotMs, e2eLatencyMs: record.e2eLatencyMs },
    provider,
    model,
    ...(completion.servedModel === undefined ? {} : { servedModel: completion.servedModel }),
  };
}
