import { extname } from 'node:path';

/** The formats a command writes to `--out`. */
export type OutFormat = 'table' | 'json' | 'md';

/** `--out` extensions and the format each one means when `--format` is not given. */
const OUT_FORMATS: Readonly<Record<string, OutFormat>> = {
  '.json': 'json',
  '.md': 'md',
  '.markdown': 'md',
  '.txt': 'table',
};

/**
 * The format an `--out` file's extension names, or why it names none: shared by the commands
 * that write a report to `--out` (`score`, `loadtest`), so that they read extensions alike.
 *
 * @param out - the `--out` path
 * @param command - the command, for the message (`assay score`)
 * @param options - `noExtension`: the format of a file without an extension (refused when
 *   absent); `hint`: a sentence part added for one extension (e.g. `.html`: use `--report`)
 * @returns the format, or the message of a refusal (the caller throws its package's error)
 * @example
 * ```ts
 * outFormatOf('report.md', 'assay score'); // { format: 'md' }
 * ```
 */
export function outFormatOf(
  out: string,
  command: string,
  options: { noExtension?: OutFormat; hint?: (ext: string) => string } = {},
): { format: OutFormat } | { refusal: string } {
  const ext = extname(out).toLowerCase();
  const format = ext === '' ? options.noExtension : OUT_FORMATS[ext];
  if (format !== undefined) return { format };
  const named = ext === '' ? 'a file without an extension' : ext;
  return {
    refusal: `--out ${out}: ${command} writes JSON (.json), Markdown (.md) or a text table (.txt), not ${named}${options.hint?.(ext) ?? ''}; name the file so, or pass --format json|md|table to write it anyway.`,
  };
}
