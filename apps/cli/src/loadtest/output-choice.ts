import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { LoadTestError, recordsFormatOf } from '@assay/loadtest';
import { outFormatOf } from '../options/out-format.js';
import { configKeyOf, type LoadtestFlags } from './loadtest-flags.js';

/** The formats `assay loadtest` writes. */
export const FORMATS = ['table', 'json', 'md'] as const;
/** One of {@link FORMATS}. */
export type Format = (typeof FORMATS)[number];

function refuse(message: string, path: string): never {
  throw new LoadTestError('INVALID_OPTION', message, path);
}

/**
 * Whether `--out`'s extension decides the format: when no format is given, and when the format
 * came from a `--config` file while `--out` came from the command line (flags win over the
 * file: `format: md` there and `--out x.json` here writes JSON), if the extension names one.
 */
function extensionWins(flags: LoadtestFlags): boolean {
  if (flags.out === undefined) return false;
  if (flags.format === undefined) return true;
  const formatInFile = configKeyOf(flags, 'format') !== undefined;
  const outInFile = configKeyOf(flags, 'out') !== undefined;
  return formatInFile && !outInFile && 'format' in outFormatOf(flags.out, 'assay loadtest');
}

/**
 * The format to write: `--format`, else `--out`'s extension; a command-line `--out` with an
 * extension that names a format also wins over a `format` from the `--config` file.
 *
 * @param flags - the flags (config file merged)
 * @returns the format
 * @throws LoadTestError `INVALID_OPTION` for an unknown format, or an `--out` extension that
 *   names none when no format is given
 * @example
 * ```ts
 * pickFormat({ out: 'run.md' }); // 'md'
 * ```
 */
export function pickFormat(flags: LoadtestFlags): Format {
  if (flags.out !== undefined && extensionWins(flags)) {
    const picked = outFormatOf(flags.out, 'assay loadtest', {
      hint: (ext) =>
        ext === '.html' || ext === '.htm' ? ' (the HTML report is --report FILE.html)' : '',
    });
    if ('refusal' in picked) refuse(picked.refusal, '--out');
    return picked.format;
  }
  const given = flags.format ?? 'table';
  if (!(FORMATS as readonly string[]).includes(given))
    refuse(
      `${configKeyOf(flags, 'format') ?? '--format'} is '${given}'; expected table, json or md.`,
      '--format',
    );
  return given as Format;
}

/** The device and inode of an existing file, to tell two names of one file (a link) apart. */
function identity(path: string): string | undefined {
  const s = statSync(path, { throwIfNoEntry: false });
  return s === undefined ? undefined : `${s.dev}:${s.ino}`;
}

/**
 * A refusal when two outputs name one file (`--out run.json --records run.json`): the one
 * written last would replace the other (the records were lost under the results).
 */
function refuseSameFile(flags: LoadtestFlags): void {
  const outputs = (['out', 'records', 'report'] as const)
    .filter((k) => flags[k] !== undefined)
    .map((k) => ({ key: k, path: flags[k]!, flag: configKeyOf(flags, k) ?? `--${k}` }));
  for (let a = 0; a < outputs.length; a++) {
    for (let b = a + 1; b < outputs.length; b++) {
      const x = outputs[a]!;
      const y = outputs[b]!;
      const same =
        resolve(x.path) === resolve(y.path) ||
        (identity(x.path) !== undefined && identity(x.path) === identity(y.path));
      if (same)
        refuse(
          `${x.flag} and ${y.flag} both name '${y.path}'; the one written last would replace the other: give each its own file.`,
          `--${y.key}`,
        );
    }
  }
}

/**
 * Checks the output flags before any request: the records' and report's extensions, two
 * outputs naming one file, and `--score` with a workload or a prompt column of its own.
 *
 * @param flags - the flags (config file merged)
 * @throws LoadTestError `INVALID_OPTION` naming the flag
 * @example
 * ```ts
 * checkOutputs({ out: 'run.json', records: 'run.json' }); // throws: --out and --records both name 'run.json'; …
 * ```
 */
export function checkOutputs(flags: LoadtestFlags): void {
  if (flags.records !== undefined && recordsFormatOf(flags.records) === undefined)
    refuse(
      `--records is '${flags.records}'; expected a file name ending in .jsonl or .arrow.`,
      '--records',
    );
  if (flags.report !== undefined && !flags.report.toLowerCase().endsWith('.html'))
    refuse(`--report is '${flags.report}'; expected a file name ending in .html.`, '--report');
  refuseSameFile(flags);
  if (
    flags.score !== undefined &&
    (flags.dataset !== undefined || flags.promptTokens !== undefined)
  )
    refuse(
      '--score takes its prompts from the run config; drop --dataset / --prompt-tokens.',
      '--score',
    );
  // it was ignored without a word: the run config's data set names its own prompt column
  if (flags.score !== undefined && flags.promptColumn !== undefined)
    refuse(
      `--prompt-column '${flags.promptColumn}' cannot be combined with --score, which takes its prompts from the run config's data set; drop --prompt-column (a data set file's text column is the run config's dataset.columns.text).`,
      '--prompt-column',
    );
}
