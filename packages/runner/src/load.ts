/**
 * The file readers alone: `@assay/runner/load` reads prediction files into the same shared
 * columns as the package's `loadColumns`, without loading the scoring engine, the metric
 * packages, zod or the worker pool (a process that only reads stays about 24 MiB smaller).
 *
 * @example
 * ```ts
 * import { loadColumns } from '@assay/runner/load';
 * const table = await loadColumns('preds.csv', { columns: { label: 'auto', score: 'number' } });
 * ```
 * @packageDocumentation
 */
export { RunnerError } from './errors.js';
export { INPUT_FORMATS, type InputFormat } from './io/input-formats.js';
export type { LoadColumnsOptions } from './io/load-columns.js';
export { detectFormat, loadColumns } from './io/load-columns.js';
export type { LabelPair } from './io/loaded-census.js';
export type {
  ColumnKind,
  LabelColumn,
  LoadedColumn,
  LoadedTable,
  NumberColumn,
  TextColumn,
  TextValue,
} from './io/loaded-column.js';
export { describeDataRow } from './io/table-source.js';
