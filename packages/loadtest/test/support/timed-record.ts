import type { LoadRecord } from '../../src/index.js';

/** A successful one-token request record, sent at `startMs` and ended at `endMs`. */
export function timedRecord(index: number, startMs: number, endMs: number): LoadRecord {
  return {
    step: 0,
    index,
    warmup: false,
    scheduledMs: startMs,
    sentMs: startMs,
    firstTokenMs: endMs,
    firstContentMs: endMs,
    lastTokenMs: endMs,
    endMs,
    inputTokens: 1,
    outputTokens: 1,
    tokenSource: 'server',
    status: 200,
    errorClass: null,
    itlMs: [],
    correct: null,
    scores: null,
  };
}
