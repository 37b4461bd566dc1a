import { createRunner } from '@assay/runner';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveScorers } from '../src/config/generation-scorers.js';
import { scoreGenerationModel } from '../src/generation/score-generation-model.js';
import { generationRow } from './support/generation-row.js';

const row = generationRow;

const runner = createRunner({ workers: 0 });
afterAll(() => runner.close());
const options = { folds: 1, bootstrap: 200, ci: 0.95, seed: 0 };
const items = (n: number, answer: string) =>
  Array.from({ length: n }, (_, i) => row(`item-${i}`, 0, answer));

describe('0/1 generation scorers at 0 or 1', () => {
  it('take the Wilson interval of their count where every answer is right (statsmodels)', async () => {
    const settings = {
      scorers: resolveScorers(['exact_match', 'token_f1', 'includes']),
      reducer: 'mean',
      samples: 1,
    };
    const scores = await scoreGenerationModel(runner, items(12, 'ref'), settings, options);
    // statsmodels proportion_confint(12, 12, alpha=0.05, method='wilson')
    for (const name of ['exact_match', 'includes']) {
      const s = scores.metrics[name]!;
      expect(s.value).toBe(1);
      expect(s.ciMethod).toBe('wilson');
      expect(s.ciLow).toBeCloseTo(0.7575059933447589, 12);
      expect(s.ciHigh).toBeCloseTo(1, 12);
    }
    // token_f1 is a score, not a share of a count: its interval stays the bootstrap's
    expect(scores.metrics.token_f1!.ciMethod).toBeUndefined();
    expect(scores.metrics.token_f1!.ciLow).toBe(1);
  });

  it('take it at 0 too, at the run confidence level', async () => {
    const settings = { scorers: resolveScorers(['exact_match']), reducer: 'mean', samples: 1 };
    const scores = await scoreGenerationModel(runner, items(7, 'other'), settings, {
      ...options,
      ci: 0.9,
    });
    // statsmodels proportion_confint(0, 7, alpha=0.1, method='wilson')
    expect(scores.metrics.exact_match!.ciLow).toBeCloseTo(0, 12);
    expect(scores.metrics.exact_match!.ciHigh).toBeCloseTo(0.27876269545254223, 12);
  });

  it('count items, not answers, where items repeat (several samples of an item)', async () => {
    const rows = items(6, 'ref').flatMap((r) => [r, { ...r, sample: 1 }]);
    const settings = { scorers: resolveScorers(['exact_match']), reducer: 'mean', samples: 2 };
    const scores = await scoreGenerationModel(runner, rows, settings, options);
    // 12 answers right of 6 items: the Wilson interval of 6 of 6 (statsmodels), not 12 of 12
    expect(scores.metrics.exact_match!.ciMethod).toBe('wilson');
    expect(scores.metrics.exact_match!.ciLow).toBeCloseTo(0.6096657120978346, 12);
  });

  it('keep the bootstrap interval when it has width', async () => {
    const rows = [...items(5, 'ref'), row('wrong', 0, 'other')];
    const settings = { scorers: resolveScorers(['exact_match']), reducer: 'mean', samples: 1 };
    const scores = await scoreGenerationModel(runner, rows, settings, options);
    expect(scores.metrics.exact_match!.ciMethod).toBeUndefined();
    expect(scores.metrics.exact_match!.ciLow).toBeLessThan(scores.metrics.exact_match!.ciHigh!);
  });
});
