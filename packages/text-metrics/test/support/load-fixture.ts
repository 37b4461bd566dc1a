import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/**
 * Reads a JSON fixture written by scripts/make-*-fixtures.py.
 *
 * @param name - file name under test/fixtures
 * @returns the parsed JSON
 */
export function loadFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as T;
}

/** Equal within 1e-9, the parity tolerance for metrics on a 0-1 scale. */
export function expectClose(actual: number, expected: number, label: string): void {
  expect(Math.abs(actual - expected), `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
    1e-9,
  );
}
