import { createRunner, type ScoreReport } from '@assay/runner';
import { afterAll, describe, expect, test } from 'vitest';

// 0 workers scans the label values on the calling thread; 1 and 2 scan them in pool chunks
const runners = [0, 1, 2].map((workers) => createRunner({ workers }));

afterAll(async () => {
  await Promise.all(runners.map((r) => r.close()));
});

function stable(report: ScoreReport): unknown {
  const { timing: _timing, ...rest } = report;
  return rest;
}

type IntegerArray = Int8Array | Int16Array | Int32Array | Uint8Array | Uint16Array | Uint32Array;

interface IntegerKind {
  readonly bytes: number;
  readonly make: (buffer: SharedArrayBuffer) => IntegerArray;
}

const I8: IntegerKind = { bytes: 1, make: (b) => new Int8Array(b) };
const I16: IntegerKind = { bytes: 2, make: (b) => new Int16Array(b) };
const I32: IntegerKind = { bytes: 4, make: (b) => new Int32Array(b) };
const U8: IntegerKind = { bytes: 1, make: (b) => new Uint8Array(b) };
const U16: IntegerKind = { bytes: 2, make: (b) => new Uint16Array(b) };
const U32: IntegerKind = { bytes: 4, make: (b) => new Uint32Array(b) };

function sharedColumn(kind: IntegerKind, values: readonly number[]): IntegerArray {
  const out = kind.make(new SharedArrayBuffer(values.length * kind.bytes));
  out.set(values);
  return out;
}

/** n labels drawn from `alphabet`, with the predictions right about 60% of the time. */
function labels(n: number, alphabet: readonly number[]): { yTrue: number[]; yPred: number[] } {
  const yTrue: number[] = [];
  const yPred: number[] = [];
  let s = 7;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const t = alphabet[s % alphabet.length]!;
    yTrue.push(t);
    yPred.push((s >>> 9) % 5 < 3 ? t : alphabet[(s >>> 13) % alphabet.length]!);
  }
  return { yTrue, yPred };
}

const cases: [string, IntegerKind, number[]][] = [
  ['Int32 codes 0..K-1', I32, [0, 1, 2, 3, 4]],
  ['Int32 at the ends of the 0..31 bit set', I32, [0, 31]],
  ['Int32 just past the bit set', I32, [1, 31, 32]],
  ['Int32 with gaps', I32, [3, 7, 40, 1000]],
  ['Int16 negative values', I16, [-300, -2, 0, 5]],
  ['Int8 negative values', I8, [-128, -1, 127]],
  ['Uint8', U8, [2, 9, 255]],
  ['Uint16 near the top', U16, [65_535, 65_000, 12]],
  // wider than a pool chunk reports: falls back to the one-thread scan
  ['Int32 range wider than 2^16', I32, [-100_000, 0, 250_000]],
  // above 2^31: cannot travel in an Int32 header, falls back too
  ['Uint32 above 2^31', U32, [1, 3_000_000_000, 4_000_000_000]],
];

describe('integer label columns scanned on the pool', () => {
  // chunkRows 4096 gives many chunks, so the merge of per-chunk presence tables is exercised
  const n = 50_000;
  for (const [name, ctor, alphabet] of cases) {
    test(`${name}: labels are the sorted distinct values and reports match for 0, 1 and 2 workers`, async () => {
      const { yTrue, yPred } = labels(n, alphabet);
      const input = { yTrue: sharedColumn(ctor, yTrue), yPred: sharedColumn(ctor, yPred) };
      const reports: ScoreReport[] = [];
      for (const runner of runners) {
        reports.push(
          await runner.scorePredictions(input, {
            metrics: ['accuracy', 'f1_macro'],
            cv: 'stratified:3',
            bootstrap: 20,
            chunkRows: 4096,
            task: 'classification',
          }),
        );
      }
      const expected = [...new Set([...yTrue, ...yPred])].sort((a, b) => a - b);
      expect(reports[0]!.labels).toEqual(expected);
      expect(stable(reports[1]!)).toEqual(stable(reports[0]!));
      expect(stable(reports[2]!)).toEqual(stable(reports[0]!));
      // the caller's arrays are never rewritten
      expect(Array.from(input.yTrue)).toEqual(yTrue);
    });
  }

  test('a value outside 0..31 only in the last row (past the four-at-a-time loop) is found', async () => {
    const values = labels(50_003, [0, 1, 2]).yTrue;
    values[values.length - 1] = 32;
    const column = sharedColumn(U8, values);
    for (const runner of runners) {
      const report = await runner.scorePredictions(
        { yTrue: column, yPred: column },
        { metrics: ['accuracy'], chunkRows: 4096, task: 'classification' },
      );
      expect(report.labels).toEqual([0, 1, 2, 32]);
    }
  });

  test('the same array as yTrue and yPred is encoded once per role with the same labels', async () => {
    const { yTrue } = labels(n, [4, 8, 15, 16, 23, 42]);
    const column = sharedColumn(I32, yTrue);
    const [inProcess, pooled] = (await Promise.all(
      [runners[0]!, runners[2]!].map((r) =>
        r.scorePredictions(
          { yTrue: column, yPred: column },
          { metrics: ['accuracy'], chunkRows: 4096, task: 'classification' },
        ),
      ),
    )) as [ScoreReport, ScoreReport];
    expect(pooled.labels).toEqual([4, 8, 15, 16, 23, 42]);
    expect(pooled.overall.accuracy?.value).toBe(1);
    expect(stable(pooled)).toEqual(stable(inProcess));
  });
});
