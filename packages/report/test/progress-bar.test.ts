import { describe, expect, test } from 'vitest';
import { createProgressBar, type PhaseProgress } from '../src/index.js';

const EVENTS: PhaseProgress[] = [
  { phase: 'confusion', done: 0, total: 1 },
  { phase: 'confusion', done: 1, total: 1 },
  { phase: 'bootstrap', done: 1, total: 4 },
  { phase: 'bootstrap', done: 4, total: 4 },
];

describe('progress display', () => {
  test('draws on a TTY and is silent when quiet or not a TTY', () => {
    const written: string[][] = [[], [], []];
    const streams = [
      { isTTY: true, columns: 100, write: (t: string) => written[0]!.push(t) },
      { isTTY: true, write: (t: string) => written[1]!.push(t) },
      { isTTY: false, write: (t: string) => written[2]!.push(t) },
    ];
    const bars = [
      createProgressBar(streams[0]!, { intervalMs: 0 }),
      createProgressBar(streams[1]!, { quiet: true }),
      createProgressBar(streams[2]!),
    ];
    for (const bar of bars) {
      for (const event of EVENTS) bar.update(event);
      bar.done();
    }
    expect(written[0]!.join('')).toContain('confusion');
    expect(written[0]!.join('')).toContain('1/1 (100%)');
    expect(written[0]!.join('')).toContain('4/4 (100%)');
    expect(written[1]).toEqual([]);
    expect(written[2]).toEqual([]);
  });
});
