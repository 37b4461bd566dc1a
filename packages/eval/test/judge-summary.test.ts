import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  humanGradeLabel,
  type JudgedDraw,
  type JudgeVerdict,
  judgeAgreement,
  judgeScoreInterval,
  summarizeJudge,
} from '../src/index.js';

const kappaFixture = (
  JSON.parse(readFileSync(new URL('./fixtures/judge-fixtures.json', import.meta.url), 'utf8')) as {
    kappa: {
      human: string[];
      judge: string[];
      labels: string[];
      matrix: number[][];
      cases: { weights: 'none' | 'linear' | 'quadratic'; kappa: number }[];
    };
  }
).kappa;

const NO_BOOTSTRAP = { resamples: 0, level: 0.95, seed: 0 };
const BOOTSTRAP = { resamples: 400, level: 0.95, seed: 7 };
const closed = (grade: 'C' | 'P' | 'I'): JudgeVerdict => ({
  unscored: false,
  grade,
  score: { C: 1, P: 0.5, I: 0 }[grade],
});
const options = {
  client: 'grader',
  mode: 'closedqa' as const,
  temperature: 0,
  seed: 0,
  repeats: 1,
  bootstrap: NO_BOOTSTRAP,
};

describe('agreement with people', () => {
  test('kappa and confusion matrix equal scikit-learn, rows human, columns judge', () => {
    const pairs = kappaFixture.human.map((human, i) => ({
      item: String(i),
      human,
      judge: kappaFixture.judge[i]!,
    }));
    for (const c of kappaFixture.cases) {
      const a = judgeAgreement(pairs, {
        labels: kappaFixture.labels,
        weights: c.weights,
        bootstrap: NO_BOOTSTRAP,
      });
      expect(a.kappa).toBeCloseTo(c.kappa, 12);
      expect(a.matrix).toEqual(kappaFixture.matrix);
      expect(a.labels).toEqual(['I', 'P', 'C']);
      expect(a.n).toBe(16);
    }
  });

  test('the bootstrap interval holds the estimate and resamples items, not pairs', () => {
    const pairs = kappaFixture.human.map((human, i) => ({
      item: String(i),
      human,
      judge: kappaFixture.judge[i]!,
    }));
    const perPair = judgeAgreement(pairs, {
      labels: kappaFixture.labels,
      weights: 'quadratic',
      bootstrap: BOOTSTRAP,
    });
    expect(perPair.ciLow!).toBeLessThanOrEqual(perPair.kappa!);
    expect(perPair.ciHigh!).toBeGreaterThanOrEqual(perPair.kappa!);
    // the same pairs three times per item: no new information, so no narrower interval
    const tripled = judgeAgreement(
      pairs.flatMap((p) => [p, p, p]),
      { labels: kappaFixture.labels, weights: 'quadratic', bootstrap: BOOTSTRAP },
    );
    expect(tripled.kappa).toBeCloseTo(perPair.kappa!, 12);
    expect(tripled.ciHigh! - tripled.ciLow!).toBeCloseTo(perPair.ciHigh! - perPair.ciLow!, 12);
  });

  test('one grade on both sides: kappa undefined (null), not 1', () => {
    const a = judgeAgreement(
      [
        { item: '1', human: 'C', judge: 'C' },
        { item: '2', human: 'C', judge: 'C' },
      ],
      { labels: ['I', 'C'], weights: 'none', bootstrap: BOOTSTRAP },
    );
    expect(a).toMatchObject({ kappa: null, ciLow: null, ciHigh: null, n: 2 });
  });

  test('human grade cells: trimmed and case-blind, empty is no grade, others are not labels', () => {
    expect(humanGradeLabel(' c ', ['I', 'C'])).toBe('C');
    expect(humanGradeLabel('', ['I', 'C'])).toBeNull();
    expect(humanGradeLabel(undefined, ['I', 'C'])).toBeNull();
    expect(humanGradeLabel('maybe', ['I', 'C'])).toBeUndefined();
  });
});

