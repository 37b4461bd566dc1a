import { appendFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { junitXml, type RunResults, runJunitSuite, stepSummaryMarkdown } from '@assay/report';
import { makeFolder } from '../options/make-folder.js';

/** The CI files `assay run` writes beside its output directory. */
export interface CiOutputOptions {
  /** `--junit FILE`: JUnit XML, one test case per threshold and model (overwritten) */
  junit?: string;
  /** `--summary-md FILE`: a GitHub Actions step summary (appended when the file exists) */
  summaryMd?: string;
}

/**
 * Writes the `--junit` and `--summary-md` files of a finished run.
 *
 * @remarks The JUnit file is replaced (one file per run, as CI test reporters read it); the
 *   step summary is appended, as GitHub does with `$GITHUB_STEP_SUMMARY`, so several runs
 *   of one job share it. Missing parent directories are created.
 * @param results - the run's results
 * @param options - the file paths, relative to the working directory
 * @returns a sentence naming the file that could not be written and why, or undefined
 * @example
 * const problem = writeCiOutputs(results, { junit: 'reports/assay.xml' });
 */
export function writeCiOutputs(results: RunResults, options: CiOutputOptions): string | undefined {
  const files: Array<[flag: string, path: string | undefined, write: (p: string) => void]> = [
    ['--junit', options.junit, (p) => writeFileSync(p, junitXml([runJunitSuite(results)]))],
    ['--summary-md', options.summaryMd, (p) => appendFileSync(p, stepSummaryMarkdown(results))],
  ];
  for (const [flag, path, write] of files) {
    if (path === undefined) continue;
    const file = resolve(path);
    try {
      makeFolder(dirname(file));
      write(file);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return `cannot write the ${flag} file ${file}: ${why}`;
    }
  }
  return undefined;
}
