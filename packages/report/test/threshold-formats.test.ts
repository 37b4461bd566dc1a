import { describe, expect, it } from 'vitest';
import {
  htmlReport,
  markdownReport,
  runJunitSuite,
  runVerdict,
  stepSummaryMarkdown,
  summaryTable,
  type ThresholdResult,
  thresholdDetails,
  thresholdMessage,
  thresholdOutcome,
} from '../src/index.js';
import { sampleModel, sampleResults } from './support/sample-results.js';

const BOUND: ThresholdResult = {
  threshold: 'accuracy.ci_low >= 0.9',
  model: 'nb',
  metric: 'accuracy',
  value: 0.93,
  passed: false,
  bound: 'ci_low',
  op: '>=',
  limit: 0.9,
  ciLow: 0.8812,
  ciHigh: 0.9688,
  interval: 'bootstrap-percentile',
  outcome: 'fail',
};
const NO_VALUE: ThresholdResult = {
  threshold: 'p95_ttft_ms.ci_high <= 100',
  model: 'nb',
  metric: 'p95_ttft_ms',
  value: null,
  passed: false,
  bound: 'ci_high',
  op: '<=',
  limit: 100,
  ciLow: null,
  ciHigh: null,
  outcome: 'error',
  reason: 'p95_ttft_ms has no value in this run',
};
// written before interval thresholds: no bound, op, limit, interval or outcome
const LEGACY: ThresholdResult = {
  threshold: 'accuracy >= 0.5',
  model: 'nb',
  metric: 'accuracy',
  value: 0.75,
  passed: true,
};

const results = sampleResults([sampleModel('nb')], {
  thresholds: [BOUND, NO_VALUE, LEGACY],
  passed: false,
});