describe('judge score interval', () => {
  test('the mean over scored draws; disagreeing repeats widen the interval', () => {
    const steady = Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? [1, 1, 1] : [0, 0, 0]));
    const flipping = Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? [1, 0, 1] : [0, 1, 0]));
    const a = judgeScoreInterval(steady, BOOTSTRAP);
    const b = judgeScoreInterval(flipping, BOOTSTRAP);
    expect(a.value).toBe(0.5);
    expect(b.value).toBe(0.5);
    expect(a.ciHigh! - a.ciLow!).toBeGreaterThan(0);
    // the item means of the flipping judge lie closer together, but the draws add variance
    // within items; the two-stage resample keeps both, so the width does not collapse
    expect(b.ciHigh! - b.ciLow!).toBeGreaterThan(0.5 * (a.ciHigh! - a.ciLow!));
  });

  test('nothing scored gives null; no resamples gives no interval', () => {
    expect(judgeScoreInterval([[], []], BOOTSTRAP)).toEqual({
      value: null,
      ciLow: null,
      ciHigh: null,
    });
    expect(judgeScoreInterval([[1], [0]], NO_BOOTSTRAP)).toEqual({
      value: 0.5,
      ciLow: null,
      ciHigh: null,
    });
  });

  test('all graded right (or wrong) once each gives the Wilson interval of the count (statsmodels)', () => {
    // plus an item whose only draw was unscored: drawn, adding nothing
    const right = judgeScoreInterval([...Array.from({ length: 9 }, () => [1]), []], BOOTSTRAP);
    expect(right.ciMethod).toBe('wilson');
    // proportion_confint(9, 9, alpha=0.05, method='wilson')
    expect(right.ciLow).toBeCloseTo(0.7008549515804557, 12);
    expect(right.ciHigh).toBeCloseTo(1, 12);
    const wrong = judgeScoreInterval(
      Array.from({ length: 5 }, () => [0]),
      { ...BOOTSTRAP, level: 0.9 },
    );
    // proportion_confint(0, 5, alpha=0.1, method='wilson')
    expect([wrong.ciLow, wrong.ciHigh, wrong.ciMethod]).toEqual([
      0,
      expect.closeTo(0.3511165007651014, 12),
      'wilson',
    ]);
  });

  test('items graded several times count once each: 9 items right in all their draws are 9 of 9', () => {
    const draws = Array.from({ length: 9 }, (_, i) => [
      {
        item: `i${i}`,
        answer: `i${i}`,
        repeat: 0,
        verdict: { unscored: false as const, grade: 'C', score: 1 },
      },
      {
        item: `i${i}`,
        answer: `i${i}`,
        repeat: 1,
        verdict: { unscored: false as const, grade: 'C', score: 1 },
      },
    ]).flat();
    const settings = {
      client: 'j',
      mode: 'closedqa' as const,
      temperature: 0,
      seed: 0,
      bootstrap: BOOTSTRAP,
    };
    const twice = summarizeJudge(draws, { ...settings, repeats: 2 });
    // proportion_confint(9, 9, alpha=0.05, method='wilson'), not 18 of 18 draws
    expect(twice.score.ciMethod).toBe('wilson');
    expect(twice.score.ciLow).toBeCloseTo(0.7008549515804557, 12);
    // a draw left unscored leaves its item graded by the other
    const partly = draws.map((d, k) =>
      k === 1 ? { ...d, verdict: { unscored: true as const, reason: 'no grade' } } : d,
    );
    expect(summarizeJudge(partly, { ...settings, repeats: 2 }).score.ciLow).toBeCloseTo(
      0.7008549515804557,
      12,
    );
  });

  test('partial credit at 0.5 everywhere keeps the zero-width bootstrap interval', () => {
    const partial = judgeScoreInterval(
      Array.from({ length: 9 }, () => [0.5]),
      BOOTSTRAP,
    );
    expect([partial.ciLow, partial.ciHigh, partial.ciMethod]).toEqual([0.5, 0.5, undefined]);
  });

  test('the same seed gives the same interval', () => {
    const draws = [[1], [0], [1, 0], [1]];
    expect(judgeScoreInterval(draws, BOOTSTRAP)).toEqual(judgeScoreInterval(draws, BOOTSTRAP));
  });
});

