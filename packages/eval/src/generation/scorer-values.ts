import { generationRowValues } from '@assay/runner';
import type { ResolvedScorer } from '../config/generation-scorers.js';
import { assertionValues, type ScoredText } from './assertion-values.js';

/**
 * The runner settings a scorer is computed under; scorers sharing them share one pass.
 *
 * @param s - a pool scorer
 * @returns a key for grouping
 * @example
 * settingsKey(resolveScorers(['token_f1'])[0]); // '{"normalize":"squad","stemmer":"none","tokenize":"13a"}'
 */
export function settingsKey(s: ResolvedScorer): string {
  return JSON.stringify({ normalize: s.normalize, stemmer: s.stemmer, tokenize: s.bleuTokenize });
}

/**
 * Every scorer's value for each answer, on the calling thread: the per-answer values behind
 * the reducers, the histograms, the worst items and the paired comparisons.
 *
 * @remarks
 * Pool scorers are computed by the runner's `generationRowValues` (a corpus metric's value
 * for one answer is sacrebleu's corpus score of that answer alone); assertions by
 * {@link assertionValues}.
 *
 * @param rows - the answers (output `''` for an extraction failure)
 * @param scorers - the task's scorers
 * @returns scorer name → one value per answer
 * @throws EvaluationError from the assertions (a non-numeric reference of `numeric_match`)
 * @example
 * const values = await scorerValues([{ id: 'q1', output: 'the cat sat', references: ['the cat sat'] }], resolveScorers(['token_f1', 'includes']));
 * values.get('token_f1'); // Float64Array [1]
 */
export async function scorerValues(
  rows: readonly ScoredText[],
  scorers: readonly ResolvedScorer[],
): Promise<Map<string, Float64Array>> {
  const out = new Map<string, Float64Array>();
  const outputs = rows.map((r) => r.output);
  const references = rows.map((r) => r.references);
  const groups = new Map<string, ResolvedScorer[]>();
  for (const s of scorers) {
    if (!s.onPool) continue;
    const key = settingsKey(s);
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  for (const group of groups.values()) {
    const values = await generationRowValues(outputs, references, {
      metrics: [...new Set(group.map((s) => s.metric))],
      normalize: group[0]!.normalize,
      stemmer: group[0]!.stemmer,
      bleuTokenize: group[0]!.bleuTokenize as never,
    });
    for (const s of group) out.set(s.name, values.get(s.metric as never)!);
  }
  scorers.forEach((s, i) => {
    if (!s.onPool) out.set(s.name, assertionValues(rows, s, `task.scorers[${i}]`));
  });
  return out;
}
