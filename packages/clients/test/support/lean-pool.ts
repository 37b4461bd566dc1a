import { afterEach } from 'vitest';
import { AbortScope } from '../../src/http/abort-scope.js';
import { ConnectionDialer } from '../../src/http/connection-dialer.js';
import type { DispatchedResponse } from '../../src/http/dispatch-response.js';
import { Http1Pool, type Http1PoolSettings } from '../../src/http/http1-pool.js';
import { type RawRequest, type RawServer, sleep, startRawServer } from './raw-http-server.js';

/** Settings of a test pool unless the test says otherwise: nothing times out by accident. */
const DEFAULTS: Http1PoolSettings = {
  connections: 4,
  keepAliveMs: 10_000,
  headersMs: 5_000,
  idleMs: 5_000,
  maxResponseBytes: 1 << 20,
};

/** What a failed promise rejected with. */
export async function rejection(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected a rejection');
}

/** A response's whole body, as text. */
export async function text(res: DispatchedResponse): Promise<string> {
  const pieces: Buffer[] = [];
  await res.read((piece) => {
    pieces.push(Buffer.from(piece));
    return true;
  });
  return Buffer.concat(pieces).toString();
}

/** The pools, scopes and raw servers of one test file, closed after each test. */
export interface LeanPools {
  pool(origin: string, settings?: Partial<Http1PoolSettings>): Http1Pool;
  scope(signal?: AbortSignal, totalMs?: number): AbortScope;
  raw(answer: (request: RawRequest) => unknown): Promise<RawServer>;
  /** Sends a POST with a fresh scope; `body` names the request in the server's log. */
  send(
    pool: Http1Pool,
    body?: string,
    headers?: Record<string, string>,
    path?: string,
  ): Promise<DispatchedResponse>;
}

/**
 * Test pools for the calling file, each with its own {@link ConnectionDialer}: after each test
 * the raw servers close first (failing whatever is still in flight), then the pools, and the
 * scopes are disposed. Call it at the top level of the file.
 */
export function useLeanPools(): LeanPools {
  let pools: Http1Pool[] = [];
  let scopes: AbortScope[] = [];
  let servers: RawServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.map((s) => s.close()));
    // a pool that a failed test left waiting must not hang the file
    await Promise.all(pools.map((p) => Promise.race([p.close(), sleep(1_000)])));
    for (const s of scopes) s.dispose();
    pools = [];
    scopes = [];
    servers = [];
  });
  const scope = (signal?: AbortSignal, totalMs = 10_000): AbortScope => {
    const made = new AbortScope(signal, totalMs);
    scopes.push(made);
    return made;
  };
  return {
    pool: (origin, settings = {}) => {
      const made = new Http1Pool(new URL(origin), new ConnectionDialer(2_000), {
        ...DEFAULTS,
        ...settings,
      });
      pools.push(made);
      return made;
    },
    scope,
    raw: async (answer) => {
      const server = await startRawServer(answer);
      servers.push(server);
      return server;
    },
    send: (pool, body = 'hi', headers = {}, path = '/v1/test') =>
      pool.dispatch({ path, headers, body }, scope()),
  };
}
