import { Worker } from 'node:worker_threads';
import { describe, expect, test } from 'vitest';
import { bootstrapSample, KFold, StratifiedKFold } from '../src/index.js';

// Runs in a worker thread against the built package (turbo builds before tests).
const workerSource = `
import { parentPort, workerData } from 'node:worker_threads';
const { bootstrapSample, KFold, StratifiedKFold } = await import(workerData.dist);
const { y, seed } = workerData;
parentPort.postMessage({
  kfold: new KFold({ nSplits: 4, shuffle: true, randomState: seed }).foldIds(y.length),
  stratified: new StratifiedKFold({ nSplits: 5, shuffle: true, randomState: seed }).foldIds({ y }),
  bootstrap: bootstrapSample(y.length, { randomState: seed }).indices,
});
`;

function inWorker(y: Int32Array, seed: number): Promise<Record<string, Int32Array | Uint32Array>> {
  const dist = new URL('../dist/index.js', import.meta.url).href;
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(workerSource)}`), {
      workerData: { y, seed, dist },
    });
    worker.once('message', (message) => {
      resolve(message as Record<string, Int32Array | Uint32Array>);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

describe('determinism across threads', () => {
  test('every worker draws the same folds and resamples for the same seed', async () => {
    const y = Int32Array.from({ length: 5_000 }, (_, i) => (i * 7919) % 6);
    const seed = 20260101;
    const results = await Promise.all([inWorker(y, seed), inWorker(y, seed), inWorker(y, seed)]);
    const here = {
      kfold: new KFold({ nSplits: 4, shuffle: true, randomState: seed }).foldIds(y.length),
      stratified: new StratifiedKFold({ nSplits: 5, shuffle: true, randomState: seed }).foldIds({
        y,
      }),
      bootstrap: bootstrapSample(y.length, { randomState: seed }).indices,
    };
    for (const result of results) {
      expect([...result.kfold!]).toEqual([...here.kfold]);
      expect([...result.stratified!]).toEqual([...here.stratified]);
      expect([...result.bootstrap!]).toEqual([...here.bootstrap]);
    }
  });
});
