import { createRunner } from '@assay/runner';
import { describe, expect, it } from 'vitest';
import { resolveScorers } from '../src/config/generation-scorers.js';
import { generationSection } from '../src/generation/generation-section.js';
import { scoreGenerationModel } from '../src/generation/score-generation-model.js';
import type { PredictionRow } from '../src/run/prediction-row.js';
import { generationSlices } from '../src/summary/generation-slices.js';
import { modelSlices } from '../src/summary/model-slices.js';
import { generationRow } from './support/generation-row.js';

const options = { folds: 1, bootstrap: 50, ci: 0.95, seed: 0 };

/** A row of group `group` answering `parsed` against `reference`. */
function row(id: string, group: string, parsed: string, reference: string): PredictionRow {
  return { ...generationRow(id, 0, parsed), group, expected: reference, references: [reference] };
}

/** Group g0 half right, g1 all wrong, g2 all right (token F1 and ter say the same). */
const rows = [
  row('a', 'g0', 'the cat sat on the mat', 'the cat sat on the mat'),
  row('b', 'g0', 'a dog', 'the cat sat on the mat'),
  row('c', 'g1', 'a dog barks', 'the cat sat on the mat'),
  row('d', 'g1', 'rain today', 'the cat sat on the mat'),
  row('e', 'g2', 'the cat sat on the mat', 'the cat sat on the mat'),
  row('f', 'g2', 'the cat sat on the mat', 'the cat sat on the mat'),
];

async function slicesFor(scorerNames: Parameters<typeof resolveScorers>[0], data = rows) {
  const runner = createRunner({ workers: 0 });
  try {
    const settings = { scorers: resolveScorers(scorerNames), reducer: 'mean', samples: 1 };
    const scores = await scoreGenerationModel(runner, data, settings, options);
    const section = generationSection(scores, settings, 5);
    return generationSlices(modelSlices(data), section, settings.scorers);
  } finally {
    await runner.close();
  }
}

describe('the group slices of a generation run', () => {
  it('rank the groups worst first on the first scorer and carry its value, not an accuracy', async () => {
    const slices = await slicesFor(['token_f1', 'bleu']);
    expect(slices.map((s) => s.group)).toEqual(['g1', 'g0', 'g2']);
    expect(slices.map((s) => s.metric)).toEqual(['token_f1', 'token_f1', 'token_f1']);
    expect(slices[0]!.value).toBe(0);
    expect(slices[2]!.value).toBe(1);
    expect(slices[1]!.metrics?.token_f1).toBe(slices[1]!.value);
    expect(slices[1]!.metrics?.bleu).toBeGreaterThan(0);
    expect(slices.every((s) => s.accuracy === null)).toBe(true);
  });

  it('rank the lower-better ter the other way: the highest edit rate is the worst group', async () => {
    const slices = await slicesFor(['ter', 'token_f1']);
    expect(slices[0]!.group).toBe('g1');
    expect(slices[0]!.value!).toBeGreaterThan(slices[1]!.value!);
    expect(slices[2]).toMatchObject({ group: 'g2', metric: 'ter', value: 0 });
  });
});

describe('the short-output BLEU warning of assay run', () => {
  async function warningsFor(answers: string[]): Promise<string[]> {
    const data = answers.map((a, i) => row(`i${i}`, 'g', a, 'the cat sat on the mat'));
    const runner = createRunner({ workers: 0 });
    try {
      const settings = { scorers: resolveScorers(['bleu', 'chrf']), reducer: 'mean', samples: 1 };
      const scores = await scoreGenerationModel(runner, data, settings, options);
      return scores.warnings.map((w) => `ex: ${w}`);
    } finally {
      await runner.close();
    }
  }

  it('says BLEU is 0 because two-word answers hold no 3- or 4-grams, as assay score does', async () => {
    const warnings = await warningsFor(['the cat', 'cat sat', 'on the']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^ex: bleu is 0: the outputs hold no 3- or 4-grams \(every output is shorter than 3 tokens/,
    );
  });

  it('says nothing when some answer is four tokens or longer', async () => {
    expect(await warningsFor(['the cat', 'the cat sat on the mat'])).toEqual([]);
  });
});