describe('threshold checks in every format', () => {
  it('says what was compared, the value, the interval and the limit', () => {
    expect(thresholdMessage(BOUND, 0.95)).toBe(
      'accuracy.ci_low >= 0.9 fails for nb: accuracy.ci_low 0.8812 is not >= 0.9; value 0.9300, 95% interval [0.8812, 0.9688] (bootstrap-percentile)',
    );
    expect(thresholdMessage(NO_VALUE, 0.9)).toBe(
      'p95_ttft_ms.ci_high <= 100 could not be checked for nb: p95_ttft_ms has no value in this run; value —, 90% interval —',
    );
    expect(thresholdMessage(LEGACY, 0.95)).toBe(
      'accuracy >= 0.5 holds for nb: value 0.7500, 95% interval —',
    );
  });

  it('reads the outcome of files without one from passed and value', () => {
    expect(thresholdOutcome(LEGACY)).toBe('pass');
    expect(thresholdOutcome({ ...LEGACY, passed: false })).toBe('fail');
    expect(thresholdOutcome({ ...LEGACY, passed: false, value: null })).toBe('error');
  });

  it('shows value, interval and verdict in the terminal summary, report.md and report.html', () => {
    const terminal = summaryTable(results);
    expect(terminal).toContain(
      'FAIL  nb: accuracy.ci_low >= 0.9 (accuracy.ci_low 0.8812 is not >= 0.9; value 0.9300, 95% interval [0.8812, 0.9688] (bootstrap-percentile))',
    );
    expect(terminal).toContain('ERROR nb: p95_ttft_ms.ci_high <= 100 (p95_ttft_ms has no value');
    expect(terminal).toContain('PASS  nb: accuracy >= 0.5 (value 0.7500');
    const md = markdownReport(results);
    expect(md).toContain(
      '| `accuracy.ci_low >= 0.9` | nb | 0.9300 | [0.8812, 0.9688] | ci_low | **FAIL** |',
    );
    expect(md).toContain(
      '| `p95_ttft_ms.ci_high <= 100` | nb | — | — | ci_high | **ERROR** (p95_ttft_ms has no value in this run) |',
    );
    const html = htmlReport(results);
    expect(html).toContain(
      '<td><code>accuracy.ci_low &gt;= 0.9</code></td><td class="fail">FAIL</td><td>nb</td><td class="num">0.9300</td><td class="num">[0.8812, 0.9688]</td><td>ci_low</td>',
    );
  });

  it('makes a failure a JUnit failure, a missing value an error, a pass a system-out', () => {
    const suite = runJunitSuite(results);
    expect(suite.cases.map((c) => [c.name, Object.keys(c).sort().join(',')])).toEqual([
      ['accuracy.ci_low >= 0.9 [nb]', 'classname,failure,name'],
      ['p95_ttft_ms.ci_high <= 100 [nb]', 'classname,error,name'],
      ['accuracy >= 0.5 [nb]', 'classname,name,systemOut'],
    ]);
    expect(suite.cases[0]!.failure!.message).toBe(thresholdMessage(BOUND, 0.95));
  });

  it('adds an error case for a model whose metrics are not representative', () => {
    const broken = sampleResults([sampleModel('nb', { notRepresentative: ['12 of 12 failed'] })], {
      thresholds: [LEGACY],
    });
    expect(runJunitSuite(broken).cases.at(-1)).toEqual({
      name: 'metrics representative [nb]',
      classname: 'assay.run',
      error: { message: '12 of 12 failed', type: 'not-representative' },
    });
  });

  it('writes a step summary with the verdict first and the threshold table', () => {
    const md = stepSummaryMarkdown(results);
    expect(md.split('\n')[0]).toBe('### ❌ assay run sample: FAIL');
    expect(md).toContain('| threshold | model | value | 95% interval | compared | result |');
    expect(md.endsWith('\n\n')).toBe(true);
  });

  it('carries a vs baseline caveat after the figures in every format', () => {
    const paired: ThresholdResult = {
      threshold: 'accuracy vs baseline >= -0.05',
      model: 'nb',
      metric: 'accuracy',
      value: 0.01,
      passed: true,
      bound: 'ci_low',
      against: 'baseline',
      op: '>=',
      limit: -0.05,
      ciLow: -0.02,
      ciHigh: 0.04,
      interval: 'bootstrap-bca',
      outcome: 'pass',
      caveat:
        "only 40 predictions were paired with the baseline run: 60 of this run's have no partner in the other run",
    };
    expect(thresholdMessage(paired, 0.95)).toBe(
      "accuracy vs baseline >= -0.05 holds for nb: accuracy.ci_low vs baseline -0.0200 >= -0.05; value 0.0100, 95% interval [-0.0200, 0.0400] (bootstrap-bca); but only 40 predictions were paired with the baseline run: 60 of this run's have no partner in the other run",
    );
    const r = sampleResults([sampleModel('nb')], { thresholds: [paired] });
    expect(summaryTable(r)).toContain('(bootstrap-bca); but only 40 predictions were paired');
    expect(markdownReport(r)).toContain(
      '| pass (only 40 predictions were paired with the baseline run:',
    );
    expect(htmlReport(r)).toContain(
      '<td class="pass">pass<br><span class="note">only 40 predictions were paired with the baseline run:',
    );
    expect(runJunitSuite(r).cases[0]!.systemOut).toContain('but only 40 predictions were paired');
  });

  it('names the baseline run and model and shows both values beside the difference of a vs baseline check', () => {
    const failed: ThresholdResult = {
      threshold: 'log_loss vs baseline <= 0.02',
      model: 'nb-v2',
      metric: 'log_loss',
      value: 0.0409,
      passed: false,
      bound: 'ci_high',
      against: 'baseline',
      op: '<=',
      limit: 0.02,
      ciLow: 0.0201,
      ciHigh: 0.0617,
      interval: 'bootstrap-bca',
      outcome: 'fail',
      baseline: {
        results: '/runs/old/results.json',
        model: 'nb',
        baselineValue: 0.1431,
        current: 0.184,
      },
    };
    expect(thresholdMessage(failed, 0.95)).toBe(
      'log_loss vs baseline <= 0.02 fails for nb-v2: log_loss.ci_high vs baseline 0.0617 is not <= 0.02; difference +0.0409 (0.1840 vs baseline 0.1431), baseline model nb of /runs/old/results.json, 95% interval [0.0201, 0.0617] (bootstrap-bca)',
    );
    const r = sampleResults([sampleModel('nb-v2')], { thresholds: [failed] });
    // the verdict quotes the difference and its interval, not the interval's upper end alone
    expect(markdownReport(r)).toContain(
      'fails for nb-v2 (difference +0.0409 (0.1840 vs baseline 0.1431), interval [0.0201, 0.0617])',
    );
    expect(markdownReport(r)).toContain(
      '| +0.0409 (0.1840 vs baseline 0.1431) | [0.0201, 0.0617] | ci_high | **FAIL** (baseline model nb of /runs/old/results.json) |',
    );
    expect(htmlReport(r)).toContain('<td class="num">+0.0409 (0.1840 vs baseline 0.1431)</td>');
  });

  it("gives a decided(thresholds) sequence's own level, not evaluation.ci, in every format", () => {
    const sequence: ThresholdResult = {
      ...BOUND,
      threshold: 'error_rate <= 0.05',
      metric: 'error_rate',
      value: 0,
      passed: true,
      bound: 'value',
      op: '<=',
      limit: 0.05,
      ciLow: 0,
      ciHigh: 0.025,
      interval: 'confidence-sequence',
      level: 0.975,
      outcome: 'pass',
    };
    expect(thresholdMessage(sequence, 0.95)).toBe(
      'error_rate <= 0.05 holds for nb: error_rate 0.0000 <= 0.05; value 0.0000, 97.5% interval [0.0000, 0.0250] (confidence-sequence)',
    );
    const r = sampleResults([sampleModel('nb')], { thresholds: [sequence] });
    expect(markdownReport(r)).toContain('| [0.0000, 0.0250] at 97.5% |');
    expect(htmlReport(r)).toContain('<td class="num">[0.0000, 0.0250] at 97.5%</td>');
    expect(summaryTable(r)).toContain('97.5% interval [0.0000, 0.0250] (confidence-sequence)');
  });
});

