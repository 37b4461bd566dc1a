import { SERVICE_METRIC_NAMES } from '@assay/report';
import { describe, expect, it } from 'vitest';
import { thresholdFormProblem } from '../src/config/threshold-form-checks.js';
import {
  parseRunConfig,
  parseThreshold,
  type RunConfigInput,
  SERVICE_METRICS,
  taskFor,
} from '../src/index.js';
import { thresholdValue } from '../src/summary/check-thresholds.js';
import { configIssues, thresholdConfig } from './support/threshold-config.js';

const config = thresholdConfig;
const issuesOf = (input: RunConfigInput) => configIssues(input);

describe('threshold expressions', () => {
  it.each([
    ['f1_macro >= 0.9', { metric: 'f1_macro', op: '>=', value: 0.9 }],
    ['f1_macro.ci_low >= 0.9', { metric: 'f1_macro', bound: 'ci_low', op: '>=', value: 0.9 }],
    ['accuracy.ci_high <= 0.99', { metric: 'accuracy', bound: 'ci_high', op: '<=', value: 0.99 }],
    [
      'p95_latency_ms.ci_high<=800',
      { metric: 'p95_latency_ms', bound: 'ci_high', op: '<=', value: 800 },
    ],
    [
      'f1_macro vs baseline >= -0.01',
      { metric: 'f1_macro', against: 'baseline', op: '>=', value: -0.01 },
    ],
    [
      '  f1_macro.ci_low   vs   baseline > -1e-2 ',
      { metric: 'f1_macro', bound: 'ci_low', against: 'baseline', op: '>', value: -0.01 },
    ],
    ['error_rate == 0', { metric: 'error_rate', op: '==', value: 0 }],
    ['mae < .5', { metric: 'mae', op: '<', value: 0.5 }],
  ])('parses %s', (source, expected) => {
    const parsed = parseThreshold(source);
    expect(parsed).toEqual({ ok: true, threshold: { source, ...expected } });
  });

  it('leaves bound and against out of a point threshold', () => {
    const parsed = parseThreshold('f1_macro >= 0.9');
    expect(parsed.ok && Object.keys(parsed.threshold).sort()).toEqual([
      'metric',
      'op',
      'source',
      'value',
    ]);
  });

  it.each([
    [
      'f1_macro.ci_lo >= 0.9',
      10,
      "'f1_macro.ci_lo >= 0.9': unknown bound 'ci_lo' at column 10 (valid: ci_low, ci_high)",
    ],
    [
      'f1_macro. >= 0.9',
      10,
      "'f1_macro. >= 0.9': expected an interval bound (ci_low, ci_high) after '.' at column 10, found '>='",
    ],
    [
      'f1_macro => 0.9',
      10,
      "'f1_macro => 0.9': expected an operator (>=, >, <=, <, ==) at column 10, found '=>'; did you mean '>='? Write the comparison with the '=' last (>=, <=) or doubled (==)",
    ],
    ['f1_macro >= high', 13, "'f1_macro >= high': expected a number at column 13, found 'high'"],
    ['f1_macro >=', 12, "'f1_macro >=': expected a number at column 12, found the end"],
    [
      'f1_macro vs best >= 0',
      13,
      "'f1_macro vs best >= 0': expected 'baseline' after 'vs' at column 13, found 'best'",
    ],
    [
      'f1_macro >= 0.9 and more',
      17,
      "'f1_macro >= 0.9 and more': expected the end after the number at column 17, found 'and'",
    ],
    ['>= 0.9', 1, "'>= 0.9': expected a metric name at column 1, found '>='"],
    ['', 1, "'': expected a metric name at column 1, found the end"],
    ['9lives >= 1', 1, "'9lives >= 1': expected a metric name at column 1, found '9lives'"],
  ])('rejects %s at column %i', (source, column, message) => {
    expect(parseThreshold(source)).toEqual({ ok: false, column, message });
  });

  it('shows the list form where one check is written as a string, a map or a number', () => {
    const list =
      "expected a list of checks, each a string such as 'accuracy >= 0.9' (YAML: thresholds: [accuracy >= 0.9], or one '- accuracy >= 0.9' line per check)";
    expect(issuesOf(config('accuracy >= 0.9' as never))).toEqual([
      `thresholds: ${list}; got the string "accuracy >= 0.9"`,
    ]);
    expect(issuesOf(config({ accuracy: 0.9 } as never))).toEqual([
      `thresholds: ${list}; got an object`,
    ]);
    expect(issuesOf(config([0.9] as never))).toEqual([
      "thresholds[0]: expected a check written as a string such as 'accuracy >= 0.9' (metric, operator, number); got 0.9",
    ]);
  });

  it('names the threshold path and the expression in a config error', () => {
    const issues = issuesOf(
      config(['accuracy >= 0.5', 'accuracy >= 0.5', 'f1_macro.ci_lo >= 0.9']),
    );
    expect(issues).toEqual([
      "thresholds[2]: 'f1_macro.ci_lo >= 0.9': unknown bound 'ci_lo' at column 10 (valid: ci_low, ci_high)",
    ]);
  });

  it('keeps the did-you-mean for an unknown metric with a bound', () => {
    const issues = issuesOf(config(['f1_marco.ci_low >= 0.9']));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(
      /^thresholds\[0\]: unknown metric 'f1_marco'; did you mean 'f1_macro'\?/,
    );
  });

  it('refuses a bound on a service metric without an interval, with the reason', () => {
    const issues = issuesOf(config(['requests_per_s.ci_low >= 3']));
    expect(issues).toEqual([
      "thresholds[0]: 'requests_per_s.ci_low >= 3': requests_per_s has no interval (a rate over the wall time of the run is one measurement, not a sample mean); compare its value instead, e.g. 'requests_per_s >= 3'",
    ]);
  });

  it('refuses a bound on a bootstrap metric when evaluation.bootstrap is 0, but not on a Wilson rate or a latency percentile', () => {
    const issues = issuesOf(
      config(
        ['f1_macro.ci_low >= 0.9', 'error_rate.ci_high <= 0.1', 'p95_ttft_ms.ci_high <= 800'],
        {
          evaluation: { bootstrap: 0 },
        },
      ),
    );
    expect(issues).toEqual([
      "thresholds[0]: 'f1_macro.ci_low >= 0.9': f1_macro has no interval because evaluation.bootstrap is 0; set evaluation.bootstrap (e.g. 1000) or compare the value",
    ]);
  });

  it('refuses a vs baseline threshold without a baseline key, and accepts it with one', () => {
    expect(issuesOf(config(['f1_macro vs baseline >= -0.01']))).toEqual([
      "thresholds[0]: 'f1_macro vs baseline >= -0.01': a 'vs baseline' threshold needs the 'baseline' key (the output directory or results.json of the run to compare with)",
    ]);
    const parsed = parseRunConfig(
      config(['f1_macro vs baseline >= -0.01'], { baseline: 'runs/last-week' }),
    );
    expect(parsed.baseline).toBe('runs/last-week');
  });

  it('refuses a vs baseline threshold on a service metric before anything is sent: it has no paired difference', () => {
    const issues = issuesOf(
      config(['p95_latency_ms vs baseline <= 50', 'f1_macro vs baseline >= -0.01'], {
        baseline: 'runs/last-week',
      }),
    );
    expect(issues).toEqual([
      "thresholds[0]: 'p95_latency_ms vs baseline <= 50': p95_latency_ms is a service figure of the whole run, with no item-by-item difference from the baseline to check; gate it on its own ('p95_latency_ms <= <number>') or set the runs side by side with assay compare",
    ]);
  });

  it('refuses a vs baseline threshold on judge_score before anything is sent: no judge grades are paired', () => {
    const problem = thresholdFormProblem(
      {
        source: 'judge_score vs baseline >= -0.05',
        metric: 'judge_score',
        against: 'baseline',
        op: '>=',
        value: -0.05,
      },
      { baseline: 'runs/last-week', judge: { mode: 'closedqa' } },
    );
    expect(problem).toBe(
      "'judge_score vs baseline >= -0.05': judge_score is the judge's figure of the whole run, and assay compare pairs no judge grades item by item, so it has no difference from the baseline to check; gate it on its own ('judge_score >= <number>')",
    );
  });
});

