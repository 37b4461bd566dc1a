import { isTransportFailure, type Outcome } from '@assay/eval';
import { describe, expect, test } from 'vitest';

function failed(errorClass: string, errorMessage: string): Outcome {
  return {
    model: 'm',
    key: 'k',
    status: 'error',
    text: null,
    score: null,
    errorClass,
    errorMessage,
    ttftMs: null,
    tpotMs: null,
    e2eMs: null,
    inputTokens: null,
    outputTokens: null,
    costUsd: null,
    retries: 0,
    cached: false,
  };
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