describe('a failed interval threshold in the verdict', () => {
  // `error_rate.ci_high <= 0.02` read the interval's upper end (0.0574), not the rate (0.0413)
  const onHigh: ThresholdResult = {
    threshold: 'error_rate.ci_high <= 0.02',
    model: 'nb',
    metric: 'error_rate',
    value: 0.0413,
    passed: false,
    bound: 'ci_high',
    op: '<=',
    limit: 0.02,
    ciLow: 0.0295,
    ciHigh: 0.0574,
    interval: 'wilson',
    outcome: 'fail',
  };
  const gated = sampleResults([sampleModel('nb')], { thresholds: [onHigh], passed: false });
  const said = 'fails for nb (error_rate 0.0413, interval upper end 0.0574)';

  it('names the interval end it gated on as such, beside the value, in every format', () => {
    expect(runVerdict(gated).outcome).toBe(`error_rate.ci_high <= 0.02 ${said}.`);
    expect(summaryTable(gated)).toContain(`Verdict: FAIL. error_rate.ci_high <= 0.02 ${said}.`);
    expect(markdownReport(gated)).toContain(`\`error_rate.ci_high <= 0.02\` ${said}.`);
    expect(stepSummaryMarkdown(gated)).toContain(`\`error_rate.ci_high <= 0.02\` ${said}.`);
    expect(htmlReport(gated)).toContain(`error_rate.ci_high &lt;= 0.02 ${said}.`);
    // the lower end too, and a plain threshold keeps its one figure
    const onLow = runVerdict(sampleResults([sampleModel('nb')], { thresholds: [BOUND] }));
    expect(onLow.outcome).toBe(
      'accuracy.ci_low >= 0.9 fails for nb (accuracy 0.9300, interval lower end 0.8812).',
    );
    const plain = { ...onHigh, threshold: 'error_rate <= 0.02', bound: 'value' as const };
    expect(runVerdict(sampleResults([sampleModel('nb')], { thresholds: [plain] })).outcome).toBe(
      'error_rate <= 0.02 fails for nb (0.0413).',
    );
  });
});

