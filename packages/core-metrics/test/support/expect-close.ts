import { expect } from 'vitest';

/** Relative tolerance of the scikit-learn comparison. */
export const RELATIVE_TOLERANCE = 1e-9;

/**
 * Deep comparison with numbers equal within {@link RELATIVE_TOLERANCE} (relative, with an
 * absolute floor of 1e-12 near zero); NaN equals NaN, infinities must match exactly.
 */
export function expectClose(actual: unknown, expected: unknown, path = 'value'): void {
  if (typeof expected === 'number') {
    expect(typeof actual, `${path} type`).toBe('number');
    const a = actual as number;
    if (Number.isNaN(expected) || !Number.isFinite(expected)) {
      expect(
        Object.is(a, expected) || (Number.isNaN(a) && Number.isNaN(expected)),
        `${path}: ${a} vs ${expected}`,
      ).toBe(true);
      return;
    }
    const tolerance = Math.max(1e-12, RELATIVE_TOLERANCE * Math.abs(expected));
    expect(Math.abs(a - expected) <= tolerance, `${path}: ${a} vs ${expected}`).toBe(true);
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${path} is an array`).toBe(true);
    const a = actual as unknown[];
    expect(a.length, `${path} length`).toBe(expected.length);
    expected.forEach((e, i) => {
      expectClose(a[i], e, `${path}[${i}]`);
    });
    return;
  }
  if (typeof expected === 'object' && expected !== null) {
    expect(typeof actual, `${path} is an object`).toBe('object');
    const a = actual as Record<string, unknown>;
    expect(Object.keys(a).sort(), `${path} keys`).toEqual(Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected))
      expectClose(a[key], value, `${path}.${key}`);
    return;
  }
  expect(actual, path).toEqual(expected);
}
