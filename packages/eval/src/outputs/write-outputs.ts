import { rename, writeFile } from 'node:fs/promises';
import { htmlReport, markdownReport, type RunResults, RunResultsSchema } from '@assay/report';
import type { PredictionRow } from '../run/prediction-row.js';
import { writePredictions } from './write-predictions.js';

async function writeAtomic(path: string, data: string): Promise<void> {
  // Write-then-rename so a killed run never leaves a half-written report behind.
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}

/**
 * Writes `results.json` (validated against `RunResultsSchema`),
 * `predictions.arrow`, `report.md` and `report.html` into the output directory.
 *
 * @param results - run results (paths in `results.files`)
 * @param rows - prediction rows
 * @throws ZodError if the results do not match the schema (a bug, never user input)
 * @example
 * await writeRunOutputs(results, executed.rows);
 */
export async function writeRunOutputs(
  results: RunResults,
  rows: readonly PredictionRow[],
): Promise<void> {
  RunResultsSchema.parse(results);
  const tmp = `${results.files.predictions}.tmp-${process.pid}`;
  await writePredictions(tmp, rows);
  await rename(tmp, results.files.predictions);
  await writeAtomic(results.files.results, `${JSON.stringify(results, null, 2)}\n`);
  await writeAtomic(results.files.reportMd, markdownReport(results));
  await writeAtomic(results.files.reportHtml, htmlReport(results));
}
