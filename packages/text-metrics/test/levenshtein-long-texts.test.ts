import fc from 'fast-check';
import { distance } from 'fastest-levenshtein';
import { describe, expect, it } from 'vitest';
import { levenshteinDistance, levenshteinSimilarity } from '../src/index.js';

// Texts that share a prefix and a suffix around differing middles, with emoji (two UTF-16 units).
const piece = fc.constantFrom('a', 'b', 'c', ' ', '\u{1F600}', '\u{1F601}', 'é');
const text = (maxLength: number) => fc.array(piece, { maxLength }).map((pieces) => pieces.join(''));

describe('levenshtein on texts with a common prefix and suffix', () => {
  it('equals the distance of the untrimmed texts', () => {
    fc.assert(
      fc.property(text(20), text(20), text(20), text(20), (prefix, x, y, suffix) => {
        const a = prefix + x + suffix;
        const b = prefix + y + suffix;
        // One distinct non-surrogate unit per code point: fastest-levenshtein on the whole texts.
        const units = (s: string) =>
          Array.from(s, (c) => String.fromCharCode(0x100 + (c.codePointAt(0)! % 0x1000))).join('');
        expect(levenshteinDistance(a, b)).toBe(distance(units(a), units(b)));
      }),
      { numRuns: 500 },
    );
  });

  it('scores a 1.2 million-character text against itself 1 at once', () => {
    const words = ['alpha', 'beta', 'gamma', 'delta'];
    const long = Array.from({ length: 200_000 }, (_, i) => words[(i * 7919) % 4]).join(' ');
    const started = performance.now();
    expect(levenshteinSimilarity(long, `${long}`)).toBe(1);
    expect(levenshteinDistance(`${long}x`, `${long}yz`)).toBe(2);
    expect(levenshteinDistance(`x${long}`, `y${long}`)).toBe(1);
    expect(levenshteinDistance(`${long}\u{1F600}`, `${long}`)).toBe(1);
    // Myers over the whole texts takes minutes; trimming leaves almost nothing to compare.
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
