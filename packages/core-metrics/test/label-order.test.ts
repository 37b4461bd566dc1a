import { describe, expect, it } from 'vitest';
import { accuracyScore, confusionMatrix, encodeLabels, f1Score } from '../src/index.js';
import { thrown } from './support/thrown.js';

// Reference values: scikit-learn 1.2.1 (confusion_matrix, f1_score, accuracy_score).
describe('labels are ordered and read as scikit-learn reads them', () => {
  const yTrue = ['\u{1F600}', '\uFF5E', '\uFF5E', 'a'];
  const yPred = ['\uFF5E', '\uFF5E', '\u{1F600}', 'a'];

  it('orders strings by code point, so U+FF5E comes before U+1F600', () => {
    // unique_labels(yTrue, yPred) == ['a', '～', '😀']; before @assay/labels this package
    // sorted by UTF-16 unit (['a', '😀', '～']), which swapped the last two rows and columns
    expect(encodeLabels([['yTrue', yTrue]]).classes).toEqual(['a', '\uFF5E', '\u{1F600}']);
    expect(confusionMatrix(yTrue, yPred)).toEqual([
      [1, 0, 0],
      [0, 1, 1],
      [0, 1, 0],
    ]);
    // f1_score(average=None) == [1.0, 0.5, 0.0], in the same class order
    expect(f1Score(yTrue, yPred, { average: null })).toEqual([1, 0.5, 0]);
  });

  it('reads booleans as 0 and 1, as numpy does (they were a MIXED_LABEL_TYPES error)', () => {
    const bt = [true, false, true, true] as unknown as number[];
    const bp = [true, true, false, true] as unknown as number[];
    // confusion_matrix == [[0, 1], [1, 2]], accuracy_score == 0.5, f1_score == 2/3
    expect(confusionMatrix(bt, bp)).toEqual([
      [0, 1],
      [1, 2],
    ]);
    expect(accuracyScore(bt, bp)).toBe(0.5);
    expect(f1Score(bt, bp)).toBeCloseTo(2 / 3, 15);
    // f1_score([0, 1, 1, 0], [True, True, False, False]) == 0.5: True is the label 1
    expect(f1Score([0, 1, 1, 0], [true, true, false, false] as unknown as number[])).toBe(0.5);
  });

  it('refuses numbers in one column and strings in the other, naming the column', () => {
    const error = thrown(() => accuracyScore([0, 1], ['0', '1']));
    expect(error.code).toBe('MIXED_LABEL_TYPES');
    expect(error.path).toBe('yPred');
    expect(error.message).toContain('Mix of label input types (string and number)');
    expect(error.message).toContain('labels must be all numbers or all strings');
  });
});

describe('encodeLabels options', () => {
  it('orders the classes by first appearance when asked, sorted by default', () => {
    const columns = [
      ['yTrue', ['c', 'a', 'c']],
      ['yPred', ['b', 'a', 'c']],
    ] as const;
    expect(encodeLabels(columns).classes).toEqual(['a', 'b', 'c']);
    const first = encodeLabels(columns, { order: 'first-appearance' });
    expect(first.classes).toEqual(['c', 'a', 'b']);
    expect([...first.codes[1]!]).toEqual([2, 1, 0]);
  });

  it('refuses an option it does not take instead of ignoring it', () => {
    const error = thrown(() =>
      encodeLabels([['y', [1, 0]]], { ordr: 'sorted' } as unknown as { order: 'sorted' }),
    );
    expect(error.code).toBe('INVALID_OPTION');
    expect(error.path).toBe('options.ordr');
    expect(error.message).toContain('is not an option of encodeLabels');
    const order = thrown(() =>
      encodeLabels([['y', [1, 0]]], { order: 'ascending' as unknown as 'sorted' }),
    );
    expect([order.code, order.path]).toEqual(['INVALID_OPTION', 'options.order']);
  });
});
