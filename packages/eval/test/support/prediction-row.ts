import type { PredictionRow } from '../../src/run/prediction-row.js';

/**
 * A prediction row with every field a test does not care about set to nothing: item `id`,
 * fold 0, model 'm', answered with no timings, tokens, cost or score, not from the cache.
 */
export function predictionRow(id: string, fields: Partial<PredictionRow> = {}): PredictionRow {
  return {
    id,
    fold: 0,
    model: 'm',
    promptHash: id,
    group: null,
    expected: null,
    rawAnswer: null,
    parsed: null,
    outcome: 'answered',
    correct: null,
    error: null,
    ttftMs: null,
    tpotMs: null,
    e2eMs: null,
    inputTokens: null,
    outputTokens: null,
    costUsd: null,
    score: null,
    cached: false,
    ...fields,
  };
}
