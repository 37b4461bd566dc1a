import { afterEach, describe, expect, test } from 'vitest';
import { createClient } from '../src/index.js';
import { failure } from './support/client-failure.js';
import { type LocalServer, startLocalServer } from './support/local-server.js';

const KEY = 'sk-redirect-test-0123456789abcdef';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A server that answers every request with `status` and `location` (if any). */
function redirecting(status: number, location: string | undefined): Promise<LocalServer> {
  return startLocalServer((_body, res) => {
    res.writeHead(status, location === undefined ? {} : { location });
    res.end('Moved');
  });
}

function chatClient(baseUrl: string) {
  return createClient(
    { provider: 'openai-chat', baseUrl, model: 'm', apiKeyEnv: 'REDIRECT_TEST_KEY' },
    { env: { REDIRECT_TEST_KEY: KEY } },
  );
}

describe('redirects', () => {
  for (const status of [301, 302, 307, 308]) {
    test(`HTTP ${status} to another origin is not followed and names the location and the base URL to set`, async () => {
      server = await redirecting(status, 'https://api.example.com/v1/chat/completions');
      const client = chatClient(`${server.url}/v1`);
      const error = await failure(client.complete({ prompt: 'x' }));
      expect(error.code).toBe('HTTP_STATUS');
      expect(error.status).toBe(status);
      expect(error.record?.retries).toBe(0);
      expect(error.message).toContain(
        `with HTTP ${status}, a redirect to 'https://api.example.com/v1/chat/completions'`,
      );
      expect(error.message).toContain('does not follow redirects');
      expect(error.message).toContain("set config.baseUrl to 'https://api.example.com/v1'");
      expect(server.requests.length).toBe(1);
      await client.close();
    });
  }

  test('a relative location resolves against the request URL', async () => {
    server = await redirecting(308, '/v2/chat/completions/');
    const client = chatClient(`${server.url}/v1`);
    const error = await failure(client.complete({ prompt: 'x' }));
    expect(error.message).toContain(`a redirect to '${server.url}/v2/chat/completions/'`);
    expect(error.message).toContain(`set config.baseUrl to '${server.url}/v2'`);
    await client.close();
  });

  test('a location carrying secrets names none of them', async () => {
    const location = `https://user:hunter2-password@api.example.com/v1/chat/completions?api_key=plain-value-123&k=${KEY}&api-version=2024`;
    server = await redirecting(307, location);
    const client = chatClient(`${server.url}/v1`);
    const error = await failure(client.complete({ prompt: 'x' }));
    expect(error.message).not.toContain(KEY);
    expect(error.message).not.toContain('hunter2');
    expect(error.message).not.toContain('plain-value-123');
    expect(error.message).toContain(
      'api.example.com/v1/chat/completions?api_key=[redacted]&k=[redacted]',
    );
    expect(error.message).toContain('api-version=2024');
    // a base URL with a credential parameter would be refused: the suggestion drops the query
    expect(error.message).toContain("set config.baseUrl to 'https://api.example.com/v1'");
    await client.close();
  });

  test('a redirect to a page that is not the endpoint says so, and one without Location too', async () => {
    server = await redirecting(302, 'https://login.example.com/sso');
    let client = chatClient(`${server.url}/v1`);
    let error = await failure(client.complete({ prompt: 'x' }));
    expect(error.message).toContain("a redirect to 'https://login.example.com/sso'");
    expect(error.message).toContain("does not end with the provider's path '/chat/completions'");
    await client.close();
    await server.close();
    server = await redirecting(301, undefined);
    client = chatClient(`${server.url}/v1`);
    error = await failure(client.complete({ prompt: 'x' }));
    expect(error.status).toBe(301);
    expect(error.message).toContain('with HTTP 301, a redirect without a Location header');
    await client.close();
  });
});
