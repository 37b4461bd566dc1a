import {
  type ColumnKind,
  INPUT_FORMATS,
  type LoadedTable,
  loadColumns,
  RunnerError,
  type TextValue,
} from '@assay/runner';
import { HELD_OUT_GROUPS, loadSpamCorpus } from '@assay/spam-assassin';
import { LoadTestError } from '../errors.js';
import { SPAM_INSTRUCTION, type Workload } from './workload.js';

function spamWorkload(dataset: string): Workload {
  if (dataset !== 'builtin:spam-assassin') {
    throw new LoadTestError(
      'INVALID_DATASET',
      `--dataset '${dataset}' is not a built-in data set; the built-in one is builtin:spam-assassin.`,
      'dataset',
    );
  }
  const corpus = loadSpamCorpus([...HELD_OUT_GROUPS]);
  return {
    prompts: corpus.map((m) => `${SPAM_INSTRUCTION}\n\n${m.text}`),
    labels: corpus.map((m) => m.label),
    source: dataset,
  };
}

/** The runner's column reader, its errors restated as `INVALID_DATASET` naming the flag. */
async function read(dataset: string, columns: Map<string, ColumnKind>): Promise<LoadedTable> {
  try {
    return await loadColumns(dataset, { columns });
  } catch (error) {
    if (!(error instanceof RunnerError)) throw error;
    if (error.code === 'MISSING_COLUMN') {
      // only the prompt column is read without knowing it exists
      const prompt = [...columns.keys()][0]!;
      const found = (await read(dataset, new Map())).available;
      throw new LoadTestError(
        'INVALID_DATASET',
        `--dataset '${dataset}' has no column '${prompt}' (--prompt-column); the columns found are ${found.map((c) => `'${c}'`).join(', ') || '(none)'}: set --prompt-column to the one that holds the prompt.`,
        'prompt-column',
      );
    }
    if (error.code === 'UNKNOWN_FORMAT')
      // the runner's message points to assay score's --input-format, which loadtest has not
      throw new LoadTestError(
        'INVALID_DATASET',
        `--dataset '${dataset}' cannot be read: its extension names no format; --dataset reads ${INPUT_FORMATS.join(', ')} files, told apart by their extension (e.g. prompts.jsonl), or builtin:spam-assassin.`,
        'dataset',
      );
    throw new LoadTestError(
      'INVALID_DATASET',
      `--dataset '${dataset}' cannot be read: ${error.message}`,
      'dataset',
    );
  }
}

/**
 * A blank prompt (an empty CSV cell, `""`, spaces) would be sent as a request without input,
 * measuring a service that answers nothing in particular: refused, naming the rows.
 */
function refuseBlankPrompts(dataset: string, column: string, prompts: readonly string[]): void {
  const blank = prompts.flatMap((p, i) => (p.trim() === '' ? [i + 1] : []));
  if (blank.length === 0) return;
  const named = blank.slice(0, 5).join(', ');
  const more = blank.length > 5 ? `, and ${blank.length - 5} more` : '';
  throw new LoadTestError(
    'INVALID_DATASET',
    `--dataset '${dataset}' has an empty or blank prompt in column '${column}' (--prompt-column) in ${blank.length} of ${prompts.length} data rows (${named}${more}); each would be sent as a request without input: fill them in or remove those rows.`,
    'prompt-column',
  );
}

function asText(value: TextValue | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Prompts from `--dataset builtin:spam-assassin` (the held-out e-mails, with their labels) or a
 * data file: CSV, TSV, JSON Lines, Arrow IPC or Parquet, told apart by extension (`.csv`,
 * `.tsv`, `.jsonl`/`.ndjson`/`.json`, `.arrow`/`.feather`/`.ipc`, `.parquet`/`.pq`).
 *
 * @remarks
 * Files are read by `@assay/runner`'s column readers (`loadColumns`, the readers `assay score`
 * uses), only the prompt column and, when the file has it, the label column. The prompt is the
 * cell as written (an array cell as its JSON text).
 *
 * @param dataset - `builtin:spam-assassin` or a data file
 * @param promptColumn - the column holding the prompt (files), default `'prompt'`
 * @param labelColumn - the column holding the reference answer, read when present, default `'label'`
 * @returns the workload
 * @throws {@link LoadTestError} `INVALID_DATASET`: an unknown built-in or extension, an
 *   unreadable or empty file, a missing prompt column (path `prompt-column`, the message
 *   lists the columns found), a row without a prompt, or a prompt empty or blank
 * @example
 * ```ts
 * (await loadDatasetWorkload('builtin:spam-assassin')).prompts.length; // 2796
 * ```
 */
export async function loadDatasetWorkload(
  dataset: string,
  promptColumn = 'prompt',
  labelColumn = 'label',
): Promise<Workload> {
  if (dataset.startsWith('builtin:')) return spamWorkload(dataset);
  const wanted = new Map<string, ColumnKind>([[promptColumn, 'text']]);
  let table = await read(dataset, wanted);
  if (labelColumn !== promptColumn && table.available.includes(labelColumn)) {
    wanted.set(labelColumn, 'text');
    table = await read(dataset, wanted);
  }
  const promptCells = table.texts?.get(promptColumn)?.values ?? [];
  const labelCells = table.texts?.get(labelColumn)?.values;
  const prompts: string[] = [];
  const labels: (string | undefined)[] = [];
  for (let i = 0; i < table.n; i++) {
    const prompt = asText(promptCells[i]);
    if (prompt === undefined) {
      throw new LoadTestError(
        'INVALID_DATASET',
        `--dataset '${dataset}' data row ${i + 1} has no value in column '${promptColumn}' (--prompt-column); every row needs a prompt.`,
        'prompt-column',
      );
    }
    prompts.push(prompt);
    labels.push(asText(labelCells?.[i]));
  }
  if (prompts.length === 0) {
    throw new LoadTestError('INVALID_DATASET', `--dataset '${dataset}' has no rows.`, 'dataset');
  }
  refuseBlankPrompts(dataset, promptColumn, prompts);
  return { prompts, labels, source: dataset };
}
