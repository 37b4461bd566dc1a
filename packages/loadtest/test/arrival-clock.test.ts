import { describe, expect, test } from 'vitest';
import { ArrivalClock, EARLY_MS } from '../src/generator/arrival-clock.js';

describe('arrival clock', () => {
  test('wakes the caller just before each arrival, and until() waits out the rest', async () => {
    const offsets = [0, 3, 6, 9, 12];
    const clock = await ArrivalClock.start(offsets);
    const start = performance.now() + 5;
    clock.go(start);
    try {
      for (let i = 0; i < offsets.length; i++) {
        const dueAt = start + offsets[i]!;
        // woken by the clock thread (at most EARLY_MS early) or by the backstop timer (any time)
        while (clock.due <= i) await clock.reached(i, dueAt - EARLY_MS);
        expect(performance.now()).toBeGreaterThanOrEqual(dueAt - EARLY_MS);
        clock.until(dueAt);
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
