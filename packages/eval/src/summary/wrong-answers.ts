import type { ModelResult } from '@assay/report';
import type { DatasetItem } from '../datasets/dataset-item.js';
import type { PredictionRow } from '../run/prediction-row.js';

/**
 * An evenly spaced sample of a model's wrong and unparseable answers, with the start of
 * each item's input (the data set's excerpt where it has one: an e-mail's Subject line
 * and body, say).
 *
 * @param rows - one model's prediction rows
 * @param items - the evaluated items
 * @param count - the most answers to keep (`output.wrongSamples`)
 * @returns the sample, answers cut to 500 characters, each with the hash of the prompt sent
 * @example
 * wrongAnswerSample(rows, items, 20).length; // at most 20
 */
export function wrongAnswerSample(
  rows: readonly PredictionRow[],
  items: readonly DatasetItem[],
  count: number,
): ModelResult['wrongAnswers'] {
  const itemsById = new Map(items.map((it) => [it.id, it]));
  const wrong = rows.filter((r) => r.outcome === 'wrong' || r.outcome === 'unparseable');
  const step = Math.max(1, Math.floor(wrong.length / Math.max(1, count)));
  return wrong
    .filter((_, i) => i % step === 0)
    .slice(0, count)
    .map((r) => {
      const item = itemsById.get(r.id);
      return {
        id: r.id,
        fold: r.fold,
        expected: r.expected,
        answer: r.rawAnswer === null ? null : r.rawAnswer.slice(0, 500),
        parsed: r.parsed,
        input: item?.excerpt ?? (item?.fields.text ?? '').slice(0, 400),
        promptHash: r.promptHash,
      };
    });
}
