import { describe, expect, it } from 'vitest';
import { rouge, TextMetricsError } from '../src/index.js';

const WORDS = ['the', 'quick', 'brown', 'fox', 'jumps', 'over', 'lazy', 'dog'];

/** `count` words drawn by a small linear congruential generator, so the test is repeatable. */
function words(count: number, seed: number): string[] {
  let state = seed;
  return Array.from({ length: count }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return WORDS[state % WORDS.length]!;
  });
}

describe('rougeLsum on long lines', () => {
  it('scores a one-line pair of 30k tokens each as rougeL, with no quadratic table', () => {
    // a 30k × 30k table would be 900M cells (3.6 GB): over the 2^27-cell limit, so the
    // table path would refuse or exhaust memory; the one-sentence path is linear
    const reference = words(30_000, 1);
    const prediction = reference.map((w, i) => (i % 53 === 0 ? 'cat' : w));
    const scores = rouge(prediction.join(' '), reference.join(' '), {
      types: ['rougeL', 'rougeLsum'],
    });
    expect(scores.rougeLsum).toEqual(scores.rougeL);
    expect(scores.rougeL.fmeasure).toBeGreaterThan(0.98);
  });

  it('scores a one-line pair as rougeL when the other lines hold no token', () => {
    const scores = rouge('the cat sat\n...\n', '--\nthe cat sat on the mat', {
      types: ['rougeL', 'rougeLsum'],
    });
    expect(scores.rougeLsum).toEqual(scores.rougeL);
  });

  it('refuses a several-line pair whose LCS table would pass 2^27 cells, naming the sizes', () => {
    const long = words(12_000, 2).join(' ');
    let caught: unknown;
    try {
      rouge(`${long}\nshort line`, `one line\n${long}`, { types: ['rougeLsum'] });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TextMetricsError);
    const error = caught as TextMetricsError;
    expect(error.code).toBe('TEXT_TOO_LONG');
    expect(error.message).toContain('a reference sentence of 12000 tokens (non-empty line 2 of 2)');
    expect(error.message).toContain(
      'a prediction sentence of 12000 tokens (non-empty line 1 of 2)',
    );
    expect(error.message).toContain('144024001 cells, over the limit of 134217728 (2^27)');
    expect(error.message).toMatch(/score such text with rougeL .* split it into shorter sentences/);
  });
});
