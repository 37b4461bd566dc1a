import { describe, expect, it } from 'vitest';
import { TextMetricsError } from '../src/index.js';

describe('TextMetricsError', () => {
  it('carries its stable code and message and is an Error', () => {
    const error = new TextMetricsError(
      'INVALID_ARGUMENT',
      'Argument references must be non-empty.',
      'references',
    );
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.name).toBe('TextMetricsError');
    expect(error.message).toBe('Argument references must be non-empty.');
    expect(error.path).toBe('references');
  });
});
