import { describe, expect, it } from 'vitest';
import {
  type BleuOptions,
  bleuStatistics,
  corpusBleu,
  corpusBleuFromStatistics,
  mergeBleuStatistics,
  SACREBLEU_VERSION,
  sentenceBleu,
} from '../src/index.js';
import {
  corpusText,
  metricFixtures,
  optionsLabel,
  SCORE_TOLERANCE,
  sentenceText,
} from './support/sacrebleu-fixtures.js';

interface BleuExpected {
  counts: number[];
  totals: number[];
  precisions: number[];
  bp: number;
  sysLen: number;
  refLen: number;
}

const fixtures = metricFixtures<BleuOptions, BleuExpected>('bleu');

function expectClose(actual: readonly number[], expected: readonly number[], tolerance: number) {
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, k) => {
    expect(Math.abs(actual[k]! - e)).toBeLessThanOrEqual(tolerance);
  });
}

describe('BLEU equals sacrebleu', () => {
  it('the fixtures were made with the sacrebleu version the signatures name', () => {
    expect(fixtures.sacrebleu).toBe(SACREBLEU_VERSION);
  });

  it.each(
    fixtures.sentence.map((c) => ({ ...c, label: `${c.text} (${optionsLabel(c.options)})` })),
  )('sentence BLEU of $label', ({ text, options, expected }) => {
    const { hypothesis, references } = sentenceText(text);
    const bleu = sentenceBleu(hypothesis, references, options);
    expect(Math.abs(bleu.score - expected.score)).toBeLessThanOrEqual(SCORE_TOLERANCE);
    expect(bleu.signature).toBe(expected.signature);
    expect(bleu.sysLen).toBe(expected.sysLen);
    expect(bleu.refLen).toBe(expected.refLen);
    expectClose(bleu.counts, expected.counts, 1e-12);
    expectClose(bleu.totals, expected.totals, 1e-12);
    expectClose(bleu.precisions, expected.precisions, 1e-9);
    expect(Math.abs(bleu.bp - expected.bp)).toBeLessThanOrEqual(1e-12);
  });

  it.each(
    fixtures.corpus.map((c) => ({ ...c, label: `${c.corpus} (${optionsLabel(c.options)})` })),
  )(
    'corpus BLEU of $label, one pass and from merged statistics',
    ({ corpus, options, expected }) => {
      const { hypotheses, references } = corpusText(corpus);
      const bleu = corpusBleu(hypotheses, references, options);
      expect(Math.abs(bleu.score - expected.score)).toBeLessThanOrEqual(SCORE_TOLERANCE);
      expect(bleu.signature).toBe(expected.signature);
      expectClose(bleu.counts, expected.counts, 1e-9);
      expectClose(bleu.precisions, expected.precisions, 1e-9);
      expect(Math.abs(bleu.bp - expected.bp)).toBeLessThanOrEqual(1e-12);

      const segments = hypotheses.map((h, i) => bleuStatistics(h, references[i]!, options));
      segments.forEach((s, i) => {
        expect(Array.from(s.subarray(3)), `segment ${i}`).toEqual(expected.segmentStatistics[i]);
      });
      const merged = corpusBleuFromStatistics(mergeBleuStatistics(segments), options);
      expect(merged).toEqual(bleu);
    },
  );
});
