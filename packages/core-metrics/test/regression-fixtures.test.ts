import { describe, expect, it } from 'vitest';
import * as metrics from '../src/index.js';
import { MetricInputError, RegressionAccumulator } from '../src/index.js';
import { expectClose, loadCases } from './fixture-cases.js';

type Metric = (yTrue: number[], yPred: number[], options: unknown) => number;

const cases = loadCases('regression.json');

describe('regression metrics equal scikit-learn 1.2.1 (test/fixtures/regression.json)', () => {
  for (const c of cases) {
    const [yTrue, yPred] = c.args as [number[], number[]];
    it(`${c.fn}: ${c.name}`, () => {
      const fn = (metrics as unknown as Record<string, Metric>)[c.fn];
      expect(fn, c.fn).toBeTypeOf('function');
      if (c.error !== undefined) {
        expect(() => fn!(yTrue, yPred, c.options)).toThrow(MetricInputError);
        try {
          fn!(yTrue, yPred, c.options);
        } catch (error) {
          expect((error as MetricInputError).code).toBe(c.error.code);
        }
        return;
      }
      expectClose(fn!(yTrue, yPred, c.options), c.expected as number, c.name);
    });
  }

  // The accumulator, fed in uneven chunks and merged, must give the same numbers.
  const mergeable = cases.filter(
    (c) =>
      c.error === undefined &&
      c.fn !== 'medianAbsoluteError' &&
      c.options.squared === undefined &&
      (c.args[0] as number[]).length >= 3,
  );
  for (const c of mergeable) {
    it(`RegressionAccumulator (3 merged chunks) ${c.fn}: ${c.name}`, () => {
      const yTrue = Float64Array.from(c.args[0] as number[]);
      const yPred = Float64Array.from(c.args[1] as number[]);
      const w = c.options.sampleWeight as number[] | undefined;
      const weight = w === undefined ? null : Float64Array.from(w);
      const n = yTrue.length;
      const cuts = [0, Math.floor(n / 5), Math.floor((3 * n) / 4), n];
      const parts = [0, 1, 2].map((p) => {
        const rows = Uint32Array.from({ length: cuts[p + 1]! - cuts[p]! }, (_, i) => cuts[p]! + i);
        return new RegressionAccumulator().update(yTrue, yPred, weight, rows);
      });
      const merged = RegressionAccumulator.fromJSON(
        JSON.parse(JSON.stringify(parts[2]!.merge(parts[0]!).merge(parts[1]!))),
      );
      const method = (merged as unknown as Record<string, (o: unknown) => number>)[c.fn]!;
      // the methods take the metric's own options; the weights went in through update
      const { sampleWeight: _, ...methodOptions } = c.options;
      expectClose(method.call(merged, methodOptions), c.expected as number, c.name);
    });
  }
});
