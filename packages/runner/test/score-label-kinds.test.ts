import { RunnerError, scorePredictions } from '@assay/runner';
import { describe, expect, test } from 'vitest';

// Labels are read by @assay/labels, as core-metrics and the splitters read them.
// Reference values: scikit-learn 1.2.1 (unique_labels, accuracy_score, f1_score).
describe('label order and kinds match scikit-learn', () => {
  test('strings sort by code point: U+FF5E before U+1F600', async () => {
    const report = await scorePredictions(
      {
        yTrue: ['\u{1F600}', '\uFF5E', '\uFF5E', 'a'],
        yPred: ['\uFF5E', '\uFF5E', '\u{1F600}', 'a'],
      },
      { workers: 0, metrics: ['accuracy', 'f1_macro'] },
    );
    // unique_labels == ['a', '～', '😀']; the runner sorted by UTF-16 unit before
    // (['a', '😀', '～'])
    expect(report.labels).toEqual(['a', '\uFF5E', '\u{1F600}']);
    // accuracy_score == 0.5, f1_score(average='macro') == 0.5
    expect(report.overall.accuracy?.value).toBe(0.5);
    expect(report.overall.f1_macro?.value).toBeCloseTo(0.5, 15);
  });

  test('the mix message names the word that made a column strings, not its numeric text', async () => {
    // a CSV's y_pred column of 1, 2, cat is read as strings because of "cat"; naming "1"
    // (which looks like y_true's 1) left the user looking for the wrong cell
    const error = await scorePredictions(
      { yTrue: [1, 2, 1, 2], yPred: ['1', '2', 'cat', '1'] },
      { workers: 0, metrics: ['accuracy'] },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunnerError);
    expect((error as RunnerError).code).toBe('MIXED_LABEL_TYPES');
    expect((error as RunnerError).message).toContain('has the string label "cat"');
  });

  test('numbers in y_true and strings in y_pred are an error, not a string comparison', async () => {
    // unique_labels([0, 1, 1, 0], ['0', '1', '0', '0']) raises "Mix of label input types
    // (string and number)"; the runner used to warn and compare every label as a string
    const error = await scorePredictions(
      { yTrue: [0, 1, 1, 0], yPred: ['0', '1', '0', '0'] },
      { workers: 0, metrics: ['accuracy'] },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunnerError);
    expect((error as RunnerError).code).toBe('MIXED_LABEL_TYPES');
    expect((error as RunnerError).path).toBe('yPred');
    expect((error as RunnerError).message).toContain(
      'Mix of label input types (string and number): yPred (data row 1) has the string label "0" but yTrue (data row 1) has the number label 0',
    );
  });

  test('the mix of two columns names the data row of each label, past dropped rows', async () => {
    const error = await scorePredictions(
      { yTrue: [1, Number.NaN, 2, 1, 2], yPred: ['1', '2', '2', 'cat', '1'] },
      { workers: 0, metrics: ['accuracy'], dropMissing: true },
    ).catch((e: unknown) => e);
    expect((error as RunnerError).code).toBe('MIXED_LABEL_TYPES');
    // row 2 was dropped: "cat" is still the file's data row 4
    expect((error as RunnerError).message).toContain(
      'yPred (data row 4) has the string label "cat" but yTrue (data row 1) has the number label 1',
    );
  });

  test('numbers and strings in one in-memory column are an error naming a row of each', async () => {
    const error = await scorePredictions(
      { yTrue: [0, 'spam', 1, 0], yPred: [0, 1, 1, 0] },
      { workers: 0, metrics: ['accuracy'] },
    ).catch((e: unknown) => e);
    expect((error as RunnerError).code).toBe('MIXED_LABEL_TYPES');
    expect((error as RunnerError).message).toContain(
      'yTrue (data row 2) has the string label "spam" but yTrue (data row 1) has the number label 0',
    );
  });

  test('in-memory numeric strings stay strings and sort as strings', async () => {
    const report = await scorePredictions(
      { yTrue: ['10', '9', '10', '9'], yPred: ['10', '10', '10', '9'] },
      { workers: 0, metrics: ['accuracy'] },
    );
    // unique_labels(['10', '9', ...]) == ['10', '9']; the runner turned them into the
    // numbers [9, 10] before
    expect(report.labels).toEqual(['10', '9']);
    expect(report.overall.accuracy?.value).toBe(0.75);
  });

  test('booleans are the labels 0 and 1', async () => {
    const report = await scorePredictions(
      { yTrue: [true, false, true, true], yPred: [true, true, false, true] },
      { workers: 0, metrics: ['accuracy', 'f1'] },
    );
    // unique_labels == [False, True], reported as [0, 1] (they were the strings
    // 'false' and 'true'); accuracy_score == 0.5, f1_score == 2/3 with True positive
    expect(report.labels).toEqual([0, 1]);
    expect(report.overall.accuracy?.value).toBe(0.5);
    expect(report.overall.f1?.value).toBeCloseTo(2 / 3, 15);
  });
});
