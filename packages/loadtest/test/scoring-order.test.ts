import { type ModelServer, startModelServer, trainSpamModel } from '@assay/model-server';
import fc from 'fast-check';
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

/**
 * The prefixes of `scoringOrder(labels, seed)` where a group (a label, or the unlabelled items)
 * strays from its share by more than `1 + (K - 2) · n_g / n` items, K the number of groups: none
 * when the bound holds. Also checks that the order is a permutation.
 */
function prefixStrays(labels: readonly (string | undefined)[], seed: number): string[] {
  const order = scoringOrder(labels, seed);
  const n = labels.length;
  expect([...order].sort((a, b) => a - b)).toEqual(labels.map((_, i) => i));
  const sizes = new Map<string | undefined, number>();
  for (const l of labels) sizes.set(l, (sizes.get(l) ?? 0) + 1);
  const held = new Map<string | undefined, number>();
  const strays: string[] = [];
  order.forEach((item, k) => {
    held.set(labels[item], (held.get(labels[item]) ?? 0) + 1);
    for (const [label, size] of sizes) {
      const off = Math.abs((held.get(label) ?? 0) - ((k + 1) * size) / n);
      if (off > 1 + ((sizes.size - 2) * size) / n + 1e-9)
        strays.push(`${String(label)} at ${k + 1}: ${off}`);
    }
  });
  return strays;
}

/** A judge that reads the server's label off the answer, as `--score`'s classification does. */
const judge: AnswerJudge = (item, text) => {
  const correct = text.trim().toLowerCase().startsWith(workload.labels[item]!);
  return { correct, scores: { accuracy: correct ? 1 : 0 } };
};

describe('the order in which --score asks its items', () => {
  test('with two labels, every prefix holds each in its share of the data set, within one item', () => {
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

  test('with K groups, every prefix holds each within 1 + (K - 2) x its share of an item', () => {
    // labels 'l1', 'l2', …; group 0 is the unlabelled items, when it has any
    const groupSizes = fc.record({
      labelled: fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 6 }),
      unlabelled: fc.integer({ min: 0, max: 30 }),
    });
    fc.assert(
      fc.property(groupSizes, fc.integer({ min: 0, max: 2 ** 31 }), (g, seed) => {
        const labels = [
          ...Array.from({ length: g.unlabelled }, () => undefined),
          ...g.labelled.flatMap((size, i) => Array.from({ length: size }, () => `l${i + 1}`)),
        ];
        expect(prefixStrays(labels, seed)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  test('three labels and unlabelled items stray more than one item, within the bound', () => {
    const labels = [
      ...Array.from({ length: 7 }, () => undefined),
      ...Array.from({ length: 3 }, () => 'a'),
      ...Array.from({ length: 20 }, () => 'b'),
      ...Array.from({ length: 2 }, () => 'c'),
    ];
    for (const seed of [1, 2, 3]) expect(prefixStrays(labels, seed)).toEqual([]);
    // sizes 1, 1, 5: this seed opens with both lone items, none of the 5-item label's 1.43
    const order = scoringOrder(['x', 'y', 'z', 'z', 'z', 'z', 'z'], 154);
    expect(order.slice(0, 2).sort()).toEqual([0, 1]);
    expect(prefixStrays(['x', 'y', 'z', 'z', 'z', 'z', 'z'], 154)).toEqual([]);
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
