import type { Label } from '@assay/labels';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { LabelColumnBuilder } from '../src/io/column-builders.js';
import type { LabelColumn, LoadedColumn, NumberColumn } from '../src/io/loaded-column.js';
import { sharedFloat64, sharedInt32 } from '../src/io/shared-arrays.js';
import { codeProfileOf, profileCodePair, withCodeProfileCache } from '../src/score/code-profile.js';
import { denseNumberLabels } from '../src/score/dense-number-labels.js';
import { profileNumberPair, profileNumbers } from '../src/score/number-profile.js';
import { prepareColumns } from '../src/score/prepare-columns.js';
import { sharesMemory } from '../src/score/raw-columns.js';
import { encodeSmallLabelPair } from '../src/score/small-label-pair.js';
import { numberLabelPair, numbersToLabels } from '../src/score/to-loaded-column.js';

/** Values that take every branch: small and negative integers, -0, NaN, fractions, extremes. */
const cell = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -3, max: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom(-0, 0, Number.NaN, 0.5, -2.5) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      65_535,
      65_536,
      2 ** 31,
      -(2 ** 31) - 1,
      2 ** 53,
      2 ** 53 + 2,
      1e300,
      -1e300,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: -(2 ** 40), max: 2 ** 40 }) },
  { weight: 1, arbitrary: fc.double() },
);
/**
 * Whether a column's greatest or least value (NaN aside) is a finite number beyond 2^53 - 1 in
 * magnitude, which label encoding refuses (`UNSAFE_INTEGER_LABEL`): every such double is an
 * integer that may stand for several (a 64-bit id rounded by a reader).
 */
function unsafeExtreme(values: readonly number[]): boolean {
  const known = values.filter((v) => !Number.isNaN(v));
  if (known.length === 0) return false;
  const max = Math.max(...known);
  const min = Math.min(...known);
  return (
    (Number.isFinite(max) && max > Number.MAX_SAFE_INTEGER) ||
    (Number.isFinite(min) && min < -Number.MAX_SAFE_INTEGER)
  );
}

/** Mostly columns whose range a table covers, sometimes any value. */
const column = fc.oneof(
  fc.array(
    fc.oneof(
      { weight: 9, arbitrary: fc.integer({ min: -4, max: 40 }) },
      { weight: 1, arbitrary: fc.constantFrom(-0, Number.NaN) },
    ),
    { maxLength: 200 },
  ),
  fc.array(cell, { maxLength: 200 }),
  fc.array(fc.integer({ min: 1_000_000_000, max: 1_000_000_100 }), { maxLength: 50 }),
);

function numberColumn(name: string, values: readonly number[]): NumberColumn {
  const shared = sharedFloat64(values.length);
  shared.set(values);
  return { kind: 'number', name, values: shared };
}

/** The encoding before the slot table: every value pushed through the hashing builder. */
function builderLabels(name: string, values: readonly number[]): LabelColumn {
  const builder = new LabelColumnBuilder(values.length);
  for (const v of values) builder.push(v);
  return builder.finish(name) as LabelColumn;
}

/** Codes and dictionary equal, telling -0 from 0 (the builder keeps the first seen). */
function expectSameLabels(actual: LoadedColumn, expected: LabelColumn): void {
  expect(actual.kind).toBe('label');
  const labels = actual as LabelColumn;
  expect([...labels.codes]).toEqual([...expected.codes]);
  expect(labels.dictionary.length).toBe(expected.dictionary.length);
  labels.dictionary.forEach((label: Label, i) => {
    expect(Object.is(label, expected.dictionary[i]), `label ${i}`).toBe(true);
  });
}

/** A direct scan; zeros compared as numbers (the sign of a zero extreme is of no use). */
function referenceProfile(values: readonly number[]) {
  const present = values.filter((v) => !Number.isNaN(v));
  return {
    firstMissing: values.findIndex((v) => Number.isNaN(v)),
    integral: present.every((v) => Number.isInteger(v)),
    min: Math.min(Number.POSITIVE_INFINITY, ...present) + 0,
    max: Math.max(Number.NEGATIVE_INFINITY, ...present) + 0,
  };
}

function plainZeros<T extends { min: number; max: number }>(profile: T): T {
  return { ...profile, min: profile.min + 0, max: profile.max + 0 };
}

