import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sentenceTer } from '../src/index.js';
import { BeamEditDistance } from '../src/ter/beam-edit-distance.js';
import { translationEditRate } from '../src/ter/translation-edit-rate.js';
import { referenceEditDistance, referenceTranslationEditRate } from './support/ter-reference.js';

// A small vocabulary, so that random segments share many words and TER tries many shifts.
const words = (maxLength: number) =>
  fc.array(fc.integer({ min: 0, max: 4 }), { maxLength }).map((w) => Int32Array.from(w));

// A reference and a hypothesis made from it by moving, replacing, inserting and deleting words.
const editedPair = fc
  .tuple(
    words(40),
    fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 3 }), fc.nat(5)), {
      maxLength: 6,
    }),
  )
  .map(([reference, edits]) => {
    const hypothesis = Array.from(reference);
    for (const [at, to, kind, word] of edits) {
      const k = hypothesis.length > 0 ? at % hypothesis.length : 0;
      if (kind === 0)
        hypothesis.splice(to % (hypothesis.length + 1), 0, ...hypothesis.splice(k, 3));
      else if (kind === 1 && hypothesis.length > 0) hypothesis[k] = word;
      else if (kind === 2) hypothesis.splice(k, 0, word);
      else hypothesis.splice(k, 1);
    }
    return { hypothesis: Int32Array.from(hypothesis), reference };
  });

const ter = (h: Int32Array, r: Int32Array) => translationEditRate(h, r);
const expected = (h: Int32Array, r: Int32Array) =>
  referenceTranslationEditRate(Array.from(h), Array.from(r));

describe('TER stores only the beam band and gives the full-matrix result', () => {
  it('equals the full-matrix transliteration of sacrebleu on random short pairs', () => {
    fc.assert(
      fc.property(words(40), words(40), (h, r) => {
        expect(ter(h, r)).toEqual(expected(h, r));
      }),
      { numRuns: 300 },
    );
  });

  it('equals it on edited copies of the reference (moved blocks, substitutions, gaps)', () => {
    fc.assert(
      fc.property(editedPair, ({ hypothesis, reference }) => {
        expect(ter(hypothesis, reference)).toEqual(expected(hypothesis, reference));
      }),
      { numRuns: 300 },
    );
  });

  it('equals it when one side is so much longer that sacrebleu widens the beam', () => {
    fc.assert(
      fc.property(words(3), fc.array(fc.nat(4), { minLength: 60, maxLength: 200 }), (h, long) => {
        const r = Int32Array.from(long);
        expect(ter(h, r)).toEqual(expected(h, r));
        expect(ter(r, h)).toEqual(expected(r, h));
      }),
      { numRuns: 60 },
    );
  });

  it('gives the full-matrix distance, and the same for a shifted variant of the traced words', () => {
    fc.assert(
      fc.property(words(60), words(60), fc.nat(), fc.nat(), (h, r, a, b) => {
        const ed = new BeamEditDistance(r);
        const [distance] = referenceEditDistance(Array.from(h), Array.from(r));
        expect(ed.distance(h)).toBe(distance);
        expect(ed.distanceWithTrace(h).distance).toBe(distance);
        if (h.length === 0) return;
        // Swap two words: the variant differs from h only in [from, to).
        const [from, last] = [a % h.length, b % h.length].sort((x, y) => x - y) as [number, number];
        const variant = h.slice();
        [variant[from], variant[last]] = [h[last]!, h[from]!];
        const [variantDistance] = referenceEditDistance(Array.from(variant), Array.from(r));
        expect(ed.variantDistance(variant, from, last + 1)).toBe(variantDistance);
      }),
      { numRuns: 300 },
    );
  });
});

describe('TER on long segments', () => {
  // Distinct words, so the right TER is known without running sacrebleu.
  const distinct = (n: number) => Int32Array.from({ length: n }, (_, i) => i + 10);

  it('scores a 200,000-word hypothesis equal to its reference 0 edits over 200,000 words', () => {
    const r = distinct(200_000);
    expect(translationEditRate(r.slice(), r)).toEqual([0, 200_000]);
  });

  it('scores a 200,000-word text against itself TER 0 through the tokenizer', () => {
    const vocabulary = ['alpha', 'beta', 'gamma', 'delta'];
    const text = Array.from({ length: 200_000 }, (_, i) => vocabulary[(i * 7919) % 4]).join(' ');
    const score = sentenceTer(text, [text]);
    expect([score.score, score.numEdits, score.refLength]).toEqual([0, 0, 200_000]);
  });

  it('counts one edit per substituted word in a 100,000-word segment', () => {
    const r = distinct(100_000);
    const h = r.slice();
    for (const at of [0, 777, 50_000, 99_999]) h[at] = 1;
    expect(translationEditRate(h, r)).toEqual([4, 100_000]);
  });

  it('counts a moved block as one shift in a 100,000-word segment', () => {
    const r = distinct(100_000);
    // Move words 60_000..60_004 twenty positions later.
    const h = Int32Array.from([
      ...r.subarray(0, 60_000),
      ...r.subarray(60_005, 60_025),
      ...r.subarray(60_000, 60_005),
      ...r.subarray(60_025),
    ]);
    expect(translationEditRate(h, r)).toEqual([1, 100_000]);
  });
});
