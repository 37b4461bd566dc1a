import {
  accumulateConfusion,
  accumulateConfusionByGroup,
  accumulateConfusionByGroupInt8,
} from '@assay/core-metrics';
import { createRng } from '@assay/splitters';
import { bootstrapConfusionCounts } from '../bootstrap/confusion-bootstrap.js';
import { runPairedBootstrapTask } from '../bootstrap/paired-replicates.js';
import { rowDraw } from '../bootstrap/row-draw.js';
import {
  accumulateStratifiedFolds,
  countClassesByBlock,
} from '../folds/stratified-fold-kernels.js';
import { allocateFoldBlocks } from '../folds/stratified-fold-plan.js';
import { parseClaimedRanges } from '../io/csv-range-tasks.js';
import type { CsvParseResult } from '../io/csv-range-types.js';
import { computeMetricValues } from '../metrics/compute-metric-values.js';
import { computeResampledValues } from '../metrics/compute-resampled-values.js';
import type { ConfusionMetric } from '../metrics/metric-spec.js';
import { METRIC_REGISTRY } from '../metrics/registry.js';
import { buildFolds, type Folding } from '../score/build-folds.js';
import { censusLabelRange } from '../score/label-census.js';
import { scanLabelRange } from '../score/label-scan.js';
import { runSharedPass } from './shared-pass.js';
import type {
  BootstrapTask,
  ConfusionTask,
  RangeTask,
  RowsTask,
  Selection,
  ValuesResult,
  WorkerTask,
} from './task-types.js';

/**
 * What a folds task returns: the foldings, or the typed error it hit (errors
 * lose their class when they cross a thread, so they travel as data).
 */
export type FoldsResult =
  | { readonly foldings: Folding[]; readonly warnings?: readonly string[] }
  | {
      readonly error: {
        readonly name: string;
        readonly code: string;
        readonly message: string;
        readonly path: string | undefined;
      };
    };

/**
 * Runs one confusion task: the chunk's overall K×K counts followed by
 * `nGroups` K×K blocks per grouping.
 *
 * @param task - the chunk
 * @returns the counts
 */
export function runConfusionTask(task: ConfusionTask): Float64Array {
  const { nClasses: k, yTrue, yPred, weight, start, end } = task;
  const cells = k * k;
  let size = cells;
  for (const g of task.groupings) size += g.nGroups * cells;
  const out = new Float64Array(size);
  let offset = cells;
  let overallFrom: Float64Array | null = null;
  for (const g of task.groupings) {
    const block = out.subarray(offset, offset + g.nGroups * cells);
    if ('layout' in g) {
      const { nSplits, alloc, blockRows, seed } = g.layout;
      const input = {
        yTrue,
        yPred,
        weight,
        nClasses: k,
        nSplits,
        alloc,
        blockRows,
        seed,
        ids: g.ids,
      };
      accumulateStratifiedFolds(input, block, start, end);
      // every row is in exactly one test fold: unweighted, the whole-set counts are the
      // sum of the folds' (exact integers), which saves a pass over the columns
      if (weight === null) overallFrom = block;
    } else if (g.ids instanceof Int8Array) {
      accumulateConfusionByGroupInt8(block, k, g.ids, yTrue, yPred, weight, start, end);
    } else {
      accumulateConfusionByGroup(block, k, g.ids, yTrue, yPred, weight, start, end);
    }
    offset += g.nGroups * cells;
  }
  if (overallFrom === null) {
    accumulateConfusion(out, k, yTrue, yPred, weight, start, end);
  } else {
    for (let j = 0; j < overallFrom.length; j++) out[j % cells]! += overallFrom[j]!;
  }
  return out;
}

const selectionCache = new WeakMap<Int32Array | Int8Array, Map<number, Uint32Array>>();

/**
 * The row indices of a selection (cached per worker: folds and slices are
 * selected again by every bootstrap batch).
 *
 * @param selection - the selection
 * @returns ascending row indices, or null for every row
 */
