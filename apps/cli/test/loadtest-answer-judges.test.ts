import { type DatasetItem, taskFor } from '@assay/eval';
import { describe, expect, test } from 'vitest';
import { absoluteErrorJudge, correctnessJudge } from '../src/loadtest/answer-judges.js';

function item(id: string, label: string): DatasetItem {
  return { id, index: 0, fields: { text: id }, label, group: undefined, reference: undefined };
}

describe('assay loadtest --score judges', () => {
  test('regression scores the absolute error of the number in the answer; none, not scored', async () => {
    const task = taskFor({
      type: 'regression',
      answer: { extract: 'number', caseSensitive: false, trim: true },
    });
    const judge = absoluteErrorJudge(task, [item('a', '4.5'), item('b', '10')]);
    expect(await judge(0, 'about 6')).toEqual({ correct: null, scores: { mae: 1.5 } });
    expect(await judge(1, 'ten-ish')).toEqual({ correct: null, scores: null });
  });

  test('classification counts an unparseable answer as wrong', async () => {
    const task = taskFor({
      type: 'classification',
      labels: ['spam', 'ham'],
      positiveLabel: 'spam',
      answer: { extract: 'first-label', caseSensitive: false, trim: true },
    });
    const judge = correctnessJudge(task, [item('a', 'spam')]);
    expect(await judge(0, 'It is spam.')).toEqual({ correct: true, scores: { accuracy: 1 } });
    expect(await judge(0, 'No idea.')).toEqual({ correct: false, scores: { accuracy: 0 } });
  });
});
