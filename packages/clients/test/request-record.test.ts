import { describe, expect, test } from 'vitest';
import { RecordBuilder } from '../src/records/request-record.js';

describe('RecordBuilder', () => {
  test('derives TTFT, TPOT, gaps and latencies from the timestamps', () => {
    const b = new RecordBuilder('openai-chat', 'm', true, 100);
    b.beginAttempt();
    b.sentAt = 110;
    b.headersAt = 150;
    b.reasoningChunk(160);
    b.contentChunk(200);
    b.contentChunk(210);
    b.contentChunk(240);
    b.endAttempt(undefined, 250);
    const r = b.finish({
      endAt: 250,
      usage: { inputTokens: 5, outputTokens: 3, source: 'server' },
    });
    expect(r.ttftMs).toBe(50); // reasoning counts as the first token
    expect(r.ttfcMs).toBe(90);
    expect(r.tpotMs).toBe(20); // (240 - 200) / (3 - 1)
    expect(r.interChunkGapsMs).toEqual([10, 30]);
    expect(r.e2eLatencyMs).toBe(140);
    expect(r.totalMs).toBe(150);
    expect(r.lastTokenAt).toBe(240);
    expect(r.retries).toBe(0);
    expect(r.usageSource).toBe('server');
  });

  test('one content chunk has no TPOT; a retry clears the failed attempt timings', () => {
    const b = new RecordBuilder('anthropic', 'm', true, 0);
    b.beginAttempt();
    b.contentChunk(5);
    b.endAttempt('in_stream_error', 6);
    b.setRetryDelay(10);
    b.beginAttempt();
    b.contentChunk(30);
    b.endAttempt(undefined, 31);
    const r = b.finish({ endAt: 31 });
    expect(r.tpotMs).toBeUndefined();
    expect(r.contentChunkTimes).toEqual([30]);
    expect(r.retries).toBe(1);
    expect(r.attempts[0]!.errorClass).toBe('in_stream_error');
    expect(r.attempts[0]!.retryDelayMs).toBe(10);
    expect(r.attempts[1]!.retryDelayMs).toBeUndefined();
  });

  test('a non-streamed record has no token times', () => {
    const b = new RecordBuilder('openai-chat', 'm', false, 0);
    b.beginAttempt();
    b.endAttempt(undefined);
    const r = b.finish({});
    expect(r.ttftMs).toBeUndefined();
    expect(r.tpotMs).toBeUndefined();
    expect(r.interChunkGapsMs).toEqual([]);
  });
});
