import { createRng } from '@assay/splitters';
import {
  exactMatch,
  levenshteinSimilarity,
  rouge,
  squadExactMatch,
  squadF1,
  TextMetricsError,
} from '@assay/text-metrics';
import { rowDraw } from '../bootstrap/row-draw.js';
import { harnessTransform, tokenF1, whitespaceTokens } from './answer-normalization.js';
import { GENERATION_METRICS, isCorpusMetric } from './generation-metrics.js';
import type {
  GenerationBootstrapTask,
  GenerationRowsTask,
  GenerationSettings,
  GenerationTask,
  RefusedRow,
} from './generation-tasks.js';
import { metricValuesFromSums, segmentStatistics } from './row-layout.js';

type RougeMetric = `rouge${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}` | 'rougeL' | 'rougeLsum';

// rouge-score's ROUGE-N for n = 1..9, and ROUGE-L / ROUGE-Lsum
const ROUGE_TYPES: ReadonlySet<string> = new Set(
  GENERATION_METRICS.filter((m) => m.startsWith('rouge')),
);

function isRouge(name: string): name is RougeMetric {
  return ROUGE_TYPES.has(name);
}

function exactMatchOf(output: string, refs: readonly string[], s: GenerationSettings): number {
  const n = s.normalize;
  if (n.mode === 'squad') return squadExactMatch(output, refs);
  if (n.mode === 'none') return refs.includes(output) ? 1 : 0;
  // the harness options alone: `mode` is the runner's tag, no option of exactMatch's
  const { ignoreCase, ignorePunctuation, ignoreNumbers } = n;
  return exactMatch(output, refs, { ignoreCase, ignorePunctuation, ignoreNumbers });
}

function tokenF1Of(output: string, refs: readonly string[], s: GenerationSettings): number {
  const n = s.normalize;
  if (n.mode === 'squad') return squadF1(output, refs);
  const words = (text: string) =>
    whitespaceTokens(n.mode === 'harness' ? harnessTransform(text, n) : text);
  const predicted = words(output);
  let best = 0;
  for (const ref of refs) best = Math.max(best, tokenF1(predicted, words(ref)));
  return best;
}

/**
 * Scores a range of rows: each row's per-row metric values and corpus statistics, laid out
 * as `task.layout` says. A row's numbers depend on that row alone, so any split of the rows
 * into tasks gives the same matrix.
 *
 * @param task - the rows, their references, the layout and the settings
 * @returns `rows × layout.width` numbers, row-major, or the first row a metric refused for its
 *   size (rougeLsum on lines too long for its table)
 * @example
 * const layout = rowLayout(['exact_match', 'token_f1']);
 * const settings = resolveGenerationSettings({});
 * scoreGenerationRows({ kind: 'generation-rows', outputs: ['Paris', 'big cat'], references: [['paris'], ['big dog']], layout, settings });
 * // Float64Array [1, 1, 0, 0.5]: row 0's exact_match and token_f1, then row 1's
 */
export function scoreGenerationRows(task: GenerationRowsTask): Float64Array | RefusedRow {
  const { outputs, references, layout, settings } = task;
  const width = layout.width;
  const out = new Float64Array(outputs.length * width);
  const rougeTypes = layout.slots.map((s) => s.name).filter(isRouge);
  for (let i = 0; i < outputs.length; i++) {
    const output = outputs[i]!;
    const refs = references[i]!;
    let rouges: ReturnType<typeof rouge<RougeMetric>> | null = null;
    try {
      if (rougeTypes.length > 0) {
        rouges = rouge(output, refs, { types: rougeTypes, stemmer: settings.stemmer });
      }
    } catch (error) {
      if (error instanceof TextMetricsError && error.code === 'TEXT_TOO_LONG') {
        return { kind: 'refused-row', row: i, reason: error.message };
      }
      throw error;
    }
    const base = i * width;
    for (const slot of layout.slots) {
      const at = base + slot.offset;
      const name = slot.name;
      if (isCorpusMetric(name)) out.set(segmentStatistics(name, output, refs, settings), at);
      else if (name === 'exact_match') out[at] = exactMatchOf(output, refs, settings);
      else if (name === 'token_f1') out[at] = tokenF1Of(output, refs, settings);
      else if (name === 'levenshtein_similarity') out[at] = levenshteinSimilarity(output, refs);
      else out[at] = rouges![name].fmeasure;
    }
  }
  return out;
}

// per worker: the rows of each slice, found once per job
const selectionCache = new WeakMap<Int32Array, Map<number, Uint32Array>>();

function selectedRows(selection: GenerationBootstrapTask['selection']): Uint32Array | null {
  if (selection === null) return null;
  let byValue = selectionCache.get(selection.ids);
  if (byValue === undefined) {
    byValue = new Map();
    selectionCache.set(selection.ids, byValue);
  }
  let rows = byValue.get(selection.value);
  if (rows === undefined) {
    const picked: number[] = [];
    selection.ids.forEach((id, i) => {
      if (id === selection.value) picked.push(i);
    });
    rows = Uint32Array.from(picked);
    byValue.set(selection.value, rows);
  }
  return rows;
}

/**
 * Runs bootstrap replicates over the per-row matrix: each replicate draws rows (or whole
 * clusters of rows, as the classification bootstrap does), sums their matrix rows in draw
 * order and scores the sums: the mean of the drawn rows' values for per-row metrics, the
 * corpus score of the summed statistics for corpus metrics.
 *
 * @param task - the matrix, the selection, the clusters and one seed per replicate
 * @returns `seeds.length × layout.slots.length` values
 * @example
 * const layout = rowLayout(['exact_match']);
 * const rows = Float64Array.of(1, 0, 1, 1); // each row's exact_match
 * runGenerationBootstrap({ kind: 'generation-bootstrap', rows, n: 4, layout, selection: null, clusters: undefined, seeds: [1, 2] });
 * // Float64Array [0.75, 0.5]: exact_match on each replicate's rows
 */
export function runGenerationBootstrap(task: GenerationBootstrapTask): Float64Array {
  const { rows, n, layout, seeds } = task;
  const width = layout.width;
  const m = layout.slots.length;
  const out = new Float64Array(seeds.length * m);
  const sums = new Float64Array(width);
  const draw = rowDraw(n, selectedRows(task.selection), task.clusters);
  seeds.forEach((seed, r) => {
    const drawn = draw(createRng(seed));
    sums.fill(0);
    for (let t = 0; t < drawn.length; t++) {
      const from = drawn[t]! * width;
      for (let k = 0; k < width; k++) sums[k]! += rows[from + k]!;
    }
    metricValuesFromSums(sums, drawn.length, layout, out, r * m);
  });
  return out;
}

/**
 * Runs any generation task: what the generation worker and the zero-worker mode call.
 *
 * @param task - a rows or bootstrap task
 * @returns its numbers, or the row a rows task refused
 * @example
 * const layout = rowLayout(['exact_match']);
 * const settings = resolveGenerationSettings({});
 * runGenerationTask({ kind: 'generation-rows', outputs: ['Paris', 'Rome'], references: [['paris'], ['Oslo']], layout, settings });
 * // Float64Array [1, 0]
 */
export function runGenerationTask(task: GenerationTask): Float64Array | RefusedRow {
  return task.kind === 'generation-rows' ? scoreGenerationRows(task) : runGenerationBootstrap(task);
}
