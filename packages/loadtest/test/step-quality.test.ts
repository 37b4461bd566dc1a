import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { type LoadRecord, readRecords, stepQuality, writeRecords } from '../src/index.js';

function record(index: number, scores: Record<string, number> | null): LoadRecord {
  return {
    step: 0,
    index,
    warmup: false,
    scheduledMs: index,
    sentMs: index,
    firstTokenMs: index + 1,
    firstContentMs: index + 1,
    lastTokenMs: index + 2,
    endMs: index + 2,
    inputTokens: 3,
    outputTokens: 2,
    tokenSource: 'server',
    status: 200,
    errorClass: null,
    itlMs: [1],
    correct: null,
    scores,
  };
}

describe('quality of a step under --score', () => {
  test('a 0/1 metric gets the Wilson interval (statsmodels proportion_confint, wilson)', () => {
    const q = stepQuality([1, 1, 0, 1].map((v, i) => record(i, { accuracy: v })));
    expect(q).toHaveLength(1);
    expect(q[0]!.metric).toBe('accuracy');
    expect(q[0]!.value).toBe(0.75);
    expect(q[0]!.scored).toBe(4);
    expect(q[0]!.interval[0]).toBeCloseTo(0.30064184258240184, 12);
    expect(q[0]!.interval[1]).toBeCloseTo(0.9544127391902995, 12);
    const none = stepQuality([0, 0, 0, 0, 0].map((v, i) => record(i, { exact_match: v })));
    expect(none[0]!.interval).toEqual([0, 0.43448246478317487].map((x) => expect.closeTo(x, 12)));
    expect(none[0]!.interval[0]).toBe(0);
  });

  test('a graded metric gets the normal interval of its mean (numpy std ddof=1)', () => {
    const q = stepQuality([
      record(0, { token_f1: 0.2 }),
      record(1, { token_f1: 0.4 }),
      record(2, null),
      record(3, { token_f1: 0.9 }),
    ]);
    expect(q[0]!.value).toBeCloseTo(0.5, 12);
    expect(q[0]!.scored).toBe(3);
    expect(q[0]!.interval[0]).toBeCloseTo(0.09200096132048036, 12);
    expect(q[0]!.interval[1]).toBeCloseTo(0.9079990386795196, 12);
  });

  test('a normal interval is cut to the metric range: not below 0, not above 1 for token_f1', () => {
    const low = [0.9, 0.1, 0.1, ...Array.from({ length: 12 }, () => 0)];
    const q = stepQuality(low.map((v, i) => record(i, { token_f1: v })));
    expect(q[0]!.interval[0]).toBe(0);
    // numpy: mean + 1.959964 * std(ddof=1) / sqrt(15); the lower end, -0.0437, is cut to 0
    expect(q[0]!.interval[1]).toBeCloseTo(0.19041151524963246, 12);
    const high = stepQuality([1, 1, 1, 0.2].map((v, i) => record(i, { token_f1: v, ter: v })));
    expect(high[0]!.interval[1]).toBe(1);
    // TER has no largest value: only the lower cut applies
    expect(high[1]!.interval[1]).toBeGreaterThan(1);
  });

  test('several metrics keep their first-seen order; no scores gives no entry', () => {
    const q = stepQuality([
      record(0, { exact_match: 1, token_f1: 1 }),
      record(1, { exact_match: 0, token_f1: 0.5 }),
    ]);
    expect(q.map((x) => x.metric)).toEqual(['exact_match', 'token_f1']);
    expect(stepQuality([record(0, null)])).toEqual([]);
  });

  test.each(['jsonl', 'arrow'])('scores survive a .%s round trip', async (ext) => {
    const dir = mkdtempSync(join(tmpdir(), 'loadtest-quality-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const records = [record(0, { token_f1: 0.25, bleu: 12.5 }), record(1, null)];
    const path = join(dir, `q.${ext}`);
    await writeRecords(path, records);
    const back = await readRecords(path);
    expect(back.map((r) => r.scores)).toEqual([{ token_f1: 0.25, bleu: 12.5 }, null]);
    expect(stepQuality(back)).toEqual(stepQuality(records));
  });
});
