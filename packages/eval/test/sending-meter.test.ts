import { describe, expect, it } from 'vitest';
import type { SendingTime } from '../src/run/journal-sending.js';
import type { Outcome } from '../src/run/outcome.js';
import { SendingMeter } from '../src/run/sending-meter.js';

type Row = Omit<SendingTime, 'runs'>;
const answer = (outputTokens: number, cached = false) =>
  ({ status: 'ok', cached, outputTokens }) as Outcome;
const failure = { status: 'error', cached: false, outputTokens: null } as unknown as Outcome;

function sum(rows: Row[]): Row {
  return rows.reduce(
    (a, r) => ({
      sendingMs: a.sendingMs + r.sendingMs,
      answered: a.answered + r.answered,
      outputTokens: a.outputTokens + r.outputTokens,
    }),
    { sendingMs: 0, answered: 0, outputTokens: 0 },
  );
}

describe('the sending meter', () => {
  it('records answers from the service only, with the whole time from the start', () => {
    const rows: Row[] = [];
    const meter = new SendingMeter((s) => rows.push(s), 100, 0);
    meter.observe(failure);
    meter.observe(answer(5, true));
    meter.observe(answer(3));
    meter.observe(answer(4));
    meter.finish(350);
    expect(rows).toEqual([{ sendingMs: 250, answered: 2, outputTokens: 7 }]);
  });

  it('records nothing for a sending without an answer', () => {
    const rows: Row[] = [];
    const meter = new SendingMeter((s) => rows.push(s), 0, 0);
    meter.observe(failure);
    meter.finish(1000);
    expect(rows).toEqual([]);
  });

  it('checkpoints while sending, and the checkpoints add up to the whole sending', async () => {
    const rows: Row[] = [];
    const started = performance.now();
    const meter = new SendingMeter((s) => rows.push(s), started, 20);
    meter.observe(answer(2));
    await new Promise((r) => setTimeout(r, 70));
    // a run killed now keeps these in its journal
    const checkpointed = rows.length;
    expect(checkpointed).toBeGreaterThan(0);
    expect(sum(rows).answered).toBe(1);
    meter.observe(answer(3));
    const ended = performance.now();
    meter.finish(ended);
    expect(sum(rows)).toEqual({
      sendingMs: expect.closeTo(ended - started, 6),
      answered: 2,
      outputTokens: 5,
    });
    // finished: no checkpoint comes after
    const after = rows.length;
    await new Promise((r) => setTimeout(r, 50));
    expect(rows.length).toBe(after);
  });

  it('stops checkpointing, without throwing from its timer, when the journal cannot be written', async () => {
    let calls = 0;
    const meter = new SendingMeter(
      () => {
        calls++;
        throw new Error('journal is read-only');
      },
      performance.now(),
      10,
    );
    meter.observe(answer(1));
    await new Promise((r) => setTimeout(r, 60));
    expect(calls).toBe(1);
    expect(() => meter.finish(performance.now())).toThrow('journal is read-only');
  });
});
