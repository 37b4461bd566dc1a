import { type ModelServer, startModelServer, trainSpamModel } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type AnswerJudge,
  type LoadRecord,
  loadDatasetWorkload,
  resolveLoadTest,
  runLoadTest,
  scoringOrder,
} from '../src/index.js';

const workload = await loadDatasetWorkload('builtin:spam-assassin');
const SPAM_SHARE = workload.labels.filter((l) => l === 'spam').length / workload.labels.length;
let server: ModelServer;

beforeAll(async () => {
  server = await startModelServer({ model: trainSpamModel() });
});
afterAll(() => server.close());

/** A judge that reads the server's label off the answer, as `--score`'s classification does. */
const judge: AnswerJudge = (item, text) => {
  const correct = text.trim().toLowerCase().startsWith(workload.labels[item]!);
  return { correct, scores: { accuracy: correct ? 1 : 0 } };
};

describe('the order in which --score asks its items', () => {
  test('every prefix of it holds each label in its share of the data set, within one item', () => {
    // the built-in set lists its 1,235 ham e-mails before any spam
    expect(workload.labels.slice(0, 1235).every((l) => l === 'ham')).toBe(true);
    const order = scoringOrder(workload.labels, 1);
    expect([...order].sort((a, b) => a - b)).toEqual(workload.labels.map((_, i) => i));
    let spam = 0;
    order.forEach((item, k) => {
      if (workload.labels[item] === 'spam') spam++;
      expect(Math.abs(spam - (k + 1) * SPAM_SHARE)).toBeLessThanOrEqual(1);
    });
  });

  test('is the same for the same seed and another for another seed', () => {
    const labels = workload.labels;
    expect(scoringOrder(labels, 7)).toEqual(scoringOrder(labels, 7));
    expect(scoringOrder(labels, 7).slice(0, 50)).not.toEqual(scoringOrder(labels, 8).slice(0, 50));
  });
});

describe('a --score run', () => {
  test('starts every step at the same item of that order, warm-up or not, and records it', async () => {
    const options = resolveLoadTest({
      baseUrl: server.baseUrl,
      model: 'assay-spam-nb',
      sweep: 1,
      requests: 40,
      warmupMs: 150,
      seed: 3,
    });
    const { result, records } = await runLoadTest(options, { workload, judge });
    const order = scoringOrder(workload.labels, 3);
    const measured = (step: number): LoadRecord[] =>
      [...records].filter((r) => r.step === step && !r.warmup).sort((a, b) => a.index - b.index);
    expect(result.steps).toHaveLength(3);
    for (const step of [0, 1, 2]) {
      const items = measured(step).map((r) => r.item);
      // the steps' warm-ups sent different counts; the measured requests still ask the same 40
      expect(items).toEqual(order.slice(0, 40));
      const spam = items.filter((i) => workload.labels[i!] === 'spam').length;
      expect(Math.abs(spam - 40 * SPAM_SHARE)).toBeLessThanOrEqual(1);
    }
    // the same items answered alike by a deterministic classifier: the same accuracy at every load
    const accuracy = result.steps!.map((s) => s.accuracy?.accuracy);
    expect(new Set(accuracy).size).toBe(1);
    expect(result.steps!.map((s) => s.accuracy?.scored)).toEqual([40, 40, 40]);
  }, 60_000);

  test('a run without --score keeps the workload order, from the same item at every step', async () => {
    const options = resolveLoadTest({
      baseUrl: server.baseUrl,
      model: 'assay-spam-nb',
      concurrency: 2,
      requests: 6,
      warmupMs: 100,
    });
    const { records } = await runLoadTest(options, { workload });
    const items = [...records]
      .filter((r) => !r.warmup)
      .sort((a, b) => a.index - b.index)
      .map((r) => r.item);
    expect(items).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
