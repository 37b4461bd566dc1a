import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  exactMatch,
  levenshteinDistance,
  levenshteinSimilarity,
  normalizeAnswer,
  passAtK,
  passHatK,
  quasiExactMatch,
  rouge,
  squadExactMatch,
  squadF1,
} from '../src/index.js';

/** Texts built from words that exercise case, punctuation, articles, digits and non-ASCII. */
const WORDS = [
  'the',
  'The',
  'a',
  'an',
  'cat',
  'Cat',
  'sat',
  'mat',
  'runs',
  'running',
  '42',
  '3.5',
  'café',
  'Straße',
  '\u{1F600}',
  'naïve',
  ',',
  '.',
  '!',
  'it\u2019s',
  "it's",
  'İ',
  'x_y',
];
const SEPARATORS = [' ', ' ', '  ', '\t', '\n', ', ', '-', '\u00a0'];
const text = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { maxLength: 12 })
  .map((parts) => parts.map(([w, s]) => w + s).join(''));
const samples = fc
  .integer({ min: 1, max: 60 })
  .chain((n) =>
    fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n }), fc.integer({ min: 1, max: n })),
  );

describe('identity scores 1', () => {
  it('for exact match, SQuAD exact match, Levenshtein similarity and quasi exact match', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(exactMatch(t, t)).toBe(1);
        expect(squadExactMatch(t, t)).toBe(1);
        expect(levenshteinSimilarity(t, t)).toBe(1);
        expect(quasiExactMatch(t, t)).toBe(t.length > 0 ? 1 : 0);
      }),
    );
  });

  it('for token F1 and every ROUGE F-measure whenever the text has tokens', () => {
    fc.assert(
      fc.property(
        text,
        fc.constantFrom('porter', 'none') as fc.Arbitrary<'porter' | 'none'>,
        (t, stemmer) => {
          expect(squadF1(t, t, { version: '2.0' })).toBe(1);
          if (normalizeAnswer(t).length > 0) expect(squadF1(t, t)).toBe(1);
          const scores = rouge(t, t, {
            types: ['rouge1', 'rouge2', 'rougeL', 'rougeLsum'],
            stemmer,
          });
          if (/[a-zA-Z0-9]/.test(t)) {
            expect(scores.rouge1.fmeasure).toBe(1);
            expect(scores.rougeL.fmeasure).toBe(1);
            expect(scores.rougeLsum.fmeasure).toBe(1);
          }
        },
      ),
    );
  });
});

describe('symmetry', () => {
  it('token F1 does not depend on which side is the reference', () => {
    fc.assert(
      fc.property(
        text,
        text,
        fc.constantFrom('1.1', '2.0') as fc.Arbitrary<'1.1' | '2.0'>,
        (a, b, version) => {
          expect(squadF1(a, b, { version })).toBe(squadF1(b, a, { version }));
        },
      ),
    );
  });

  it('ROUGE-N and ROUGE-L swap precision and recall, keeping the F-measure', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const ab = rouge(a, b, { types: ['rouge1', 'rouge2', 'rougeL'] });
        const ba = rouge(b, a, { types: ['rouge1', 'rouge2', 'rougeL'] });
        for (const type of ['rouge1', 'rouge2', 'rougeL'] as const) {
          expect(ab[type].precision).toBe(ba[type].recall);
          expect(ab[type].fmeasure).toBeCloseTo(ba[type].fmeasure, 12);
        }
      }),
    );
  });

  it('Levenshtein distance is symmetric and obeys the triangle inequality', () => {
    fc.assert(
      fc.property(text, text, text, (a, b, c) => {
        expect(levenshteinDistance(a, b)).toBe(levenshteinDistance(b, a));
        expect(levenshteinDistance(a, c)).toBeLessThanOrEqual(
          levenshteinDistance(a, b) + levenshteinDistance(b, c),
        );
      }),
    );
  });
});

describe('normalization', () => {
  it('is idempotent, so exact match does not change when a side is normalized first', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(normalizeAnswer(normalizeAnswer(a))).toBe(normalizeAnswer(a));
        expect(squadExactMatch(normalizeAnswer(a), b)).toBe(squadExactMatch(a, b));
        expect(squadF1(normalizeAnswer(a), b)).toBe(squadF1(a, b));
      }),
    );
  });
});

describe('pass@k and pass^k', () => {
  it('stay in [0, 1], rise with the correct count and move opposite ways in k', () => {
    fc.assert(
      fc.property(samples, ([n, c, k]) => {
        const at = passAtK(n, c, k)!;
        const hat = passHatK(n, c, k)!;
        expect(at).toBeGreaterThanOrEqual(0);
        expect(at).toBeLessThanOrEqual(1);
        expect(hat).toBeGreaterThanOrEqual(0);
        expect(hat).toBeLessThanOrEqual(1);
        expect(hat).toBeLessThanOrEqual(at + 1e-12);
        if (c < n) {
          expect(passAtK(n, c + 1, k)!).toBeGreaterThanOrEqual(at - 1e-12);
          expect(passHatK(n, c + 1, k)!).toBeGreaterThanOrEqual(hat - 1e-12);
        }
        if (k < n) {
          expect(passAtK(n, c, k + 1)!).toBeGreaterThanOrEqual(at - 1e-12);
          expect(passHatK(n, c, k + 1)!).toBeLessThanOrEqual(hat + 1e-12);
        }
      }),
    );
  });

  it('pass@1 and pass^1 both equal c / n', () => {
    fc.assert(
      fc.property(samples, ([n, c]) => {
        expect(passAtK(n, c, 1)).toBeCloseTo(c / n, 12);
        expect(passHatK(n, c, 1)).toBeCloseTo(c / n, 12);
      }),
    );
  });
});
