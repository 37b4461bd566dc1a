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
  });

  test('says when the metrics of a model are not representative, in the report and the summary', () => {
    const reason = 'nb: 20 of 20 predictions failed (100.0%: connection 20)';
    const results = sampleResults([sampleModel('nb', { notRepresentative: [reason] })]);
    expect(markdownReport(results)).toContain(`**Not representative:**\n\n- ${reason}`);
    expect(summaryTable(results)).toContain(`NOT REPRESENTATIVE  ${reason}`);
    const fine = sampleResults([sampleModel('nb')]);
    expect(markdownReport(fine)).not.toContain('Not representative');
  });
});
