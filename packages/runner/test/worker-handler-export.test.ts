import { Worker } from 'node:worker_threads';
import { describe, expect, test } from 'vitest';

/** What the worker file exports to Piscina, read in a worker thread given `workerData`. */
function handlerExport(workerData: unknown): Promise<{ promise: boolean; handler: string }> {
  const url = import.meta.resolve('@assay/runner/worker');
  const code = `
    const { parentPort } = require('node:worker_threads');
    import(${JSON.stringify(url)}).then(async (m) => {
      const promise = typeof m.default?.then === 'function';
      parentPort.postMessage({ promise, handler: typeof (await m.default) });
    });`;
  const worker = new Worker(code, { eval: true, workerData });
  return new Promise((resolve, reject) => {
    worker.once('message', (m) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

describe('the scoring worker file', () => {
  // Piscina awaits a handler that is a promise before it calls the worker ready, so the warm-up
  // runs while the worker is idle: once ready, an idle worker blocks in Atomics.wait, where a
  // warm-up left to run in the background would not move, and the first task would pay for it
  test('of a pool started ahead exports a promise of the handler, resolved once warm', async () => {
    expect(await handlerExport({ warmUp: true, workers: 1 })).toEqual({
      promise: true,
      handler: 'function',
    });
  });

  test('of a pool started by its first task exports the handler itself', async () => {
    expect(await handlerExport({})).toEqual({ promise: false, handler: 'function' });
  });
});
