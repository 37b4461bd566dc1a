import { describe, expect, it } from 'vitest';
import { normalizeAnswer, squadExactMatch, squadF1, squadScores } from '../src/index.js';

describe('SQuAD metrics', () => {
  it('normalizes case, ASCII punctuation, articles and whitespace', () => {
    expect(normalizeAnswer('The  Eiffel\tTower.')).toBe('eiffel tower');
    expect(normalizeAnswer('An apple, a day')).toBe('apple day');
    expect(normalizeAnswer('theater')).toBe('theater');
    expect(normalizeAnswer('\u00e0 la carte')).toBe('\u00e0 la carte');
    expect(normalizeAnswer('x\u0085y\u001fz')).toBe('x y z');
  });

  it('counts shared tokens as a multiset and keeps the best reference', () => {
    expect(squadF1('the big cat sat', 'a cat sat down')).toBeCloseTo(2 / 3, 15);
    expect(squadF1('cat cat cat', 'cat')).toBeCloseTo(0.5, 15);
    expect(squadF1('cat', ['dog', 'cat'])).toBe(1);
    expect(squadScores('Denver Broncos', ['Denver Broncos', 'The Broncos'])).toEqual({
      exactMatch: 1,
      f1: 1,
    });
  });

  it('scores two empty answers EM 1 but F1 0 in v1.1, and both 1 in v2.0', () => {
    expect(squadExactMatch('', '')).toBe(1);
    expect(squadF1('', 'the')).toBe(0);
    expect(squadF1('', '')).toBe(0);
    expect(squadF1('', '', { version: '2.0' })).toBe(1);
    expect(squadF1('x', '', { version: '2.0' })).toBe(0);
  });

  it('treats v2.0 references that normalize to nothing, or none at all, as unanswerable', () => {
    expect(squadExactMatch('', [], { version: '2.0' })).toBe(1);
    expect(squadExactMatch('Paris', [], { version: '2.0' })).toBe(0);
    expect(squadExactMatch('', ['the', '!!'], { version: '2.0' })).toBe(1);
    expect(squadExactMatch('', ['the', 'Paris'], { version: '2.0' })).toBe(0);
  });

  it('rejects an unknown version and a missing reference in v1.1', () => {
    expect(() => squadF1('a', 'a', { version: '3' as '2.0' })).toThrow(
      /Option options.version must be one of '1.1', '2.0'/,
    );
    expect(() => squadExactMatch('a', [])).toThrow(/Argument references is an empty array/);
  });
});
