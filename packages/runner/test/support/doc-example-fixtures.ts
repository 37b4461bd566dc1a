import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '@assay/splitters';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { parse } from 'csv-parse';
import { asyncBufferFromFile, parquetMetadataAsync, parquetSchema } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';

/** The rows of the prediction files the examples read: a label, a prediction and a score. */
const LABELS = ['spam', 'ham', 'spam', 'ham'];
const PREDICTIONS = ['spam', 'ham', 'ham', 'ham'];
const SCORES = [0.9, 0.2, 0.4, 0.1];

let dir: string | undefined;
let cwdBefore: string | undefined;

/** A temporary folder with preds.csv, preds.jsonl, preds.arrow and preds.parquet, made once. */
function predictionFiles(): string {
  if (dir !== undefined) return dir;
  dir = mkdtempSync(join(tmpdir(), 'assay-runner-doc-examples-'));
  const rows = LABELS.map((label, i) => ({
    label,
    prediction: PREDICTIONS[i]!,
    score: SCORES[i]!,
  }));
  writeFileSync(
    join(dir, 'preds.csv'),
    `label,prediction,score\n${rows.map((r) => `${r.label},${r.prediction},${r.score}`).join('\n')}\n`,
  );
  writeFileSync(join(dir, 'preds.jsonl'), `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
  const table = tableFromArrays({
    label: LABELS,
    prediction: PREDICTIONS,
    score: Float64Array.from(SCORES),
  });
  writeFileSync(join(dir, 'preds.arrow'), tableToIPC(table, 'file'));
  const parquet = parquetWriteBuffer({
    columnData: [
      { name: 'label', data: LABELS },
      { name: 'prediction', data: PREDICTIONS },
      { name: 'score', data: SCORES, type: 'DOUBLE' },
    ],
  });
  writeFileSync(join(dir, 'preds.parquet'), new Uint8Array(parquet));
  return dir;
}

/**
 * The names the TSDoc examples of @assay/runner use besides its modules' exports: the examples
 * run in a temporary folder holding the prediction files they read (preds.csv, preds.jsonl,
 * preds.arrow, preds.parquet: 4 rows of label, prediction and score), so no file is written
 * into the repository; `parse` is csv-parse's, which an example pipes a file into,
 * `tableFromArrays` apache-arrow's, which makes the Arrow table an example reads,
 * `createRng` @assay/splitters', the generator a bootstrap replicate draws its rows with, and
 * hyparquet's `asyncBufferFromFile`, `parquetMetadataAsync` and `parquetSchema`, which give
 * the Parquet readers' examples a file's bytes, footer and schema; `runnerWorker` is the
 * scoring pool's worker file, `import.meta.resolve('@assay/runner/worker')` (which an
 * example, run as a function body, cannot call).
 */
export function docExampleFixtures(): Record<string, unknown> {
  cwdBefore ??= process.cwd();
  process.chdir(predictionFiles());
  return {
    parse,
    tableFromArrays,
    createRng,
    asyncBufferFromFile,
    parquetMetadataAsync,
    parquetSchema,
    runnerWorker: import.meta.resolve('@assay/runner/worker'),
  };
}

/** Returns to the folder the tests started in and removes the temporary folder, if made. */
export function removeDocExampleFixtures(): void {
  if (cwdBefore !== undefined) process.chdir(cwdBefore);
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
  cwdBefore = undefined;
}
