import { describe, expect, it } from 'vitest';
import * as metrics from '../src/index.js';
import { MetricInputError } from '../src/index.js';
import { expectDeepClose, loadCases } from './fixture-cases.js';

type Metric = (...args: unknown[]) => unknown;

const cases = loadCases('probabilistic.json');

describe('probabilistic metrics equal scikit-learn 1.2.1 (test/fixtures/probabilistic.json)', () => {
  it('has cases for every probabilistic function', () => {
    const fns = new Set(cases.map((c) => c.fn));
    for (const fn of [
      'rocAucScore',
      'averagePrecisionScore',
      'rocCurve',
      'precisionRecallCurve',
      'logLoss',
      'brierScoreLoss',
      'topKAccuracyScore',
      'calibrationCurve',
      'expectedCalibrationError',
    ]) {
      expect(fns.has(fn), fn).toBe(true);
    }
  });

  for (const c of cases) {
    it(`${c.fn}: ${c.name}`, () => {
      const fn = (metrics as unknown as Record<string, Metric>)[c.fn];
      expect(fn, c.fn).toBeTypeOf('function');
      const call = (): unknown => fn!(...c.args, c.options);
      if (c.error !== undefined) {
        let thrown: unknown;
        try {
          call();
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(MetricInputError);
        expect((thrown as MetricInputError).code).toBe(c.error.code);
        return;
      }
      expectDeepClose(call(), c.expected, c.fn);
    });
  }
});
