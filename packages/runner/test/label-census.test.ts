import { createRunner, type ScoreReport } from '@assay/runner';
import { afterAll, describe, expect, test } from 'vitest';
import { executorOf } from '../src/pool/executor-of.js';
import type { WorkerTask } from '../src/pool/task-types.js';
import { runTask } from '../src/pool/worker-tasks.js';
import { censusLabelRange } from '../src/score/label-census.js';
import { type Executor, scoreWith } from '../src/score/score-engine.js';

const runners = [0, 2].map((workers) => createRunner({ workers }));

afterAll(async () => {
  await Promise.all(runners.map((r) => r.close()));
});

function stable(report: ScoreReport): unknown {
  const { timing: _timing, ...rest } = report;
  return rest;
}

function shared<T extends Int32Array | Uint8Array>(values: T): T {
  const out = new (values.constructor as new (b: SharedArrayBuffer) => T)(
    new SharedArrayBuffer(values.byteLength),
  );
  out.set(values);
  return out;
}

/** n labels from `alphabet`, predictions right ~60% of the time, from `predAlphabet` otherwise. */
function labels(n: number, alphabet: number[], predAlphabet = alphabet) {
  const yTrue = new Int32Array(n);
  const yPred = new Int32Array(n);
  let s = 11;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    yTrue[i] = alphabet[s % alphabet.length]!;
    yPred[i] = (s >>> 9) % 5 < 3 ? yTrue[i]! : predAlphabet[(s >>> 13) % predAlphabet.length]!;
  }
  return { yTrue, yPred };
}

describe('censusLabelRange', () => {
  test('pair counts, per-block true counts and first rows equal a brute-force count', () => {
    const { yTrue, yPred } = labels(1000, [0, 5, 9, 31], [0, 5, 9, 30]);
    const out = censusLabelRange({
      kind: 'label-census',
      yTrue,
      yPred,
      blockRows: 64,
      start: 128,
      end: 1000,
    });
    const nBlocks = Math.ceil(872 / 64);
    expect(out.length).toBe(1024 + nBlocks * 32 + 32);
    const pairs = new Array<number>(1024).fill(0);
    const blocks = new Array<number>(nBlocks * 32).fill(0);
    const first = new Array<number>(32).fill(-1);
    for (let i = 128; i < 1000; i++) {
      pairs[yTrue[i]! * 32 + yPred[i]!]!++;
      blocks[Math.floor((i - 128) / 64) * 32 + yTrue[i]!]!++;
      if (first[yTrue[i]!] === -1) first[yTrue[i]!] = i;
    }
    expect(Array.from(out.subarray(0, 1024))).toEqual(pairs);
    expect(Array.from(out.subarray(1024, 1024 + nBlocks * 32))).toEqual(blocks);
    expect(Array.from(out.subarray(1024 + nBlocks * 32))).toEqual(first);
  });

  test.each([
    ['true', 32, 0],
    ['predicted', 0, 32],
    ['negative true', -1, 0],
  ])('a %s value outside 0..31 gives up (empty result)', (_, t, p) => {
    const { yTrue, yPred } = labels(101, [0, 1, 2]);
    yTrue[100] = t;
    yPred[100] = p;
    expect(
      censusLabelRange({ kind: 'label-census', yTrue, yPred, blockRows: 64, start: 0, end: 101 }),
    ).toHaveLength(0);
  });
});

describe('scoring with the census equals scoring without it', () => {
  // plain arrays never take the census (it needs shared integer columns), so they are the
  // reference; 150 000 rows span three 65 536-row blocks, chunkRows 4096 many tasks
  const n = 150_000;
  const cases: [string, number[], number[], Record<string, unknown>][] = [
    ['codes 0..K-1', [0, 1, 2, 3, 4], [0, 1, 2, 3, 4], {}],
    ['gaps and both ends of 0..31', [0, 3, 7, 31], [0, 3, 7, 31], {}],
    ['a predicted label never seen in y_true', [1, 2, 5], [1, 2, 5, 30], {}],
    [
      'a labels option that reorders and adds a class',
      [1, 2, 5],
      [1, 2, 5],
      { labels: [5, 2, 1, 9] },
    ],
    ['values past 31 (falls back)', [0, 1, 40], [0, 1, 40], {}],
    ['weights (whole-set pass still runs)', [0, 1, 2], [0, 1, 2], { weighted: true }],
    ['a slice column', [0, 1, 2], [0, 1, 2], { sliced: true }],
  ];
  for (const cv of ['none', 'stratified:4']) {
    test.each(cases)(`${cv}: %s`, async (_, alphabet, predAlphabet, extra) => {
      const { yTrue, yPred } = labels(n, alphabet, predAlphabet);
      const { weighted, sliced, ...rest } = extra;
      const weight = weighted ? Float64Array.from(yTrue, (_, i) => 1 + (i % 3)) : undefined;
      const slice = sliced ? Array.from(yTrue, (_, i) => (i % 7 === 0 ? 'a' : 'b')) : undefined;
      const options = {
        metrics: ['accuracy', 'f1_macro', 'matthews_corrcoef'],
        cv,
        bootstrap: 40,
        seed: 3,
        chunkRows: 4096,
        task: 'classification' as const,
        ...rest,
      };
      const plain = { yTrue: Array.from(yTrue), yPred: Array.from(yPred), weight, slice };
      const expected = stable(await runners[0]!.scorePredictions(plain, options));
      for (const runner of runners) {
        const report = await runner.scorePredictions(
          { yTrue: shared(yTrue), yPred: shared(yPred), weight, slice },
          options,
        );
        expect(stable(report)).toEqual(expected);
      }
    });
  }
});

describe('which passes run', () => {
  /** An in-process executor that records the kind of every task (a shared pass by its range's). */
  function recording(kinds: string[]): Executor {
    const run = async (task: WorkerTask) => {
      kinds.push(task.kind === 'shared-pass' ? `pass:${task.range.kind}` : task.kind);
      return runTask(task);
    };
    return executorOf(run);
  }

  /** How many tasks of each kind a 2-worker stratified:3 job over labels from `alphabet` queues. */
  async function tasksOf(alphabet: number[]): Promise<(kind: string) => number> {
    const { yTrue, yPred } = labels(150_000, alphabet);
    const kinds: string[] = [];
    await scoreWith(
      recording(kinds),
      2,
      { yTrue: shared(yTrue), yPred: shared(yPred) },
      { metrics: ['accuracy'], cv: 'stratified:3', chunkRows: 1 << 16 },
    );
    return (kind) => kinds.filter((k) => k === kind).length;
  }

  // two workers: one shared-pass task each per pass
  test('shared labels in 0..31: one census pass and one fold pass, no class-count or whole-set pass', async () => {
    const tally = await tasksOf([0, 1, 2]);
    expect(tally('pass:label-census')).toBe(2);
    expect(tally('pass:confusion')).toBe(2); // the fold pass only
    expect(tally('pass:block-counts')).toBe(0);
    expect(tally('fold-allocation')).toBe(2); // one per worker
    expect(tally('label-scan')).toBe(0);
  });

  test('labels past 31: the plain scan, a class-count pass, then the whole set and folds in one pass', async () => {
    const tally = await tasksOf([0, 1, 40]);
    expect(tally('pass:label-census')).toBe(2);
    expect(tally('label-scan')).toBeGreaterThan(0);
    expect(tally('pass:block-counts')).toBe(2);
    expect(tally('fold-allocation')).toBe(2);
    expect(tally('pass:confusion')).toBe(2);
  });
});
