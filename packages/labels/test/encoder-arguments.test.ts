import { describe, expect, test } from 'vitest';
import {
  type EncodeLabelColumnsOptions,
  encodeLabelColumns,
  LabelError,
  type LabelInput,
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

const y = ['b', 'c', 'a', 'b'];
const encodeWith = (options: unknown) =>
  encodeLabelColumns([['y', y]], options as EncodeLabelColumnsOptions);

describe('encodeLabelColumns refuses an order it does not know', () => {
  test('the two orders and a left-out order still encode', () => {
    expect(encodeWith({ order: 'sorted' }).classes).toEqual(['a', 'b', 'c']);
    expect(encodeWith({ order: 'first-appearance' }).classes).toEqual(['b', 'c', 'a']);
    expect(encodeWith({}).classes).toEqual(['a', 'b', 'c']);
    expect(encodeWith({ order: undefined }).classes).toEqual(['a', 'b', 'c']);
  });

  test.each([
    ['ascending', 'the string "ascending"'],
    ['Sorted', 'the string "Sorted"'],
    ['first_appearance', 'the string "first_appearance"'],
    [42, '42'],
    [null, 'null'],
  ])('order %j is INVALID_OPTION naming options.order and both valid values', (order, shown) => {
    const error = thrown(() => encodeWith({ order }));
    expect(error.code).toBe('INVALID_OPTION');
    expect(error.path).toBe('options.order');
    expect(error.message).toBe(
      `options.order must be 'sorted' (np.unique order, the default) or 'first-appearance', got ${shown}.`,
    );
  });

  test('an order on the integer fast path is checked too', () => {
    const error = thrown(() =>
      encodeLabelColumns([['y', [2, 0, 1]]], { order: 'ascending' as never }),
    );
    expect(error.path).toBe('options.order');
  });
});

describe('encodeLabelColumns refuses options it does not take', () => {
  test('an unknown key names the key and the options there are', () => {
    const error = thrown(() => encodeWith({ ordr: 'first-appearance' }));
    expect(error.code).toBe('INVALID_OPTION');
    expect(error.path).toBe('options.ordr');
    expect(error.message).toBe(
      'options.ordr is not an option of encodeLabelColumns. Its options are order.',
    );
  });

  test('an options array is not a plain object', () => {
    const error = thrown(() => encodeWith(['first-appearance']));
    expect(error.code).toBe('INVALID_OPTION');
    expect(error.path).toBe('options');
    expect(error.message).toBe(
      'The options argument of encodeLabelColumns is an array; it must be a plain object of named options (order) or left out.',
    );
  });
});

describe('a column must be a column of labels', () => {
  test('a string is refused, not read as its characters', () => {
    const error = thrown(() => encodeLabelColumns([['y', 'ab' as unknown as LabelInput]]));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.path).toBe('y');
    expect(error.message).toBe(
      'y must be an array, a typed array, an Arrow vector or another array-like of labels, got the string "ab"; a string is not read as a column of its characters.',
    );
  });

  test('an array-like object is a column, as LabelInput (ArrayLike) says', () => {
    const arrayLike = { length: 2, 0: 'b', 1: 'a' } as unknown as LabelInput;
    const encoded = encodeLabelColumns([['y', arrayLike]]);
    expect([...encoded.classes]).toEqual(['a', 'b']);
  });

  test('null, a number and a plain object without a length are refused, naming the column', () => {
    for (const [value, shown] of [
      [null, 'null'],
      [3, '3'],
      [{ 0: 'a' }, 'an object'],
      [{ length: -1 }, 'an object'],
    ] as const) {
      const error = thrown(() =>
        encodeLabelColumns([
          ['yTrue', ['a']],
          ['yPred', value as unknown as LabelInput],
        ]),
      );
      expect(error.path).toBe('yPred');
      expect(error.message).toContain(`got ${shown}.`);
    }
  });
});

describe('sortedUnion refuses a set that is not a set of labels', () => {
  test('a number is a typed error naming the set, not a TypeError', () => {
    const error = thrown(() => sortedUnion([['y', 5 as unknown as string[]]]));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.path).toBe('y');
    expect(error.message).toBe('y must be an iterable of labels (an array or a Set), got 5.');
  });

  test('a string is refused rather than read as its characters', () => {
    const error = thrown(() =>
      sortedUnion([
        ['yTrue', ['a']],
        ['yPred', 'ab' as unknown as string[]],
      ]),
    );
    expect(error.path).toBe('yPred');
    expect(error.message).toContain('a string is not read as a column of its characters');
  });

  test('arrays and Sets still unite', () => {
    expect(
      sortedUnion([
        ['yTrue', new Set(['b'])],
        ['yPred', ['a']],
      ]),
    ).toEqual(['a', 'b']);
  });
});
