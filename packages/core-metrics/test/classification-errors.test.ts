import { makeVector, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import {
  accuracyScore,
  ConfusionAccumulator,
  classificationReport,
  cohenKappaScore,
  confusionMatrix,
  f1Score,
  fbetaScore,
  hammingLoss,
  jaccardScore,
  type MetricInputError,
  matthewsCorrcoef,
  precisionScore,
  recallScore,
} from '../src/index.js';
import { thrown } from './support/thrown.js';

function expectError(
  run: () => unknown,
  code: MetricInputError['code'],
  argument: string,
  ...fragments: (string | RegExp)[]
): void {
  const error = thrown(run);
  expect(error.code).toBe(code);
  expect(error.path).toBe(argument);
  // Full sentences: start with the argument's name and end with a period.
  expect(error.message).toMatch(/\.$/);
  for (const fragment of fragments) expect(error.message).toMatch(fragment);
}

describe('classification input errors', () => {
  it('rejects columns of different lengths, naming both', () => {
    expectError(
      () => f1Score([0, 1, 1], [0, 1]),
      'LENGTH_MISMATCH',
      'yPred',
      'yPred has 2 values but yTrue has 3',
    );
  });

  it('rejects empty input', () => {
    expectError(() => accuracyScore([], []), 'EMPTY_INPUT', 'yTrue', 'yTrue is empty');
  });

  it('rejects NaN, null and undefined labels, naming the row', () => {
    expectError(
      () => precisionScore([0, 1, Number.NaN], [0, 1, 1]),
      'MISSING_VALUE',
      'yTrue',
      'NaN at row 2',
    );
    expectError(
      () => recallScore([0, 1, 1], [0, null, 1] as never),
      'MISSING_VALUE',
      'yPred',
      'null at row 1',
    );
    expectError(
      () => accuracyScore([0, undefined, 1] as never, [0, 1, 1]),
      'MISSING_VALUE',
      'yTrue',
      'undefined at row 1',
    );
    expectError(
      () => accuracyScore(vectorFromArray([0, null, 1]), [0, 1, 1]),
      'MISSING_VALUE',
      'yTrue',
      'null label at row 1',
    );
  });

  it('rejects numbers mixed with strings', () => {
    expectError(
      () => accuracyScore([0, 'a'] as never, [0, 1]),
      'MIXED_LABEL_TYPES',
      'yTrue',
      'all numbers or all strings',
    );
  });

  it('rejects non-integer numeric labels (continuous targets)', () => {
    expectError(
      () => f1Score([0, 1, 0.5], [0, 1, 1]),
      'INVALID_LABEL',
      'yTrue',
      '0.5 at row 2',
      /integers/,
    );
    expectError(
      () => accuracyScore(Float64Array.of(0, 1), Float64Array.of(0, Number.POSITIVE_INFINITY)),
      'INVALID_LABEL',
      'yPred',
      'Infinity at row 1',
    );
  });

  it("rejects average 'binary' on multiclass data, listing the labels and the alternatives", () => {
    expectError(
      () => f1Score([0, 1, 2], [0, 1, 1]),
      'MULTICLASS_WITH_BINARY_AVERAGE',
      'options.average',
      '3 labels (0, 1, 2)',
      /'micro', 'macro', 'weighted' or null/,
    );
    expectError(
      () => jaccardScore(['a', 'b', 'c'], ['a', 'b', 'b'], { average: 'binary' }),
      'MULTICLASS_WITH_BINARY_AVERAGE',
      'options.average',
      '"a", "b", "c"',
    );
  });

  it('rejects a posLabel that is not among the labels, listing them', () => {
    expectError(
      () => precisionScore(['ham', 'spam'], ['spam', 'spam']),
      'UNKNOWN_POS_LABEL',
      'options.posLabel',
      'options.posLabel is 1',
      '"ham", "spam"',
    );
    expectError(
      () => recallScore([0, 2], [2, 0], { posLabel: 1 }),
      'UNKNOWN_POS_LABEL',
      'options.posLabel',
      '0, 2',
    );
    expectError(
      () => f1Score([0, 1], [1, 0], { posLabel: 0.5 }),
      'INVALID_OPTION',
      'options.posLabel',
      'integer or a string',
    );
  });

  it('rejects unknown option values, listing the valid ones', () => {
    expectError(
      () => f1Score([0, 1], [0, 1], { average: 'samples' as never }),
      'INVALID_OPTION',
      'options.average',
      "options.average is \"samples\"; valid values are 'binary', 'micro', 'macro', 'weighted' and null",
    );
    expectError(
      () => f1Score([0, 1], [0, 1], { zeroDivision: 2 }),
      'INVALID_OPTION',
      'options.zeroDivision',
      "'warn', 0, 1 and NaN",
    );
    expectError(
      () => confusionMatrix([0, 1], [0, 1], { normalize: 'rows' as never }),
      'INVALID_OPTION',
      'options.normalize',
      '"true", "pred", "all", null',
    );
    expectError(
      () => cohenKappaScore([0, 1], [0, 1], { weights: 'cubic' as never }),
      'INVALID_OPTION',
      'options.weights',
      '"linear", "quadratic", null',
    );
    expectError(
      () => accuracyScore([0, 1], [0, 1], { normalize: 'yes' as never }),
      'INVALID_OPTION',
      'options.normalize',
      'true or false',
    );
    expectError(
      () => fbetaScore([0, 1], [0, 1], {} as never),
      'INVALID_OPTION',
      'options.beta',
      'beta is missing',
    );
    expectError(
      () => fbetaScore([0, 1], [0, 1], { beta: -1 }),
      'INVALID_OPTION',
      'options.beta',
      '>= 0',
    );
    expectError(
      () => classificationReport([0, 1], [0, 1], { digits: -1 }),
      'INVALID_OPTION',
      'options.digits',
      '0 to 20',
    );
  });

  it('rejects bad labels options', () => {
    expectError(
      () => f1Score([0, 1, 2], [0, 1, 1], { average: 'macro', labels: [] }),
      'INVALID_OPTION',
      'options.labels',
      'empty',
    );
    expectError(
      () => f1Score([0, 1, 2], [0, 1, 1], { average: 'macro', labels: [1, 1] }),
      'INVALID_OPTION',
      'options.labels',
      'lists 1 twice',
    );
    expectError(
      () => f1Score([0, 1, 2], [0, 1, 1], { average: 'macro', labels: ['a'] }),
      'INVALID_OPTION',
      'options.labels[0]',
      'must be an integer',
    );
    expectError(
      () => confusionMatrix([0, 1, 2], [0, 1, 1], { labels: [5, 7] }),
      'UNKNOWN_LABEL',
      'options.labels',
      'no label that occurs in yTrue',
    );
    expectError(
      () => classificationReport([0, 1], [0, 1], { targetNames: ['only one'] }),
      'INVALID_OPTION',
      'options.targetNames',
      '1 names but the report has 2 labels',
    );
  });

  it('rejects negative, non-finite and misaligned sample weights', () => {
    expectError(
      () => accuracyScore([0, 1], [0, 1], { sampleWeight: [1, -0.5] }),
      'INVALID_WEIGHT',
      'options.sampleWeight',
      'negative weight -0.5 at row 1',
    );
    expectError(
      () => matthewsCorrcoef([0, 1], [0, 1], { sampleWeight: [Number.NaN, 1] }),
      'NON_FINITE_VALUE',
      'options.sampleWeight',
      'NaN at row 0',
    );
    expectError(
      () => f1Score([0, 1], [0, 1], { sampleWeight: [1, 2, 3] }),
      'LENGTH_MISMATCH',
      'options.sampleWeight',
      '3 values but yTrue has 2',
    );
    expectError(
      () => hammingLoss([0, 1], [0, 1], { sampleWeight: makeVector(Float64Array.of(0, 0)) }),
      'INVALID_WEIGHT',
      'options.sampleWeight',
      'sums to 0',
    );
    expectError(
      () => accuracyScore([0, 1], [0, 1], { sampleWeight: [0, 0] }),
      'INVALID_WEIGHT',
      'options.sampleWeight',
      'normalize: false',
    );
  });

  it('rejects more labels than a K×K matrix should hold', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => i);
    expectError(
      () => f1Score(ids, ids, { average: 'macro' }),
      'TOO_MANY_CLASSES',
      'yTrue',
      '5000 distinct labels',
      'at most 4096',
    );
  });

  it('rejects invalid accumulator state', () => {
    expectError(
      () => ConfusionAccumulator.fromJSON({ nClasses: 2, counts: [1, 2, 3] }),
      'INVALID_STATE',
      'json',
      'array of 4 numbers',
    );
    expectError(
      () => ConfusionAccumulator.fromJSON({ nClasses: 0, counts: [] }),
      'INVALID_STATE',
      'json',
      'positive integer',
    );
    expectError(
      () => ConfusionAccumulator.fromJSON({ nClasses: 1, counts: [-1] }),
      'INVALID_STATE',
      'json',
      'counts[0] is -1',
    );
    expectError(
      () => ConfusionAccumulator.fromJSON('{}'),
      'INVALID_STATE',
      'json',
      'must be an object',
    );
    expectError(
      () => new ConfusionAccumulator(2).merge(new ConfusionAccumulator(3)),
      'INVALID_STATE',
      'other',
      'same class encoding',
    );
  });
});
