import { describe, expect, test } from 'vitest';
import {
  checkJsonSchema,
  corpusBleu,
  corpusTer,
  exactMatch,
  includes,
  jsonSchemaConformance,
  jsonValidity,
  numericMatch,
  rouge,
  sentenceChrf,
  squadExactMatch,
  squadF1,
  squadScores,
  tokenizeTercom,
} from '../src/index.js';
import { js, textMetricsErrorOf } from './support/text-metrics-error.js';

const schema = { type: 'integer' };

describe('every function with an options object refuses an unknown key, as BLEU does', () => {
  test.each([
    [
      'exactMatch ignore_case',
      () => exactMatch('A', 'a', js<never>({ ignore_case: true })),
      'Option options.ignore_case is unknown; did you mean ignoreCase? The known options are regexesToIgnore, ignoreCase, ignorePunctuation, ignoreNumbers.',
    ],
    [
      'squadScores versoin',
      () => squadScores('a', ['a'], js<never>({ versoin: '2.0' })),
      'Option options.versoin is unknown; did you mean version? The known options are version.',
    ],
    [
      'corpusBleu lowercas (the existing check, now with a suggestion)',
      () => corpusBleu(['a'], [['a']], js<never>({ lowercas: true })),
      'Option options.lowercas is unknown; did you mean lowercase? The known options are lowercase, tokenize, smoothMethod, smoothValue, effectiveOrder, maxNgramOrder.',
    ],
    [
      'numericMatch tolerance (nothing close: no suggestion)',
      () => numericMatch('1', 1, js<never>({ tolerance: 0.1 })),
      'Option options.tolerance is unknown; the known options are absoluteTolerance, relativeTolerance, extract.',
    ],
  ])('%s', (_, call, message) => {
    const error = textMetricsErrorOf(call);
    expect(error.code).toBe('INVALID_OPTION');
    expect(error.message).toBe(message);
  });

  test.each([
    ['squadExactMatch', () => squadExactMatch('a', 'a', js<never>({ Version: '2.0' })), 'Version'],
    ['squadF1', () => squadF1('a', 'a', js<never>({ version_: '2.0' })), 'version_'],
    ['includes', () => includes('a', 'A', js<never>({ ignorecase: true })), 'ignorecase'],
    ['rouge', () => rouge('a', 'a', js<never>({ type: ['rouge1'] })), 'type'],
    [
      'jsonValidity',
      () => jsonValidity('1', js<never>({ strip_code_fence: true })),
      'strip_code_fence',
    ],
    ['checkJsonSchema', () => checkJsonSchema('1', schema, js<never>({ strict: true })), 'strict'],
    [
      'jsonSchemaConformance',
      () => jsonSchemaConformance('1', schema, js<never>({ stripCodeFences: true })),
      'stripCodeFences',
    ],
    ['sentenceChrf', () => sentenceChrf('a', ['a'], js<never>({ beta2: 1 })), 'beta2'],
    [
      'corpusTer',
      () => corpusTer(['a'], [['a']], js<never>({ case_sensitive: true })),
      'case_sensitive',
    ],
    ['tokenizeTercom', () => tokenizeTercom('a', js<never>({ no_punct: true })), 'no_punct'],
  ])('%s names the unknown key in path and message', (_, call, key) => {
    const error = textMetricsErrorOf(call);
    expect([error.code, error.path]).toEqual(['INVALID_OPTION', `options.${key}`]);
    expect(error.message).toMatch(new RegExp(`^Option options\\.${key} is unknown; `));
  });

  test('known keys, undefined values and no options still work as before', () => {
    expect(exactMatch('A', 'a', { ignoreCase: true })).toBe(1);
    expect(exactMatch('A', 'a', js<never>({ ignoreCase: undefined }))).toBe(0);
    expect(squadScores('Paris', [], { version: '2.0' })).toEqual({ exactMatch: 0, f1: 0 });
    expect(includes('PARIS', 'paris', { ignoreCase: true })).toBe(1);
    expect(jsonValidity('```json\n1\n```', { stripCodeFence: true })).toBe(1);
    expect(numericMatch('1.25', 1.251, { absoluteTolerance: 0.01 })).toBe(1);
  });
});
