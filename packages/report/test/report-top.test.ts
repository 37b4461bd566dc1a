import { describe, expect, test } from 'vitest';
import { htmlReport, type ModelResult, markdownReport, summaryTable } from '../src/index.js';
import { metric } from './support/metric-summary.js';
import { sampleModel, sampleResults } from './support/sample-results.js';

const PASSED = [
  { threshold: 'accuracy >= 0.7', model: 'nb', metric: 'accuracy', value: 0.75, passed: true },
];

function binaryModel(overrides: Partial<ModelResult> = {}): ModelResult {
  return sampleModel('nb', {
    confusion: {
      labels: ['spam', 'ham', 'unparseable'],
      matrix: [
        [9, 1, 0],
        [2, 8, 0],
      ],
    },
    positiveClass: {
      label: 'spam',
      precision: metric(9 / 11, 0.6, 1),
      recall: metric(0.9, 0.7, 1),
      falsePositiveRate: metric(0.2, 0, 0.45),
    },
    ...overrides,
  });
}

describe('the top of every report', () => {
  test('report.html opens with the verdict, before the scores', () => {
    const html = htmlReport(sampleResults([sampleModel('nb')], { thresholds: PASSED }));
    const verdict = html.indexOf('<section class="verdict verdict-pass"');
    expect(verdict).toBeGreaterThan(html.indexOf('<h1>'));
    expect(verdict).toBeLessThan(html.indexOf('<h2>Scores</h2>'));
    expect(html).toContain('<span class="badge badge-pass">PASS</span>');
    expect(html).toContain('nb: accuracy 0.750 (95% confidence: between 0.250 and 1.000).');
    expect(html).toContain('<strong>Biggest risk:</strong>');
  });

  test('report.md opens with the verdict under the title, its text escaped', () => {
    const md = markdownReport(sampleResults([sampleModel('<b>nb</b>')]));
    const lines = md.split('\n');
    expect(lines[0]).toBe('# sample — assay run report');
    expect(lines[2]).toBe('## Verdict: NOT CHECKED');
    expect(md).toContain('- &lt;b&gt;nb&lt;/b&gt;: accuracy 0.750 (95% confidence');
    expect(md.indexOf('**Biggest risk:**')).toBeLessThan(md.indexOf('## Task metrics'));
  });

  test('the terminal summary starts with the verdict in short', () => {
    const lines = summaryTable(sampleResults([sampleModel('nb')], { thresholds: PASSED })).split(
      '\n',
    );
    expect(lines[1]).toBe('Verdict: PASS. The threshold holds for nb (accuracy >= 0.7).');
    expect(lines[2]).toBe('  nb: accuracy 0.750 (95% confidence: between 0.250 and 1.000).');
    expect(lines[3]).toMatch(/^ {2}Biggest risk: /);
  });
});

describe('the positive class of a binary task', () => {
  test('precision, recall and false-positive rate with intervals and counts in words', () => {
    const results = sampleResults([binaryModel()]);
    const html = htmlReport(results);
    expect(html).toContain('<h3>Positive class: spam</h3>');
    expect(html).toContain(
      '<td>false-positive rate</td><td class="num">0.200</td><td class="num">[0.000, 0.450]</td><td>of the 10 ham items, 20.0% were answered spam</td>',
    );
    expect(html).toContain('of the 11 items answered spam, 81.8% are spam');
    expect(html).toContain('Scored on the runner like the metrics above');
    const md = markdownReport(results);
    expect(md).toContain(
      '| nb | recall | 0.900 | [0.700, 1.000] | of the 10 spam items, 90.0% were answered spam |',
    );
    expect(summaryTable(results)).toContain(
      '  nb, positive class spam: precision 0.818 [0.600, 1.000], recall 0.900 [0.700, 1.000], false-positive rate 0.200 [0.000, 0.450]',
    );
  });

  test('results without a positive class show no such section', () => {
    const html = htmlReport(sampleResults([sampleModel('nb')]));
    expect(html).not.toContain('Positive class');
  });
});

describe('ranking against decision quality', () => {
  test('the warning stands beside the metrics in every report', () => {
    const nb = binaryModel({
      metrics: {
        accuracy: metric(0.55, 0.5, 0.6),
        balanced_accuracy: metric(0.55, 0.5, 0.6),
        roc_auc: metric(0.97, 0.95, 0.99),
      },
    });
    const results = sampleResults([nb], {
      evaluation: {
        ...sampleResults([]).evaluation,
        metrics: ['accuracy', 'balanced_accuracy', 'roc_auc'],
      },
    });
    const html = htmlReport(results);
    const warning = html.indexOf('<p class="warn">nb ranks the items well (ROC AUC 0.970)');
    expect(warning).toBeGreaterThan(html.indexOf('<h2>Scores</h2>'));
    expect(markdownReport(results)).toContain(
      '> **Warning:** nb ranks the items well (ROC AUC 0.970)',
    );
    expect(summaryTable(results)).toContain('WARNING  nb ranks the items well (ROC AUC 0.970)');
  });
});

describe('token counts and costs', () => {
  test('read as 5.09M and $1,234.56 in every report, the exact value kept on hover', () => {
    const nb = sampleModel('nb');
    Object.assign(nb.service, {
      inputTokens: 5_090_123,
      outputTokens: 12_345,
      costUsd: 1234.561,
      costPerCorrectUsd: 0.0000456,
    });
    const results = sampleResults([nb]);
    const html = htmlReport(results);
    expect(html).toContain('<span title="5090123">5.09M</span> / <span title="12345">12.3k</span>');
    expect(html).toContain('<span title="1234.561">$1,234.56</span>');
    expect(html).toContain('$0.0000456');
    const md = markdownReport(results);
    expect(md).toContain('| 5.09M / 12.3k | $1,234.56 | $0.0000456 |');
    expect(summaryTable(results)).toContain('$1,234.56');
    expect(results.models[0]!.service.inputTokens).toBe(5_090_123);
  });
});