describe('numeric label columns are encoded as the hashing builder encodes them', () => {
  test('numbersToLabels gives the builder codes and dictionary, copied or in place', () => {
    fc.assert(
      fc.property(column, fc.boolean(), (values, inPlace) => {
        const source = numberColumn('y', values);
        if (unsafeExtreme(values)) {
          expect(() => numbersToLabels(source, inPlace)).toThrow(
            expect.objectContaining({ code: 'UNSAFE_INTEGER_LABEL', path: 'y' }),
          );
          return;
        }
        expectSameLabels(numbersToLabels(source, inPlace), builderLabels('y', values));
      }),
      { numRuns: 500 },
    );
  });

  test('numberLabelPair gives each column the builder encoding in one pass over both', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: 120 })
          .chain((n) =>
            fc.tuple(
              fc.array(fc.integer({ min: -3, max: 9 }), { minLength: n, maxLength: n }),
              fc.array(cell, { minLength: n, maxLength: n }),
            ),
          ),
        fc.boolean(),
        fc.boolean(),
        ([a, b], inPlaceA, inPlaceB) => {
          if (unsafeExtreme(b)) {
            expect(() =>
              numberLabelPair(numberColumn('a', a), numberColumn('b', b), [inPlaceA, inPlaceB]),
            ).toThrow(expect.objectContaining({ code: 'UNSAFE_INTEGER_LABEL', path: 'b' }));
            return;
          }
          const [labelsA, labelsB] = numberLabelPair(numberColumn('a', a), numberColumn('b', b), [
            inPlaceA,
            inPlaceB,
          ]);
          expectSameLabels(labelsA, builderLabels('a', a));
          expectSameLabels(labelsB, builderLabels('b', b));
          const [again] = numberLabelPair(numberColumn('b', b), numberColumn('a', a), [true, true]);
          expectSameLabels(again, builderLabels('b', b));
        },
      ),
      { numRuns: 300 },
    );
  });

  test('a column whose range is too wide for a table is left to the builder', () => {
    const values = [0, 2 ** 30, 5];
    expect(denseNumberLabels('y', Float64Array.from(values))).toBeUndefined();
    expectSameLabels(numbersToLabels(numberColumn('y', values), true), builderLabels('y', values));
  });

  test('the first zero decides between -0 and 0 as the label, as in the builder', () => {
    const minusFirst = numbersToLabels(numberColumn('y', [3, -0, 0, 1]), true) as LabelColumn;
    expect(Object.is(minusFirst.dictionary[1], -0)).toBe(true);
    const plusFirst = numbersToLabels(numberColumn('y', [Number.NaN, 0, -0]), true) as LabelColumn;
    expect(Object.is(plusFirst.dictionary[0], 0)).toBe(true);
    expect([...plusFirst.codes]).toEqual([-1, 0, 0]);
  });
});

describe('small integer labels are encoded in the pass that checks them', () => {
  /** Small labels, then at a random row maybe a value the one pass does not take. */
  const labels = (n: number) =>
    fc
      .integer({ min: 0, max: 1 })
      .chain((min) => fc.array(fc.integer({ min, max: 12 }), { minLength: n, maxLength: n }));
  const pairWithStranger = fc
    .integer({ min: 1, max: 150 })
    .chain((n) =>
      fc.tuple(
        labels(n),
        labels(n),
        fc.nat(n - 1),
        fc.boolean(),
        fc.constantFrom(
          Number.NaN,
          -0,
          -1,
          0.5,
          1024,
          1023,
          2 ** 32,
          1e300,
          Number.POSITIVE_INFINITY,
        ),
      ),
    );

  test('it gives the builder encoding, or puts every value back bit for bit', () => {
    fc.assert(
      fc.property(pairWithStranger, ([a, b, at, inA, stranger]) => {
        (inA ? a : b)[at] = stranger;
        const x = numberColumn('x', a);
        const y = numberColumn('y', b);
        const labels = encodeSmallLabelPair(x, y);
        if (labels === undefined) {
          expect([...x.values].every((v, i) => Object.is(v, a[i]))).toBe(true);
          expect([...y.values].every((v, i) => Object.is(v, b[i]))).toBe(true);
          return;
        }
        expect(Number.isInteger(stranger) && stranger >= 0 && stranger < 1024).toBe(true);
        expectSameLabels(labels[0], builderLabels('x', a));
        expectSameLabels(labels[1], builderLabels('y', b));
      }),
      { numRuns: 500 },
    );
  });

  test('a job whose labels leave the one pass is scored from its restored values', () => {
    const table = {
      n: 4,
      columns: new Map<string, LoadedColumn>([
        ['t', numberColumn('t', [1, 2, 3, -0])],
        ['p', numberColumn('p', [1, 2, 3.5, 4])],
      ]),
      available: ['t', 'p'],
    };
    const { columns } = prepareColumns(
      { table, roles: { yTrue: 't', yPred: 'p' } },
      { inPlace: true },
    );
    expect(columns.task).toBe('regression');
    expect([...columns.yTrueValues!].map((v) => Object.is(v, -0) || v)).toEqual([1, 2, 3, true]);
    expect([...columns.yPredValues!]).toEqual([1, 2, 3.5, 4]);
  });
});

describe('one pass profiles a numeric column', () => {
  test('missing row, integrality and range match a direct scan', () => {
    fc.assert(
      fc.property(column, column, (a, b) => {
        expect(plainZeros(profileNumbers(Float64Array.from(a)))).toEqual(referenceProfile(a));
        const n = Math.min(a.length, b.length);
        const [pa, pb] = profileNumberPair(
          Float64Array.from(a.slice(0, n)),
          Float64Array.from(b.slice(0, n)),
        );
        expect(plainZeros(pa)).toEqual(referenceProfile(a.slice(0, n)));
        expect(plainZeros(pb)).toEqual(referenceProfile(b.slice(0, n)));
      }),
      { numRuns: 500 },
    );
  });

  test('infinities are not integers', () => {
    expect(profileNumbers(Float64Array.of(1, Number.POSITIVE_INFINITY)).integral).toBe(false);
    expect(profileNumbers(Float64Array.of(Number.NaN)).integral).toBe(true);
  });
});

