import { describe, expect, it } from 'vitest';
import { rouge, TextMetricsError } from '../src/index.js';

describe('rouge', () => {
  it('computes the default four types', () => {
    const scores = rouge('the cat sat', 'the cat sat on the mat');
    expect(Object.keys(scores).sort()).toEqual(['rouge1', 'rouge2', 'rougeL', 'rougeLsum']);
    expect(scores.rouge1).toEqual({ precision: 1, recall: 0.5, fmeasure: 2 / 3 });
  });

  it('stems with Porter only when asked', () => {
    const plain = rouge('the runners running', 'a runner runs', { types: ['rouge1'] });
    const stemmed = rouge('the runners running', 'a runner runs', {
      types: ['rouge1'],
      stemmer: 'porter',
    });
    expect(plain.rouge1.fmeasure).toBe(0);
    expect(stemmed.rouge1.fmeasure).toBeGreaterThan(0);
  });

  it('scores rougeLsum on lines and rougeL on the whole text', () => {
    const scores = rouge('a b\nc d', 'c d\na b', { types: ['rougeL', 'rougeLsum'] });
    expect(scores.rougeL.fmeasure).toBe(0.5);
    expect(scores.rougeLsum.fmeasure).toBe(1);
  });

  it('keeps, per type, the reference with the highest F-measure', () => {
    const scores = rouge('the cat sat', ['dogs bark', 'the cat sat'], { types: ['rouge1'] });
    expect(scores.rouge1.fmeasure).toBe(1);
  });

  it('scores an empty side 0 rather than failing', () => {
    expect(rouge('', 'the cat').rougeL).toEqual({ precision: 0, recall: 0, fmeasure: 0 });
    expect(rouge('caf\u00e9', 'cafe').rouge1.fmeasure).toBe(0);
  });

  it('rejects unknown types and stemmers, naming the option', () => {
    expect(() => rouge('a', 'a', { types: ['rouge0' as 'rouge1'] })).toThrow(
      /Option options.types\[0\]/,
    );
    expect(() => rouge('a', 'a', { types: [] })).toThrow(/non-empty array of ROUGE types/);
    expect(() => rouge('a', 'a', { stemmer: 'snowball' as 'porter' })).toThrow(
      /Option options.stemmer must be one of 'porter', 'none'/,
    );
    expect(() => rouge('a', 3 as unknown as string)).toThrow(TextMetricsError);
  });
});
