import { isConnectTimeoutMessage } from '@assay/clients';
import { describe, expect, test } from 'vitest';
import { AbortScope } from '../src/http/abort-scope.js';
import { classifyError } from '../src/http/classify-error.js';

const limits = { maxResponseBytes: 1 << 20, idleMs: 1000 };

function failureFor(code: string) {
  const scope = new AbortScope(undefined, 60_000);
  try {
    return classifyError(Object.assign(new Error(code), { code }), scope, 'to POST /x', limits);
  } finally {
    scope.dispose();
  }
}

describe('a connect timeout is told from the timeouts of a service that was reached', () => {
  test('the connect timeout message says so', () => {
    const failure = failureFor('UND_ERR_CONNECT_TIMEOUT');
    expect(failure.errorClass).toBe('timeout');
    expect(isConnectTimeoutMessage(failure.message)).toBe(true);
  });

  test.each(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'])('%s is not one', (code) => {
    const failure = failureFor(code);
    expect(failure.errorClass).toBe('timeout');
    expect(isConnectTimeoutMessage(failure.message)).toBe(false);
  });
});
