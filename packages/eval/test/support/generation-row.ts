import type { PredictionRow } from '../../src/run/prediction-row.js';

/**
 * A generation prediction row of item `id`, sample `sample`, against the reference 'ref':
 * answered with `parsed`, or an extraction failure for null.
 */
export function generationRow(
  id: string,
  sample: number,
  parsed: string | null,
  fold = 0,
): PredictionRow {
  return {
    id,
    fold,
    model: 'm',
    promptHash: id,
    group: null,
    expected: 'ref',
    rawAnswer: parsed,
    parsed,
    outcome: parsed === null ? 'unparseable' : 'answered',
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
    sample,
    references: ['ref'],
  };
}
