import { writeFile } from 'node:fs/promises';
import {
  Bool,
  Float64,
  Int32,
  Table,
  tableFromIPC,
  tableToIPC,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import type { PredictionRow } from '../run/prediction-row.js';

/**
 * Builds the predictions table: one row per (item, fold, sample, model).
 *
 * @param rows - prediction rows
 * @returns an Arrow table with columns id, fold, model, permutation (the choice order of a
 *   multiple-choice prompt, 0 for the data set's; null for other tasks), prompt_hash, item_hash
 *   (`itemHash` of the item's text and choices), group,
 *   expected, raw_answer, parsed, outcome, correct, error, ttft_ms, tpot_ms, e2e_ms,
 *   input_tokens, output_tokens, cost_usd, score, cached, sample, references (a JSON array of
 *   a generation item's references, else null)
 * @example
 * predictionsTable(rows).numRows; // 40
 */
export function predictionsTable(rows: readonly PredictionRow[]): Table {
  const str = (f: (r: PredictionRow) => string | null) => vectorFromArray(rows.map(f), new Utf8());
  const f64 = (f: (r: PredictionRow) => number | null) =>
    vectorFromArray(rows.map(f), new Float64());
  return new Table({
    id: str((r) => r.id),
    fold: vectorFromArray(
      rows.map((r) => r.fold),
      new Int32(),
    ),
    model: str((r) => r.model),
    permutation: vectorFromArray(
      rows.map((r) => r.permutation ?? null),
      new Int32(),
    ),
    prompt_hash: str((r) => r.promptHash),
    item_hash: str((r) => r.itemHash ?? null),
    group: str((r) => r.group),
    expected: str((r) => r.expected),
    raw_answer: str((r) => r.rawAnswer),
    parsed: str((r) => r.parsed),
    outcome: str((r) => r.outcome),
    correct: vectorFromArray(
      rows.map((r) => r.correct),
      new Bool(),
    ),
    error: str((r) => r.error),
    ttft_ms: f64((r) => r.ttftMs),
    tpot_ms: f64((r) => r.tpotMs),
    e2e_ms: f64((r) => r.e2eMs),
    input_tokens: f64((r) => r.inputTokens),
    output_tokens: f64((r) => r.outputTokens),
    cost_usd: f64((r) => r.costUsd),
    score: f64((r) => r.score),
    cached: vectorFromArray(
      rows.map((r) => r.cached),
      new Bool(),
    ),
    sample: vectorFromArray(
      rows.map((r) => r.sample ?? 0),
      new Int32(),
    ),
    references: str((r) => (r.references ? JSON.stringify(r.references) : null)),
  });
}

/**
 * Writes `predictions.arrow` (Arrow IPC file format).
 *
 * @param path - destination
 * @param rows - prediction rows
 * @example
 * await writePredictions(join(dir, 'predictions.arrow'), rows);
 * readPredictions(readFileSync(join(dir, 'predictions.arrow'))).length; // 40
 */
export async function writePredictions(
  path: string,
  rows: readonly PredictionRow[],
): Promise<void> {
  await writeFile(path, tableToIPC(predictionsTable(rows), 'file'));
}

/**
 * Reads a `predictions.arrow` file back into rows.
 *
 * @param bytes - the file's content
 * @returns the rows, in file order
 * @example
 * const read = readPredictions(readFileSync(join(baselineDir, 'predictions.arrow')));
 * read[0].model; // 'nb'
 */
export function readPredictions(bytes: Uint8Array): PredictionRow[] {
  const table = tableFromIPC(bytes);
  return table.toArray().map((r: Record<string, unknown>) => ({
    id: r.id as string,
    fold: r.fold as number,
    model: r.model as string,
    ...(typeof r.permutation === 'number' ? { permutation: r.permutation } : {}),
    promptHash: r.prompt_hash as string,
    ...(typeof r.item_hash === 'string' ? { itemHash: r.item_hash } : {}),
    group: (r.group as string | null) ?? null,
    expected: (r.expected as string | null) ?? null,
    rawAnswer: (r.raw_answer as string | null) ?? null,
    parsed: (r.parsed as string | null) ?? null,
    outcome: r.outcome as PredictionRow['outcome'],
    correct: (r.correct as boolean | null) ?? null,
    error: (r.error as string | null) ?? null,
    ttftMs: (r.ttft_ms as number | null) ?? null,
    tpotMs: (r.tpot_ms as number | null) ?? null,
    e2eMs: (r.e2e_ms as number | null) ?? null,
    inputTokens: (r.input_tokens as number | null) ?? null,
    outputTokens: (r.output_tokens as number | null) ?? null,
    costUsd: (r.cost_usd as number | null) ?? null,
    score: (r.score as number | null) ?? null,
    cached: Boolean(r.cached),
    sample: (r.sample as number | null | undefined) ?? 0,
    references: typeof r.references === 'string' ? (JSON.parse(r.references) as string[]) : null,
  }));
}
