import { rename, writeFile } from 'node:fs/promises';
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

/**
 * Writes `results.json` (validated against `RunResultsSchema`),
 * `predictions.arrow`, `prompts.arrow` (when `results.files.prompts` names it), `report.md`
 * and `report.html` into the output directory.
 *
 * @param results - run results (paths in `results.files`)
 * @param rows - prediction rows
 * @param prompts - every distinct prompt of the run by hash (`ExecutedRun.prompts`)
 * @throws ZodError if the results do not match the schema (a bug, never user input)
 * @example
 * await writeRunOutputs(results, executed.rows, executed.prompts);
 */
export async function writeRunOutputs(
  results: RunResults,
  rows: readonly PredictionRow[],
  prompts: ReadonlyMap<string, readonly PromptMessage[]> = new Map(),
): Promise<void> {
  RunResultsSchema.parse(results);
  const tmp = `${results.files.predictions}.tmp-${process.pid}`;
  await writePredictions(tmp, rows);
  await rename(tmp, results.files.predictions);
  if (results.files.prompts !== undefined) {
    const promptsTmp = `${results.files.prompts}.tmp-${process.pid}`;
    await writePrompts(promptsTmp, prompts);
    await rename(promptsTmp, results.files.prompts);
  }
  await writeAtomic(results.files.results, `${JSON.stringify(results, null, 2)}\n`);
  await writeAtomic(results.files.reportMd, markdownReport(results));
  await writeAtomic(results.files.reportHtml, htmlReport(results));
}
