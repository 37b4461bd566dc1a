import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { ClientConfig } from '../../src/index.js';

/** A spam e-mail, the message every fault test sends. */
export const EMAIL =
  'Subject: cheap watches\n\nBuy cheap replica watches now, limited offer, click the link';

/** The model server of one test file, and the client config the fault tests start from. */
export interface FaultServer {
  /** the file's server; read it inside a test or hook, once the server has started */
  readonly server: ModelServer;
  /** a chat client of the spam filter: 3 quick retries, an 800 ms total timeout */
  config(streaming: boolean, extra?: Partial<ClientConfig>): ClientConfig;
}

/**
 * Starts a real model server for the calling test file (before its first test), zeroes its
 * counters before each test, so that a test can count the requests it sent, and closes it after
 * the last. Call it at the top level of the file.
 */
export function useFaultServer(): FaultServer {
  let started: ModelServer | undefined;
  beforeAll(async () => {
    started = await startModelServer({ port: 0 });
  });
  afterAll(async () => {
    await started?.close();
  });
  beforeEach(() => {
    started!.resetStats();
  });
  const current = (): ModelServer => {
    if (started === undefined) throw new Error('the model server starts in beforeAll');
    return started;
  };
  // each member reads the server when called: the file's tests are collected before it starts
  const server: ModelServer = {
    get url() {
      return current().url;
    },
    get baseUrl() {
      return current().baseUrl;
    },
    get port() {
      return current().port;
    },
    stats: () => current().stats(),
    resetStats: () => current().resetStats(),
    close: () => current().close(),
  };
  return {
    server,
    config: (streaming, extra = {}) => ({
      provider: 'openai-chat',
      baseUrl: server.baseUrl,
      model: 'assay-spam-nb',
      streaming,
      retry: { maxRetries: 3, baseDelayMs: 5, maxDelayMs: 50 },
      timeouts: { connectMs: 5_000, headersMs: 5_000, totalMs: 800 },
      ...extra,
    }),
  };
}
