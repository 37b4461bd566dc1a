import { describe, expect, test } from 'vitest';
import { createProgressBar, type PhaseProgress } from '../src/index.js';

const EVENTS: PhaseProgress[] = [
  { phase: 'confusion', done: 0, total: 1 },
  { phase: 'confusion', done: 1, total: 1 },
  { phase: 'bootstrap', done: 1, total: 4 },
  { phase: 'bootstrap', done: 4, total: 4 },
];

describe('progress display', () => {
  test('draws on a TTY; silent when quiet, and for a short job on a stream that is not a TTY', () => {
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

  test('prints a plain line every few seconds of a long job when the stream is not a TTY', () => {
    const written: string[] = [];
    let clock = 1_000;
    const bar = createProgressBar(
      { isTTY: false, write: (t: string) => written.push(t) },
      { now: () => clock, lineIntervalMs: 5000 },
    );
    bar.update({ phase: 'confusion', done: 1, total: 8 });
    clock += 4_999;
    bar.update({ phase: 'confusion', done: 4, total: 8 });
    expect(written).toEqual([]);
    clock += 1;
    bar.update({ phase: 'confusion', done: 6, total: 8 });
    clock += 6_000;
    bar.update({ phase: 'bootstrap', done: 10, total: 40 });
    bar.done();
    expect(written).toEqual([
      'assay score: confusion 6/8 tasks (75%), 5s\n',
      'assay score: bootstrap 10/40 tasks (25%), 11s\n',
    ]);
  });
});
