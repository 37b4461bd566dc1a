import { describe, expect, it } from 'vitest';
import { type RougeType, rouge } from '../src/index.js';
import { expectClose, loadFixture } from './support/load-fixture.js';

interface RougeCase {
  readonly name: string;
  readonly prediction: string;
  readonly references: string[];
  readonly types: RougeType[];
  readonly use_stemmer: boolean;
  readonly expected: Record<string, { precision: number; recall: number; fmeasure: number }>;
}

const { cases } = loadFixture<{ cases: RougeCase[] }>('rouge.json');

describe('rouge equals rouge-score (test/fixtures/rouge.json)', () => {
  it('holds hand-written and corpus-drawn cases, stemmed and not', () => {
    expect(cases.length).toBeGreaterThan(500);
  });

  for (const [index, c] of cases.entries()) {
    it(`#${index} ${c.name}${c.use_stemmer ? ' (porter)' : ''}`, () => {
      const actual = rouge(c.prediction, c.references, {
        types: c.types,
        stemmer: c.use_stemmer ? 'porter' : 'none',
      });
      expect(Object.keys(actual).sort()).toEqual([...c.types].sort());
      for (const type of c.types) {
        const want = c.expected[type]!;
        const got = actual[type];
        expectClose(got.precision, want.precision, `${type} precision`);
        expectClose(got.recall, want.recall, `${type} recall`);
        expectClose(got.fmeasure, want.fmeasure, `${type} fmeasure`);
      }
    });
  }
});
