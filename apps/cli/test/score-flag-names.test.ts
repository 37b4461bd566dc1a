import { describe, expect, test } from 'vitest';
import { inCommandLineWords, inFlagWords, scoreErrorText } from '../src/score/score-flag-names.js';

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

  test('library option names anywhere become their flag, once; quoted text stays', () => {
    expect(inCommandLineWords('name it with posLabel (--pos-label), e.g. --pos-label ham.')).toBe(
      'name it with --pos-label, e.g. --pos-label ham.',
    );
    expect(inCommandLineWords('--clusters (clusterIds) has 3 clusters')).toBe(
      '--clusters has 3 clusters',
    );
    expect(inCommandLineWords('clusterIds cannot be combined with dropMissing.')).toBe(
      '--clusters cannot be combined with --drop-missing.',
    );
    expect(inCommandLineWords('folds given per row (--folds, foldIds); yProba[1] is NaN')).toBe(
      'folds given per row (--folds); --y-proba item 2 is NaN',
    );
    // a column or label named like an option is the user's text
    expect(
      inCommandLineWords('Column "yPred" (y_pred) has "posLabel"; see --folds, --folds-out'),
    ).toBe('Column "yPred" (y_pred) has "posLabel"; see --folds, --folds-out');
  });

  test('assay score names the file of a data row, once, and drops the library option name', () => {
    const m =
      'Column "p" (y_pred) has a missing (null, empty, NaN, or a CSV marker such as NA, N/A or None) value at data row 2; fix the data or pass --drop-missing (dropMissing: true) to drop such rows.';
    expect(scoreErrorText(m, 'p', 'm.csv')).toBe(
      'Column "p" (y_pred) has a missing (null, empty, NaN, or a CSV marker such as NA, N/A or None) value at data row 2 of m.csv; fix the data or pass --drop-missing to drop such rows.',
    );
    const read = 'Column "s" has the non-numeric value "abc" at line 3 (data row 2) of x.csv';
    expect(scoreErrorText(read, 's', 'x.csv')).toBe(read);
  });
});
