import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ClientWarning, createClient, onClientWarning, ResponseCache } from '../src/index.js';
import { type LocalServer, startLocalServer, writeSse } from './support/local-server.js';

const KEY = 'sk-assay-SECRET-7f3a9c1e5b2d4680';
const ENV = { ASSAY_SECRET_KEY: KEY };

let server: ModelServer;
let echo: LocalServer;
let dir: string;
beforeAll(async () => {
  server = await startModelServer({ port: 0 });
  // A hostile server that quotes the request's Authorization header back in its error body.
  echo = await startLocalServer((_body, res, req) => {
    res.writeHead(401, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: `bad key ${req.headers.authorization}` } }));
  });
  dir = mkdtempSync(join(tmpdir(), 'assay-secrets-'));
});
afterAll(async () => {
  await Promise.all([server.close(), echo.close()]);
  rmSync(dir, { recursive: true, force: true });
});

test('the API key appears in no cache byte, record, error, stack, stat or warning', async () => {
  const outputs: string[] = [];
  const warnings: ClientWarning[] = [];
  const off = onClientWarning((w) => warnings.push(w));
  const cachePath = join(dir, 'cache.sqlite');
  const cache = new ResponseCache(cachePath);
  const client = createClient(
    {
      provider: 'openai-chat',
      baseUrl: server.baseUrl,
      model: 'assay-spam-nb',
      apiKeyEnv: 'ASSAY_SECRET_KEY',
      retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 2 },
      timeouts: { totalMs: 500 },
    },
    { cache, env: ENV },
  );
  const hostile = createClient(
    {
      provider: 'openai-chat',
      baseUrl: `${echo.url}/v1`,
      model: 'm',
      apiKeyEnv: 'ASSAY_SECRET_KEY',
    },
    { env: ENV },
  );
  const requests = [
    client.complete({
      messages: [{ role: 'user', content: 'win money now' }],
      params: { temperature: 0 },
    }),
    client.complete({
      prompt: 'explain this',
      params: { temperature: 0 },
      headers: { 'x-assay-explain': '1' },
    }),
    client.complete({ prompt: 'a', headers: { 'x-assay-fault': 'status=500' } }),
    client.complete({ prompt: 'b', headers: { 'x-assay-fault': 'malformed' } }),
    client.complete({ prompt: 'c', headers: { 'x-assay-fault': 'stall' } }),
    client.complete({ prompt: 'd', headers: { 'x-assay-fault': 'reset' } }),
    hostile.complete({ prompt: 'e' }),
  ];
  const settled = await Promise.allSettled(requests);
  let failures = 0;
  for (const result of settled) {
    if (result.status === 'fulfilled') {
      outputs.push(JSON.stringify(result.value));
    } else {
      failures++;
      const error = result.reason as Error & { record?: unknown };
      outputs.push(
        error.message,
        String(error.stack),
        JSON.stringify(error.record),
        JSON.stringify(error),
      );
    }
  }
  expect(failures).toBe(5);
  const hostileError = (settled[6] as PromiseRejectedResult).reason as Error;
  expect(hostileError.message).toContain('bad key Bearer [redacted]');
  outputs.push(JSON.stringify(client.stats()), JSON.stringify(hostile.stats()));
  outputs.push(...warnings.map((w) => w.message));
  expect(warnings.length).toBeGreaterThan(0);
  await Promise.all([client.close(), hostile.close()]);
  // Scan the cache file and its WAL before and after the checkpoint on close.
  for (const name of readdirSync(dir))
    outputs.push(readFileSync(join(dir, name)).toString('latin1'));
  cache.close();
  for (const name of readdirSync(dir))
    outputs.push(readFileSync(join(dir, name)).toString('latin1'));
  off();
  const leaks = outputs.filter((text) => text.includes(KEY) || text.includes(KEY.slice(8)));
  expect(leaks).toEqual([]);
  // The scan is able to fail: the key really was sent.
  expect(echo.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
});

