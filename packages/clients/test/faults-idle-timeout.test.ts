import { afterEach, describe, expect, test } from 'vitest';
import { createClient, type StreamEvent } from '../src/index.js';
import { failure } from './support/client-failure.js';
import { EMAIL, useFaultServer } from './support/fault-server.js';
import { type LocalServer, startLocalServer } from './support/local-server.js';

const { server, config } = useFaultServer();

const IDLE_MS = 300;
// Far above the idle timeout: a failure within it can only be the idle timeout's.
const TOTAL_MS = 20_000;
const IDLE_TIMEOUTS = { idleMs: IDLE_MS, totalMs: TOTAL_MS };

describe('idle timeout (timeouts.idleMs) against the server', () => {
  for (const streaming of [false, true]) {
    const mode = streaming ? 'streamed' : 'not streamed';

    test(`a stalled body (${mode}) fails as a timeout after idleMs, not totalMs`, async () => {
      const client = createClient(
        config(streaming, { benchmarkMode: true, timeouts: IDLE_TIMEOUTS }),
      );
      const error = await failure(
        client.complete({
          messages: [{ role: 'user', content: EMAIL }],
          headers: { 'x-assay-fault': 'stall' },
        }),
      );
      expect(error.code).toBe('TIMEOUT');
      expect(error.record?.errorClass).toBe('timeout');
      expect(error.status).toBeUndefined();
      expect(error.message).toContain(
        `stalled: no byte arrived for ${IDLE_MS} ms (config.timeouts.idleMs)`,
      );
      // undici checks body timeouts on a coarse clock (about half a second).
      expect(error.record!.e2eLatencyMs!).toBeGreaterThanOrEqual(IDLE_MS - 5);
      expect(error.record!.e2eLatencyMs!).toBeLessThan(5_000);
      await client.close();
    });

    test(`a stall on the first try (${mode}) is retried as timeouts are, then succeeds`, async () => {
      const client = createClient(config(streaming, { timeouts: IDLE_TIMEOUTS }));
      const c = await client.complete({
        messages: [{ role: 'user', content: EMAIL }],
        headers: { 'x-assay-fault': `stall;fail-first=1;key=idle-${streaming}` },
      });
      expect(c.text.length).toBeGreaterThan(0);
      expect(c.record.retries).toBe(1);
      const stalled = c.record.attempts[0]!;
      expect(stalled.errorClass).toBe('timeout');
      expect(stalled.endAt - stalled.sentAt).toBeLessThan(5_000);
      expect(client.stats().attemptFailures.timeout).toBe(1);
      expect(server.stats().byPath['/v1/chat/completions']).toBe(2);
      await client.close();
    });
  }

  test('a slow stream whose every gap is under idleMs is not cut, however long it runs', async () => {
    const client = createClient(config(true, { benchmarkMode: true, timeouts: IDLE_TIMEOUTS }));
    const c = await client.complete({
      messages: [{ role: 'user', content: EMAIL }],
      headers: { 'x-assay-fault': 'token-delay=50', 'x-assay-explain': '1' },
    });
    expect(c.finishReason).toBe('stop');
    expect(c.record.contentChunkTimes.length).toBeGreaterThan(4);
    expect(c.record.e2eLatencyMs!).toBeGreaterThan(2 * IDLE_MS);
    await client.close();
  });

  test('idleMs must be a positive integer', () => {
    for (const idleMs of [0, -5, 2.5]) {
      expect(() => createClient(config(false, { timeouts: { idleMs } }))).toThrow(
        expect.objectContaining({ code: 'INVALID_CONFIG', path: 'timeouts.idleMs' }),
      );
    }
  });
});

describe('timeouts.idleMs against a server that stops mid-stream', () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  test('stream(): deltas already yielded, then silence: a timeout, not retried', async () => {
    server = await startLocalServer((_body, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: {"choices":[{"index":0,"delta":{"content":"sp"}}]}\n\n');
      res.write('data: {"choices":[{"index":0,"delta":{"content":"am"}}]}\n\n');
    });
    const client = createClient({
      provider: 'openai-chat',
      baseUrl: `${server.url}/v1`,
      model: 'm',
      timeouts: IDLE_TIMEOUTS,
    });
    const seen: StreamEvent[] = [];
    const error = await failure(
      (async () => {
        for await (const event of client.stream({ prompt: 'hi' })) seen.push(event);
      })(),
    );
    expect(seen.map((e) => (e.type === 'content' ? e.delta : e.type))).toEqual(['sp', 'am']);
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toContain('(config.timeouts.idleMs)');
    expect(error.record?.attempts.length).toBe(1);
    expect(server.requests.length).toBe(1);
    await client.close();
  });
});
