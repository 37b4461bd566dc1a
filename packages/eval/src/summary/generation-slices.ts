import type { ModelResult } from '@assay/report';
import type { ResolvedScorer } from '../config/generation-scorers.js';
import type { GenerationSection } from '../generation/generation-section.js';

type Slice = ModelResult['slices'][number];

/**
 * A generation model's `slices`: free text has no right or wrong answer, so each group carries
 * its scorers' values (`metrics`) and the ranking scorer's (`metric`, `value`), with
 * `accuracy` null; worst first on the task's first scorer (lowest first, highest first for
 * the lower-better `ter`), groups without a value last, then larger groups first.
 *
 * @param slices - the groups from `modelSlices` (n and failed requests per group)
 * @param section - the model's generation section, with each group's scorer values
 * @param scorers - the task's scorers, in config order
 * @returns the slices, ranked
 * @example
 * const settings = { scorers: resolveScorers(['token_f1']), reducer: 'mean', samples: 1 };
 * const runner = createRunner();
 * const scores = await scoreGenerationModel(runner, generation.rows, settings, { folds: 1, bootstrap: 200, ci: 0.95, seed: 0 });
 * await runner.close();
 * const section = generationSection(scores, settings, 3);
 * generationSlices(modelSlices(generation.rows, false), section, settings.scorers)[0]?.metric; // 'token_f1'
 */
export function generationSlices(
  slices: ModelResult['slices'],
  section: GenerationSection,
  scorers: readonly ResolvedScorer[],
): ModelResult['slices'] {
  const byGroup = new Map(section.slices.map((s) => [s.group, s.metrics]));
  const ranked = scorers.find((s) => section.slices.some((g) => s.name in g.metrics));
  if (ranked === undefined) return slices.map((s) => ({ ...s, accuracy: null }));
  const sign = ranked.metric === 'ter' ? -1 : 1;
  const out: Slice[] = slices.map((s) => {
    const metrics = byGroup.get(s.group) ?? {};
    return {
      ...s,
      accuracy: null,
      metric: ranked.name,
      value: metrics[ranked.name] ?? null,
      metrics,
    };
  });
  return out.sort((a, b) => {
    const missing = (a.value == null ? 1 : 0) - (b.value == null ? 1 : 0);
    if (missing !== 0 || a.value == null || b.value == null) return missing || b.n - a.n;
    return sign * (a.value - b.value) || b.n - a.n;
  });
}
