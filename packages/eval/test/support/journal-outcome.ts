import type { Outcome } from '../../src/run/journal.js';

/**
 * A journal outcome with every field a test does not care about set to nothing: model 'm',
 * key 'k', answered with no text, timings, tokens, cost or retries, not from the cache.
 */
export function journalOutcome(fields: Partial<Outcome> = {}): Outcome {
  return {
    model: 'm',
    key: 'k',
    status: 'ok',
    text: null,
    score: null,
    errorClass: null,
    errorMessage: null,
    cached: false,
    ttftMs: null,
    tpotMs: null,
    e2eMs: null,
    inputTokens: null,
    outputTokens: null,
    costUsd: null,
    retries: 0,
    ...fields,
  };
}