describe('one pass profiles the codes of two label columns', () => {
  const codes = (size: number) =>
    fc.array(fc.integer({ min: -1, max: size - 1 }), { minLength: 30, maxLength: 30 });

  test('first missing row and used entries match a direct scan, inside the cache only', () => {
    fc.assert(
      fc.property(codes(6), codes(3), (a, b) => {
        const column = (name: string, values: number[], size: number): LabelColumn => {
          const shared = sharedInt32(values.length);
          shared.set(values);
          return {
            kind: 'label',
            name,
            codes: shared,
            dictionary: Array.from({ length: size }, (_, i) => i * 10),
          };
        };
        const x = column('x', a, 6);
        const y = column('y', b, 3);
        profileCodePair(x, y);
        expect(codeProfileOf(x.codes)).toBeUndefined();
        withCodeProfileCache(() => {
          profileCodePair(x, y);
          for (const [col, values, size] of [
            [x, a, 6],
            [y, b, 3],
          ] as const) {
            const profile = codeProfileOf(col.codes)!;
            expect(profile.firstMissing).toBe(values.indexOf(-1));
            const used = Array.from({ length: size }, (_, i) => (values.includes(i) ? 1 : 0));
            expect([...profile.used]).toEqual(used);
          }
        });
        expect(codeProfileOf(x.codes)).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});

describe('in-place encoding leaves columns that other roles read alone', () => {
  test('sharesMemory sees one column in two roles and overlapping views of one buffer', () => {
    const a = numberColumn('a', [1, 2, 3, 4]);
    const b = numberColumn('b', [1, 2, 3, 4]);
    expect(sharesMemory({ n: 4, yTrue: a, yPred: b }, a)).toBe(false);
    expect(sharesMemory({ n: 4, yTrue: a, yPred: b, weight: a }, a)).toBe(true);
    const whole = sharedFloat64(8);
    const left: NumberColumn = { kind: 'number', name: 'l', values: whole.subarray(0, 4) };
    const right: NumberColumn = { kind: 'number', name: 'r', values: whole.subarray(4, 8) };
    const middle: NumberColumn = { kind: 'number', name: 'm', values: whole.subarray(2, 6) };
    expect(sharesMemory({ n: 4, yTrue: left, yPred: right }, left)).toBe(false);
    expect(sharesMemory({ n: 4, yTrue: left, yPred: right, weight: middle }, left)).toBe(true);
  });

  test('a label column that is also the weight keeps its values for the weight', () => {
    const label = numberColumn('label', [0, 1, 1, 2, 1]);
    const pred = numberColumn('pred', [0, 1, 2, 2, 1]);
    const table = {
      n: 5,
      columns: new Map<string, LoadedColumn>([
        ['label', label],
        ['pred', pred],
      ]),
      available: ['label', 'pred'],
    };
    const { columns } = prepareColumns(
      { table, roles: { yTrue: 'label', yPred: 'pred', weight: 'label' } },
      { inPlace: true },
    );
    expect([...columns.weight!]).toEqual([0, 1, 1, 2, 1]);
    expect([...columns.yTrue]).toEqual([0, 1, 1, 2, 1]);
    expect([...columns.yPred]).toEqual([0, 1, 2, 2, 1]);
  });

  test('preparing in place gives the columns that preparing a copy gives', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 80 })
          .chain((n) =>
            fc.tuple(
              fc.array(fc.constantFrom(-1, 0, 1, 7, -0), { minLength: n, maxLength: n }),
              fc.array(fc.constantFrom(-1, 0, 1, 3, Number.NaN), { minLength: n, maxLength: n }),
            ),
          ),
        ([t, p]) => {
          const prepare = (inPlace: boolean) => {
            const table = {
              n: t.length,
              columns: new Map<string, LoadedColumn>([
                ['t', numberColumn('t', t)],
                ['p', numberColumn('p', p)],
              ]),
              available: ['t', 'p'],
            };
            const { columns, dropped, warnings, unseenPredLabels } = prepareColumns(
              { table, roles: { yTrue: 't', yPred: 'p' } },
              { inPlace, dropMissing: true },
            );
            return {
              classes: columns.classes,
              yTrue: [...columns.yTrue],
              yPred: [...columns.yPred],
              isPositive: columns.isPositive === null ? null : [...columns.isPositive],
              dropped,
              warnings,
              unseenPredLabels,
            };
          };
          if (p.every((v) => Number.isNaN(v))) return;
          expect(prepare(true)).toEqual(prepare(false));
        },
      ),
      { numRuns: 300 },
    );
  });
});
