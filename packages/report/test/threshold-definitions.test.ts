import { describe, expect, test } from 'vitest';
import {
  htmlReport,
  markdownReport,
  stepSummaryMarkdown,
  summaryTable,
  type ThresholdResult,
} from '../src/index.js';
import { metric } from './support/metric-summary.js';
import { sampleModel, sampleResults } from './support/sample-results.js';

function check(source: string, value: number): ThresholdResult {
  return { threshold: source, model: 'nb', metric: source.split(' ')[0]!, value, passed: true };
}

function run(thresholds: ThresholdResult[]) {
  const nb = sampleModel('nb', { metrics: { f1_macro: metric(0.914, 0.87, 0.95) } });
  return sampleResults([nb], { thresholds });
}

const ERROR_RATE =
  "error_rate is the share of requests that failed (no answer after the client's retries)";

describe('a threshold on error_rate', () => {
  test('is defined under the thresholds in every report, since beside an F1 it reads as wrong answers', () => {
    const r = run([check('f1_macro >= 0.8', 0.914), check('error_rate <= 0.05', 0)]);
    expect(summaryTable(r)).toContain(`  ${ERROR_RATE}; a wrong answer is no error here`);
    expect(markdownReport(r)).toContain(`\`error_rate\`${ERROR_RATE.slice('error_rate'.length)}`);
    expect(htmlReport(r)).toContain(
      'error_rate is the share of requests that failed (no answer after the client&#39;s retries)',
    );
    const step = stepSummaryMarkdown(r);
    expect(step).toContain('| p95 latency ms | failed requests |');
    expect(step).not.toContain('error rate |');
    expect(step).toContain('`error_rate` is the share of requests that failed');
  });

  test('is defined once however many models and thresholds read it; quality thresholds get no definition', () => {
    const twice = run([
      check('error_rate <= 0.05', 0),
      { ...check('error_rate <= 0.05', 0), model: 'lr' },
    ]);
    expect(summaryTable(twice).split(ERROR_RATE)).toHaveLength(2);
    const quality = run([check('f1_macro >= 0.8', 0.914)]);
    for (const text of [summaryTable(quality), markdownReport(quality), htmlReport(quality)]) {
      expect(text).not.toContain('is the share of requests that failed');
    }
  });
});
