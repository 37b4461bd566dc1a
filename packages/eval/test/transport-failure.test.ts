import { isTransportFailure, type Outcome } from '@assay/eval';
import { describe, expect, test } from 'vitest';
import { journalOutcome } from './support/journal-outcome.js';

function failed(errorClass: string, errorMessage: string): Outcome {
  return journalOutcome({ status: 'error', errorClass, errorMessage });
}

describe('a request that never reached the service', () => {
  test('a refused connection and a connect timeout did not reach it', () => {
    expect(isTransportFailure(failed('connection', 'The connection failed (ECONNREFUSED).'))).toBe(
      true,
    );
    const connect =
      'The connection to POST /v1/chat/completions was not established within the connect timeout.';
    expect(isTransportFailure(failed('timeout', connect))).toBe(true);
  });

  test('a headers timeout and an HTTP status are the service answering', () => {
    const headers =
      'The response headers to POST /v1/chat/completions did not arrive within the headers timeout.';
    expect(isTransportFailure(failed('timeout', headers))).toBe(false);
    expect(isTransportFailure(failed('http_status', 'HTTP 503'))).toBe(false);
  });
});
