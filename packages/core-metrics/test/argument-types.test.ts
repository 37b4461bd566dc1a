import { describe, expect, test } from 'vitest';
import {
  accuracyScore,
  ConfusionAccumulator,
  calibrationCurve,
  cohenKappaScore,
  expectedCalibrationError,
  f1Score,
  fbetaScore,
  logLoss,
  meanAbsoluteError,
  r2Score,
  rocAucScore,
  topKAccuracyScore,
} from '../src/index.js';
import { thrown } from './support/thrown.js';

// plain-JavaScript callers: the types say these cannot happen, the runtime must still refuse them
const js = <T>(value: unknown): T => value as T;

describe('a missing column is refused with a MetricInputError naming the argument', () => {
  test.each([
    ['f1Score yTrue null', () => f1Score(js(null), [0, 1]), 'yTrue', 'null'],
    [
      'accuracyScore without yPred',
      () => js<typeof accuracyScore>(accuracyScore)([0, 1], js(undefined)),
      'yPred',
      'undefined',
    ],
    [
      'cohenKappaScore without y2',
      () => cohenKappaScore([0, 1], js(undefined)),
      'yPred',
      'undefined',
    ],
    [
      'meanAbsoluteError without yPred',
      () => meanAbsoluteError([0, 1], js(undefined)),
      'yPred',
      'undefined',
    ],
    ['r2Score yTrue undefined', () => r2Score(js(undefined), [1]), 'yTrue', 'undefined'],
    ['rocAucScore yScore null', () => rocAucScore([0, 1], js(null)), 'yScore', 'null'],
    ['logLoss yPred null', () => logLoss([0, 1], js(null)), 'yPred', 'null'],
  ])('%s', (_, call, path, shown) => {
    const error = thrown(call);
    expect(error.code).toBe('MISSING_INPUT');
    expect(error.path).toBe(path);
    expect(error.message).toContain(`${path} must be an array, a typed array or an Arrow vector`);
    expect(error.message).toContain(`got ${shown}.`);
  });
});

describe('a value that is not a column is refused, naming its type', () => {
  test.each([
    ['a number', 5, 'got 5.'],
    ['a plain object', { a: 1 }, 'got an object.'],
    ['a string (not read character by character)', '0101', 'got the string "0101".'],
  ])('%s', (_, yTrue, shown) => {
    const error = thrown(() => f1Score(js(yTrue), [0, 1, 0, 1]));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.path).toBe('yTrue');
    expect(error.message).toContain(shown);
  });
});

describe('numeric options are numbers, never coerced from strings, arrays or booleans', () => {
  const y = [0, 1, 0, 1];
  const p = [0.1, 0.9, 0.2, 0.8];
  test.each([
    [
      'maxFpr string',
      () => rocAucScore(y, p, { maxFpr: js('0.5') }),
      'options.maxFpr',
      'the string "0.5"',
    ],
    [
      'maxFpr array',
      () => rocAucScore(y, p, { maxFpr: js([0.5]) }),
      'options.maxFpr',
      'an array of 1',
    ],
    [
      'maxFpr boolean',
      () => rocAucScore(y, p, { maxFpr: js(true) }),
      'options.maxFpr',
      'the boolean true',
    ],
    ['eps string', () => logLoss(y, p, { eps: js('0.1') }), 'options.eps', 'the string "0.1"'],
    [
      'k string',
      () =>
        topKAccuracyScore(
          [0, 1],
          [
            [0.4, 0.6],
            [0.7, 0.3],
          ],
          { k: js('2') },
        ),
      'options.k',
      'the string "2"',
    ],
    ['beta string', () => fbetaScore(y, y, { beta: js('2') }), 'options.beta', 'the string "2"'],
    [
      'nBins string (calibrationCurve)',
      () => calibrationCurve(y, p, { nBins: js('5') }),
      'options.nBins',
      'the string "5"',
    ],
    [
      'nBins string (ECE)',
      () => expectedCalibrationError(y, p, { nBins: js('5') }),
      'options.nBins',
      'the string "5"',
    ],
    [
      'nClasses string',
      () => rocAucScore(y, Float64Array.of(0.1, 0.9, 0.2, 0.8), { nClasses: js('2') }),
      'options.nClasses',
      'the string "2"',
    ],
  ])('%s', (_, call, path, shown) => {
    const error = thrown(call);
    expect(error.code).toBe('INVALID_OPTION');
    expect(error.path).toBe(path);
    expect(error.message).toContain(`${path} is ${shown};`);
  });

  test('a numeric value still reads as before', () => {
    expect(thrown(() => rocAucScore(y, p, { maxFpr: 2 })).message).toContain(
      'options.maxFpr is 2;',
    );
    expect(rocAucScore(y, p, { maxFpr: 0.5 })).toBeCloseTo(1);
  });
});

describe('ConfusionAccumulator refuses a bad nClasses as an argument error, not a state error', () => {
  test.each([
    ['3', 'the string "3"'],
    [0, '0'],
  ])('nClasses %j', (nClasses, shown) => {
    const error = thrown(() => new ConfusionAccumulator(js(nClasses)));
    expect(error.code).toBe('INVALID_OPTION');
    expect(error.path).toBe('nClasses');
    expect(error.message).toContain(`nClasses is ${shown};`);
  });
});
