import { describe, expect, test } from 'vitest';
import {
  htmlReport,
  type JudgeSummary,
  markdownReport,
  type RunResults,
  runVerdict,
  summaryTable,
  type ThresholdResult,
} from '../src/index.js';
import { sampleJudge } from './support/generation-results.js';
import { metric } from './support/metric-summary.js';
import { sampleModel, sampleResults } from './support/sample-results.js';

/**
 * A generation run of 400 items graded by a closedqa judge: its headline token_f1 is pinned
 * down (no risk of its own), its judge_score as given; nothing else stands out.
 */
function judgedRun(
  judgeScore: [number, number, number],
  options: {
    mode?: JudgeSummary['mode'];
    metrics?: string[];
    thresholds?: ThresholdResult[];
  } = {},
): RunResults {
  const [value, low, high] = judgeScore;
  const metrics = options.metrics ?? ['token_f1', 'judge_score'];
  const model = sampleModel('subject-gen', {
    items: { total: 400, scored: 400, correct: 0, wrong: 0, unparseable: 0, failed: 0 },
    metrics: { token_f1: metric(0.71, 0.68, 0.74), judge_score: metric(value, low, high) },
    generation: {
      samples: 1,
      reducer: 'mean',
      extractionFailures: 0,
      histograms: {},
      slices: [],
      worstItems: [],
    },
    judge: {
      ...sampleJudge(),
      mode: options.mode ?? 'closedqa',
      repeats: 1,
      graded: 400,
      unscored: 0,
      unscoredReasons: [],
      grades: { C: Math.round(400 * value), I: 400 - Math.round(400 * value) },
      flipRate: null,
    },
  });
  return sampleResults([model], {
    dataset: { source: 'subjects.jsonl', items: 400, labels: {}, groups: {} },
    task: { type: 'generation', labels: [], positiveLabel: null },
    evaluation: {
      ...sampleResults([]).evaluation,
      metrics,
      greaterIsBetter: { token_f1: true, judge_score: true },
    },
    thresholds: options.thresholds ?? [],
  });
}

const WIDE =
  "The 95% interval of subject-gen's judge_score is 0.26 wide (0.580 to 0.840), and no threshold checks judge_score: too few graded answers to pin the judge's score down.";

describe('a judge_score that no threshold checks', () => {
  test('a wide interval is the biggest risk in the terminal, report.md and report.html', () => {
    const r = judgedRun([0.71, 0.58, 0.84]);
    expect(runVerdict(r).metric).toBe('token_f1');
    expect(summaryTable(r).split('\n')).toContain(`  Biggest risk: ${WIDE}`);
    expect(markdownReport(r)).toContain(`**Biggest risk:** ${WIDE}`);
    expect(htmlReport(r)).toContain(
      `<strong>Biggest risk:</strong> ${WIDE.replace("subject-gen's", 'subject-gen&#39;s').replace("judge's", 'judge&#39;s')}`,
    );
  });

  test('a narrow interval that reaches below 0.5 leaves open whether most answers passed', () => {
    const r = judgedRun([0.53, 0.49, 0.57]);
    expect(runVerdict(r).risks[0]).toBe(
      "The 95% interval of subject-gen's judge_score reaches below 0.5 (0.490 to 0.570), and no threshold checks judge_score: the run cannot tell whether the judge graded most answers up or down.",
    );
  });

  test('a wide interval across 0.5 says both in one sentence', () => {
    const r = judgedRun([0.56, 0.41, 0.7]);
    expect(runVerdict(r).risks[0]).toBe(
      "The 95% interval of subject-gen's judge_score is 0.29 wide and reaches below 0.5 (0.410 to 0.700), and no threshold checks judge_score: too few graded answers to pin the judge's score down, or to tell whether it graded most answers up or down.",
    );
  });

  test('a narrow interval above 0.5 is no risk: nothing stands out', () => {
    const r = judgedRun([0.82, 0.78, 0.86]);
    expect(runVerdict(r).risks.join(' ')).not.toContain('judge_score');
  });

  test('pairwise: an interval around 0.5 is a tie the comparison tests, only its width counts', () => {
    expect(
      runVerdict(judgedRun([0.52, 0.47, 0.56], { mode: 'pairwise' })).risks.join(' '),
    ).not.toContain('judge_score');
    expect(runVerdict(judgedRun([0.52, 0.38, 0.66], { mode: 'pairwise' })).risks).toContain(
      "The 95% interval of subject-gen's judge_score is 0.28 wide (0.380 to 0.660), and no threshold checks judge_score: too few graded answers to pin the judge's score down.",
    );
  });

  test('a threshold on judge_score gates it: its interval is the threshold check’s to judge', () => {
    const gate: ThresholdResult = {
      threshold: 'judge_score >= 0.5',
      model: 'subject-gen',
      metric: 'judge_score',
      value: 0.71,
      passed: true,
    };
    const r = judgedRun([0.71, 0.58, 0.84], { thresholds: [gate] });
    expect(runVerdict(r).metric).toBe('judge_score');
    expect(runVerdict(r).risks.join(' ')).not.toContain('no threshold checks judge_score');
  });

  test('a threshold on another model leaves this model’s judge_score ungated', () => {
    const gate: ThresholdResult = {
      threshold: 'token_f1 >= 0.5',
      model: 'subject-gen',
      metric: 'token_f1',
      value: 0.71,
      passed: true,
    };
    const other: ThresholdResult = { ...gate, metric: 'judge_score', model: 'other-model' };
    const r = judgedRun([0.71, 0.58, 0.84], { thresholds: [gate, other] });
    expect(runVerdict(r).risks).toContain(WIDE);
  });

  test('as the headline, its width is said once, as the headline interval', () => {
    const r = judgedRun([0.71, 0.58, 0.84], { metrics: ['judge_score', 'token_f1'] });
    const risks = runVerdict(r).risks.filter((x) => x.includes('judge_score'));
    expect(risks).toEqual([
      "The 95% interval of subject-gen's judge_score is 0.26 wide (0.580 to 0.840): too few items to pin the value down.",
    ]);
  });
});
