import { describe, expect, test } from 'vitest';
import { createClient, type ErrorClass } from '../src/index.js';
import { failure } from './support/client-failure.js';
import { EMAIL, useFaultServer } from './support/fault-server.js';

const { server, config } = useFaultServer();

const FAULTS: Array<{ fault: string; errorClass: ErrorClass; code: string }> = [
  { fault: 'status=500', errorClass: 'http_status', code: 'HTTP_STATUS' },
  { fault: 'status=503', errorClass: 'http_status', code: 'HTTP_STATUS' },
  { fault: 'status=429;retry-after=0', errorClass: 'http_status', code: 'HTTP_STATUS' },
  { fault: 'reset', errorClass: 'connection', code: 'CONNECTION' },
  { fault: 'truncate', errorClass: 'truncated_stream', code: 'TRUNCATED_STREAM' },
  { fault: 'stall', errorClass: 'timeout', code: 'TIMEOUT' },
  { fault: 'malformed', errorClass: 'malformed_response', code: 'MALFORMED_RESPONSE' },
];

for (const streaming of [false, true]) {
  describe(`faults, ${streaming ? 'streamed' : 'not streamed'}`, () => {
    for (const { fault, errorClass, code } of FAULTS) {
      test(`${fault} with retries off is recorded as ${errorClass}, sent exactly once`, async () => {
        const client = createClient(config(streaming, { benchmarkMode: true }));
        const error = await failure(
          client.complete({
            messages: [{ role: 'user', content: EMAIL }],
            headers: { 'x-assay-fault': fault },
          }),
        );
        expect(error.code).toBe(code);
        expect(error.record?.errorClass).toBe(errorClass);
        expect(error.record?.retries).toBe(0);
        expect(error.record?.attempts.length).toBe(1);
        if (errorClass === 'http_status') expect(error.status).toBeGreaterThanOrEqual(429);
        expect(server.stats().byPath['/v1/chat/completions']).toBe(1);
        expect(client.stats().failures[errorClass]).toBe(1);
        await client.close();
      });

      if (errorClass !== 'malformed_response') {
        test(`${fault} on the first try is retried and then succeeds`, async () => {
          const client = createClient(config(streaming));
          const key = `${fault.replace(/[^a-z0-9]/g, '')}-${streaming}`;
          const c = await client.complete({
            messages: [{ role: 'user', content: EMAIL }],
            headers: { 'x-assay-fault': `${fault};fail-first=1;key=${key}` },
          });
          expect(c.text.length).toBeGreaterThan(0);
          expect(c.record.retries).toBe(1);
          expect(c.record.attempts[0]!.errorClass).toBe(errorClass);
          expect(c.record.attempts[1]!.errorClass).toBeUndefined();
          expect(c.record.errorClass).toBeUndefined();
          expect(server.stats().byPath['/v1/chat/completions']).toBe(2);
          await client.close();
        });
      }
    }

    test('a malformed response is not retried by default (sent once) but is with retryMalformed', async () => {
      const once = createClient(config(streaming));
      const error = await failure(
        once.complete({
          messages: [{ role: 'user', content: EMAIL }],
          headers: { 'x-assay-fault': 'malformed;fail-first=1;key=m1' },
        }),
      );
      expect(error.code).toBe('MALFORMED_RESPONSE');
      expect(error.message).toMatch(/malformed/);
      expect(server.stats().byPath['/v1/chat/completions']).toBe(1);
      const again = createClient(
        config(streaming, {
          retry: { maxRetries: 2, baseDelayMs: 5, maxDelayMs: 20, retryMalformed: true },
        }),
      );
      const c = await again.complete({
        messages: [{ role: 'user', content: EMAIL }],
        headers: { 'x-assay-fault': `malformed;fail-first=1;key=m2-${streaming}` },
      });
      expect(c.record.retries).toBe(1);
      await Promise.all([once.close(), again.close()]);
    });
  });
}
