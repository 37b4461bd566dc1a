import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { type ClientConfig, createClient } from '../src/index.js';
import { failure } from './support/client-failure.js';
import { type LocalServer, startLocalServer } from './support/local-server.js';

const MIB = 1024 * 1024;
const FLOOD_BYTES = 50 * MIB;

/** What a flooding server saw of one response. */
interface Flood {
  /** Bytes the socket accepted before the client went away (or all of them). */
  sent: number;
  /** Whether the whole body was written. */
  finished: boolean;
  /** Resolves when the response is over, either way. */
  readonly over: Promise<void>;
}

/**
 * A hostile server that answers every request with a 50 MB body, written as fast as the
 * client reads it, and reports how much of it the client accepted.
 */
async function startFloodServer(body: {
  head: Record<string, string>;
  first?: string;
  piece: string;
}): Promise<LocalServer & { floods: Flood[] }> {
  const floods: Flood[] = [];
  const server = await startLocalServer((_body, res) => {
    let settle = (): void => undefined;
    const flood: Flood = {
      sent: 0,
      finished: false,
      over: new Promise<void>((resolve) => {
        settle = resolve;
      }),
    };
    floods.push(flood);
    res.on('close', () => settle());
    res.writeHead(200, body.head);
    if (body.first !== undefined) res.write(body.first);
    const pump = (): void => {
      while (flood.sent < FLOOD_BYTES && !res.destroyed) {
        flood.sent += body.piece.length;
        if (!res.write(body.piece)) {
          res.once('drain', pump);
          return;
        }
      }
      if (!res.destroyed) {
        flood.finished = true;
        res.end();
      }
    };
    pump();
  });
  return { ...server, floods };
}

function config(baseUrl: string, extra: Partial<ClientConfig> = {}): ClientConfig {
  return {
    provider: 'openai-chat',
    baseUrl,
    model: 'm',
    retry: { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 5 },
    ...extra,
  };
}

const JSON_PIECE = `${'x'.repeat(64 * 1024 - 1)} `;
const SSE_PIECE =
  `data: {"choices":[{"index":0,"delta":{"content":"${'ab'.repeat(100)}"}}]}\n\n`.repeat(256);

const FLOODS = [
  {
    name: 'a JSON body without content-length',
    streaming: false,
    body: { head: { 'content-type': 'application/json' }, piece: JSON_PIECE },
  },
  {
    name: 'an SSE stream of small events',
    streaming: true,
    body: { head: { 'content-type': 'text/event-stream' }, piece: SSE_PIECE },
  },
  {
    name: 'one SSE event that never ends',
    streaming: true,
    body: {
      head: { 'content-type': 'text/event-stream' },
      first: 'data: {"choices":[{"index":0,"delta":{"content":"',
      piece: JSON_PIECE,
    },
  },
];

describe('maxResponseBytes', () => {
  let flood: Awaited<ReturnType<typeof startFloodServer>> | undefined;
  afterEach(async () => {
    await flood?.close();
    flood = undefined;
  });

  for (const { name, streaming, body } of FLOODS) {
    test(`${name} of 50 MB is cut off at 8 MiB, as response_too_large, not retried`, async () => {
      flood = await startFloodServer(body);
      const client = createClient(config(`${flood.url}/v1`, { streaming }));
      const error = await failure(client.complete({ prompt: 'hi' }));
      expect(error.code).toBe('RESPONSE_TOO_LARGE');
      expect(error.record?.errorClass).toBe('response_too_large');
      expect(error.record?.attempts.length).toBe(1);
      expect(error.message).toContain('was cut off after 8388608 bytes (8 MiB)');
      expect(error.message).toContain('raise config.maxResponseBytes');
      expect(client.stats().failures.response_too_large).toBe(1);
      expect(flood.floods.length).toBe(1);
      // The client hung up: the server could not write the whole 50 MB, and what it wrote is
      // the limit plus what the loopback socket buffers hold.
      await flood.floods[0]!.over;
      expect(flood.floods[0]!.finished).toBe(false);
      expect(flood.floods[0]!.sent).toBeLessThan(24 * MIB);
      await client.close();
    });
  }

  test('an announced content-length over the limit fails before the body is read', async () => {
    flood = await startFloodServer({
      head: { 'content-type': 'application/json', 'content-length': String(FLOOD_BYTES) },
      piece: JSON_PIECE,
    });
    const client = createClient(config(`${flood.url}/v1`));
    const error = await failure(client.complete({ prompt: 'hi' }));
    expect(error.code).toBe('RESPONSE_TOO_LARGE');
    expect(error.status).toBe(200);
    expect(error.message).toContain('announced 52428800 bytes (50 MiB), more than 8388608 bytes');
    await flood.floods[0]!.over;
    expect(flood.floods[0]!.finished).toBe(false);
    await client.close();
  });
});

describe('maxResponseBytes against the model server', () => {
  let server: ModelServer;
  beforeAll(async () => {
    server = await startModelServer({ port: 0 });
  });
  afterAll(async () => {
    await server.close();
  });

  const request = {
    messages: [{ role: 'user' as const, content: 'Subject: cheap watches\n\nBuy now' }],
  };

  for (const streaming of [false, true]) {
    test(`a limit below the answer fails it, the default passes (${streaming ? 'streamed' : 'not streamed'})`, async () => {
      const base = { provider: 'openai-chat' as const, baseUrl: server.baseUrl, streaming };
      const small = createClient({ ...base, model: 'assay-spam-nb', maxResponseBytes: 64 });
      const error = await failure(small.complete(request));
      expect(error.code).toBe('RESPONSE_TOO_LARGE');
      expect(error.message).toMatch(/64 bytes\b/);
      const normal = createClient({ ...base, model: 'assay-spam-nb' });
      expect((await normal.complete(request)).text.length).toBeGreaterThan(0);
      await Promise.all([small.close(), normal.close()]);
    });
  }

  test('an error status with a body over a small limit is still an HTTP_STATUS failure', async () => {
    const small = createClient({
      provider: 'openai-chat',
      baseUrl: server.baseUrl,
      model: 'assay-spam-nb',
      benchmarkMode: true,
      maxResponseBytes: 16,
    });
    const error = await failure(
      small.complete({ ...request, headers: { 'x-assay-fault': 'status=400' } }),
    );
    expect(error.code).toBe('HTTP_STATUS');
    expect(error.status).toBe(400);
    await small.close();
  });

  test('maxResponseBytes must be a positive integer', () => {
    for (const maxResponseBytes of [0, -1, 1.5]) {
      expect(() =>
        createClient({
          provider: 'openai-chat',
          baseUrl: server.baseUrl,
          model: 'm',
          maxResponseBytes,
        }),
      ).toThrow(expect.objectContaining({ code: 'INVALID_CONFIG', path: 'maxResponseBytes' }));
    }
  });
});
