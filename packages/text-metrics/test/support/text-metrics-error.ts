import { expect } from 'vitest';
import { TextMetricsError } from '../../src/index.js';

/** A value typed as whatever a call wants: bad input a JavaScript caller could pass. */
export const js = <T>(value: unknown): T => value as T;

/** The TextMetricsError `call` throws; fails the test when it throws something else or nothing. */
export function textMetricsErrorOf(call: () => unknown): TextMetricsError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(TextMetricsError);
    return error as TextMetricsError;
  }
  throw new Error('expected a TextMetricsError, nothing was thrown');
}
