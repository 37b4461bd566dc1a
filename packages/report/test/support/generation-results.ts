import type { GenerationSummary, JudgeSummary, RunResults } from '../../src/index.js';
import { metric } from './metric-summary.js';
import { sampleModel, sampleResults } from './sample-results.js';

/** Text a hostile model or data set could hold: markup, table pipes, code spans, line breaks. */
export const HOSTILE =
  '<script>window.__pwned = 1</script> | `rm -rf` \\| **bold** [x](http://e.test)\nline two';

/** A model output longer than any report shows. */
export const LONG_OUTPUT = `start ${'word '.repeat(600)}end`;

/** Generation figures of one model: hostile texts, two references, an extraction failure. */
export function sampleGeneration(): GenerationSummary {
  return {
    samples: 3,
    reducer: 'mean',
    extractionFailures: 2,
    histograms: {
      token_f1: { edges: [0, 0.25, 0.5, 0.75, 1], counts: [3, 1, 4, 12] },
      bleu: { edges: [0, 25, 50, 75, 100], counts: [5, 6, 7, 2] },
    },
    slices: [
      { group: `list-a ${HOSTILE}`, n: 12, metrics: { token_f1: 0.4321, bleu: 31.5 } },
      { group: 'list-b', n: 8, metrics: { token_f1: 0.8771, bleu: null } },
    ],
    worstItems: [
      {
        id: 'mail-9',
        fold: 0,
        sample: 2,
        output: `Subject: ${HOSTILE}`,
        extracted: null,
        reference: [`Re: ${HOSTILE}`, 'second reference'],
        metric: 'token_f1',
        value: 0,
        scores: { token_f1: 0, bleu: 1.25 },
      },
      {
        id: 'mail-3',
        fold: 1,
        sample: 0,
        output: LONG_OUTPUT,
        extracted: 'the extracted answer',
        reference: ['meeting notes'],
        metric: 'token_f1',
        value: 0.125,
        scores: { token_f1: 0.125, bleu: 3.5 },
      },
    ],
  };
}

/** A closedqa judge run twice per item, with human grades to agree with. */
export function sampleJudge(): JudgeSummary {
  return {
    client: 'overlap-judge',
    mode: 'closedqa',
    temperature: 0,
    seed: 7,
    repeats: 2,
    graded: 18,
    unscored: 2,
    unscoredReasons: [{ reason: `no GRADE line: ${HOSTILE}`, count: 2 }],
    grades: { C: 11, I: 7 },
    flipRate: 0.15,
    swapInconsistency: 0.05,
    requests: {
      total: 40,
      sentThisRun: 30,
      cachedThisRun: 4,
      resumedFromJournal: 6,
      costUsd: 0.0123,
    },
    agreement: {
      column: 'human_grade',
      weights: 'none',
      n: 18,
      kappa: 0.6543,
      ciLow: 0.3012,
      ciHigh: 0.9087,
      labels: ['C', 'I'],
      matrix: [
        [9, 2],
        [1, 6],
      ],
    },
  };
}

/** A generation run of one model with generation and judge figures. */
export function generationResults(): RunResults {
  const model = sampleModel('subject-gen', {
    items: { total: 20, scored: 20, correct: 0, wrong: 0, unparseable: 0, failed: 0 },
    metrics: {
      token_f1: metric(0.6123, 0.55, 0.67),
      bleu: metric(22.4, 18.1, 26.9),
      judge_score: metric(0.61, 0.5, 0.72),
    },
    generation: sampleGeneration(),
    judge: sampleJudge(),
  });
  return sampleResults([model], {
    dataset: { source: 'subjects.jsonl', items: 20, labels: {}, groups: { 'list-a': 12 } },
    task: { type: 'generation', labels: [], positiveLabel: null },
    evaluation: {
      ...sampleResults([]).evaluation,
      metrics: ['token_f1', 'bleu', 'judge_score'],
      greaterIsBetter: { token_f1: true, bleu: true, judge_score: true },
    },
  });
}
