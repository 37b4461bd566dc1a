import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type ClientConfig,
  ClientError,
  cachedKeys,
  cacheKeyer,
  createClient,
  ResponseCache,
} from '../src/index.js';
import { type LocalServer, startLocalServer } from './support/local-server.js';

const TOKEN = 'gw-SECRET-TOKEN-5e1d7c9a3b';
const KEY = 'sk-assay-SECRET-7f3a9c1e5b2d4680';
const ENV = { GATEWAY_TOKEN: TOKEN, ASSAY_SECRET_KEY: KEY };

let dir: string;
/** Answers with the gateway token it was sent, in the text (200) or in an error body (401). */
let echo: LocalServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-headers-from-env-'));
  echo = await startLocalServer((body, res, req) => {
    const sent = String(req.headers['x-gateway-token']);
    const prompt = JSON.stringify(body.messages ?? '');
    if (prompt.includes('fail')) {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `gateway token ${sent} is not allowed` } }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        choices: [{ message: { content: `ham (token ${sent})` }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 3, completion_tokens: 4 },
      }),
    );
  });
});
afterAll(async () => {
  await echo.close();
  rmSync(dir, { recursive: true, force: true });
});

const config = (more: Partial<ClientConfig> = {}): ClientConfig => ({
  provider: 'openai-chat',
  baseUrl: `${echo.url}/v1`,
  model: 'm',
  retry: { maxRetries: 0 },
  headersFromEnv: { 'X-Gateway-Token': 'GATEWAY_TOKEN' },
  ...more,
});

function thrown(fn: () => unknown): ClientError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ClientError) return error;
    throw error;
  }
  throw new Error('expected a ClientError');
}

describe('headersFromEnv', () => {
  test('sends the value of the variable under its header, beside the key and the literal headers', async () => {
    const client = createClient(
      config({ apiKeyEnv: 'ASSAY_SECRET_KEY', headers: { 'x-team': 'blue' } }),
      { env: ENV },
    );
    await client.complete({ prompt: 'hello' });
    await client.close();
    const sent = echo.requests.at(-1)!.headers;
    expect(sent['x-gateway-token']).toBe(TOKEN);
    expect(sent.authorization).toBe(`Bearer ${KEY}`);
    expect(sent['x-team']).toBe('blue');
  });

  test('an unset or empty variable is refused at creation, naming the header path and the variable; nothing is sent', () => {
    const before = echo.requests.length;
    for (const env of [{}, { GATEWAY_TOKEN: '' }]) {
      const error = thrown(() => createClient(config(), { env }));
      expect(error.code).toBe('MISSING_API_KEY');
      expect(error.path).toBe('headersFromEnv.X-Gateway-Token');
      expect(error.message).toContain('config.headersFromEnv.X-Gateway-Token');
      expect(error.message).toContain('GATEWAY_TOKEN');
      expect(error.message).toContain('nothing was sent');
      expect(error.message).toContain(env.GATEWAY_TOKEN === '' ? 'is set but empty' : 'is not set');
    }
    expect(echo.requests.length).toBe(before);
  });

  test('a header named both in headers and headersFromEnv, in any case, is refused naming both paths', () => {
    const error = thrown(() =>
      createClient(config({ headers: { 'x-gateway-token': 'literal-value' } }), { env: ENV }),
    );
    expect(error.code).toBe('INVALID_CONFIG');
    expect(error.path).toBe('headersFromEnv.X-Gateway-Token');
    expect(error.message).toBe(
      'The client configuration is invalid: config.headersFromEnv.X-Gateway-Token names the same header as config.headers.x-gateway-token (header names are case-insensitive); give it once: in headers for a value written in the file, or in headersFromEnv for one read from the environment.',
    );
    const twice = thrown(() =>
      createClient(config({ headersFromEnv: { 'X-Route': 'ROUTE', 'x-route': 'OTHER_ROUTE' } }), {
        env: ENV,
      }),
    );
    expect(twice.message).toContain(
      'config.headersFromEnv.x-route names the same header as config.headersFromEnv.X-Route',
    );
  });

  test('a variable name that is not a name is refused with its path; a token given instead is never quoted', () => {
    const bad = thrown(() => createClient(config({ headersFromEnv: { 'X-Route': '1ROUTE' } })));
    expect(bad.code).toBe('INVALID_CONFIG');
    expect(bad.path).toBe('headersFromEnv.X-Route');
    expect(bad.message).toContain(
      "config.headersFromEnv.X-Route: expected an environment variable name: letters, digits and '_', not starting with a digit (e.g. GATEWAY_TOKEN)",
    );
    const pasted = thrown(() =>
      createClient(config({ headersFromEnv: { 'X-Gateway-Token': KEY } })),
    );
    expect(pasted.message).toContain('config.headersFromEnv.X-Gateway-Token: must name');
    expect(pasted.message).not.toContain(KEY.slice(8));
  });

  test('the value is in no error message, answer, record, stat or cache byte, and no cache key depends on it', async () => {
    const cachePath = join(dir, 'cache.sqlite');
    const cache = new ResponseCache(cachePath);
    const client = createClient(config({ params: { temperature: 0 } }), { env: ENV, cache });
    const answer = await client.complete({ prompt: 'hello' });
    const hit = await client.complete({ prompt: 'hello' });
    const error = (await client
      .complete({ prompt: 'fail' })
      .catch((e: unknown) => e)) as ClientError;
    await client.close();
    cache.close();
    expect(error.code).toBe('HTTP_STATUS');
    expect(error.message).toContain('gateway token [redacted] is not allowed');
    expect(answer.text).toBe('ham (token [redacted])');
    expect(hit.cached).toBe(true);
    const outputs = [
      JSON.stringify(answer),
      JSON.stringify(hit),
      error.message,
      String(error.stack),
      JSON.stringify(error.record),
      JSON.stringify(client.stats()),
      ...readdirSync(dir).map((name) => readFileSync(join(dir, name)).toString('latin1')),
    ];
    expect(outputs.filter((text) => text.includes(TOKEN))).toEqual([]);
    // keyed by the header's and the variable's names: without the variable, or with another
    // token, the same key, and so the same cached answer (as for the API key)
    const request = { prompt: 'hello' };
    const key = cacheKeyer(config({ params: { temperature: 0 } }), ENV).key(request);
    expect(cacheKeyer(config({ params: { temperature: 0 } }), {}).key(request)).toBe(key);
    const renewed = { GATEWAY_TOKEN: 'gw-RENEWED-0000000000' };
    expect(cacheKeyer(config({ params: { temperature: 0 } }), renewed).key(request)).toBe(key);
    expect(cachedKeys(cachePath, [key]).size).toBe(1);
    expect(key).not.toContain(TOKEN);
    // a configuration without the header does not share its answers
    const bare = cacheKeyer(config({ params: { temperature: 0 }, headersFromEnv: undefined }));
    expect(bare.key(request)).not.toBe(key);
    // the scan can fail: the server really was sent the token
    expect(echo.requests.at(-1)!.headers['x-gateway-token']).toBe(TOKEN);
  });

  test("the key's own header wins over a headersFromEnv header of that name, as over a literal one", async () => {
    const client = createClient(
      config({ apiKeyEnv: 'ASSAY_SECRET_KEY', headersFromEnv: { authorization: 'GATEWAY_TOKEN' } }),
      { env: ENV },
    );
    await client.complete({ prompt: 'hello' });
    await client.close();
    expect(echo.requests.at(-1)!.headers.authorization).toBe(`Bearer ${KEY}`);
  });
});
