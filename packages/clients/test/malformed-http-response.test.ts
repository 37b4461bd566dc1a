import { afterEach, describe, expect, test } from 'vitest';
import { createClient } from '../src/index.js';
import { failure } from './support/client-failure.js';
import { type RawServer, startRawServer } from './support/raw-http-server.js';

let server: RawServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

// Bytes that are not HTTP: undici's parser throws an HTTPParserError, some of them without a
// code (an invalid header value), which the client once re-threw unclassified.
const NOT_HTTP: Array<{ what: string; bytes: string }> = [
  {
    what: 'a header value with a control byte',
    bytes: 'HTTP/1.1 200 OK\r\nx-bad: a\x01b\r\ncontent-length: 2\r\n\r\n{}',
  },
  { what: 'a status line that is not HTTP', bytes: 'SPAM 200 OK\r\ncontent-length: 2\r\n\r\n{}' },
];

for (const benchmarkMode of [false, true]) {
  describe(`a response that is not HTTP (${benchmarkMode ? 'lean transport' : 'undici'})`, () => {
    for (const { what, bytes } of NOT_HTTP) {
      test(`${what} fails as a connection error with its parser code, once`, async () => {
        server = await startRawServer((request) => request.connection.socket.end(bytes));
        const client = createClient({
          provider: 'openai-chat',
          baseUrl: `${server.origin}/v1`,
          model: 'm',
          benchmarkMode,
          retry: { maxRetries: 0 },
        });
        const error = await failure(client.complete({ prompt: 'hi' }));
        expect(error.code).toBe('CONNECTION');
        expect(error.record?.errorClass).toBe('connection');
        expect(error.message).toMatch(/failed \(HPE_[A-Z_]+: /);
        expect(server.requests.length).toBe(1);
        await client.close();
      });
    }
  });
}
