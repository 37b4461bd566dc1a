import { describe, expect, it } from 'vitest';
import { resolveScorers } from '../src/config/generation-scorers.js';
import {
  compareGenerations,
  pairedGenerationDifferences,
} from '../src/generation/compare-generations.js';
import { generationRow } from './support/generation-row.js';

const options = { bootstrap: 200, ci: 0.95, seed: 0, interval: 'bca' } as const;

/** Items 0..n-1 answered with the reference or not, each `samples` times. */
const rows = (n: number, samples: number, right: (i: number) => boolean) =>
  Array.from({ length: n }, (_, i) =>
    Array.from({ length: samples }, (_, s) =>
      generationRow(`item-${i}`, s, right(i) ? 'ref' : 'x'),
    ),
  ).flat();

describe('the items a paired generation comparison finds answered alike', () => {
  it('counts the items whose scores differ, and every item both sides score', async () => {
    const settings = { scorers: resolveScorers(['exact_match']), reducer: 'mean', samples: 1 };
    const a = rows(30, 1, (i) => i % 2 === 0);
    const same = await pairedGenerationDifferences(a, a, settings, options);
    expect(same.metrics.exact_match).toMatchObject({ differingItems: 0, scoredItems: 30 });
    const b = rows(30, 1, (i) => i % 2 === 0 || i === 1);
    const one = await pairedGenerationDifferences(a, b, settings, options);
    expect(one.metrics.exact_match).toMatchObject({ differingItems: 1, scoredItems: 30 });
  });

  it('leaves out an item that neither side scores (pass@2 with one answer), not counting it as differing', async () => {
    const settings = { scorers: resolveScorers(['exact_match']), reducer: 'pass@2', samples: 2 };
    // item 0 has one answer on both sides: pass@2 has no value there on either
    const a = rows(10, 2, () => true).filter((r) => !(r.id === 'item-0' && r.sample === 1));
    const paired = await pairedGenerationDifferences(a, a, settings, options);
    expect(paired.metrics.exact_match).toMatchObject({ differingItems: 0, scoredItems: 9 });
  });
});

describe("a run's model comparison of generations answered alike", () => {
  it('exact_match gets the exact bound of 0 of 30 items differing; a 0/1 scorer by its task name', async () => {
    const settings = {
      scorers: resolveScorers(['exact_match', { name: 'same_text', metric: 'exact_match' }]),
      reducer: 'mean',
      samples: 1,
    };
    const a = rows(30, 1, (i) => i % 2 === 0);
    const compared = await compareGenerations(a, a, settings, options);
    // scipy: beta.ppf(0.975, 1, 30)
    for (const name of ['exact_match', 'same_text']) {
      expect(compared.metrics[name]).toMatchObject({ interval: 'clopper-pearson', itemsAlike: 30 });
      expect(compared.metrics[name]!.ciHigh).toBeCloseTo(0.11570330822202779, 14);
    }
  });
});
