import { describe, expect, test } from 'vitest';
import { htmlReport, markdownReport, metricGroups, summaryTable } from '../src/index.js';
import { metric } from './support/metric-summary.js';
import { sampleModel, sampleResults } from './support/sample-results.js';

const SAME = metric(0.962, 0.955, 0.969, [0.98, 0.944]);

describe('metrics identical by construction', () => {
  test('balanced_accuracy and recall_macro are one row when every number agrees', () => {
    const nb = sampleModel('nb', {
      metrics: { accuracy: metric(0.9), balanced_accuracy: SAME, recall_macro: { ...SAME } },
    });
    const groups = metricGroups(['accuracy', 'balanced_accuracy', 'recall_macro'], [nb]);
    expect(groups.map((g) => g.names)).toEqual([
      ['accuracy'],
      ['balanced_accuracy', 'recall_macro'],
    ]);
    expect(groups[1]!.note).toMatch(/^identical by construction: both are the mean/);
  });

  test('metrics that merely agree are kept apart, and so are identities broken by a fold', () => {
    const nb = sampleModel('nb', {
      metrics: {
        accuracy: SAME,
        f1_macro: { ...SAME },
        balanced_accuracy: SAME,
        recall_macro: { ...SAME, folds: [0.98, 0.943] },
      },
    });
    const names = ['accuracy', 'f1_macro', 'balanced_accuracy', 'recall_macro'];
    expect(metricGroups(names, [nb]).map((g) => g.names)).toEqual(names.map((n) => [n]));
  });

  test('accuracy and the micro averages are one row; precision_micro leaves it when answers name no label', () => {
    const names = ['accuracy', 'f1_micro', 'precision_micro', 'recall_micro'];
    const clean = sampleModel('a', {
      metrics: Object.fromEntries(names.map((n) => [n, { ...SAME }])),
    });
    expect(metricGroups(names, [clean]).map((g) => g.names)).toEqual([
      ['accuracy', 'f1_micro', 'precision_micro', 'recall_micro'],
    ]);
    const unparseable = sampleModel('b', {
      metrics: {
        accuracy: SAME,
        f1_micro: metric(0.97, 0.96, 0.98),
        precision_micro: metric(0.98, 0.97, 0.99),
        recall_micro: { ...SAME },
      },
    });
    const groups = metricGroups(names, [clean, unparseable]);
    expect(groups.map((g) => g.names)).toEqual([
      ['accuracy', 'recall_micro'],
      ['f1_micro'],
      ['precision_micro'],
    ]);
    expect(groups[0]!.note).toBe(
      'identical by construction: with one label per item, both are the share of items answered correctly',
    );
  });

  test('every report shows the group once, with a note naming the equal metrics', () => {
    const nb = sampleModel('nb', {
      metrics: { accuracy: metric(0.9), balanced_accuracy: SAME, recall_macro: { ...SAME } },
    });
    const results = sampleResults([nb], {
      evaluation: {
        ...sampleResults([]).evaluation,
        metrics: ['accuracy', 'balanced_accuracy', 'recall_macro'],
      },
    });
    const html = htmlReport(results);
    expect(html).toContain('<td>balanced_accuracy<br>= recall_macro</td>');
    expect(html).toContain('balanced_accuracy = recall_macro: identical by construction');
    expect(html.match(/<td>recall_macro/g)).toBeNull();
    const md = markdownReport(results);
    expect(md).toContain('| nb | balanced_accuracy = recall_macro | 0.962 | [0.955, 0.969] |');
    expect(md).not.toContain('| nb | recall_macro |');
    const text = summaryTable(results);
    expect(text).toContain('balanced_accuracy = recall_macro [95% CI]');
    expect(text).toContain('  balanced_accuracy = recall_macro: identical by construction');
  });
});
