import { readdirSync, rmSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { htmlReport, markdownReport, type RunResults, RunResultsSchema } from '@assay/report';
import type { PromptMessage } from '../prompt/build-messages.js';
import type { PredictionRow } from '../run/prediction-row.js';
import { writePredictions } from './write-predictions.js';
import { writePrompts } from './write-prompts.js';

async function writeAtomic(path: string, data: string): Promise<void> {
  // Write-then-rename so a killed run never leaves a half-written report behind.
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}

/** Whether a process of this id is running (signal 0 checks without sending anything). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Deletes the `<file>.tmp-<pid>` files that a writer killed mid-write left beside the outputs
 * (a running writer's are left alone).
 *
 * @param files - the output files whose leftovers to look for
 */
function removeLeftovers(files: readonly string[]): void {
  for (const file of files) {
    const prefix = `${basename(file)}.tmp-`;
    let names: string[];
    try {
      names = readdirSync(dirname(file));
    } catch {
      continue;
    }
    for (const name of names) {
      if (!name.startsWith(prefix)) continue;
      const pid = Number(name.slice(prefix.length));
      if (Number.isInteger(pid) && pid !== process.pid && alive(pid)) continue;
      rmSync(join(dirname(file), name), { force: true });
    }
  }
}

/**
 * Writes `results.json` (validated against `RunResultsSchema`),
 * `predictions.arrow`, `prompts.arrow` (when `results.files.prompts` names it), `report.md`
 * and `report.html` into the output directory.
 *
 * @remarks Each file is written whole (write, then rename), and `results.json` seals the set:
 * it and the reports of the last run are deleted first and `results.json` is written last, so
 * a run killed while writing leaves no `results.json` beside predictions of another run (which
 * `assay compare` would have paired with the old results). The `.tmp-<pid>` files of a writer
 * killed mid-write are deleted.
 * @param results - run results (paths in `results.files`)
 * @param rows - prediction rows
 * @param prompts - every distinct prompt of the run by hash (`ExecutedRun.prompts`)
 * @throws ZodError if the results do not match the schema (a bug, never user input)
 * @example
 * // the baseline run's files, written into another directory
 * const files = Object.fromEntries(Object.entries(results.files).map(([k, f]) => [k, join(dir, basename(f))]));
 * await writeRunOutputs({ ...results, files }, executed.rows, executed.prompts);
 * readPredictions(readFileSync(files.predictions)).length; // 40
 */
export async function writeRunOutputs(
  results: RunResults,
  rows: readonly PredictionRow[],
  prompts: ReadonlyMap<string, readonly PromptMessage[]> = new Map(),
): Promise<void> {
  RunResultsSchema.parse(results);
  const { files } = results;
  const all = [files.predictions, files.prompts, files.results, files.reportMd, files.reportHtml];
  removeLeftovers(all.filter((f): f is string => f !== undefined));
  for (const stale of [files.results, files.reportMd, files.reportHtml]) {
    await rm(stale, { force: true });
  }
  const tmp = `${files.predictions}.tmp-${process.pid}`;
  await writePredictions(tmp, rows);
  await rename(tmp, files.predictions);
  if (files.prompts !== undefined) {
    const promptsTmp = `${files.prompts}.tmp-${process.pid}`;
    await writePrompts(promptsTmp, prompts);
    await rename(promptsTmp, files.prompts);
  }
  await writeAtomic(files.reportMd, markdownReport(results));
  await writeAtomic(files.reportHtml, htmlReport(results));
  await writeAtomic(files.results, `${JSON.stringify(results, null, 2)}\n`);
}
