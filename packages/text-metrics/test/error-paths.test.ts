import { describe, expect, test } from 'vitest';
import {
  corpusBleu,
  corpusBleuFromStatistics,
  corpusChrf,
  corpusTer,
  exactMatch,
  jsonSchemaConformance,
  majorityVote,
  matchesPattern,
  numericMatch,
  passAtK,
  type RougeOptions,
  rouge,
  sentenceBleu,
  sentenceChrf,
  TextMetricsError,
} from '../src/index.js';
import { js, textMetricsErrorOf } from './support/text-metrics-error.js';

describe('TextMetricsError names the argument or option at fault in path', () => {
  test.each([
    [
      "corpusBleu(['a', 'b'], [['a']])",
      () => corpusBleu(['a', 'b'], [['a']]),
      'INVALID_ARGUMENT',
      'referencesPerHypothesis',
    ],
    [
      "corpusBleu(['a'], [['a']], { smooth_method: 'exp' })",
      () => corpusBleu(['a'], [['a']], js({ smooth_method: 'exp' })),
      'INVALID_OPTION',
      'options.smooth_method',
    ],
    ["rouge('a', [])", () => rouge('a', []), 'INVALID_ARGUMENT', 'references'],
    [
      'corpusChrf with options.beta = -1',
      () => corpusChrf(['a'], [['a']], { beta: -1 }),
      'INVALID_OPTION',
      'options.beta',
    ],
    [
      "sentenceChrf with options.beta = '2'",
      () => sentenceChrf('a', ['a'], js({ beta: '2' })),
      'INVALID_OPTION',
      'options.beta',
    ],
    [
      "rouge('a', ['x', 3, 'y'])",
      () => rouge('a', js(['x', 3, 'y'])),
      'INVALID_ARGUMENT',
      'references[1]',
    ],
    ["rouge(3, ['a'])", () => rouge(js(3), ['a']), 'INVALID_ARGUMENT', 'prediction'],
    [
      "rouge with options.types = ['rouge1', 'rouge0']",
      () => rouge('a', ['a'], js<RougeOptions>({ types: ['rouge1', 'rouge0'] })),
      'INVALID_OPTION',
      'options.types[1]',
    ],
    ['corpusBleu([], [])', () => corpusBleu([], []), 'INVALID_ARGUMENT', 'hypotheses'],
    [
      "corpusTer(['a', 7], [['a'], ['b']])",
      () => corpusTer(js(['a', 7]), [['a'], ['b']]),
      'INVALID_ARGUMENT',
      'hypotheses[1]',
    ],
    [
      "corpusBleu(['a', 'b'], [['a'], [null]])",
      () => corpusBleu(['a', 'b'], [['a'], [null]]),
      'INVALID_ARGUMENT',
      'referencesPerHypothesis[1]',
    ],
    [
      "sentenceBleu('a', ['a', 5])",
      () => sentenceBleu('a', js(['a', 5])),
      'INVALID_ARGUMENT',
      'references[1]',
    ],
    [
      'corpusBleuFromStatistics(new Float64Array(2))',
      () => corpusBleuFromStatistics(new Float64Array(2)),
      'INVALID_ARGUMENT',
      'statistics',
    ],
    [
      "exactMatch('a', 'a', { regexesToIgnore: ['(?x)a'] })",
      () => exactMatch('a', 'a', { regexesToIgnore: ['(?x)a'] }),
      'INVALID_OPTION',
      'options.regexesToIgnore[0]',
    ],
    ["matchesPattern('a', '(')", () => matchesPattern('a', '('), 'INVALID_ARGUMENT', 'pattern'],
    [
      'numericMatch with options.absoluteTolerance = -1',
      () => numericMatch('1', 1, { absoluteTolerance: -1 }),
      'INVALID_OPTION',
      'options.absoluteTolerance',
    ],
    ["numericMatch('1', 'none')", () => numericMatch('1', 'none'), 'INVALID_ARGUMENT', 'reference'],
    ['passAtK(2, 3, 1)', () => passAtK(2, 3, 1), 'INVALID_ARGUMENT', 'c'],
    ['passAtK(2, 1, 0)', () => passAtK(2, 1, 0), 'INVALID_ARGUMENT', 'k'],
    ["majorityVote(['a', 1])", () => majorityVote(js(['a', 1])), 'INVALID_ARGUMENT', 'answers[1]'],
    [
      "jsonSchemaConformance('{}', null)",
      () => jsonSchemaConformance('{}', js(null)),
      'INVALID_ARGUMENT',
      'schema',
    ],
  ])('%s', (_, call, code, path) => {
    const error = textMetricsErrorOf(call);
    expect(error.code).toBe(code);
    expect(error.path).toBe(path);
    expect(error.message).toContain(path);
  });

  test('the constructor takes the path after the message, like SplitError', () => {
    const error = new TextMetricsError(
      'INVALID_OPTION',
      'Option options.beta is bad.',
      'options.beta',
    );
    expect(error.path).toBe('options.beta');
  });
});
