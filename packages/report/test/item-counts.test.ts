import { describe, expect, test } from 'vitest';
import { htmlReport, markdownReport, summaryTable } from '../src/index.js';
import { sampleModel, sampleResults } from './support/sample-results.js';

const WARNING =
  "evaluation.method 'repeated-stratified' splits the items into training and test folds, but nothing is learned from the training part";

function repeatedRun() {
  const model = sampleModel('nb', {
    items: { total: 12, scored: 12, correct: 9, wrong: 3, unparseable: 0, failed: 0, distinct: 4 },
  });
  const results = sampleResults([model], { warnings: [WARNING] });
  results.evaluation.resampling = 'items';
  return results;
}

describe('predictions and distinct items', () => {
  test('the summary, report.md and report.html say how many distinct items the predictions are of', () => {
    const results = repeatedRun();
    expect(summaryTable(results)).toContain(
      '  nb: 12 predictions of 4 distinct items (intervals resample items)',
    );
    const md = markdownReport(results);
    expect(md).toContain('| nb | 12 | 12 | 4 | 9 | 3 | 0 | 0 |');
    expect(md).toContain('nb: 12 predictions of 4 distinct items. Intervals resample items');
    const html = htmlReport(results);
    expect(html).toContain('<th class="num">distinct items</th>');
    expect(html).toContain('nb: 12 predictions of 4 distinct items. Intervals resample items');
  });

  test('run warnings appear in report.md and report.html, escaped', () => {
    const results = repeatedRun();
    expect(markdownReport(results)).toContain(`**Warning:** ${WARNING}`);
    expect(htmlReport(results)).toContain(
      `<p class="fail">Warning: ${WARNING.replace(/'/g, '&#39;')}</p>`,
    );
  });

  test('results written before the counts existed render without them', () => {
    const old = sampleResults([sampleModel('nb')]);
    expect(summaryTable(old)).not.toContain('distinct items');
    expect(markdownReport(old)).toContain('| nb | 4 | 4 | — | 3 | 1 | 0 | 0 |');
    expect(markdownReport(old)).not.toContain('Warning');
    expect(htmlReport(old)).not.toContain('predictions of');
  });
});
