import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compareCodePoints, compareLabels, encodeLabelColumns } from '../src/index.js';
import { referenceCompare } from './support/code-point-order.js';

// every kind of character that orders differently by unit and by code point:
// ASCII, Latin-1, U+E000..U+FFFF, astral characters, and lone surrogates
const awkwardChar = fc.oneof(
  fc.constantFrom('a', 'b', 'é', '\uE000', '\uFF5E', '\uFFFF', '\u{10000}', '\u{1F600}'),
  fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uD83D'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
);
const awkwardString = fc.array(awkwardChar, { maxLength: 5 }).map((chars) => chars.join(''));
const sign = (x: number) => Math.sign(x);

describe('string order is code-point order', () => {
  test('compareCodePoints agrees in sign with the reference comparator', () => {
    fc.assert(
      fc.property(awkwardString, awkwardString, (a, b) => {
        expect(sign(compareCodePoints(a, b))).toBe(sign(referenceCompare(a, b)));
      }),
      { numRuns: 2000 },
    );
  });

  test('encoded classes come out in the reference order', () => {
    fc.assert(
      fc.property(fc.array(awkwardString, { minLength: 1, maxLength: 30 }), (values) => {
        const { classes } = encodeLabelColumns([['y', values]]);
        const expected = [...new Set(values)].sort(referenceCompare);
        expect(classes).toEqual(expected);
      }),
    );
  });

  test('numbers sort numerically', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true }), { minLength: 1 }), (values) => {
        const { classes } = encodeLabelColumns([['y', values]]);
        for (let i = 1; i < classes.length; i++) {
          expect(compareLabels(classes[i - 1]!, classes[i]!)).toBeLessThan(0);
          expect(classes[i - 1]! < classes[i]!).toBe(true);
        }
      }),
    );
  });
});

describe('encoding then decoding returns the input', () => {
  const column = <T>(arb: fc.Arbitrary<T>) => fc.array(arb, { minLength: 1, maxLength: 40 });
  const decode = (classes: readonly (number | string)[], codes: Int32Array) =>
    Array.from(codes, (code) => classes[code]);

  test.each([
    ['strings', column(awkwardString)],
    ['integers', column(fc.integer({ min: -50, max: 50 }))],
    ['wide integers (the Map path)', column(fc.integer())],
    ['fractions', column(fc.double({ noNaN: true, noDefaultInfinity: true }))],
  ] as const)('%s, one and two columns, both code orders', (_, arb) => {
    fc.assert(
      fc.property(arb, arb, fc.constantFrom('sorted', 'first-appearance'), (a, b, order) => {
        const columns = [
          ['yTrue', a],
          ['yPred', b],
        ] as [string, (number | string)[]][];
        const { classes, codes } = encodeLabelColumns(columns, { order });
        // -0 is the label 0, so it decodes to 0
        const plain = (values: readonly (number | string)[]) =>
          values.map((v) => (v === 0 ? 0 : v));
        expect(decode(classes, codes[0]!)).toEqual(plain(a));
        expect(decode(classes, codes[1]!)).toEqual(plain(b));
        expect(new Set(classes).size).toBe(classes.length);
      }),
    );
  });

  test('typed arrays decode to their values, and to the same codes as plain arrays', () => {
    fc.assert(
      fc.property(column(fc.integer({ min: -128, max: 127 })), (values) => {
        const typed = Int8Array.from(values);
        const fromTyped = encodeLabelColumns([['y', typed]]);
        const fromPlain = encodeLabelColumns([['y', values]]);
        expect(decode(fromTyped.classes, fromTyped.codes[0]!)).toEqual(values);
        expect(fromTyped).toEqual(fromPlain);
      }),
    );
  });

  test('booleans decode to 0 and 1', () => {
    fc.assert(
      fc.property(column(fc.boolean()), (values) => {
        const { classes, codes } = encodeLabelColumns([['y', values]]);
        expect(decode(classes, codes[0]!)).toEqual(values.map(Number));
      }),
    );
  });
});
