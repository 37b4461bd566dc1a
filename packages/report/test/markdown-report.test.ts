import { describe, expect, test } from 'vitest';
import { markdownReport, summaryTable } from '../src/index.js';
import { sampleModel, sampleResults } from './support/sample-results.js';

const PAYLOAD = '<script>alert(1)</script><img src=x onerror=alert(2)>';

describe('report.md', () => {
  test('shows text from data, models and servers as text: HTML escaped, pipes kept in cells', () => {
    const model = sampleModel(`evil|${PAYLOAD}`, {
      items: { total: 4, scored: 3, correct: 2, wrong: 1, unparseable: 0, failed: 1 },
      slices: [{ group: PAYLOAD, n: 4, accuracy: 0.5, errors: 1 }],
    });
    model.service.failed = 1;
    model.service.errorsByClass = { http_status: 1 };
    model.service.errorExamples = [{ errorClass: 'http_status', message: `HTTP 500: ${PAYLOAD}` }];
    const md = markdownReport(
      sampleResults([model], {
        dataset: { source: PAYLOAD, items: 4, labels: { [PAYLOAD]: 4 }, groups: {} },
      }),
    );
    expect(md).not.toMatch(/<script|<img/i);
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(md).toContain('evil\\|&lt;script&gt;');
    // a count by class, which `http_status: 1` read as a status
    expect(md).toContain('http_status × 1');
  });

  test('says when the metrics of a model are not representative, in the report and the summary', () => {
    const reason = 'nb: 20 of 20 predictions failed (100.0%: connection 20)';
    const results = sampleResults([sampleModel('nb', { notRepresentative: [reason] })]);
    expect(markdownReport(results)).toContain(`**Not representative:**\n\n- ${reason}`);
    expect(summaryTable(results)).toContain(`NOT REPRESENTATIVE  ${reason}`);
    const fine = sampleResults([sampleModel('nb')]);
    expect(markdownReport(fine)).not.toContain('Not representative');
  });

  test('shows the confusion matrix of each classification model with row totals and the share right', () => {
    const results = sampleResults([
      sampleModel('nb', {
        confusion: {
          labels: ['spam', 'ham', 'unparseable'],
          matrix: [
            [9, 1, 0],
            [2, 7, 1],
          ],
        },
      }),
      sampleModel('many', { confusionNote: 'more than 50 labels: no confusion matrix.' }),
    ]);
    const md = markdownReport(results);
    const section = md.slice(md.indexOf('## Confusion matrices'));
    expect(section).toContain(
      [
        '### nb',
        '',
        '| true \\ predicted | spam | ham | unparseable | total | right |',
        '|---|--:|--:|--:|--:|--:|',
        '| spam | **9** | 1 | 0 | 10 | 90.0% |',
        '| ham | 2 | **7** | 1 | 10 | 70.0% |',
      ].join('\n'),
    );
    expect(section).toContain('many: more than 50 labels: no confusion matrix.');
  });

  test('has no confusion section for a model without a matrix or a generation run', () => {
    expect(markdownReport(sampleResults([sampleModel('nb')]))).not.toContain('Confusion');
    const generation = sampleResults([sampleModel('gen', { metrics: {} })], {
      task: { type: 'generation', labels: [], positiveLabel: null },
    });
    expect(markdownReport(generation)).not.toContain('Confusion');
  });
});
