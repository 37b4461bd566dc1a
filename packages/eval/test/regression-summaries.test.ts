import { describe, expect, it } from 'vitest';
import type { DatasetItem } from '../src/datasets/dataset-item.js';
import type { PredictionRow } from '../src/run/prediction-row.js';
import { modelSlices } from '../src/summary/model-slices.js';
import { wrongAnswerSample } from '../src/summary/wrong-answers.js';

/** A regression prediction row of item `i` in `group`: the truth, and the answer's number or null. */
function row(i: number, group: string, expected: number, parsed: number | null): PredictionRow {
  const outcome = parsed === null ? 'unparseable' : parsed === expected ? 'correct' : 'wrong';
  return {
    id: `item-${i}`,
    fold: 0,
    model: 'm',
    promptHash: 'h',
    group,
    expected: String(expected),
    rawAnswer: parsed === null ? 'unknown' : String(parsed),
    parsed: parsed === null ? null : String(parsed),
    outcome,
    correct: outcome === 'correct',
    error: null,
    ttftMs: null,
    tpotMs: null,
    e2eMs: 5,
    inputTokens: null,
    outputTokens: null,
    costUsd: null,
    score: null,
    cached: false,
  };
}

// g0: near misses (MAE 0.5); g1: one exact answer and one far off (MAE 500); g2: no number
const rows = [
  row(0, 'g0', 10, 10.5),
  row(1, 'g0', 20, 19.5),
  row(2, 'g1', 30, 30),
  row(3, 'g1', 40, 1040),
  row(4, 'g2', 50, null),
];
const items: DatasetItem[] = rows.map((r, i) => ({
  id: r.id,
  index: i,
  fields: { text: `item ${i}` },
  label: r.expected!,
  group: r.group!,
  reference: undefined,
}));

describe('a regression run summarized', () => {
  it('ranks slices by mean absolute error, not by the share of exact answers', () => {
    const slices = modelSlices(rows, true);
    expect(slices.map((s) => [s.group, s.meanAbsoluteError])).toEqual([
      ['g1', 500],
      ['g0', 0.5],
      ['g2', null],
    ]);
    // by exact matches g1 (one of two exact) looked better than g0 (none)
    expect(modelSlices(rows, false).map((s) => s.group)).toEqual(['g0', 'g2', 'g1']);
  });

  it('samples the largest errors first, then the answers without a number', () => {
    const sample = wrongAnswerSample(rows, items, 3, true);
    expect(sample.map((w) => w.id)).toEqual(['item-3', 'item-0', 'item-1']);
    expect(wrongAnswerSample(rows, items, 10, true).at(-1)!.id).toBe('item-4');
    // an item answered in two repeats appears once, with its larger error
    const repeated = [...rows, { ...row(3, 'g1', 40, 540), fold: 1 }];
    const once = wrongAnswerSample(repeated, items, 3, true);
    expect(once.map((w) => [w.id, w.parsed])).toEqual([
      ['item-3', '1040'],
      ['item-0', '10.5'],
      ['item-1', '19.5'],
    ]);
  });
});
