import { vectorFromArray } from 'apache-arrow';
import { describe, expect, test } from 'vitest';
import {
  encodeLabelColumns,
  LabelError,
  type LabelInput,
  LabelKindCheck,
  sortedUnion,
} from '../src/index.js';

function thrown(run: () => unknown): LabelError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(LabelError);
    return error as LabelError;
  }
  throw new Error('expected a LabelError');
}

describe('label errors name the argument, the row and what is valid', () => {
  test('numbers in one column and strings in another: both places, and what is valid', () => {
    const error = thrown(() =>
      encodeLabelColumns([
        ['yTrue', [0, 1, 1]],
        ['yPred', [1, 'spam', 0]],
      ]),
    );
    expect(error.code).toBe('MIXED_LABEL_TYPES');
    expect(error.path).toBe('yPred');
    expect(error.message).toBe(
      'Mix of label input types (string and number): yPred (row 1) has the string label "spam" but yTrue (row 0) has the number label 0; labels must be all numbers or all strings (booleans count as numbers). To score answers that name no class (such as "unparseable") against number labels, write them as a number that no class uses (e.g. -1): they then count as wrong.',
    );
  });

  test('a boolean is a number, so it cannot meet a string either', () => {
    const error = thrown(() => encodeLabelColumns([['y', ['a', true]]]));
    expect(error.message).toContain('y (row 1) has the number label 1 but y (row 0)');
  });

  test('the kind check and the missing-label check name the same index for the same row', () => {
    const missing = thrown(() =>
      encodeLabelColumns([['y', ['a', 'b', null] as unknown as LabelInput]]),
    );
    expect(missing.message).toContain('y has null at row 2;');
    const mixed = thrown(() => encodeLabelColumns([['y', ['a', 'b', 3]]]));
    expect(mixed.message).toContain('y (row 2) has the number label 3 but y (row 0)');
  });

  test('a file reader names rows its own way through rowName', () => {
    const kinds = new LabelKindCheck({ rowName: (row) => `data row ${row + 1}` });
    kinds.check('a', 'y', 0);
    const error = thrown(() => kinds.check(3, 'y', 4));
    expect(error.message).toContain('y (data row 5) has the number label 3 but y (data row 1)');
  });

  test('sortedUnion refuses the same mix, without rows', () => {
    const error = thrown(() =>
      sortedUnion([
        ['yTrue', ['a']],
        ['yPred', [2]],
      ]),
    );
    expect(error.code).toBe('MIXED_LABEL_TYPES');
    expect(error.path).toBe('yPred');
    expect(error.message).toContain('yPred has the number label 2 but yTrue has the string');
  });

  test.each([
    ['NaN', [0, Number.NaN]],
    ['null', [0, null]],
    ['undefined', [0, undefined]],
  ])('%s is a missing value at its row', (what, values) => {
    const error = thrown(() => encodeLabelColumns([['yTrue', values as LabelInput]]));
    expect(error.code).toBe('MISSING_VALUE');
    expect(error.message).toBe(
      `yTrue has ${what} at row 1; every label must be a number or a string.`,
    );
  });

  test('an Arrow null names its row', () => {
    const error = thrown(() => encodeLabelColumns([['groups', vectorFromArray(['a', null])]]));
    expect(error.code).toBe('MISSING_VALUE');
    expect(error.message).toContain('groups has a null label at row 1');
  });

  test('an object is not a label', () => {
    const error = thrown(() => encodeLabelColumns([['y', [0, {}] as unknown as LabelInput]]));
    expect(error.code).toBe('MIXED_LABEL_TYPES');
    expect(error.message).toBe(
      'y has an object at row 1; every label must be a number, a string or a boolean.',
    );
  });
});
