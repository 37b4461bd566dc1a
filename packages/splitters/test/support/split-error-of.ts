import { expect } from 'vitest';
import { SplitError } from '../../src/index.js';

/** The SplitError a call throws; fails the test when it throws nothing or something else. */
export function splitErrorOf(call: () => unknown): SplitError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(SplitError);
    return error as SplitError;
  }
  throw new Error('expected a SplitError, nothing was thrown');
}