describe('the figure a task-metric threshold reads', () => {
  it('is the pooled value, the one its interval describes, not the fold mean', () => {
    const config = parseRunConfig(
      {
        dataset: { builtin: 'spam-assassin', limit: 20 },
        task: { type: 'classification', labels: ['spam', 'ham'] },
        prompt: { template: 'Classify:\n\n{{text}}' },
        models: [
          { name: 'a', provider: 'openai-chat', baseUrl: 'http://127.0.0.1:1/v1', model: 'm' },
        ],
      },
      { baseDir: '/tmp' },
    );
    // unshuffled folds of a file sorted by label: fold mean 0.63, pooled 0.93 [0.89, 0.97]
    const f1 = { value: 0.933, mean: 0.631, ciLow: 0.89, ciHigh: 0.975 };
    const scores = { f1_macro: f1 } as never;
    expect(thresholdValue({} as never, scores, 'f1_macro', taskFor(config.task))).toBe(0.933);
  });
});

describe('the service metrics the report tells apart from quality metrics', () => {
  it('are exactly the service metrics a threshold may gate', () => {
    // a PASS on these alone is qualified in the verdict: a new service metric must join both
    expect([...SERVICE_METRIC_NAMES].sort()).toEqual([...SERVICE_METRICS].sort());
  });
});
