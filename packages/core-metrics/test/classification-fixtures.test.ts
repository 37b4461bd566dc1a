import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  accuracyScore,
  balancedAccuracyScore,
  classificationReport,
  cohenKappaScore,
  confusionMatrix,
  f1Score,
  fbetaScore,
  hammingLoss,
  jaccardScore,
  matthewsCorrcoef,
  precisionRecallFscoreSupport,
  precisionScore,
  recallScore,
  zeroOneLoss,
} from '../src/index.js';
import { expectClose } from './support/expect-close.js';

interface FixtureCase {
  name: string;
  fn: string;
  yTrue: (number | string)[];
  yPred: (number | string)[];
  options: Record<string, unknown>;
  expected: unknown;
}

const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/classification.json', import.meta.url), 'utf8'),
) as { sklearn: string; cases: FixtureCase[] };

function decodeNumber(value: unknown): unknown {
  if (value === 'NaN') return Number.NaN;
  if (value === 'Infinity') return Number.POSITIVE_INFINITY;
  if (value === '-Infinity') return Number.NEGATIVE_INFINITY;
  if (Array.isArray(value)) return value.map(decodeNumber);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === 'text' ? v : decodeNumber(v)]),
    );
  }
  return value;
}

// biome-ignore lint/suspicious/noExplicitAny: dispatch table over heterogeneous signatures
const functions: Record<string, (yTrue: any, yPred: any, options: any) => unknown> = {
  accuracyScore,
  balancedAccuracyScore,
  classificationReport,
  cohenKappaScore,
  confusionMatrix,
  f1Score,
  fbetaScore,
  hammingLoss,
  jaccardScore,
  matthewsCorrcoef,
  precisionRecallFscoreSupport,
  precisionScore,
  recallScore,
  zeroOneLoss,
};

function optionsOf(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    out[key] = key === 'beta' || key === 'zeroDivision' ? decodeNumber(value) : value;
  }
  return out;
}

describe(`classification metrics equal scikit-learn ${fixture.sklearn}`, () => {
  it('has a case for every public classification function', () => {
    expect(new Set(fixture.cases.map((c) => c.fn))).toEqual(new Set(Object.keys(functions)));
  });

  const int32Cases = fixture.cases.filter((c) =>
    [...c.yTrue, ...c.yPred].every((v) => typeof v === 'number'),
  );
  const variants = [
    ...fixture.cases.map((c) => [c, false] as const),
    ...int32Cases.map((c) => [c, true] as const),
  ];
  for (const [c, asInt32] of variants) {
    it(asInt32 ? `${c.name} [Int32Array inputs]` : c.name, () => {
      const fn = functions[c.fn];
      if (fn === undefined) throw new Error(`no function ${c.fn}`);
      const yTrue = asInt32 ? Int32Array.from(c.yTrue as number[]) : c.yTrue;
      const yPred = asInt32 ? Int32Array.from(c.yPred as number[]) : c.yPred;
      const actual = fn(yTrue, yPred, optionsOf(c.options));
      const expected = decodeNumber(c.expected);
      if (c.fn === 'classificationReport') {
        const report = actual as Record<string, unknown>;
        const want = expected as Record<string, unknown>;
        expect(Object.keys(report).sort()).toEqual(Object.keys(want).sort());
        expect(report.text).toBe(want.text);
        for (const key of Object.keys(want)) {
          if (key !== 'text') expectClose(report[key], want[key], key);
        }
        return;
      }
      expectClose(actual, expected, c.fn);
    });
  }
});