describe('secrets echoed inside answers', () => {
  const ORG = 'org-ZX81-4f9a8b7c6d';
  // A hostile server that puts the request's Authorization and x-org-token (a credential
  // header) values, and other secret-shaped tokens, into the text and reasoning of a 200 answer, streamed or not.
  let leaky: LocalServer;
  const SHAPES =
    'also sk-proj-abcdefghij0123456789, Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig1, /v1?api_key=0123456789abcdef0123';
  beforeAll(async () => {
    leaky = await startLocalServer((body, res, req) => {
      const text = `you sent ${req.headers.authorization} and ${req.headers['x-org-token']}; ${SHAPES}; Bearer instruments, 1 of 1`;
      const reasoning = `thinking about ${req.headers['x-org-token']}`;
      if (body.stream !== true) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            choices: [
              { message: { content: text, reasoning_content: reasoning }, finish_reason: 'stop' },
            ],
            usage: { prompt_tokens: 3, completion_tokens: 9 },
          }),
        );
        return;
      }
      const chunk = (delta: Record<string, string>, finish: string | null = null) => ({
        data: { choices: [{ index: 0, delta, finish_reason: finish }] },
      });
      writeSse(res, [
        chunk({ reasoning_content: reasoning }),
        chunk({ content: text }),
        chunk({}, 'stop'),
        { data: '[DONE]' },
      ]);
    });
  });
  afterAll(async () => {
    await leaky.close();
  });

  function leakyClient(cache: ResponseCache, streaming: boolean) {
    return createClient(
      {
        provider: 'openai-chat',
        streaming,
        baseUrl: `${leaky.url}/v1`,
        model: 'm',
        apiKeyEnv: 'ASSAY_SECRET_KEY',
        // A header value of 8 characters or more is a secret; a short flag is not.
        headers: { 'x-org-token': ORG, 'x-debug': '1' },
      },
      { env: ENV, cache },
    );
  }

  const EXPECTED = `you sent Bearer [redacted] and [redacted]; also [redacted], Bearer [redacted], /v1?api_key=[redacted]; Bearer instruments, 1 of 1`;

  test('complete(), streamed or not: text, reasoning and the cache hold [redacted], with a warning', async () => {
    const warnings: ClientWarning[] = [];
    const off = onClientWarning((w) => warnings.push(w));
    const cachePath = join(dir, 'echo-cache.sqlite');
    const cache = new ResponseCache(cachePath);
    const client = leakyClient(cache, false);
    const streamingClient = leakyClient(cache, true);
    const plain = await client.complete({ prompt: 'plain', params: { temperature: 0 } });
    expect(plain.text).toBe(EXPECTED);
    expect(plain.reasoning).toBe('thinking about [redacted]');
    const streamed = await streamingClient.complete({ prompt: 'streamed' });
    expect(streamed.record.streamed).toBe(true);
    expect(streamed.text).toBe(EXPECTED);
    expect(streamed.reasoning).toBe('thinking about [redacted]');
    let deltas = '';
    let done = '';
    for await (const event of client.stream({ prompt: 'live', params: { temperature: 0 } })) {
      if (event.type === 'content' || event.type === 'reasoning') deltas += event.delta;
      if (event.type === 'done') done = event.completion.text;
    }
    expect(deltas).toBe(`thinking about [redacted]${EXPECTED}`);
    expect(done).toBe(EXPECTED);
    // A hit is served from what the cache holds.
    const hit = await client.complete({ prompt: 'plain', params: { temperature: 0 } });
    expect(hit.cached).toBe(true);
    expect(hit.text).toBe(EXPECTED);
    expect(warnings.filter((w) => w.code === 'SECRET_REDACTED').length).toBe(3);
    await Promise.all([client.close(), streamingClient.close()]);
    cache.close();
    const bytes = readdirSync(dir)
      .filter((name) => name.startsWith('echo-cache'))
      .map((name) => readFileSync(join(dir, name)).toString('latin1'))
      .join('');
    expect(bytes).toContain('[redacted]');
    for (const secret of [
      KEY,
      ORG,
      'sk-proj-abcdefghij',
      'eyJhbGciOiJIUzI1NiJ9',
      '0123456789abcdef0123',
    ])
      expect(bytes).not.toContain(secret);
    off();
    // The scan can fail: the server really was sent both.
    expect(leaky.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(leaky.requests[0]!.headers['x-org-token']).toBe(ORG);
  });

  test('an answer without secrets is returned as the server sent it, with no warning', async () => {
    const clean = await startLocalServer((_body, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          choices: [{ message: { content: 'spam: 1 = 1, token count 12' }, finish_reason: 'stop' }],
        }),
      );
    });
    const warnings: ClientWarning[] = [];
    const off = onClientWarning((w) => warnings.push(w));
    const client = createClient(
      { provider: 'openai-chat', baseUrl: clean.url, model: 'm', headers: { 'x-org-token': ORG } },
      { env: ENV },
    );
    expect((await client.complete({ prompt: 'q' })).text).toBe('spam: 1 = 1, token count 12');
    expect(warnings).toEqual([]);
    off();
    await Promise.all([client.close(), clean.close()]);
  });

  test('a configured credential header value echoed in an error body, and a key cut by the quote, are redacted', async () => {
    const hostile = await startLocalServer((_body, res, req) => {
      res.writeHead(400, { 'content-type': 'text/plain' });
      // The key straddles the 200th character, where the quote in the message is cut.
      res.end(`${'x'.repeat(180)} ${req.headers.authorization} org ${req.headers['x-org-token']}`);
    });
    const client = createClient(
      {
        provider: 'openai-chat',
        baseUrl: hostile.url,
        model: 'm',
        apiKeyEnv: 'ASSAY_SECRET_KEY',
        headers: { 'x-org-token': ORG },
      },
      { env: ENV },
    );
    const error = (await client.complete({ prompt: 'q' }).catch((e: unknown) => e)) as Error;
    expect(error.message).toContain(`${'x'.repeat(180)} Bearer [redacted]`);
    expect(error.message).not.toContain(KEY.slice(0, 6));
    await Promise.all([client.close(), hostile.close()]);
  });
});

