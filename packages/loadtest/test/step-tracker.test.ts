import { describe, expect, test } from 'vitest';
import { droppedRecord, type LoadRecord, StepTracker } from '../src/index.js';

const ctx = { origin: 0, step: 0 };

function ended(index: number, errorClass: string | null): LoadRecord {
  return {
    ...droppedRecord(ctx, index, false, 10),
    sentMs: 10,
    endMs: 20,
    errorClass,
  };
}

describe('StepTracker progress', () => {
  test('dropped requests are counted as dropped, never as failed', () => {
    const tracker = new StepTracker(0, performance.now(), undefined);
    tracker.started();
    tracker.finished(ended(0, null));
    tracker.started();
    tracker.finished(ended(1, 'timeout'));
    for (let i = 2; i < 7; i++) tracker.finished(droppedRecord(ctx, i, false, 10));
    const p = tracker.progress();
    expect(p).toMatchObject({ sent: 2, inFlight: 0, completed: 1, failed: 1, dropped: 5 });
  });
});
