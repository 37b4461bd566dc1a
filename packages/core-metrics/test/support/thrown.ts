import { expect } from 'vitest';
import { MetricInputError } from '../../src/index.js';

/**
 * Runs `call` and returns the MetricInputError it throws; fails the test when it throws
 * anything else or nothing.
 */
export function thrown(call: () => unknown): MetricInputError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(MetricInputError);
    return error as MetricInputError;
  }
  throw new Error('expected a MetricInputError, nothing was thrown');
}
