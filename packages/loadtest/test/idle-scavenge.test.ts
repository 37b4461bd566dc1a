import { getHeapSpaceStatistics } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { IdleScavenger } from '../src/generator/idle-scavenge.js';

function youngBytes(): number {
  return getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_used_size ?? 0;
}

/** Short-lived objects until at least 1.5 MB of the young generation is in use. */
function churn(): number {
  let sum = 0;
  while (youngBytes() < 1.5 * 2 ** 20) {
    for (let i = 0; i < 1000; i++) sum += [i, i + 1, { i }].length;
  }
  return sum;
}

describe('IdleScavenger', () => {
  test('collects the young generation in a long enough gap once over 1 MB of it is in use', () => {
    const idle = new IdleScavenger();
    churn();
    idle.gap(10);
    expect(idle.runs).toBe(1);
  });

  test('leaves a gap shorter than 1.5 ms alone', () => {
    const idle = new IdleScavenger();
    churn();
    idle.gap(1);
    idle.gap(-3); // already late
    expect(idle.runs).toBe(0);
  });

  test('does not run again right after a collection emptied the young generation', () => {
    const idle = new IdleScavenger();
    churn();
    idle.gap(10);
    expect(youngBytes()).toBeLessThan(2 ** 20);
    idle.gap(10);
    expect(idle.runs).toBe(1);
  });

  test('leaves no gc function to other code', () => {
    new IdleScavenger().gap(10);
    expect(runInNewContext('typeof gc')).toBe('undefined');
  });
});
