import { describe, expect, it } from 'vitest';
import { levenshteinDistance, levenshteinSimilarity, TextMetricsError } from '../src/index.js';
import { expectClose, loadFixture } from './support/load-fixture.js';

interface Case {
  readonly a: string;
  readonly b: string;
  readonly distance: number;
  readonly similarity: number;
}

const { cases } = loadFixture<{ cases: Case[] }>('levenshtein.json');

describe('levenshtein equals python-Levenshtein over code points (test/fixtures/levenshtein.json)', () => {
  it('gives the same distance and similarity on every pair', () => {
    expect(cases.length).toBeGreaterThan(150);
    for (const c of cases) {
      expect(levenshteinDistance(c.a, c.b), JSON.stringify(c)).toBe(c.distance);
      expectClose(levenshteinSimilarity(c.a, c.b), c.similarity, JSON.stringify(c));
    }
  });

  it('counts an emoji as one character, not two UTF-16 units', () => {
    expect(levenshteinDistance('\u{1F44D}', '')).toBe(1);
    expect(levenshteinDistance('\u{1F600}', '\u{1F601}')).toBe(1);
    expect(levenshteinSimilarity('a\u{1F600}', 'a')).toBe(0.5);
  });

  it('keeps the best similarity over several references', () => {
    expect(levenshteinSimilarity('colour', ['hue', 'color'])).toBeCloseTo(1 - 1 / 6, 12);
  });

  it('rejects non-strings and an empty reference list, naming the argument', () => {
    expect(() => levenshteinDistance('a', null as unknown as string)).toThrow(
      /Argument b must be a string/,
    );
    expect(() => levenshteinSimilarity('a', [])).toThrow(TextMetricsError);
    expect(() => levenshteinSimilarity('a', [])).toThrow(/Argument references is an empty array/);
  });
});
