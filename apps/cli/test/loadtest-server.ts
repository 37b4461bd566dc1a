import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer, trainSpamModel } from '@assay/model-server';
import { afterAll, beforeAll } from 'vitest';
import { assay } from './cli-process.js';

/** What the `assay loadtest` test files share: a batching model server and a temp folder. */
export interface LoadtestServer {
  /** the test file's temporary folder, removed after its tests */
  readonly dir: string;
  /** the trained spam model the server serves (for another server of the same model) */
  readonly model: ReturnType<typeof trainSpamModel>;
  /** the server: 8 slots, 20-ms decode steps (40 requests/s at 10 tokens) */
  readonly server: ModelServer;
  /** `assay loadtest` against the server, with the given flags */
  loadtest(args: string[]): ReturnType<typeof assay>;
}

/**
 * Starts the model server before a test file's tests and stops it (and removes the folder)
 * after them.
 *
 * @param prefix - the temporary folder's name prefix
 * @returns the folder, the model, the server (once started) and the command
 * @example
 * const lt = useLoadtestServer('assay-loadtest-cli-');
 * await lt.loadtest(['--rate', '5', '--requests', '2']);
 */
export function useLoadtestServer(prefix: string): LoadtestServer {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const model = trainSpamModel();
  let server: ModelServer | undefined;
  beforeAll(async () => {
    server = await startModelServer({ model, engine: { batchSlots: 8, stepMs: 20 } });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    dir,
    model,
    get server(): ModelServer {
      if (server === undefined) throw new Error('the model server starts in beforeAll');
      return server;
    },
    loadtest: (args) =>
      assay(['loadtest', '--base-url', server!.baseUrl, '--model', 'assay-spam-nb', ...args]),
  };
}