describe('summarizeJudge', () => {
  test('counts grades and unscored draws by reason, and records the settings', () => {
    const draws: JudgedDraw[] = [
      { item: 'a', answer: 'a', repeat: 0, verdict: closed('C') },
      { item: 'b', answer: 'b', repeat: 0, verdict: closed('I') },
      { item: 'c', answer: 'c', repeat: 0, verdict: closed('C') },
      { item: 'd', answer: 'd', repeat: 0, verdict: { unscored: true, reason: 'no grade' } },
      {
        item: 'e',
        answer: 'e',
        repeat: 0,
        verdict: { unscored: true, reason: 'judge request failed (http_status)' },
      },
      { item: 'f', answer: 'f', repeat: 0, verdict: { unscored: true, reason: 'no grade' } },
    ];
    const s = summarizeJudge(draws, options);
    expect(s.result).toEqual({
      client: 'grader',
      mode: 'closedqa',
      temperature: 0,
      seed: 0,
      repeats: 1,
      graded: 3,
      unscored: 3,
      unscoredReasons: [
        { reason: 'no grade', count: 2 },
        { reason: 'judge request failed (http_status)', count: 1 },
      ],
      grades: { I: 1, C: 2 },
      flipRate: null,
    });
    expect(s.score.value).toBeCloseTo(2 / 3, 12);
    expect(s.kappa).toBeUndefined();
  });

  test('flip rate: answers graded twice or more whose grades differ', () => {
    const draws: JudgedDraw[] = [
      ...[closed('C'), closed('C'), closed('C')].map((verdict, r) => ({
        item: 'a',
        answer: 'a#0',
        repeat: r,
        verdict,
      })),
      ...[closed('C'), closed('I'), closed('C')].map((verdict, r) => ({
        item: 'b',
        answer: 'b#0',
        repeat: r,
        verdict,
      })),
      // one scored draw only: not counted either way
      { item: 'c', answer: 'c#0', repeat: 0, verdict: closed('I') },
      { item: 'c', answer: 'c#0', repeat: 1, verdict: { unscored: true, reason: 'x' } },
    ];
    expect(summarizeJudge(draws, { ...options, repeats: 3 }).result.flipRate).toBe(0.5);
  });

  test('pairwise: the share of pairs whose two orders disagreed', () => {
    const win = { unscored: false, grade: 'win', score: 1, swapInconsistent: false } as const;
    const tie = { unscored: false, grade: 'tie', score: 0.5, swapInconsistent: true } as const;
    const s = summarizeJudge(
      [win, win, tie, win].map((verdict, i) => ({
        item: String(i),
        answer: String(i),
        repeat: 0,
        verdict,
      })),
      { ...options, mode: 'pairwise' },
    );
    expect(s.result.swapInconsistency).toBe(0.25);
    expect(s.result.grades).toEqual({ tie: 1, win: 3 });
    expect(s.score.value).toBe(0.875);
  });

  test('with a human grade column: agreement block and judge_kappa', () => {
    const grades = kappaFixture.judge;
    const draws: JudgedDraw[] = kappaFixture.human.map((human, i) => ({
      item: String(i),
      answer: String(i),
      repeat: 0,
      verdict: closed(grades[i] as 'C' | 'P' | 'I'),
      human,
    }));
    draws.push({ item: 'x', answer: 'x', repeat: 0, verdict: closed('C'), human: null });
    const s = summarizeJudge(draws, {
      ...options,
      bootstrap: BOOTSTRAP,
      humanGrade: { column: 'human_grade', weights: 'linear' },
    });
    const linear = kappaFixture.cases.find((c) => c.weights === 'linear')!.kappa;
    expect(s.result.agreement).toMatchObject({
      column: 'human_grade',
      weights: 'linear',
      n: 16,
      labels: ['I', 'P', 'C'],
      matrix: kappaFixture.matrix,
    });
    expect(s.result.agreement!.kappa).toBeCloseTo(linear, 12);
    expect(s.kappa!.value).toBeCloseTo(linear, 12);
    expect(s.kappa!.ciLow).toBe(s.result.agreement!.ciLow);
  });
});
