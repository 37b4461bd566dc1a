import { describe, expect, test } from 'vitest';
import {
  htmlReport,
  type ModelResult,
  markdownReport,
  type RunResults,
  runVerdict,
  summaryTable,
  type ThresholdResult,
} from '../src/index.js';
import { metric } from './support/metric-summary.js';
import { sampleModel, sampleResults } from './support/sample-results.js';

/** A spam model of 200 items with a cost and a p95 latency. */
function spam(name: string, f1: number, costUsd: number | null, p95: number): ModelResult {
  const m = sampleModel(name, { metrics: { f1_macro: metric(f1, f1 - 0.03, f1 + 0.02) } });
  m.items = { total: 200, scored: 200, correct: 190, wrong: 10, unparseable: 0, failed: 0 };
  m.service = {
    ...m.service,
    costUsd,
    latencyMs: { ...m.service.latencyMs, p95 },
  };
  return m;
}

/** A passed `p95_latency_ms` threshold: what carries a model's p95 interval into the results. */
function p95Gate(model: string, p95: number, ciLow: number, ciHigh: number): ThresholdResult {
  return {
    threshold: 'p95_latency_ms <= 500',
    model,
    metric: 'p95_latency_ms',
    value: p95,
    passed: true,
    bound: 'value',
    op: '<=',
    limit: 500,
    ciLow,
    ciHigh,
    interval: 'bootstrap-percentile',
    outcome: 'pass',
  };
}

/** p95 intervals of spam-v1 (p95 234 ms) and spam-v2 (251 ms) that do not overlap. */
const APART = [p95Gate('spam-v1', 234, 225, 240), p95Gate('spam-v2', 251, 244, 262)];
/** p95 intervals that overlap: the same 17 ms difference, within the noise. */
const OVERLAPPING = [p95Gate('spam-v1', 234, 200, 280), p95Gate('spam-v2', 251, 210, 300)];

/** spam-v1 against spam-v2, as the run compared them (difference v2 − v1). */
function pair(
  difference: number,
  pValue: number,
  v2Cost: number | null = 0.0992,
  thresholds: ThresholdResult[] = APART,
): RunResults {
  return sampleResults([spam('spam-v1', 0.96, 0.198, 234), spam('spam-v2', 0.975, v2Cost, 251)], {
    thresholds,
    evaluation: {
      method: 'all',
      folds: 1,
      repeats: 1,
      seed: 0,
      bootstrap: 300,
      ci: 0.95,
      metrics: ['f1_macro'],
      greaterIsBetter: { f1_macro: true },
      fewShot: [[]],
    },
    comparisons: [
      {
        a: 'spam-v1',
        b: 'spam-v2',
        pairedItems: 200,
        mcnemar: null,
        metrics: {
          f1_macro: { difference, ciLow: -0.01, ciHigh: 0.04, pValue, pHolm: null },
        },
      },
    ],
  });
}

describe('the verdict of a run of two models', () => {
  test('compares them on the headline metric, in cost and at p95, and recommends no more than that', () => {
    const v = runVerdict(pair(0.015, 0.25));
    expect(v.choice).toBe(
      'spam-v2 scores +0.015 f1_macro [-0.010, 0.040] against spam-v1, not a significant difference (p 0.250); spam-v2 costs half as much ($0.0992 vs $0.198 for 200 items) and is 17 ms slower at p95 (251 ms vs 234 ms; their 95% intervals do not overlap). Neither is clearly better on f1_macro: choose on cost (spam-v2 is cheaper) or latency (spam-v1 is faster at p95).',
    );
  });

  test('claims no model faster when their p95 intervals overlap, and says nothing of latency without intervals', () => {
    // a rerun against the same servers flipped "22 ms faster" into "266 ms slower": noise
    const overlapping = runVerdict(pair(0.015, 0.25, 0.0992, OVERLAPPING)).choice!;
    expect(overlapping).toContain(
      'spam-v2 costs half as much ($0.0992 vs $0.198 for 200 items) and shows no clear difference in p95 latency (251 ms vs 234 ms; their 95% intervals overlap).',
    );
    expect(overlapping).not.toMatch(/faster|slower/);
    expect(overlapping).toMatch(/choose on cost \(spam-v2 is cheaper\)\.$/);
    // no p95_latency_ms threshold, so no interval: no latency claim at all
    const untested = runVerdict(pair(0.015, 0.25, null, [])).choice!;
    expect(untested).not.toMatch(/faster|slower|latency|p95/);
    expect(untested).toMatch(
      /Neither is clearly better on f1_macro; this run cannot tell them apart\.$/,
    );
  });

  test('names the better model only when the difference is significant', () => {
    expect(runVerdict(pair(0.015, 0.01)).choice).toContain(
      'a significant difference (p 0.010): spam-v2 is better; spam-v2 costs half as much',
    );
    expect(runVerdict(pair(0.015, 0.01)).choice).toMatch(
      /spam-v2 is the better choice on these numbers: better on f1_macro and cheaper\.$/,
    );
    // better but dearer: a trade-off, not a pick
    expect(runVerdict(pair(0.015, 0.01, 0.5)).choice).toMatch(
      /spam-v2 is better on f1_macro, spam-v1 is cheaper: weigh the gain against the cost\.$/,
    );
  });

  test('leaves cost out without a price, and says nothing for one model', () => {
    const choice = runVerdict(pair(0.015, 0.25, null)).choice!;
    expect(choice).not.toContain('$');
    expect(choice).toContain(
      '; spam-v2 is 17 ms slower at p95 (251 ms vs 234 ms; their 95% intervals do not overlap).',
    );
    expect(runVerdict(sampleResults([sampleModel('nb')])).choice).toBeNull();
  });

  test('every report carries it: the verdict box, report.md and the terminal', () => {
    const r = pair(0.015, 0.25);
    const html = htmlReport(r);
    const box = html.slice(html.indexOf('<section class="verdict'), html.indexOf('</section>'));
    expect(box).toContain('<p class="choice"><strong>Which model:</strong> spam-v2 scores +0.015');
    expect(markdownReport(r)).toContain('**Which model:** spam-v2 scores +0.015 f1_macro');
    expect(summaryTable(r).split('\n')[4]).toMatch(/^ {2}Which model: spam-v2 scores/);
  });

  test('the summary cards show each model’s cost when a price is known', () => {
    const html = htmlReport(pair(0.015, 0.25));
    expect(html).toContain('cost $0.198 for 200 items ($0.000990 per item)');
    expect(html).toContain('cost $0.0992 for 200 items ($0.000496 per item)');
    expect(htmlReport(sampleResults([sampleModel('nb')]))).not.toContain('per item)');
  });
});
