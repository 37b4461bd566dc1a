import type { LoadedTable } from '@assay/runner';
import { expect } from 'vitest';

/** The bytes of a typed array, so that Float64 values compare bit for bit (NaN, -0). */
function bits(values: Float64Array | Int32Array): Buffer {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}

/** Expects equal bytes (compared natively: toEqual is slow on millions of elements). */
function expectSameBits(
  got: Float64Array | Int32Array,
  want: Float64Array | Int32Array,
  name: string,
): void {
  if (bits(got).equals(bits(want))) return;
  // show where they differ
  expect(Array.from(got), name).toEqual(Array.from(want));
  expect(bits(got).equals(bits(want)), `${name}: same values, other bits`).toBe(true);
}

/**
 * Expects two loaded tables to be identical: row count, header, each column's kind,
 * dictionary (labels and their order), codes and Float64 bits.
 *
 * @param actual - the table under test
 * @param expected - the reference table
 */
export function expectSameTable(actual: LoadedTable, expected: LoadedTable): void {
  expect(actual.n).toBe(expected.n);
  expect(actual.available).toEqual(expected.available);
  expect([...actual.columns.keys()]).toEqual([...expected.columns.keys()]);
  for (const [name, want] of expected.columns) {
    const got = actual.columns.get(name)!;
    expect(got.kind, name).toBe(want.kind);
    if (got.kind === 'number' && want.kind === 'number') {
      expect(got.values.buffer).toBeInstanceOf(SharedArrayBuffer);
      expectSameBits(got.values, want.values, name);
    } else if (got.kind === 'label' && want.kind === 'label') {
      expect(got.codes.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(got.dictionary.map((l) => [typeof l, Object.is(l, -0) ? '-0' : String(l)])).toEqual(
        want.dictionary.map((l) => [typeof l, Object.is(l, -0) ? '-0' : String(l)]),
      );
      expectSameBits(got.codes, want.codes, name);
    }
  }
}
