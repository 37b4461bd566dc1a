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

describe('a clock thread that ends before its schedule', () => {
  test('ends the wait at once with CLOCK_FAILED instead of leaving the loop waiting forever', async () => {
    // the thread dies after its first wake-up (as from an out-of-memory end), while the loop
    // waits for arrival 1, a minute away
    process.env.ASSAY_LOADTEST_FAULT = 'clock-exit';
    const clock = await ArrivalClock.start([0, 60_000]).finally(() => {
      delete process.env.ASSAY_LOADTEST_FAULT;
    });
    const start = performance.now();
    clock.go(start);
    while (clock.due < 1) await clock.reached(0, start);
    await clock.reached(1, start + 60_000);
    expect(performance.now() - start).toBeLessThan(30_000);
    expect(clock.failure).toMatchObject({ name: 'LoadTestError', code: 'CLOCK_FAILED' });
    expect(clock.failure?.message).toMatch(
      /clock thread ended before its schedule did \(it exited with code 70\)/,
    );
    // stopping afterwards is harmless
    await clock.stop();
  });

  test('a thread that ends before it listens fails the start with CLOCK_FAILED', async () => {
    process.env.ASSAY_LOADTEST_FAULT = 'clock-exit-before-start';
    const started = ArrivalClock.start([0, 10]).finally(() => {
      delete process.env.ASSAY_LOADTEST_FAULT;
    });
    await expect(started).rejects.toMatchObject({ name: 'LoadTestError', code: 'CLOCK_FAILED' });
    await expect(started).rejects.toThrow(
      /clock thread ended before the schedule started \(it exited with code 70\)/,
    );
  });

  test('a clock stopped by its owner is not a failure', async () => {
    const clock = await ArrivalClock.start([0]);
    clock.go(performance.now());
    await clock.stop();
    expect(clock.failure).toBeUndefined();
  });
});

test('a clock thread that ends after waking the loop for its last arrival is not a failure', async () => {
  const clock = await ArrivalClock.start([0, 1]);
  const start = performance.now();
  clock.go(start);
  while (clock.due < 2) await clock.reached(clock.due, start);
  // its schedule is done: the thread waits for stop() (it no longer exits by itself, which
  // made the main thread join it just as the last arrival was due)
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(clock.failure).toBeUndefined();
  await clock.stop();
});
