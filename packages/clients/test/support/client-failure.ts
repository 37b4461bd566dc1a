import { ClientError } from '../../src/index.js';

/** The `ClientError` a call rejects with; anything else (or success) fails the test. */
export async function failure(promise: Promise<unknown>): Promise<ClientError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ClientError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}
