import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bleuStatistics,
  chrfStatistics,
  corpusBleu,
  corpusBleuFromStatistics,
  corpusChrf,
  corpusChrfFromStatistics,
  corpusTer,
  corpusTerFromStatistics,
  mergeBleuStatistics,
  mergeChrfStatistics,
  mergeTerStatistics,
  sentenceBleu,
  sentenceChrf,
  sentenceTer,
  terStatistics,
  tokenize13a,
} from '../src/index.js';
import { pySplit } from '../src/python-compat/python-strings.js';

const word = fc.oneof(
  fc.constantFrom('the', 'cat', 'sat', 'on', 'mat', 'a', 'dog', '1,000', '3.5', 'U.S.', 'naïve'),
  fc.constantFrom(',', '.', '!', '(', ')', '"', '-', "'s", '東京', '😀', '&amp;'),
  fc.string({ minLength: 1, maxLength: 6, unit: 'grapheme' }),
);
const sentence = fc.array(word, { maxLength: 14 }).map((words) => words.join(' '));
const references = fc.array(fc.option(sentence, { nil: null, freq: 4 }), {
  minLength: 1,
  maxLength: 4,
});
const segment = fc
  .record({ hypothesis: sentence, references })
  .filter((s) => s.references.some((r) => r !== null));
const corpus = fc.array(segment, { minLength: 1, maxLength: 12 });

/** The corpus cut at the given points into consecutive non-empty parts. */
function split<T>(items: readonly T[], cuts: readonly number[]): T[][] {
  const points = [...new Set(cuts.map((c) => 1 + (c % items.length)))]
    .filter((p) => p < items.length)
    .sort((a, b) => a - b);
  const parts: T[][] = [];
  let start = 0;
  for (const point of [...points, items.length]) {
    parts.push(items.slice(start, point));
    start = point;
  }
  return parts;
}

const cuts = fc.array(fc.nat(), { maxLength: 4 });

describe('identity', () => {
  it('BLEU of a text against itself is 100 when it has at least 4 tokens', () => {
    fc.assert(
      fc.property(
        sentence.filter((s) => tokenize13a(s).split(' ').length >= 4),
        (text) => {
          expect(sentenceBleu(text, [text]).score).toBeCloseTo(100, 9);
          expect(corpusBleu([text], [[text]]).score).toBeCloseTo(100, 9);
        },
      ),
    );
  });

  it('chrF and chrF++ of a text against itself are 100 when it has a non-space character', () => {
    fc.assert(
      fc.property(
        // chrF drops what Python's str.split() drops: a text of only such characters has no n-gram
        sentence.filter((s) => pySplit(s).length > 0),
        fc.constantFrom(0, 2),
        (text, wordOrder) => {
          expect(sentenceChrf(text, [text], { wordOrder }).score).toBe(100);
          expect(sentenceChrf(text, ['something else', text], { wordOrder }).score).toBe(100);
        },
      ),
    );
  });

  it('TER of a text against itself is 0', () => {
    fc.assert(
      fc.property(sentence, (text) => {
        expect(sentenceTer(text, [text]).score).toBe(0);
      }),
    );
  });
});

describe('merged statistics of any split equal one pass', () => {
  it('corpus BLEU', () => {
    fc.assert(
      fc.property(corpus, cuts, fc.boolean(), (segments, at, lowercase) => {
        const options = { lowercase };
        const whole = corpusBleu(
          segments.map((s) => s.hypothesis),
          segments.map((s) => s.references),
          options,
        );
        const parts = split(segments, at).map((part) =>
          mergeBleuStatistics(part.map((s) => bleuStatistics(s.hypothesis, s.references, options))),
        );
        expect(corpusBleuFromStatistics(mergeBleuStatistics(parts), options)).toEqual(whole);
      }),
    );
  });

  it('corpus chrF and chrF++', () => {
    fc.assert(
      fc.property(corpus, cuts, fc.constantFrom(0, 2), (segments, at, wordOrder) => {
        const options = { wordOrder };
        const whole = corpusChrf(
          segments.map((s) => s.hypothesis),
          segments.map((s) => s.references),
          options,
        );
        const parts = split(segments, at).map((part) =>
          mergeChrfStatistics(part.map((s) => chrfStatistics(s.hypothesis, s.references, options))),
        );
        expect(corpusChrfFromStatistics(mergeChrfStatistics(parts), options)).toEqual(whole);
      }),
    );
  });

  it('corpus TER', () => {
    fc.assert(
      fc.property(corpus, cuts, (segments, at) => {
        const whole = corpusTer(
          segments.map((s) => s.hypothesis),
          segments.map((s) => s.references),
        );
        const parts = split(segments, at).map((part) =>
          mergeTerStatistics(part.map((s) => terStatistics(s.hypothesis, s.references))),
        );
        const merged = corpusTerFromStatistics(mergeTerStatistics(parts));
        expect(merged.signature).toBe(whole.signature);
        expect(merged.numEdits).toBe(whole.numEdits);
        // Mean reference lengths are fractions: the summation order may move the last bit.
        expect(merged.score).toBeCloseTo(whole.score, 9);
      }),
    );
  });
});

describe('the signature counts references as sacrebleu', () => {
  it('nrefs is the common count of present references, or var', () => {
    fc.assert(
      fc.property(corpus, (segments) => {
        const counts = new Set(segments.map((s) => s.references.filter((r) => r !== null).length));
        const expected = counts.size === 1 ? `nrefs:${[...counts][0]}|` : 'nrefs:var|';
        const bleu = corpusBleu(
          segments.map((s) => s.hypothesis),
          segments.map((s) => s.references),
        );
        expect(bleu.signature.startsWith(expected)).toBe(true);
      }),
    );
  });
});