describe('the step summary', () => {
  it('writes p95 latency and the error rate as the terminal and the threshold table do', () => {
    const model = sampleModel('nb');
    model.service = {
      ...model.service,
      latencyMs: { ...model.service.latencyMs, p95: 8.5744 },
      errorRate: 0,
    };
    const md = stepSummaryMarkdown(sampleResults([model]));
    expect(md).toMatch(/\| 8\.6 \| 0\.0000 \|$/m);
    expect(summaryTable(sampleResults([model]))).toMatch(/\b8\.6\b/);
  });
});

describe('a failed interval threshold that the run was too small to pass', () => {
  const tooFew: ThresholdResult = {
    threshold: 'error_rate.ci_high <= 0.02',
    model: 'nb',
    metric: 'error_rate',
    value: 0,
    passed: false,
    bound: 'ci_high',
    op: '<=',
    limit: 0.02,
    ciLow: 0,
    ciHigh: 0.0876,
    interval: 'wilson',
    outcome: 'fail',
    sizeNeeded: { unit: 'requests', had: 40, needed: 189, best: 0.0876 },
  };

  it('says how many requests the bound needs at best and how many the run had', () => {
    expect(thresholdDetails(tooFew, 0.95)).toBe(
      'error_rate.ci_high 0.0876 is not <= 0.02; value 0.0000, 95% interval [0.0000, 0.0876] (wilson); this run had 40 requests, too few for the bound: even with none failed, the 95% Wilson upper end would be 0.0876, and the bound needs at least 189 requests (evaluate more items or loosen the bound)',
    );
    const { sizeNeeded: _, ...older } = tooFew;
    expect(thresholdDetails(older, 0.95)).not.toContain('too few');
  });
});

describe("a failed interval threshold on a task's share at 1", () => {
  const perfect: ThresholdResult = {
    threshold: 'accuracy.ci_low >= 0.95',
    model: 'nb',
    metric: 'accuracy',
    value: 1,
    passed: false,
    bound: 'ci_low',
    op: '>=',
    limit: 0.95,
    ciLow: 0.9124,
    ciHigh: 1,
    interval: 'wilson',
    outcome: 'fail',
    sizeNeeded: { unit: 'items', had: 40, needed: 73, best: 0.9124 },
  };

  it('says what a perfect run of this size reaches, not that no run of this size could pass', () => {
    const text = thresholdDetails(perfect, 0.95);
    expect(text).toContain(
      '; with every one of its 40 items right, the 95% Wilson lower end is 0.9124: such a run needs at least 73 items to meet >= 0.95 (evaluate more items or loosen the bound; a run with a wrong answer gets a bootstrap interval instead)',
    );
    expect(text).not.toContain('too few');
  });
});

describe('a compared figure that rounds onto its limit', () => {
  const nearly: ThresholdResult = {
    threshold: 'f1_macro.ci_low >= 0.93',
    model: 'nb',
    metric: 'f1_macro',
    value: 0.955,
    passed: false,
    bound: 'ci_low',
    op: '>=',
    limit: 0.93,
    ciLow: 0.9299990666,
    ciHigh: 0.97,
    interval: 'bootstrap-percentile',
    outcome: 'fail',
  };

  it('shows as many decimals as put it on its side of the limit, never "0.9300 is not >= 0.93"', () => {
    expect(thresholdDetails(nearly, 0.95)).toBe(
      'f1_macro.ci_low 0.929999 is not >= 0.93; value 0.9550, 95% interval [0.9300, 0.9700] (bootstrap-percentile)',
    );
    const clear = { ...nearly, ciLow: 0.91234 };
    expect(thresholdDetails(clear, 0.95)).toMatch(/^f1_macro\.ci_low 0\.9123 is not >= 0\.93;/);
    const exact = { ...nearly, ciLow: 0.93, passed: true, outcome: 'pass' as const };
    expect(thresholdDetails(exact, 0.95)).toMatch(/^f1_macro\.ci_low 0\.9300 >= 0\.93;/);
  });
});
