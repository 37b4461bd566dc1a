import { existsSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { EvaluationError } from '@assay/eval';

/** The files `assay run` writes into its output directory, which a comparison must not replace. */
const RUN_FILES = new Set([
  'results.json',
  'predictions.arrow',
  'prompts.arrow',
  'report.md',
  'report.html',
  'journal.sqlite',
  'cache.sqlite',
]);

/** A compared run's directory: the argument itself, or the folder of a `results.json`. */
function runDirectory(run: string): string {
  const path = resolve(run);
  return existsSync(path) && statSync(path).isDirectory() ? path : dirname(path);
}

/**
 * Refuses, before anything is computed, an `--out` or `--junit` path that names a folder or
 * a file of one of the compared runs (writing the comparison over `results.json` would destroy
 * the run it compares).
 *
 * @param outputs - the flag, its path and the extension of what it writes (`html` for
 *   `--format html`), for each output given: a folder is answered with a file name in it
 * @param runs - the baseline and candidate arguments
 * @throws EvaluationError `INVALID_OPTION` naming the flag, the path and what to do
 * @example
 * checkCompareOutputs([['--out', 'cmp.json', 'json']], ['out/a', 'out/b']); // passes
 */
export function checkCompareOutputs(
  outputs: ReadonlyArray<readonly [flag: string, path: string | undefined, extension: string]>,
  runs: readonly string[],
): void {
  for (const [flag, path, extension] of outputs) {
    if (path === undefined) continue;
    const target = resolve(path);
    if (existsSync(target) && statSync(target).isDirectory()) {
      throw new EvaluationError(
        'INVALID_OPTION',
        `${flag} ${path} is a directory; name a file for the comparison, e.g. ${flag} ${path.replace(/\/+$/, '')}/compare.${extension}.`,
        { path: flag },
      );
    }
    const run = runs.find((r) => runDirectory(r) === dirname(target));
    if (run !== undefined && RUN_FILES.has(basename(target))) {
      throw new EvaluationError(
        'INVALID_OPTION',
        `${flag} ${path} would overwrite the ${basename(target)} of the compared run ${run}; write the comparison to another file.`,
        { path: flag },
      );
    }
  }
}
