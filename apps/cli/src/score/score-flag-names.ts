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
 * The `assay score` flag of each camelCase library name that runner messages use beside or
 * instead of the flag (`name it with posLabel (--pos-label)`, `--clusters (clusterIds)`,
 * `clusterIds cannot be combined with dropMissing`). Only camelCase names: a plain word such
 * as `labels` or `seed` is also English, and is mapped only where an error's `path` names it.
 */
const CAMEL_FLAGS: Readonly<Record<string, string>> = {
  posLabel: '--pos-label',
  dropMissing: '--drop-missing',
  clusterIds: '--clusters',
  foldIds: '--folds',
  yTrue: '--y-true',
  yPred: '--y-pred',
  yScore: '--y-score',
  yProba: '--y-proba',
  bleuTokenize: '--bleu-tokenize',
};

/** A camelCase option name as a word, with an optional index (`yProba[1]`). */
const CAMEL_NAME = new RegExp(
  `\\b(${Object.keys(CAMEL_FLAGS).join('|')})\\b(?:\\[(\\d+)\\])?`,
  'g',
);

/** Text in double quotes, as messages quote columns and labels: never rewritten. */
const QUOTED = /("(?:[^"\\]|\\.)*")/;

/**
 * A flag next to itself once library names became flags: `--pos-label (--pos-label)`,
 * `--drop-missing (--drop-missing: true)`, `(--folds, --folds)`.
 */
const DOUBLED = /(--[a-z][a-z-]*) \(\1(?:: [^)]*)?\)|(--[a-z][a-z-]*), \2(?![\w-])/g;

/**
 * Text from the runner in the command line's words: each camelCase library option name
 * becomes its flag, once (`name it with posLabel (--pos-label)` → `name it with
 * --pos-label`; `--clusters (clusterIds)` → `--clusters`; `yProba[1]` → `--y-proba item 2`).
 * Quoted text (column names, labels) is left as it is.
 *
 * @param text - an error message or report warning from the runner
 * @returns the text, with flags for library names
 * @example
 * ```ts
 * inCommandLineWords('clusterIds cannot be combined with dropMissing.');
 * // '--clusters cannot be combined with --drop-missing.'
 * ```
 */
export function inCommandLineWords(text: string): string {
  return text
    .split(QUOTED)
    .map((part, i) =>
      // odd parts are the quoted ones split kept
      i % 2 === 1
        ? part
        : part
            .replace(CAMEL_NAME, (_, name: string, index: string | undefined) => {
              const flag = CAMEL_FLAGS[name]!;
              return index === undefined ? flag : `${flag} item ${Number(index) + 1}`;
            })
            .replace(DOUBLED, (_, a: string | undefined, b: string | undefined) => (a ?? b)!),
    )
    .join('');
}

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
 * library option names as flags ({@link inCommandLineWords}: `--drop-missing (dropMissing:
 * true)` → `--drop-missing`, `posLabel (--pos-label)` → `--pos-label`), and
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
  const text = inCommandLineWords(inFlagWords(message, path));
  // a reader's message already names the file and line: `line 4 (data row 3) of x.csv`
  if (text.includes(file)) return text;
  return text.replace(/\bdata row (\d+)/, (_, row: string) => `data row ${row} of ${file}`);
}
