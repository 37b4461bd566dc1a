import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import {
  detectFormat,
  INPUT_FORMATS,
  type InputFormat,
  RunnerError,
  type ScoreReport,
} from '@assay/runner/scoring';
import { assayVersion } from '../assay-version.js';

/** The `<file>` argument that means "read the predictions from stdin". */
export const STDIN_FILE = '-';

/** What `assay score` reads: the path on disk and the name the user gave it. */
export interface ScoreSource {
  /** the file to read (for stdin, the spooled copy under `os.tmpdir()`) */
  readonly path: string;
  /** `<file>` as the user passed it (`-` for stdin) */
  readonly name: string;
}

/** Where a report's numbers came from: the `input` and `assayVersion` of the JSON report. */
export type ScoreProvenance = Required<Pick<ScoreReport, 'input' | 'assayVersion'>>;

/** A reader's message names the spooled copy; the user piped stdin, so name that instead. */
function restated(error: unknown, source: ScoreSource): unknown {
  if (source.name !== STDIN_FILE || !(error instanceof RunnerError)) return error;
  if (!error.message.includes(source.path)) return error;
  return new RunnerError(error.code, error.message.replaceAll(source.path, 'stdin'), {
    ...(error.path === undefined ? {} : { path: error.path }),
    cause: error,
  });
}

/**
 * Runs `use` on the file to score: `file` itself, or for `-` a copy of stdin spooled to a
 * temporary file under `os.tmpdir()` (removed afterwards, whatever happens), so every
 * reader, the parallel CSV reader and Parquet's random access included, reads a real file.
 *
 * @param file - `<file>` as passed
 * @param inputFormat - `--input-format`, required for `-`
 * @param use - the scoring, given the source
 * @returns what `use` returns
 * @throws {@link RunnerError} `INVALID_OPTION` for `-` without `--input-format`, `EMPTY_FILE`
 *   for an empty stdin; what `use` throws (a reader's message naming stdin, not the copy)
 * @example
 * await withScoreSource('-', 'csv', (source) => scoreOnPool(source, options, columns, score));
 */
export async function withScoreSource<T>(
  file: string,
  inputFormat: InputFormat | undefined,
  use: (source: ScoreSource) => Promise<T>,
): Promise<T> {
  if (file !== STDIN_FILE) return use({ path: file, name: file });
  if (inputFormat === undefined) {
    throw new RunnerError(
      'INVALID_OPTION',
      `Reading the predictions from stdin (${STDIN_FILE}) needs --input-format to say what they are: one of ${INPUT_FORMATS.join(', ')}.`,
      { path: 'inputFormat' },
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'assay-stdin-'));
  const source = { path: join(dir, `stdin.${inputFormat}`), name: STDIN_FILE };
  try {
    await pipeline(process.stdin, createWriteStream(source.path));
    if ((await stat(source.path)).size === 0) {
      throw new RunnerError(
        'EMPTY_FILE',
        `stdin (${STDIN_FILE}) is empty; pipe the predictions in, e.g. cat preds.${inputFormat} | assay score - --input-format ${inputFormat} ...`,
        { path: 'file' },
      );
    }
    return await use(source);
  } catch (error) {
    throw restated(error, source);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The provenance a saved report carries: the file as passed, its resolved format, size and
 * modification time (null for stdin, which has none), and the version of assay. Nothing
 * here is the wall clock, so one file gives one JSON report.
 *
 * @param source - the file scored
 * @param inputFormat - `--input-format`, else the format comes from the extension
 * @returns `{ input, assayVersion }`
 * @throws what `stat` throws for a file that vanished after it was read
 * @example
 * await scoreProvenance({ path: 'preds.csv', name: 'preds.csv' }, undefined);
 * // { input: { file: 'preds.csv', format: 'csv', bytes: 1234, modifiedAt: '2026-…Z' }, assayVersion: '0.1.0' }
 */
export async function scoreProvenance(
  source: ScoreSource,
  inputFormat: InputFormat | undefined,
): Promise<ScoreProvenance> {
  const info = await stat(source.path);
  return {
    input: {
      file: source.name,
      format: inputFormat ?? detectFormat(source.path),
      bytes: info.size,
      modifiedAt: source.name === STDIN_FILE ? null : info.mtime.toISOString(),
    },
    assayVersion: assayVersion(),
  };
}
