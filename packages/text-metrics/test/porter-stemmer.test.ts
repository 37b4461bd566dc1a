import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { porterStem, TextMetricsError } from '../src/index.js';

interface StemFixture {
  readonly words: string[];
  readonly stems: (string | null)[];
}

const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/porter-stemmer.json', import.meta.url), 'utf8'),
) as StemFixture;

describe('porterStem equals NLTK 3.8 PorterStemmer (test/fixtures/porter-stemmer.json)', () => {
  it('stems every word of the list as NLTK does', () => {
    expect(fixture.words.length).toBeGreaterThan(150_000);
    const mismatches: string[] = [];
    fixture.words.forEach((word, i) => {
      const expected = fixture.stems[i] ?? word;
      const actual = porterStem(word);
      if (actual !== expected) mismatches.push(`${word}: ${actual} (NLTK ${expected})`);
    });
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(mismatches.length).toBe(0);
  });

  it('keeps the examples of the paper', () => {
    expect(porterStem('caresses')).toBe('caress');
    expect(porterStem('ponies')).toBe('poni');
    expect(porterStem('hopping')).toBe('hop');
    expect(porterStem('relational')).toBe('relat');
    expect(porterStem('skies')).toBe('sky');
    expect(porterStem('Running')).toBe('run');
  });

  it('counts astral characters as one letter each, as Python does', () => {
    // two code points: NLTK leaves it (lowercased) alone; four UTF-16 units must not change that
    expect(porterStem('\u{1F600}S')).toBe('\u{1F600}s');
    expect(porterStem('ab\u{1D538}ing')).toBe(
      fixture.stems[fixture.words.indexOf('ab\u{1D538}ing')] ?? 'ab\u{1D538}ing',
    );
  });

  it('rejects a word that is not a string, naming the argument', () => {
    expect(() => porterStem(3 as unknown as string)).toThrow(TextMetricsError);
    expect(() => porterStem(3 as unknown as string)).toThrow(/Argument word must be a string/);
  });
});
