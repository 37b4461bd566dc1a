import { describe, expect, it } from 'vitest';
import { metricRange } from '../src/config/threshold-range-checks.js';
import {
  CLASSIFICATION_METRICS,
  GENERATION_SCORERS,
  REGRESSION_METRICS,
  type RunConfigInput,
  SERVICE_METRICS,
} from '../src/index.js';
import { configIssues, thresholdConfig } from './support/threshold-config.js';

const config = thresholdConfig;
const issuesOf = (input: RunConfigInput) => configIssues(input, false);

describe('a threshold whose number lies outside the values its figure can take', () => {
  it('is refused before any request, naming the range and the fraction a percentage meant', () => {
    expect(issuesOf(config(['accuracy >= 90']))).toEqual([
      "thresholds[0]: 'accuracy >= 90': accuracy lies between 0 and 1, so it is never >= 90 and the threshold would fail after every request was paid for; write a share as a fraction: accuracy >= 0.9",
    ]);
    expect(issuesOf(config(['accuracy.ci_high >= 1.5']))).toEqual([
      "thresholds[0]: 'accuracy.ci_high >= 1.5': accuracy lies between 0 and 1, so it is never >= 1.5 and the threshold would fail after every request was paid for; write a share as a fraction: accuracy.ci_high >= 0.015",
    ]);
  });

  it.each([
    ['error_rate < 0', 'error_rate lies between 0 and 1, so it is never < 0', 'set a number'],
    ['f1_macro > 1', 'f1_macro lies between 0 and 1, so it is never > 1', 'set a number'],
    ['matthews_corrcoef <= -1.5', 'lies between -1 and 1, so it is never <= -1.5', 'set a number'],
    ['p95_latency_ms.ci_high < 0', 'p95_latency_ms is never below 0', 'set a number'],
    [
      'total_cost_usd <= -1',
      'total_cost_usd is never below 0, so it is never <= -1',
      'set a number',
    ],
    ['mean_absolute_error < 0', 'mean_absolute_error is never below 0', 'set a number'],
    ['accuracy == 2', 'accuracy lies between 0 and 1, so it is never == 2', 'accuracy == 0.02'],
  ])('%s', (threshold, why, instead) => {
    const task = threshold.startsWith('mean_') ? { task: { type: 'regression' } } : {};
    const issues = issuesOf(config([threshold], task));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toContain(`'${threshold}': `);
    expect(issues[0]).toContain(`${why}`);
    expect(issues[0]).toContain('and the threshold would fail after every request was paid for');
    expect(issues[0]).toContain(instead);
  });

  it('offers the fraction only where it can pass, written as meant', () => {
    expect(issuesOf(config(['accuracy >= 57.7']))[0]).toMatch(/fraction: accuracy >= 0\.577$/);
    // > 1 cannot pass either: no fraction offered
    expect(issuesOf(config(['accuracy > 100']))[0]).toMatch(/set a number the figure can reach$/);
  });

  it('reads a difference from the baseline against the range of differences', () => {
    const extra = { baseline: 'runs/last-week' };
    expect(issuesOf(config(['accuracy vs baseline >= 2'], extra))).toEqual([
      "thresholds[0]: 'accuracy vs baseline >= 2': accuracy lies between 0 and 1, so its difference from the baseline lies between -1 and 1, so it is never >= 2 and the threshold would fail after every request was paid for; set a number the figure can reach",
    ]);
    expect(issuesOf(config(['accuracy vs baseline >= -0.5'], extra))).toEqual([]);
  });

  it('lets every number the figure can reach through, the range ends included', () => {
    const ok = [
      'accuracy >= 1',
      'accuracy <= 0',
      'accuracy.ci_low >= 0.95',
      'error_rate.ci_high <= 0.02',
      'matthews_corrcoef >= -1',
      'p95_latency_ms <= 800',
      'requests_per_s >= 1000000',
    ];
    expect(issuesOf(config(ok))).toEqual([]);
    const regression = { task: { type: 'regression' } };
    expect(issuesOf(config(['r2 >= -5', 'mae <= 0', 'rmse < 1e9'], regression))).toEqual([]);
    expect(issuesOf(config(['r2 > 1'], regression))[0]).toContain('r2 is never above 1');
  });

  it('reads a renamed generation scorer as its metric, and BLEU on its 0-100 scale', () => {
    const generation = {
      task: {
        type: 'generation',
        scorers: ['bleu', { name: 'strict', metric: 'exact_match' }],
      },
      prompt: { template: 'Answer:\n\n{{text}}' },
      dataset: { path: 'qa.jsonl', columns: { text: 'q', reference: 'a' } },
    };
    expect(issuesOf(config(['bleu >= 40', 'strict >= 0.8'], generation))).toEqual([]);
    const issues = issuesOf(config(['bleu > 100', 'strict >= 80'], generation));
    expect(issues).toEqual([
      "thresholds[0]: 'bleu > 100': bleu lies between 0 and 100, so it is never > 100 and the threshold would fail after every request was paid for; set a number the figure can reach",
      "thresholds[1]: 'strict >= 80': strict (exact_match) lies between 0 and 1, so it is never >= 80 and the threshold would fail after every request was paid for; write a share as a fraction: strict >= 0.8",
    ]);
  });

  it('knows a range for every task, generation and service metric', () => {
    const names = [
      ...CLASSIFICATION_METRICS,
      ...REGRESSION_METRICS,
      ...GENERATION_SCORERS,
      ...SERVICE_METRICS,
    ];
    expect(names.filter((m) => metricRange(m) === undefined)).toEqual([]);
  });
});