export function selectRows(selection: Selection): Uint32Array | null {
  if (selection === null) return null;
  let byValue = selectionCache.get(selection.ids);
  if (byValue === undefined) {
    byValue = new Map();
    selectionCache.set(selection.ids, byValue);
  }
  let rows = byValue.get(selection.value);
  if (rows === undefined) {
    const ids = selection.ids;
    let m = 0;
    for (let i = 0; i < ids.length; i++) if (ids[i] === selection.value) m++;
    rows = new Uint32Array(m);
    for (let i = 0, j = 0; i < ids.length; i++) if (ids[i] === selection.value) rows[j++] = i;
    byValue.set(selection.value, rows);
  }
  return rows;
}

/**
 * Runs one rows task: every metric on every selection.
 *
 * @param task - the task
 * @returns values indexed `selection * metrics.length + metric`
 */
export function runRowsTask(task: RowsTask): ValuesResult {
  const m = task.metrics.length;
  const values = new Float64Array(task.selections.length * m);
  const errors: string[] = [];
  task.selections.forEach((selection, s) => {
    computeMetricValues(task.columns, task.metrics, selectRows(selection), values, s * m, errors);
  });
  return { values, errors };
}

/**
 * Runs one batch of bootstrap replicates by row resampling (whole clusters of rows
 * when the columns have clusters).
 *
 * @param task - the batch
 * @returns values indexed `replicate * metrics.length + metric`
 */
export function runBootstrapTask(task: BootstrapTask): ValuesResult {
  const m = task.metrics.length;
  const values = new Float64Array(task.seeds.length * m);
  const errors: string[] = [];
  // rows, or whole clusters of rows (repeated predictions of one item)
  const base = selectRows(task.selection);
  const draw = rowDraw(task.columns.n, base, task.columns.clusters);
  task.seeds.forEach((seed, r) => {
    const drawn = draw(createRng(seed));
    computeResampledValues(task.columns, task.metrics, drawn, base, values, r * m, errors);
  });
  return { values, errors };
}

/**
 * Dispatches a task to its runner; what the worker thread and the in-process
 * (zero-worker) mode both call.
 *
 * @param task - any task
 * @returns the task's result
 */
export function runTask(
  task: WorkerTask,
): Float64Array | ValuesResult | FoldsResult | Int32Array | Int32Array[] | CsvParseResult | null {
  switch (task.kind) {
    case 'csv-parse':
      return parseClaimedRanges(task);
    case 'block-counts':
      return countClassesByBlock(task.yTrue, task.nClasses, task.blockRows, task.start, task.end);
    case 'fold-allocation':
      allocateFoldBlocks(task);
      return null;
    case 'label-census':
      return censusLabelRange(task);
    case 'shared-pass':
      return runSharedPass(task, (range: RangeTask) => runTask(range) as Int32Array | Float64Array);
    case 'label-scan':
      return scanLabelRange(task.values, task.start, task.end);
    case 'label-spans':
      return task.segments.map((s) => scanLabelRange(s.values, s.start, s.end));
    case 'confusion':
      return runConfusionTask(task);
    case 'rows':
      return runRowsTask(task);
    case 'bootstrap':
      return runBootstrapTask(task);
    case 'paired-bootstrap':
      return runPairedBootstrapTask(task);
    case 'folds':
      try {
        const warnings: string[] = [];
        const foldings = buildFolds(task.spec, task.columns, task.seed, task.text, warnings);
        return { foldings, warnings };
      } catch (error) {
        const e = error as {
          name?: string;
          code?: string;
          message?: string;
          path?: string;
        };
        return {
          error: {
            name: String(e.name ?? 'Error'),
            code: String(e.code ?? ''),
            message: String(e.message ?? error),
            path: e.path,
          },
        };
      }
    case 'multinomial': {
      const specs = task.metrics.map((name) => METRIC_REGISTRY.get(name) as ConfusionMetric);
      const { counts, columns, seeds, claims } = task;
      const values = bootstrapConfusionCounts(counts, specs, columns, seeds, claims);
      // shared batches: the values are in `claims.out`, which the caller holds
      return { values: claims === undefined ? values : new Float64Array(0), errors: [] };
    }
  }
}
