import { describe, expect, test } from 'vitest';
import { htmlReport, markdownReport } from '../src/index.js';
import { sampleModel, sampleResults } from './support/sample-results.js';

const summary = (folds: (number | null)[]) => ({
  value: 0.7,
  mean: 0.8,
  std: 0,
  folds,
  ciLow: 0.6,
  ciHigh: 0.9,
});

describe('the fold mean ± std cell', () => {
  test('says over how many folds when the metric is undefined on some', () => {
    const r = sampleResults([sampleModel('nb', { metrics: { accuracy: summary([0.8, null]) } })]);
    const note = '0.800 ± 0.000 (over 1 of 2 folds; undefined on the others)';
    expect(markdownReport(r)).toContain(`| ${note} |`);
    expect(htmlReport(r)).toContain(`<td class="num">${note}</td>`);
  });

  test('is the bare mean ± std when every fold has a value', () => {
    const r = sampleResults([sampleModel('nb', { metrics: { accuracy: summary([0.8, 0.8]) } })]);
    expect(markdownReport(r)).toContain('| 0.800 ± 0.000 |');
    expect(markdownReport(r)).not.toContain('undefined on the others');
  });
});
