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
  sentenceBleu,
  sentenceChrf,
  sentenceTer,
  TextMetricsError,
  terStatistics,
  tokenize13a,
  tokenizeTercom,
} from '../src/index.js';

/** The TextMetricsError `call` throws; fails when it throws anything else or nothing. */
function thrown(call: () => unknown): TextMetricsError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(TextMetricsError);
    return error as TextMetricsError;
  }
  throw new Error('expected a TextMetricsError, nothing was thrown');
}

// The public functions are called as untyped JavaScript would call them.
const loose = <T>(value: unknown) => value as T;

describe('bad arguments name the argument and what would be valid', () => {
  it('a hypothesis that is not a string', () => {
    const error = thrown(() => sentenceBleu(loose(42), ['a']));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(/^Argument hypothesis must be a string/);
  });

  it('references that are not an array, or hold a number', () => {
    expect(thrown(() => sentenceChrf('a', loose('a'))).message).toMatch(
      /^Argument references must be an array of reference strings/,
    );
    expect(thrown(() => sentenceTer('a', loose(['a', 3]))).message).toMatch(
      /^Argument references\[1\] must be a reference string, or null or undefined/,
    );
  });

  it('a segment whose references are all missing', () => {
    const error = thrown(() => corpusBleu(['a', 'b'], [['a'], [null, undefined]]));
    expect(error.message).toBe(
      'Argument referencesPerHypothesis[1] must hold at least one reference string; all 2 entries are missing.',
    );
  });

  it('an empty corpus and a corpus with fewer reference lists than hypotheses', () => {
    expect(thrown(() => corpusChrf([], [])).message).toMatch(
      /^Argument hypotheses must be a non-empty array/,
    );
    expect(thrown(() => corpusTer(['a', 'b'], [['a']])).message).toBe(
      'Argument referencesPerHypothesis must have one entry per hypothesis (2); got 1.',
    );
    expect(thrown(() => corpusTer(['a', loose(null)], [['a'], ['b']])).message).toMatch(
      /^Argument hypotheses\[1\] must be a string/,
    );
  });

  it('texts to tokenize that are not strings', () => {
    expect(thrown(() => tokenize13a(loose(undefined))).message).toMatch(/^Argument line must be/);
    expect(thrown(() => tokenizeTercom(loose(1))).message).toMatch(/^Argument text must be/);
  });
});

describe('bad options name the option and the valid values', () => {
  it('an unknown option is refused with the list of known ones', () => {
    const error = thrown(() => sentenceBleu('a', ['a'], loose({ smooth: 'exp' })));
    expect(error.code).toBe('INVALID_OPTION');
    expect(error.message).toBe(
      'Option options.smooth is unknown; the known options are lowercase, tokenize, smoothMethod, smoothValue, effectiveOrder, maxNgramOrder.',
    );
  });

  it('values outside the allowed ones', () => {
    expect(thrown(() => corpusBleu(['a'], [['a']], loose({ tokenize: 'flores101' }))).message).toBe(
      "Option options.tokenize must be one of '13a', 'none', 'intl', 'char', 'zh'; got a string (\"flores101\").",
    );
    expect(thrown(() => sentenceBleu('a', ['a'], { smoothValue: -1 })).message).toMatch(
      /^Option options.smoothValue must be a finite number of at least 0/,
    );
    expect(thrown(() => sentenceChrf('a', ['a'], { wordOrder: 1.5 })).message).toMatch(
      /^Option options.wordOrder must be an integer from 0 to 100/,
    );
    expect(thrown(() => sentenceTer('a', ['a'], loose({ normalized: 'yes' }))).message).toMatch(
      /^Option options.normalized must be true or false/,
    );
    expect(thrown(() => sentenceTer('a', ['a'], loose('fast'))).message).toMatch(
      /^Argument options must be an object/,
    );
  });
});

describe('statistics that do not fit are refused', () => {
  it('merging statistics made with different orders', () => {
    const error = thrown(() =>
      mergeBleuStatistics([
        bleuStatistics('a', ['a']),
        bleuStatistics('a', ['a'], { maxNgramOrder: 2 }),
      ]),
    );
    expect(error.message).toMatch(
      /^Argument statistics\[1\] must be BLEU statistics of the same length/,
    );
    expect(thrown(() => mergeChrfStatistics([])).message).toMatch(/non-empty array/);
  });

  it('scoring statistics with options of another length', () => {
    const statistics = chrfStatistics('a b', ['a b'], { wordOrder: 2 });
    expect(thrown(() => corpusChrfFromStatistics(statistics)).message).toBe(
      'Argument statistics has 27 slots but chrF statistics for these options have 21; pass the charOrder and wordOrder used to make them.',
    );
  });

  it('statistics of no segment and values that are not statistics', () => {
    expect(thrown(() => corpusTerFromStatistics(new Float64Array(5))).message).toMatch(
      /holds no segment/,
    );
    expect(thrown(() => corpusBleuFromStatistics(loose([1, 2, 3]))).message).toMatch(
      /^Argument statistics must be BLEU statistics \(a Float64Array\)/,
    );
    expect(terStatistics('a', ['a']).length).toBe(5);
  });
});
