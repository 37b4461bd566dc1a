import { RunnerError } from '@assay/runner';
import { expect } from 'vitest';

/**
 * The error a promise rejects with, checked to be a `RunnerError`.
 *
 * @param promise - a call expected to fail
 * @returns the error
 */
export async function runnerRejection(promise: Promise<unknown>): Promise<RunnerError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RunnerError);
  return error as RunnerError;
}
