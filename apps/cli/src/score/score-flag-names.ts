/**
 * The `assay score` flag of each scoring option whose name a runner error's message starts
 * with (the library speaks of its options: `posLabel is "Fraud", ...`; a command-line user
 * typed `--pos-label`).
 */
const FLAGS: Readonly<Record<string, string>> = {
  posLabel: '--pos-label',
  labels: '--labels',
  bootstrap: '--bootstrap',
  seed: '--seed',
  ci: '--ci',
  workers: '--workers',
  normalize: '--normalize',
};

/**
 * A runner error's message in the command line's words: a leading option name becomes its
 * flag (`posLabel is ...` → `--pos-label is ...`; `labels[1] repeats ...` → `--labels item 2
 * repeats ...`). Other messages are returned as they are.
 *
 * @param message - the error's message
 * @param path - the error's `path` (the option at fault), when it has one
 * @returns the message, with the flag where the option was named
 * @example
 * ```ts
 * inFlagWords('seed must be an integer in [0, 4294967295], got -1.', 'seed');
 * // '--seed must be an integer in [0, 4294967295], got -1.'
 * ```
 */
export function inFlagWords(message: string, path: string | undefined): string {
  if (path === undefined) return message;
  const m = /^([A-Za-z]+)(?:\[(\d+)\])?$/.exec(path);
  const flag = m === null ? undefined : FLAGS[m[1]!];
  if (m === null || flag === undefined || !message.startsWith(path)) return message;
  const what = m[2] === undefined ? flag : `${flag} item ${Number(m[2]) + 1}`;
  return what + message.slice(path.length);
}

/**
 * A runner error's message as `assay score` prints it: in flag words ({@link inFlagWords}),
 * without the library's option name beside a flag (`--drop-missing (dropMissing: true)`), and
 * with the file named where it cites a data row without one (the runner checks columns after
 * loading, so its `data row 2` did not say of which file).
 *
 * @param message - the error's message
 * @param path - the error's `path`, when it has one
 * @param file - the predictions file
 * @returns the message to print
 * @example
 * ```ts
 * scoreErrorText('Column "p" has a missing value at data row 2; pass --drop-missing (dropMissing: true) to drop such rows.', 'p', 'm.csv');
 * // 'Column "p" has a missing value at data row 2 of m.csv; pass --drop-missing to drop such rows.'
 * ```
 */
export function scoreErrorText(message: string, path: string | undefined, file: string): string {
  const text = inFlagWords(message, path).replaceAll(' (dropMissing: true)', '');
  // a reader's message already names the file and line: `line 4 (data row 3) of x.csv`
  if (text.includes(file)) return text;
  return text.replace(/\bdata row (\d+)/, (_, row: string) => `data row ${row} of ${file}`);
}
