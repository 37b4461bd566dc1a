import type { ModelResult } from '@assay/report';
import type { DatasetItem } from '../datasets/dataset-item.js';
import { choiceLetter } from '../multiple-choice/extract-choice.js';
import type { PredictionRow } from '../run/prediction-row.js';
import type { TaskModule } from '../tasks/task-module.js';

/** A regression answer's absolute error; -1 when it has no number (after every error). */
function absoluteError(r: PredictionRow): number {
  if (r.parsed === null || r.expected === null) return -1;
  return Math.abs(Number(r.parsed) - Number(r.expected));
}

/**
 * The `count` largest errors, one row per item (an item answered once per repeat of
 * repeated cross-validation would fill the sample with its copies), answers without a number
 * after every error.
 */
function largestErrors(wrong: readonly PredictionRow[], count: number): PredictionRow[] {
  const worst = new Map<string, PredictionRow>();
  for (const r of wrong) {
    const kept = worst.get(r.id);
    if (kept === undefined || absoluteError(r) > absoluteError(kept)) worst.set(r.id, r);
  }
  return [...worst.values()].sort((a, b) => absoluteError(b) - absoluteError(a)).slice(0, count);
}

/**
 * The choice order a multiple-choice answer was asked in, for its wrong-answer row: the
 * variant's number and the data set's letters in the order shown, space-separated (`C A D B`:
 * the prompt's first choice was the data set's C), since the raw answer uses the shown
 * letters while `expected` and `parsed` use the data set's.
 */
function choiceOrderFields(
  r: PredictionRow,
  item: DatasetItem | undefined,
  shownOrder: TaskModule['shownOrder'],
): { permutation: number; choiceOrder: string } | Record<string, never> {
  if (shownOrder === undefined || item === undefined) return {};
  // rows written before `permutation` existed were all asked in the data set's order
  const permutation = r.permutation ?? 0;
  const order = shownOrder(item, permutation);
  if (order === undefined) return {};
  return { permutation, choiceOrder: order.map(choiceLetter).join(' ') };
}

/**
 * `count` of `rows` spread over the whole list: index `floor(i · n / count)` for the i-th.
 * A whole-number step (`floor(n / count)`) then the first `count` kept only the start of the
 * list whenever `n` was not a multiple of `count`: 32 wrong answers showed the first 20.
 */
function evenlySpaced<T>(rows: readonly T[], count: number): T[] {
  if (rows.length <= count) return [...rows];
  return Array.from({ length: count }, (_, i) => rows[Math.floor((i * rows.length) / count)]!);
}

/**
 * A sample of a model's wrong and unparseable answers, with the start of each item's input
 * (the data set's excerpt where it has one: an e-mail's Subject line and body, say): evenly
 * spaced over the run, or for a regression the largest errors first (then the answers
 * without a number), since an evenly spaced sample of near misses hides the answer that
 * moves the error metrics.
 *
 * @param rows - one model's prediction rows
 * @param items - the evaluated items
 * @param count - the most answers to keep (`output.wrongSamples`)
 * @param regression - whether the task is a regression
 * @param shownOrder - the task's `shownOrder` (multiple-choice): each answer then says the
 *   choice order it was asked in (`permutation`, `choiceOrder`)
 * @returns the sample, answers cut to 500 characters, each with the hash of the prompt sent
 * @example
 * wrongAnswerSample(rows, items, 20).length; // 4: every wrong answer, at most 20
 */
export function wrongAnswerSample(
  rows: readonly PredictionRow[],
  items: readonly DatasetItem[],
  count: number,
  regression = false,
  shownOrder?: TaskModule['shownOrder'],
): ModelResult['wrongAnswers'] {
  const itemsById = new Map(items.map((it) => [it.id, it]));
  const wrong = rows.filter((r) => r.outcome === 'wrong' || r.outcome === 'unparseable');
  const sample = regression ? largestErrors(wrong, count) : evenlySpaced(wrong, count);
  return sample.map((r) => {
    const item = itemsById.get(r.id);
    return {
      id: r.id,
      fold: r.fold,
      expected: r.expected,
      answer: r.rawAnswer === null ? null : r.rawAnswer.slice(0, 500),
      parsed: r.parsed,
      input: item?.excerpt ?? (item?.fields.text ?? '').slice(0, 400),
      promptHash: r.promptHash,
      ...choiceOrderFields(r, item, shownOrder),
    };
  });
}
