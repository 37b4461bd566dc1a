import { describe, expect, it } from 'vitest';
import {
  type ChrfOptions,
  chrfStatistics,
  corpusChrf,
  corpusChrfFromStatistics,
  mergeChrfStatistics,
  SACREBLEU_VERSION,
  sentenceChrf,
} from '../src/index.js';
import {
  corpusText,
  metricFixtures,
  optionsLabel,
  SCORE_TOLERANCE,
  sentenceText,
} from './support/sacrebleu-fixtures.js';

const fixtures = metricFixtures<ChrfOptions, { name: string }>('chrf');

describe('chrF and chrF++ equal sacrebleu', () => {
  it('the fixtures were made with the sacrebleu version the signatures name', () => {
    expect(fixtures.sacrebleu).toBe(SACREBLEU_VERSION);
  });

  it.each(
    fixtures.sentence.map((c) => ({ ...c, label: `${c.text} (${optionsLabel(c.options)})` })),
  )('sentence chrF of $label', ({ text, options, expected }) => {
    const { hypothesis, references } = sentenceText(text);
    const chrf = sentenceChrf(hypothesis, references, options);
    expect(Math.abs(chrf.score - expected.score)).toBeLessThanOrEqual(SCORE_TOLERANCE);
    expect(chrf.signature).toBe(expected.signature);
    expect(chrf.name).toBe(expected.name);
  });

  it.each(
    fixtures.corpus.map((c) => ({ ...c, label: `${c.corpus} (${optionsLabel(c.options)})` })),
  )(
    'corpus chrF of $label, one pass and from merged statistics',
    ({ corpus, options, expected }) => {
      const { hypotheses, references } = corpusText(corpus);
      const chrf = corpusChrf(hypotheses, references, options);
      expect(Math.abs(chrf.score - expected.score)).toBeLessThanOrEqual(SCORE_TOLERANCE);
      expect(chrf.signature).toBe(expected.signature);
      expect(chrf.name).toBe(expected.name);

      const segments = hypotheses.map((h, i) => chrfStatistics(h, references[i]!, options));
      segments.forEach((s, i) => {
        expect(Array.from(s.subarray(3)), `segment ${i}`).toEqual(expected.segmentStatistics[i]);
      });
      const merged = corpusChrfFromStatistics(mergeChrfStatistics(segments), options);
      expect(merged).toEqual(chrf);
    },
  );
});
