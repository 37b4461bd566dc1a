import { checkOptionKeys } from '../check-option-keys.js';
import { RunnerError } from '../errors.js';
import {
  type GenerationMetric,
  isCorpusMetric,
  resolveGenerationMetrics,
} from './generation-metrics.js';
import {
  ROW_VALUE_OPTION_KEYS,
  type RowValueOptions,
  resolveGenerationSettings,
} from './generation-options.js';

/**
 * Each row's value of each generation metric, on the calling thread: what the report's
 * histograms, worst-item lists and per-item reducers need. Loads `@assay/text-metrics` on
 * first use, as `Runner.scoreGenerations` does, so importing the runner stays light. Per-row metrics are the values the
 * pool sums; a corpus metric's row value is sacrebleu's corpus score of that one row (its
 * statistics alone, `exp` smoothing for BLEU), on the 0-100 scale.
 *
 * @param outputs - each row's output (`''` for an empty answer)
 * @param references - each row's references (at least one each)
 * @param options - `metrics`, `normalize`, `stemmer` and `bleuTokenize` as for `Runner.scoreGenerations`
 * @returns metric name → one value per row
 * @throws {@link RunnerError} `INVALID_OPTION` for an unknown metric or option; `TEXT_TOO_LONG`
 *   for a row a metric refuses for its size (rougeLsum on lines too long for its table)
 * @example
 * ```ts
 * import { generationRowValues } from '@assay/runner';
 * const values = await generationRowValues(['the cat sat on the mat', 'a dog'], [['the cat sat on the mat'], ['the cat']], {
 *   metrics: ['exact_match', 'bleu'],
 * });
 * values.get('exact_match'); // Float64Array [1, 0]
 * values.get('bleu'); // Float64Array [100, 0]
 * ```
 */
export async function generationRowValues(
  outputs: readonly string[],
  references: readonly (readonly string[])[],
  options: RowValueOptions = {},
): Promise<Map<GenerationMetric, Float64Array>> {
  checkOptionKeys(options, 'generationRowValues', ROW_VALUE_OPTION_KEYS);
  const { scoreGenerationRows } = await import('./generation-kernels.js');
  const { scoreOfSums, rowLayout } = await import('./row-layout.js');
  const metrics = resolveGenerationMetrics(options.metrics);
  const layout = rowLayout(metrics);
  const settings = resolveGenerationSettings(options);
  const matrix = scoreGenerationRows({
    kind: 'generation-rows',
    outputs,
    references,
    layout,
    settings,
  });
  if (!(matrix instanceof Float64Array)) {
    throw new RunnerError(
      'TEXT_TOO_LONG',
      `The texts of row ${matrix.row + 1} (outputs[${matrix.row}]) are too long for a metric; ${matrix.reason}`,
      { path: 'metrics' },
    );
  }
  const out = new Map<GenerationMetric, Float64Array>();
  for (const slot of layout.slots) {
    const values = new Float64Array(outputs.length);
    for (let i = 0; i < outputs.length; i++) {
      const at = i * layout.width + slot.offset;
      const name = slot.name;
      values[i] = isCorpusMetric(name)
        ? scoreOfSums(name, matrix.subarray(at, at + slot.width)).score
        : matrix[at]!;
    }
    out.set(slot.name, values);
  }
  return out;
}
