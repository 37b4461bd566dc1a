import { describe, expect, it } from 'vitest';
import { resolveScorers } from '../src/config/generation-scorers.js';
import { pairedGenerationDifferences } from '../src/generation/compare-generations.js';
import { generationRow } from './support/generation-row.js';

const settings = { scorers: resolveScorers(['exact_match']), reducer: 'mean', samples: 1 };

/** 400 items; `right(i)` answers item i with the reference. */
const rows = (right: (i: number) => boolean) =>
  Array.from({ length: 400 }, (_, i) => generationRow(`item-${i}`, 0, right(i) ? 'ref' : 'other'));

describe('a paired generation comparison with interval bca', () => {
  it.each([0, 1, 2])(
    'counts replicates equal to the difference but for rounding as ties (seed %i)',
    async (seed) => {
      // A right on 384 items, B on 387: only B right on items 1-4, only A on item 0. Bit for
      // bit, 0.9675 − 0.96 and 0.97 − 0.9625 differ, half of the 18% of replicates that tie
      // with the observed difference fell below it and BCa's lower end was 0; the exact
      // multinomial distribution of the difference through scipy's BCa formulas gives
      // [−0.0025, 0.02], and 95% of the replicates lie above −0.0025, not above 0.
      const a = rows((i) => i === 0 || i >= 17);
      const b = rows((i) => (i >= 1 && i <= 4) || i >= 17);
      const paired = await pairedGenerationDifferences(a, b, settings, {
        bootstrap: 20_000,
        ci: 0.95,
        seed,
        interval: 'bca',
      });
      const d = paired.metrics.exact_match!;
      expect(d.interval).toBe('bca');
      expect(d.difference).toBeCloseTo(0.0075, 15);
      // the lower end lies 3 Monte Carlo standard errors inside its step at 20,000
      // resamples (the upper end only 1: not asserted)
      expect(d.ciLow).toBeCloseTo(-0.0025, 15);
    },
  );
});
