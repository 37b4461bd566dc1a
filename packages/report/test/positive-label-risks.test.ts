import { describe, expect, it } from 'vitest';
import { type ModelResult, runVerdict } from '../src/index.js';
import { metric } from './support/metric-summary.js';
import { sampleModel, sampleResults } from './support/sample-results.js';

// A trial's verdict said "nb misses 21.3% of the spam items" with positiveLabel spam, and
// "None stands out" with positiveLabel ham, on the same answers: the same 21.3% of spam
// answered ham is then ham's false-positive rate, and went unnamed.

/** Rows: true spam, true ham; columns: answered spam, ham, unparseable. */
const LABELS = ['spam', 'ham'] as const;

/**
 * nb's results on 150 spam and 150 ham items, with `missed` spam items answered ham and 3
 * ham items answered spam, read with `positive` as the positive label: the positive-class
 * figures are computed from that confusion matrix, as the runner computes them.
 */
function nb(positive: (typeof LABELS)[number], missed: number): ModelResult {
  const matrix = [
    [150 - missed, missed, 0],
    [3, 147, 0],
  ];
  const p = LABELS.indexOf(positive);
  const n = 1 - p;
  const [tp, fn, fp, tn] = [matrix[p]![p]!, matrix[p]![n]!, matrix[n]![p]!, matrix[n]![n]!];
  const accuracy = (tp + tn) / 300;
  return sampleModel('nb', {
    items: { total: 300, scored: 300, correct: tp + tn, wrong: fp + fn, unparseable: 0, failed: 0 },
    metrics: { accuracy: metric(accuracy, accuracy - 0.03, accuracy + 0.03) },
    confusion: { labels: [...LABELS, 'unparseable'], matrix },
    positiveClass: {
      label: positive,
      precision: metric(tp / (tp + fp)),
      recall: metric(tp / (tp + fn)),
      falsePositiveRate: metric(fp / (fp + tn)),
    },
  });
}

/** The verdict's risks for nb's answers read with `positive` as the positive label. */
function risks(positive: (typeof LABELS)[number], missed: number): string[] {
  const dataset = { source: 'mail.jsonl', items: 300, labels: { spam: 150, ham: 150 }, groups: {} };
  const task = { type: 'classification' as const, labels: [...LABELS], positiveLabel: positive };
  return runVerdict(sampleResults([nb(positive, missed)], { dataset, task })).risks;
}

describe('the biggest risk of a binary classifier', () => {
  it('names many spam items answered ham whichever label is positive', () => {
    expect(risks('spam', 32)).toEqual([
      'nb misses 21.3% of the "spam" items (recall of "spam" 0.787).',
    ]);
    expect(risks('ham', 32)).toEqual([
      'nb flags 21.3% of the "spam" items as "ham" (false-positive rate of "ham" 0.213).',
    ]);
  });

  it('holds both readings to one bar: an error share that is no risk as misses is none as false positives', () => {
    for (const positive of LABELS) {
      expect(risks(positive, 29)[0], positive).toMatch(/^None stands out; /);
      expect(risks(positive, 31)[0], positive).not.toMatch(/^None stands out/);
    }
  });
});
