import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ArrivalPump } from '../src/generator/arrival-pump.js';

describe('ArrivalPump', () => {
  test('sends every arrival due at the given time, in order, with its scheduled time', () => {
    const sent: [number, number][] = [];
    const pump = new ArrivalPump([0, 1, 1, 5], 100, (i, at) => sent.push([i, at]));
    expect(pump.sendDue(99.9)).toBe(0);
    expect(pump.sendDue(101)).toBe(3);
    expect(sent).toEqual([
      [0, 100],
      [1, 101],
      [2, 101],
    ]);
    expect(pump.next).toBe(3);
    expect(pump.nextDueAt).toBe(105);
    expect(pump.sendDue(104.99)).toBe(0);
    expect(pump.sendDue(105)).toBe(1);
    expect(pump.nextDueAt).toBe(Number.POSITIVE_INFINITY);
    expect(pump.sendDue(1e9)).toBe(0);
  });

  test('a call made from inside a send returns at once and the outer call sends what is due', () => {
    const order: string[] = [];
    const pump: ArrivalPump = new ArrivalPump([0, 0, 0], 0, (i) => {
      order.push(`send ${i}`);
      // an answer that completes synchronously inside the send calls back in
      order.push(`inner sent ${pump.sendDue(10)}`);
    });
    expect(pump.sendDue(10)).toBe(3);
    expect(order).toEqual([
      'send 0',
      'inner sent 0',
      'send 1',
      'inner sent 0',
      'send 2',
      'inner sent 0',
    ]);
  });

  test('close ends the schedule: nothing more is sent', () => {
    const sent: number[] = [];
    const pump = new ArrivalPump([0, 1, 2], 0, (i) => sent.push(i));
    pump.sendDue(0);
    pump.close();
    expect(pump.sendDue(10)).toBe(0);
    expect(sent).toEqual([0]);
    expect(pump.next).toBe(3);
  });

  test('sends each arrival once, in order, at the first call at or after its time, never before', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 50, noNaN: true }), { maxLength: 40 }),
        fc.array(fc.double({ min: 0, max: 60, noNaN: true }), { maxLength: 40 }),
        (gaps, calls) => {
          const offsets: number[] = [];
          let t = 0;
          for (const g of gaps) offsets.push((t += g));
          const times = [...calls].sort((a, b) => a - b);
          const start = 3;
          const sentAtCall: number[] = [];
          let call = -1;
          const pump = new ArrivalPump(offsets, start, (i, at) => {
            expect(i).toBe(sentAtCall.length);
            expect(at).toBe(start + offsets[i]!);
            sentAtCall.push(call);
          });
          times.forEach((now, c) => {
            call = c;
            pump.sendDue(now);
          });
          offsets.forEach((offset, i) => {
            const first = times.findIndex((now) => now >= start + offset);
            expect(sentAtCall[i] ?? -1).toBe(first);
          });
        },
      ),
    );
  });
});
