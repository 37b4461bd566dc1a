import { open } from 'node:fs/promises';
import { RunnerError } from '../errors.js';

/**
 * Refuses a file read as CSV or TSV whose first character (after a byte-order mark and blank
 * space) opens a JSON object or array: JSON Lines saved under `.csv` was refused for a quote
 * "right after the closing quote" of its first key, which named nothing of the cause.
 *
 * @param file - the file
 * @param format - `csv` or `tsv`, as it is being read
 * @throws {@link RunnerError} `UNREADABLE_FILE` naming the file and the two ways on
 * @example
 * await refuseJsonAsCsv('preds.csv', 'csv'); // undefined: the header is `label,prediction`
 */
export async function refuseJsonAsCsv(file: string, format: 'csv' | 'tsv'): Promise<void> {
  const handle = await open(file, 'r').catch(() => undefined);
  // a file that cannot be opened is the reader's to report
  if (handle === undefined) return;
  let first: string | undefined;
  try {
    const head = Buffer.alloc(64);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    first = head
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimStart()[0];
  } finally {
    await handle.close();
  }
  if (first !== '{' && first !== '[') return;
  throw new RunnerError(
    'UNREADABLE_FILE',
    `${file} is read as ${format.toUpperCase()} (by its extension), but its first line starts with a JSON ${first === '{' ? 'object' : 'array'}, as JSON Lines does: name it .jsonl, or pass --input-format jsonl (format: 'jsonl').`,
    { path: file },
  );
}
