// A module of its own, with no imports: the CLI's option definitions load it at start-up,
// and a bundle that took it from load-columns.ts also loaded every file reader.

/** File formats that `loadColumns` reads. */
export type InputFormat = 'csv' | 'tsv' | 'jsonl' | 'arrow' | 'parquet';

/**
 * Every accepted {@link InputFormat}.
 *
 * @example
 * ```ts
 * import { INPUT_FORMATS } from '@assay/runner';
 * INPUT_FORMATS.includes('parquet'); // true
 * ```
 */
export const INPUT_FORMATS: readonly InputFormat[] = ['csv', 'tsv', 'jsonl', 'arrow', 'parquet'];
