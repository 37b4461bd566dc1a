import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bleuStatistics, chrfStatistics, tokenize13a } from '../src/index.js';
import {
  isPyWhitespace,
  PY_WHITESPACE_CLASS,
  pySplit,
} from '../src/python-compat/python-strings.js';
import { lcsLength, lcsLengthByTable } from '../src/rouge/lcs-length.js';
import {
  bleuStatisticsByStrings,
  chrfStatisticsByStrings,
  splitByRegex,
  tokenize13aByRegex,
} from './support/string-reference.js';

// Text made of the pieces the 13a rules and the whitespace scan treat specially: runs of periods
// and commas next to digits, dashes, marks, entities, Python-only whitespace, surrogates.
const piece = fc.constantFrom(
  '.',
  ',',
  '-',
  '0',
  '7',
  'a',
  'Z',
  "'",
  '(',
  '$',
  '/',
  '@',
  '`',
  '~',
  '&amp;',
  '&quot;',
  '&lt;',
  '<skipped>',
  '-\n',
  '\n',
  ' ',
  '\t',
  '\u0085',
  '\u00a0',
  '\u3000',
  '\u001f',
  '\ufeff',
  'é',
  '😀',
  '\ud83d',
  '\ude00',
  '東',
);
const tricky = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(''));

describe('the 13a scan equals sacrebleu regexes', () => {
  it('tokenizes random text of digits, marks, periods, commas and dashes as the four regexes do', () => {
    fc.assert(
      fc.property(tricky, (text) => {
        expect(tokenize13a(text)).toBe(tokenize13aByRegex(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('cuts every run length of periods and commas between digits and letters as the regexes do', () => {
    for (const before of ['', '1', 'a', '(', ' ']) {
      for (const after of ['', '2', 'b', ')', ' ']) {
        for (let m = 1; m <= 6; m++) {
          for (const mark of ['.', ',', '.,']) {
            const text = `${before}${mark.repeat(m)}${after}`;
            expect(tokenize13a(text), JSON.stringify(text)).toBe(tokenize13aByRegex(text));
          }
        }
      }
    }
  });
});

describe('Python whitespace', () => {
  it('isPyWhitespace accepts exactly the code units of the whitespace class', () => {
    const pattern = new RegExp(`^[${PY_WHITESPACE_CLASS}]$`, 'u');
    for (let code = 0; code < 0x10000; code++) {
      expect(isPyWhitespace(code), code.toString(16)).toBe(pattern.test(String.fromCharCode(code)));
    }
  });

  it('pySplit splits as the regex split does', () => {
    fc.assert(
      fc.property(tricky, (text) => {
        expect(pySplit(text)).toEqual(splitByRegex(text));
      }),
    );
  });
});

describe('bit-parallel LCS', () => {
  const ids = (alphabet: number) =>
    fc
      .array(fc.integer({ min: 0, max: alphabet }), { maxLength: 150 })
      .map((a) => Int32Array.from(a));

  it('equals the dynamic-programming table on sequences longer than one 32-bit word', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 12 })
          .chain((alphabet) => fc.tuple(ids(alphabet), ids(alphabet + 2))),
        ([a, b]) => {
          expect(lcsLength(a, b)).toBe(lcsLengthByTable(a, b));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('falls back to the table for negative and very large ids', () => {
    const a = Int32Array.of(-3, 5, 2 ** 30, 7, 5);
    const b = Int32Array.of(5, 2 ** 30, -3, 7, 5);
    expect(lcsLength(a, b)).toBe(lcsLengthByTable(a, b));
    expect(lcsLength(a, b)).toBe(4);
  });
});

// Words over a small alphabet repeat (n-gram matches); long ones make many distinct words, which
// pushes the n-gram keys past the direct table and the word table through its rehash.
const word = fc.oneof(
  fc.constantFrom('the', 'cat', 'sat', 'on', 'mat', '1,000', '3.5', 'U.S.', '(a)', '-'),
  fc.string({ minLength: 1, maxLength: 3, unit: fc.constantFrom('a', 'b', 'é', '😀', '.', '1') }),
);
const sentence = (maxLength: number) =>
  fc.array(word, { maxLength }).map((words) => words.join(' '));
const segment = (maxLength: number) =>
  fc.record({
    hypothesis: sentence(maxLength),
    references: fc.array(sentence(maxLength), { minLength: 1, maxLength: 3 }),
  });
const manyWords = (count: number) =>
  Array.from({ length: count }, (_, i) => `w${(i * 7919) % count}x${i % 13}`).join(' ');

describe('n-gram counting by integer ids equals counting by strings', () => {
  it('gives the BLEU statistics of string-keyed counts', () => {
    fc.assert(
      fc.property(segment(30), ({ hypothesis, references }) => {
        expect(Array.from(bleuStatistics(hypothesis, references))).toEqual(
          bleuStatisticsByStrings(hypothesis, references, 4),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the chrF statistics of string-keyed counts', () => {
    fc.assert(
      fc.property(segment(20), ({ hypothesis, references }) => {
        expect(Array.from(chrfStatistics(hypothesis, references))).toEqual(
          chrfStatisticsByStrings(hypothesis, references, 6),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the same BLEU statistics on segments with thousands of distinct words', () => {
    const hypothesis = manyWords(3000);
    const references = [manyWords(2500), `${manyWords(400)} ${hypothesis.slice(0, 5000)}`];
    expect(Array.from(bleuStatistics(hypothesis, references, { maxNgramOrder: 6 }))).toEqual(
      bleuStatisticsByStrings(hypothesis, references, 6),
    );
  });

  it('gives the same chrF statistics on segments with thousands of distinct characters', () => {
    const characters = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => String.fromCodePoint(from + ((i * 37) % count))).join(
        '',
      );
    const hypothesis = characters(0x4e00, 3000) + characters(0x1f600, 60);
    const references = [characters(0x4e00, 2000), characters(0x4e00 + 500, 2000)];
    expect(Array.from(chrfStatistics(hypothesis, references))).toEqual(
      chrfStatisticsByStrings(hypothesis, references, 6),
    );
  });
});
