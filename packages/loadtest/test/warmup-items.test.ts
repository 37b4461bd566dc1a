import { type ModelServer, startModelServer, trainSpamModel } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type AnswerJudge,
  type LoadRecord,
  type LoadTestOptions,
  loadDatasetWorkload,
  loadtestHtml,
  type RecordStore,
  resolveLoadTest,
  runLoadTest,
  scoringOrder,
  type Workload,
  warmupOverlapNote,
} from '../src/index.js';

const model = trainSpamModel();
const workload = await loadDatasetWorkload('builtin:spam-assassin');
// the first `n` items of the built-in set, for a workload the requests outnumber
const firstItems = (n: number): Workload => ({
  prompts: workload.prompts.slice(0, n),
  labels: workload.labels.slice(0, n),
  source: `first ${n}`,
});
// answers at once: an open loop's warm-up arrivals all go out on time
let fast: ModelServer;
// 4 slots, 10 ms a token, 8 tokens: a closed loop's 300-ms warm-up sends a handful of requests
let paced: ModelServer;

beforeAll(async () => {
  [fast, paced] = await Promise.all([
    startModelServer({ model }),
    startModelServer({ model, engine: { batchSlots: 4, stepMs: 10 } }),
  ]);
});
afterAll(async () => {
  await Promise.all([fast.close(), paced.close()]);
});

const judge: AnswerJudge = (item, text) => {
  const correct = text.trim().toLowerCase().startsWith(workload.labels[item]!);
  return { correct, scores: { accuracy: correct ? 1 : 0 } };
};

function run(
  options: Partial<LoadTestOptions>,
  server: ModelServer,
  runtime: { workload: Workload; judge?: AnswerJudge } = { workload },
) {
  const resolved = resolveLoadTest({
    baseUrl: server.baseUrl,
    model: 'assay-spam-nb',
    maxTokens: 8,
    ignoreEos: true,
    ...options,
  });
  return runLoadTest(resolved, runtime);
}

/** A step's warm-up and measured items, each in the order the step asked them. */
function itemsOf(records: RecordStore, step = 0): { warmup: number[]; measured: number[] } {
  const of = (warmup: boolean): number[] =>
    [...records]
      .filter((r: LoadRecord) => r.step === step && r.warmup === warmup)
      .sort((a, b) => a.index - b.index)
      .map((r) => r.item!);
  return { warmup: of(true), measured: of(false) };
}

describe('a warm-up asks other items than the ones its step measures', () => {
  test('closed loop: no warm-up item is a measured one when the workload outnumbers both', async () => {
    const { result, records } = await run({ concurrency: 2, requests: 20, warmupMs: 300 }, paced);
    const { warmup, measured } = itemsOf(records);
    expect(warmup.length).toBeGreaterThan(0);
    // measured request k still asks item k; the warm-up walks the workload from its end
    expect(measured).toEqual(Array.from({ length: 20 }, (_, k) => k));
    const n = workload.prompts.length;
    expect(new Set(warmup)).toEqual(new Set(warmup.map((_, k) => n - 1 - k)));
    expect(warmup.filter((item) => measured.includes(item))).toEqual([]);
    expect(result.warmupOverlap).toBeUndefined();
    expect(warmupOverlapNote(result)).toBeUndefined();
  });

  test('open loop under --score: the warm-up takes the scoring order from its end', async () => {
    // 200/s for 100 ms: 20 warm-up arrivals, then the 20 measured ones
    const options = { rate: 200, requests: 20, warmupMs: 100, seed: 5 };
    const { result, records } = await run(options, fast, { workload, judge });
    const order = scoringOrder(workload.labels, 5);
    const { warmup, measured } = itemsOf(records);
    expect(measured).toEqual(order.slice(0, 20));
    expect(warmup).toEqual(order.slice(-20).reverse());
    expect(warmup.filter((item) => measured.includes(item))).toEqual([]);
    expect(result.warmupOverlap).toBeUndefined();
  });
});

describe('a workload the warm-up and measured requests outnumber', () => {
  test('shares the fewest items it can, and the result and its notes name the counts', async () => {
    // 20 warm-up + 20 measured requests over 30 items: 10 asked by both
    const { result, records } = await run({ rate: 200, requests: 20, warmupMs: 100 }, fast, {
      workload: firstItems(30),
    });
    const { warmup, measured } = itemsOf(records);
    expect(measured).toEqual(Array.from({ length: 20 }, (_, k) => k));
    expect(warmup.filter((item) => measured.includes(item)).sort((a, b) => a - b)).toEqual([
      10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
    ]);
    expect(result.warmupOverlap).toEqual({
      warmupRequests: 20,
      measuredRequests: 20,
      workloadItems: 30,
      sharedItems: 10,
    });
    const note = warmupOverlapNote(result);
    expect(note).toMatch(/^Warning: /);
    expect(note).toContain(
      '(step 0: 20 warm-up + 20 measured requests over 30 items, 10 items asked by both)',
    );
    expect(loadtestHtml(result, records)).toContain('20 warm-up + 20 measured requests');
  });

  test('a sweep says so in one warning that names each step', async () => {
    const { result } = await run({ sweep: 1, requests: 10, warmupMs: 100 }, fast, {
      workload: firstItems(8),
    });
    expect(result.steps).toHaveLength(3);
    const overlapping = result.steps!.flatMap((s, i) => (s.warmupOverlap ? [i] : []));
    // every step's warm-up sent something, and 10 measured requests already outnumber 8 items
    expect(overlapping).toEqual([0, 1, 2]);
    const note = warmupOverlapNote(result)!;
    expect(note.match(/Warning/g)).toHaveLength(1);
    for (const i of overlapping) expect(note).toContain(`step ${i}: `);
    expect(result.warmupOverlap).toBeUndefined();
  });
});
