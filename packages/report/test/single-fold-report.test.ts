import { describe, expect, test } from 'vitest';
import { htmlReport, markdownReport } from '../src/index.js';
import { sampleModel, sampleResults } from './support/sample-results.js';

function run(method: string, folds: number) {
  const results = sampleResults([sampleModel('nb')]);
  results.evaluation.method = method;
  results.evaluation.folds = folds;
  return results;
}

describe('reports of a run that scores every item once', () => {
  test('omit per-fold columns and bars, which would only repeat the pooled value', () => {
    const html = htmlReport(run('all', 1));
    expect(html).not.toContain('<th class="num">per fold</th>');
    expect(html).not.toContain('fold mean ± std');
    expect(html).not.toContain('per fold</text>');
    expect(html).toContain('every item once');
    const md = markdownReport(run('all', 1));
    expect(md).not.toContain('fold mean ± std');
    expect(md).toContain('Evaluation: every item once,');
  });

  test('keep them under cross-validation', () => {
    const html = htmlReport(run('stratified', 5));
    expect(html).toContain('<th class="num">per fold</th>');
    expect(html).toContain('stratified · 5 folds');
    expect(markdownReport(run('stratified', 5))).toContain('fold mean ± std');
  });
});
