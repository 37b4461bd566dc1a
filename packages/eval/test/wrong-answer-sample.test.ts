import { describe, expect, it } from 'vitest';
import type { DatasetItem } from '../src/datasets/dataset-item.js';
import type { PredictionRow } from '../src/run/prediction-row.js';
import { wrongAnswerSample } from '../src/summary/wrong-answers.js';

function wrongRow(i: number): PredictionRow {
  return {
    id: `item-${i}`,
    fold: 0,
    model: 'nb',
    promptHash: `h${i}`,
    group: null,
    expected: 'spam',
    rawAnswer: 'ham',
    parsed: 'ham',
    outcome: 'wrong',
    correct: false,
    error: null,
    ttftMs: null,
    tpotMs: null,
    e2eMs: null,
    inputTokens: null,
    outputTokens: null,
    costUsd: null,
  } as PredictionRow;
}

const itemOf = (i: number): DatasetItem =>
  ({
    id: `item-${i}`,
    index: i,
    fields: { text: `mail ${i}` },
    label: 'spam',
  }) as unknown as DatasetItem;

describe('the sample of wrong answers', () => {
  it.each([32, 39, 41, 400])('spreads %i wrong answers over the whole run, not its start', (n) => {
    const rows = Array.from({ length: n }, (_, i) => wrongRow(i));
    const items = rows.map((_, i) => itemOf(i));
    const ids = wrongAnswerSample(rows, items, 20)!.map((a) => Number(a.id.slice(5)));
    expect(ids).toHaveLength(20);
    expect(new Set(ids).size).toBe(20);
    expect(ids[0]).toBe(0);
    // the last one shown lies in the last twentieth of the run
    expect(ids.at(-1)!).toBeGreaterThanOrEqual(n - Math.ceil(n / 20));
  });

  it('keeps every wrong answer when there are no more than asked for', () => {
    const rows = Array.from({ length: 7 }, (_, i) => wrongRow(i));
    const sample = wrongAnswerSample(
      rows,
      rows.map((_, i) => itemOf(i)),
      20,
    )!;
    expect(sample.map((a) => a.id)).toEqual(rows.map((r) => r.id));
  });
});
