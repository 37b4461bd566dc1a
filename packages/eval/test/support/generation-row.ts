import type { PredictionRow } from '../../src/run/prediction-row.js';
import { predictionRow } from './prediction-row.js';

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
  return predictionRow(id, {
    fold,
    expected: 'ref',
    rawAnswer: parsed,
    parsed,
    outcome: parsed === null ? 'unparseable' : 'answered',
    sample,
    references: ['ref'],
  });
}
