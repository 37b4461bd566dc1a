import { writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { RunnerError } from '@assay/runner/scoring';
import { makeFolder } from '../options/make-folder.js';

/**
 * The `--folds-out` file: one line per data row of the predictions file with the fold that
 * tests it (`-1`: none), numbered as the report's `folds[].fold`; one column per repeat of a
 * repeated CV. Read back, its `fold` column is a `--folds` column or scikit-learn's
 * `PredefinedSplit(test_fold)`: the same folds, scored elsewhere.
 *
 * @param ids - one array per repeat, a fold per row
 * @returns the CSV text: `data_row,fold` (or `data_row,fold_repeat_0,fold_repeat_1,...`)
 * @example
 * ```ts
 * foldIdsCsv([Int32Array.from([0, 1, 0])]); // 'data_row,fold\n1,0\n2,1\n3,0\n'
 * ```
 */
export function foldIdsCsv(ids: readonly ArrayLike<number>[]): string {
  const header = ids.length === 1 ? ['fold'] : ids.map((_, r) => `fold_repeat_${r}`);
  const n = ids[0]?.length ?? 0;
  const lines = new Array<string>(n + 1);
  lines[0] = `data_row,${header.join(',')}`;
  for (let i = 0; i < n; i++) {
    let line = String(i + 1);
    for (const repeat of ids) line += `,${repeat[i]!}`;
    lines[i + 1] = line;
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Writes the `--folds-out` file, making its folder.
 *
 * @param path - the file
 * @param ids - one array per repeat, a fold per row
 * @throws {@link RunnerError} `INVALID_OPTION` naming `--folds-out` when it cannot be written
 * @example
 * ```ts
 * await writeFoldIds('folds.csv', [Int32Array.from([0, 1, 0])]);
 * ```
 */
export async function writeFoldIds(path: string, ids: readonly ArrayLike<number>[]): Promise<void> {
  try {
    makeFolder(dirname(path));
    await writeFile(path, foldIdsCsv(ids));
  } catch (error) {
    throw new RunnerError(
      'INVALID_OPTION',
      `--folds-out ${path} could not be written (${(error as Error).message}); pass a writable path.`,
      { path: 'foldsOut', cause: error },
    );
  }
}
