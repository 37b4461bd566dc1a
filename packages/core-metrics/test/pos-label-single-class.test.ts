import { describe, expect, it } from 'vitest';
import * as metrics from '../src/index.js';
import { f1Score } from '../src/index.js';
import { expectClose, loadCases } from './fixture-cases.js';
import { thrown } from './support/thrown.js';

type SetWiseMetric = (yTrue: unknown, yPred: unknown, options: unknown) => unknown;

const cases = loadCases('pos-label.json');

function scoreOf(fn: string, result: unknown): number[] {
  if (fn !== 'precisionRecallFscoreSupport') return [result as number];
  const { precision, recall, fbeta } = result as Record<string, number>;
  return [precision!, recall!, fbeta!];
}

describe("'binary' average with fewer than two labels scores posLabel as scikit-learn 1.2.1 (test/fixtures/pos-label.json)", () => {
  it('covers every set-wise function', () => {
    expect(new Set(cases.map((c) => c.fn)).size).toBe(6);
  });

  for (const c of cases) {
    it(`${c.fn}: ${c.name}`, () => {
      const fn = (metrics as unknown as Record<string, SetWiseMetric>)[c.fn]!;
      const [yTrue, yPred] = c.args;
      const options = {
        ...c.options,
        ...(c.fn === 'precisionRecallFscoreSupport' ? { average: 'binary' } : {}),
      };
      if (c.error !== undefined) {
        expect(thrown(() => fn(yTrue, yPred, options)).code).toBe(c.error.code);
        return;
      }
      const expected = (Array.isArray(c.expected) ? c.expected : [c.expected]) as number[];
      const actual = scoreOf(c.fn, fn(yTrue, yPred, options));
      expect(actual).toHaveLength(expected.length);
      for (const [i, e] of expected.entries()) {
        expectClose(actual[i]!, e, `${c.fn} ${c.name} [${i}]`);
      }
    });
  }

  it('scores the default posLabel 1 on string labels instead of throwing UNKNOWN_POS_LABEL', () => {
    expect(f1Score(['a', 'a'], ['a', 'a'])).toBe(0);
    expect(f1Score(['b'], ['b'], { zeroDivision: 1, sampleWeight: [0] })).toBe(1);
  });

  it('still throws UNKNOWN_POS_LABEL when two labels are present and posLabel is not one', () => {
    const e = thrown(() => f1Score(['a', 'b'], ['a', 'a']));
    expect(e.code).toBe('UNKNOWN_POS_LABEL');
    expect(e.path).toBe('options.posLabel');
  });
});
