import { describe, expect, test } from 'vitest';
import { inFlagWords, scoreErrorText } from '../src/score/score-flag-names.js';

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

  test('assay score names the file of a data row, once, and drops the library option name', () => {
    const m =
      'Column "p" (y_pred) has a missing (null, empty or NaN) value at data row 2; fix the data or pass --drop-missing (dropMissing: true) to drop such rows.';
    expect(scoreErrorText(m, 'p', 'm.csv')).toBe(
      'Column "p" (y_pred) has a missing (null, empty or NaN) value at data row 2 of m.csv; fix the data or pass --drop-missing to drop such rows.',
    );
    const read = 'Column "s" has the non-numeric value "abc" at line 3 (data row 2) of x.csv';
    expect(scoreErrorText(read, 's', 'x.csv')).toBe(read);
  });
});
