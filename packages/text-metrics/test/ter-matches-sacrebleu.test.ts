import { describe, expect, it } from 'vitest';
import {
  corpusTer,
  corpusTerFromStatistics,
  mergeTerStatistics,
  SACREBLEU_VERSION,
  sentenceTer,
  type TerOptions,
  terStatistics,
} from '../src/index.js';
import {
  corpusText,
  metricFixtures,
  optionsLabel,
  SCORE_TOLERANCE,
  sentenceText,
} from './support/sacrebleu-fixtures.js';

const fixtures = metricFixtures<TerOptions, { numEdits: number; refLength: number }>('ter');

describe('TER equals sacrebleu', () => {
  it('the fixtures were made with the sacrebleu version the signatures name', () => {
    expect(fixtures.sacrebleu).toBe(SACREBLEU_VERSION);
  });

  it.each(
    fixtures.sentence.map((c) => ({ ...c, label: `${c.text} (${optionsLabel(c.options)})` })),
  )('sentence TER of $label', ({ text, options, expected }) => {
    const { hypothesis, references } = sentenceText(text);
    const ter = sentenceTer(hypothesis, references, options);
    expect(Math.abs(ter.score - expected.score)).toBeLessThanOrEqual(SCORE_TOLERANCE);
    expect(ter.signature).toBe(expected.signature);
    expect(ter.numEdits).toBe(expected.numEdits);
    expect(Math.abs(ter.refLength - expected.refLength)).toBeLessThanOrEqual(1e-9);
  });

  it.each(
    fixtures.corpus.map((c) => ({ ...c, label: `${c.corpus} (${optionsLabel(c.options)})` })),
  )(
    'corpus TER of $label, one pass and from merged statistics',
    ({ corpus, options, expected }) => {
      const { hypotheses, references } = corpusText(corpus);
      const ter = corpusTer(hypotheses, references, options);
      expect(Math.abs(ter.score - expected.score)).toBeLessThanOrEqual(SCORE_TOLERANCE);
      expect(ter.signature).toBe(expected.signature);
      expect(ter.numEdits).toBe(expected.numEdits);

      const segments = hypotheses.map((h, i) => terStatistics(h, references[i]!, options));
      segments.forEach((s, i) => {
        const [edits, length] = expected.segmentStatistics[i]!;
        expect(s[3], `segment ${i} edits`).toBe(edits);
        expect(Math.abs(s[4]! - length!), `segment ${i} length`).toBeLessThanOrEqual(1e-12);
      });
      const merged = corpusTerFromStatistics(mergeTerStatistics(segments), options);
      expect(merged).toEqual(ter);
    },
  );
});
