import { describe, expect, test } from 'vitest';
import { inFlagWords } from '../src/score/score-flag-names.js';

describe('runner messages in the command line words', () => {
  test('a leading option name becomes its flag, an indexed one names the item', () => {
    expect(inFlagWords('seed must be an integer in [0, 4294967295], got -1.', 'seed')).toBe(
      '--seed must be an integer in [0, 4294967295], got -1.',
    );
    expect(inFlagWords('labels[1] repeats the label "a"; list each label once.', 'labels[1]')).toBe(
      '--labels item 2 repeats the label "a"; list each label once.',
    );
  });

  test('messages that do not start with their option, or name no known one, stay as they are', () => {
    const m = 'Column "y" (y_true) has a missing value at data row 2; pass --drop-missing.';
    expect(inFlagWords(m, 'y')).toBe(m);
    expect(inFlagWords('metrics: unknown', 'metrics')).toBe('metrics: unknown');
    expect(inFlagWords('seedless', undefined)).toBe('seedless');
    expect(inFlagWords('ci is 2', 'seed')).toBe('ci is 2');
  });
});