describe('secrets echoed in log-probabilities and headers', () => {
  const ORG = 'org-ZX81-4f9a8b7c6d';
  const TRACE = 'trace-per-request-91c2e7';
  // A hostile server that echoes the key, the configured x-org-token header and the
  // per-request x-trace-token header (credential headers both): whole in one logprob token,
  // cut across three tokens, among the top alternatives, in its response headers and in the answer text.
  let leaky: LocalServer;
  beforeAll(async () => {
    leaky = await startLocalServer((_body, res, req) => {
      const key = String(req.headers.authorization).replace('Bearer ', '');
      const org = String(req.headers['x-org-token']);
      const trace = String(req.headers['x-trace-token']);
      const cut = [key.slice(0, 10), key.slice(10, 20), key.slice(20)];
      const tokens = ['spam', ' ', key, ' ', ...cut, ' ', org, ' ', trace];
      const content = tokens.map((token) => ({
        token,
        logprob: -0.5,
        top_logprobs: [
          { token, logprob: -0.5 },
          { token: `${trace}!`, logprob: -3 },
        ],
      }));
      res.writeHead(200, {
        'content-type': 'application/json',
        'x-echo-authorization': String(req.headers.authorization),
        'x-echo-org': org,
      });
      res.end(
        JSON.stringify({
          choices: [
            {
              message: { content: tokens.join('') },
              logprobs: { content },
              finish_reason: 'stop',
            },
          ],
          usage: { prompt_tokens: 3, completion_tokens: tokens.length },
        }),
      );
    });
  });
  afterAll(async () => {
    await leaky.close();
  });

  test('tokens holding or cut through a secret are [redacted] in the completion, the cache hit and the cache file', async () => {
    const warnings: ClientWarning[] = [];
    const off = onClientWarning((w) => warnings.push(w));
    const cachePath = join(dir, 'logprob-cache.sqlite');
    const cache = new ResponseCache(cachePath);
    const client = createClient(
      {
        provider: 'openai-chat',
        baseUrl: `${leaky.url}/v1`,
        model: 'm',
        apiKeyEnv: 'ASSAY_SECRET_KEY',
        headers: { 'x-org-token': ORG },
        params: { logprobs: true, topLogprobs: 2, temperature: 0 },
      },
      { env: ENV, cache },
    );
    const request = { prompt: 'q', headers: { 'x-trace-token': TRACE } };
    const live = await client.complete(request);
    const hit = await client.complete(request);
    expect(hit.cached).toBe(true);
    for (const completion of [live, hit]) {
      const tokens = completion.logprobs!.map((t) => t.token);
      expect(tokens).toEqual([
        'spam',
        ' ',
        '[redacted]',
        ' ',
        '[redacted]',
        '[redacted]',
        '[redacted]',
        ' ',
        '[redacted]',
        ' ',
        '[redacted]',
      ]);
      // the numbers stay, so positions and probabilities line up with the answer
      expect(completion.logprobs!.every((t) => t.logprob === -0.5)).toBe(true);
      expect(completion.logprobs![0]!.topLogprobs!.map((t) => t.token)).toEqual([
        'spam',
        '[redacted]!',
      ]);
      expect(completion.text).toBe('spam [redacted] [redacted] [redacted] [redacted]');
    }
    expect(warnings.filter((w) => w.code === 'SECRET_REDACTED')).toHaveLength(1);
    await client.close();
    const outputs = [
      JSON.stringify(live),
      JSON.stringify(hit),
      JSON.stringify(client.stats()),
      ...warnings.map((w) => w.message),
    ];
    cache.close();
    for (const name of readdirSync(dir).filter((n) => n.startsWith('logprob-cache')))
      outputs.push(readFileSync(join(dir, name)).toString('latin1'));
    off();
    for (const secret of [KEY, KEY.slice(0, 10), KEY.slice(10, 20), ORG, TRACE])
      expect(outputs.filter((text) => text.includes(secret))).toEqual([]);
    // The scan can fail: the server really was sent all three.
    const sent = leaky.requests[0]!.headers;
    expect([sent.authorization, sent['x-org-token'], sent['x-trace-token']]).toEqual([
      `Bearer ${KEY}`,
      ORG,
      TRACE,
    ]);
  });
});
