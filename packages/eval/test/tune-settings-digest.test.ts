import { describe, expect, it } from 'vitest';
import { settingsDigest } from '../src/tune/candidate-folders.js';

describe("a candidate's settings digest", () => {
  it('ignores the order of keys at any depth, as YAML does', () => {
    const a = { 'models.0.params': { temperature: 0, maxTokens: 4 }, 'prompt.maxFieldChars': 300 };
    const b = { 'prompt.maxFieldChars': 300, 'models.0.params': { maxTokens: 4, temperature: 0 } };
    expect(settingsDigest({ settings: a })).toBe(settingsDigest({ settings: b }));
  });

  it('tells other values apart, inside objects and lists too', () => {
    const base = settingsDigest({ settings: { p: { t: 0, m: [1, 2] } } });
    expect(settingsDigest({ settings: { p: { t: 1, m: [1, 2] } } })).not.toBe(base);
    expect(settingsDigest({ settings: { p: { t: 0, m: [2, 1] } } })).not.toBe(base);
    expect(settingsDigest({ settings: { q: { t: 0, m: [1, 2] } } })).not.toBe(base);
  });
});
