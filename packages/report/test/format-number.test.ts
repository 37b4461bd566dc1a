import { describe, expect, test } from 'vitest';
import { fmt, fmtP, formatCount, formatInteger, formatUsd, MISSING_VALUE } from '../src/index.js';

describe('readable units', () => {
  test('counts: as they are below 1000, else three significant digits with k, M, B', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1000)).toBe('1.00k');
    expect(formatCount(12_345)).toBe('12.3k');
    expect(formatCount(5_090_123)).toBe('5.09M');
    expect(formatCount(1_204_000_000)).toBe('1.20B');
    expect(formatCount(-12_345)).toBe('-12.3k');
    expect(formatCount(null)).toBe(MISSING_VALUE);
  });

  test('a count that rounds up to the next unit is written in that unit', () => {
    expect(formatCount(999_499)).toBe('999k');
    expect(formatCount(999_950)).toBe('1.00M');
    expect(formatCount(999_999_999)).toBe('1.00B');
  });

  test('dollars: cents with thousands separators from $1, three significant digits below', () => {
    expect(formatUsd(1234.561)).toBe('$1,234.56');
    expect(formatUsd(1_234_567.891)).toBe('$1,234,567.89');
    expect(formatUsd(0.5)).toBe('$0.500');
    // two costs side by side carry the same precision, not '$0.20' beside '$0.0992'
    expect([formatUsd(0.1983845), formatUsd(0.09924225)]).toEqual(['$0.198', '$0.0992']);
    expect(formatUsd(0.9996)).toBe('$1.00');
    expect(formatUsd(0)).toBe('$0.00');
    expect(formatUsd(0.012345)).toBe('$0.0123');
    expect(formatUsd(0.0000456)).toBe('$0.0000456');
    expect(formatUsd(-2.5)).toBe('-$2.50');
    expect(formatUsd(null)).toBe(MISSING_VALUE);
  });

  test('whole numbers with thousands separators', () => {
    expect(formatInteger(2796)).toBe('2,796');
    expect(formatInteger(1_000_000)).toBe('1,000,000');
    expect(formatInteger(undefined)).toBe(MISSING_VALUE);
  });
});

describe('what is no number, or no p-value, reads as missing', () => {
  test('fmtP: a value outside [0, 1] is no p-value, not <0.001 or 1.700', () => {
    expect(fmtP(-0.2)).toBe(MISSING_VALUE);
    expect(fmtP(1.7)).toBe(MISSING_VALUE);
    expect(fmtP(1 + 1e-12)).toBe('1.000');
    expect(fmtP(0)).toBe('<0.001');
    expect(fmtP(0.0456)).toBe('0.046');
  });

  test('fmt: a string from untyped JavaScript is missing, not ±∞', () => {
    expect(fmt('0.5' as unknown as number)).toBe(MISSING_VALUE);
    expect(fmt('abc' as unknown as number)).toBe(MISSING_VALUE);
    expect(fmt(Number.POSITIVE_INFINITY)).toBe('∞');
  });
});
