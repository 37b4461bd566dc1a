import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/** One scikit-learn reference case written by scripts/make-*-fixtures.py. */
export interface FixtureCase {
  readonly name: string;
  readonly fn: string;
  readonly args: unknown[];
  readonly options: Record<string, unknown>;
  readonly expected?: unknown;
  readonly error?: { readonly code: string; readonly sklearn?: string };
}

/** JSON has no NaN/Infinity: the scripts write them as strings. */
function decodeNumber(value: unknown): unknown {
  if (value === 'NaN') return Number.NaN;
  if (value === 'Infinity') return Number.POSITIVE_INFINITY;
  if (value === '-Infinity') return Number.NEGATIVE_INFINITY;
  return value;
}

/**
 * Reads a fixture file.
 *
 * @param name - file name under test/fixtures
 * @returns the cases, with `expected` special numbers decoded
 */
export function loadCases(name: string): FixtureCase[] {
  const url = new URL(`./fixtures/${name}`, import.meta.url);
  const parsed = JSON.parse(readFileSync(url, 'utf8')) as { cases: FixtureCase[] };
  const decode = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(decode);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decode(x)]));
    }
    return decodeNumber(v);
  };
  return parsed.cases.map((c) =>
    c.expected === undefined ? c : { ...c, expected: decode(c.expected) },
  );
}

const RELATIVE = 1e-9;
const ABSOLUTE = 1e-12;

/** Asserts two numbers agree to 1e-9 relative (1e-12 absolute near 0); NaN equals NaN. */
export function expectClose(actual: number, expected: number, where = ''): void {
  if (Number.isNaN(expected)) {
    expect(actual, where).toBeNaN();
    return;
  }
  if (!Number.isFinite(expected)) {
    expect(actual, where).toBe(expected);
    return;
  }
  const tolerance = Math.max(ABSOLUTE, RELATIVE * Math.abs(expected));
  if (!(Math.abs(actual - expected) <= tolerance)) {
    expect.fail(`${where}: got ${actual}, expected ${expected} (tolerance ${tolerance})`);
  }
}

/** Deep version of {@link expectClose} over numbers, arrays, typed arrays and records. */
export function expectDeepClose(actual: unknown, expected: unknown, where = 'value'): void {
  if (typeof expected === 'number') {
    expect(typeof actual, where).toBe('number');
    expectClose(actual as number, expected, where);
    return;
  }
  if (Array.isArray(expected)) {
    const list = ArrayBuffer.isView(actual)
      ? Array.from(actual as unknown as ArrayLike<number>)
      : (actual as unknown[]);
    expect(Array.isArray(list), `${where} is an array`).toBe(true);
    expect(list.length, `${where}.length`).toBe(expected.length);
    expected.forEach((e, i) => {
      expectDeepClose(list[i], e, `${where}[${i}]`);
    });
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    for (const [key, value] of Object.entries(expected)) {
      expectDeepClose((actual as Record<string, unknown>)[key], value, `${where}.${key}`);
    }
    return;
  }
  expect(actual, where).toEqual(expected);
}
