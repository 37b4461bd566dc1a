import { describe, expect, it } from 'vitest';
import { closestName, didYouMean, editDistance } from '../src/index.js';

const PROVIDERS = ['openai-chat', 'openai-completions', 'anthropic', 'http-json'];
const METHODS = ['holdout', 'kfold', 'stratified', 'group', 'repeated-stratified', 'timeseries'];
const PARAMS = ['temperature', 'maxTokens', 'topP', 'stop', 'seed', 'logprobs', 'topLogprobs'];

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('acuracy', 'accuracy')).toBe(1);
  });

  it('counts a transposition of neighbours as one edit, as Damerau does', () => {
    expect(editDistance('f1_marco', 'f1_macro')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(1);
    // optimal string alignment: no substring is edited twice, so CA -> ABC takes 3
    expect(editDistance('ca', 'abc')).toBe(3);
  });

  it('is symmetric', () => {
    for (const [a, b] of [
      ['stratify', 'stratified'],
      ['openai', 'anthropic'],
      ['maxTokens', 'max_tokens'],
    ] as const) {
      expect(editDistance(a, b)).toBe(editDistance(b, a));
    }
  });
});

describe('closestName', () => {
  it('finds a key written in another case or with underscores', () => {
    expect(closestName('max_tokens', PARAMS)).toBe('maxTokens');
    expect(closestName('MaxTokens', PARAMS)).toBe('maxTokens');
    expect(closestName('top-logprobs', PARAMS)).toBe('topLogprobs');
    expect(closestName('Anthropic', PROVIDERS)).toBe('anthropic');
    expect(closestName('repeated_stratified', METHODS)).toBe('repeated-stratified');
  });

  it('finds the shortest name a prefix completes, so openai means openai-chat', () => {
    expect(closestName('openai', PROVIDERS)).toBe('openai-chat');
    expect(closestName('temp', PARAMS)).toBe('temperature');
    expect(closestName('acc', ['accuracy', 'average_precision'])).toBe('accuracy');
  });

  it('finds a name a few typos away', () => {
    expect(closestName('stratify', METHODS)).toBe('stratified');
    expect(closestName('kfolds', METHODS)).toBe('kfold');
    expect(closestName('logprob', PARAMS)).toBe('logprobs');
    expect(closestName('antropic', PROVIDERS)).toBe('anthropic');
  });

  it('prefers fewer edits, then the earlier candidate', () => {
    expect(closestName('recal', ['recall_macro', 'recall'])).toBe('recall');
    expect(closestName('cat', ['bat', 'hat'])).toBe('bat');
    expect(closestName('cat', ['hat', 'bat'])).toBe('hat');
  });

  it('suggests nothing when no name is close, or when the input is valid', () => {
    expect(closestName('speed', ['accuracy', 'f1_macro', 'roc_auc'])).toBeUndefined();
    expect(closestName('spam', ['ham', 'jam'])).toBeUndefined();
    expect(closestName('zzz', PARAMS)).toBeUndefined();
    expect(closestName('f', ['f1', 'f1_macro'])).toBeUndefined();
    expect(closestName('', PARAMS)).toBeUndefined();
    expect(closestName('seed', PARAMS)).toBeUndefined();
    expect(closestName('anything', [])).toBeUndefined();
  });
});

describe('didYouMean', () => {
  it('puts the suggestion before the rest of the message, which then starts a sentence', () => {
    expect(didYouMean('openai', PROVIDERS, 'expected one of the providers')).toBe(
      "did you mean 'openai-chat'? Expected one of the providers",
    );
  });

  it('leaves the message as it is when nothing is close', () => {
    expect(didYouMean('bogus', PROVIDERS, 'expected one of the providers')).toBe(
      'expected one of the providers',
    );
  });
});
