import { describe, expect, test } from 'vitest';
import { ArrivalClock } from '../src/generator/arrival-clock.js';

describe('arrival clock', () => {
  test('wakes the caller at each arrival and never before its time', async () => {
    const offsets = [0, 3, 6, 9, 12];
    const clock = await ArrivalClock.start(offsets);
    const start = performance.now() + 5;
    clock.go(start);
    try {
      for (let i = 0; i < offsets.length; i++) {
        const dueAt = start + offsets[i]!;
        await clock.reached(i, dueAt);
        // the clock thread or the backstop timer woke us: either way only once the arrival is due
        while (clock.due <= i && performance.now() < dueAt) await clock.reached(i, dueAt);
        expect(performance.now()).toBeGreaterThanOrEqual(dueAt);
      }
    } finally {
      await clock.stop();
    }
  });

  test('counts the wake-ups that came late, and a due arrival needs no wait', async () => {
    const offsets = [0, 1, 2, 3];
    const clock = await ArrivalClock.start(offsets);
    // a schedule that started 50 ms ago: every arrival is overdue when the thread wakes
    const start = performance.now() - 50;
    clock.go(start);
    try {
      while (clock.due < offsets.length) await clock.reached(clock.due, start);
      expect(clock.lateWakeups).toBe(offsets.length);
      expect(clock.reached(offsets.length - 1, start)).toBeUndefined();
    } finally {
      await clock.stop();
    }
  });
});
