import { describe, expect, it } from 'vitest';
import type { Outcome } from '../src/run/journal.js';
import { cleanCut, failureClassesText, httpStatusCounts } from '../src/summary/failure-text.js';
import { journalOutcome } from './support/journal-outcome.js';

function failure(errorClass: string, message: string, httpStatus?: number): Outcome {
  return journalOutcome({
    model: 'nb',
    key: message,
    status: 'error',
    errorClass,
    errorMessage: message,
    ...(httpStatus === undefined ? {} : { httpStatus }),
  });
}

describe('the wording of failed requests', () => {
  it('puts each count after × so that a count of 200 cannot read as HTTP 200', () => {
    expect(failureClassesText({ http_status: 200, timeout: 3 })).toBe(
      'http_status × 200, timeout × 3',
    );
  });

  it('names the HTTP statuses behind the http_status class, recorded or read from an older message', () => {
    const statuses = httpStatusCounts([
      failure('http_status', 'The server answered POST /x with HTTP 500: oops.', 500),
      failure('http_status', 'The server answered POST /x with HTTP 404: {}.'),
      failure('http_status', 'The server answered POST /x with HTTP 404: {}.', 404),
      failure('truncated_stream', 'The response broke off after HTTP 200.', 200),
    ]);
    expect(statuses).toEqual({ '404': 2, '500': 1 });
    expect(failureClassesText({ http_status: 3, truncated_stream: 1 }, statuses)).toBe(
      'http_status × 3 [HTTP 404 × 2, HTTP 500 × 1], truncated_stream × 1',
    );
  });

  it('ends a quoted body cut mid-word at the last whole token, without a stop after the …', () => {
    expect(cleanCut('HTTP 404: {"error": "cannot fi….')).toBe('HTTP 404: {"error": "cannot …');
    expect(cleanCut('HTTP 404: {"error":"c….')).toBe('HTTP 404: {"error": …');
    expect(cleanCut('The connection failed (ECONNREFUSED).')).toBe(
      'The connection failed (ECONNREFUSED).',
    );
  });
});
