import { InvalidArgumentError } from 'commander';

/** Output formats of `assay compare --format`, named as `assay score` and `assay loadtest` name theirs. */
export const COMPARE_FORMATS = ['table', 'json', 'md', 'html'] as const;

/** One output format. */
export type CompareFormat = (typeof COMPARE_FORMATS)[number];

/** The file extension of each format, for the file names the messages suggest. */
export const COMPARE_FORMAT_EXTENSIONS: Readonly<Record<CompareFormat, string>> = {
  table: 'txt',
  json: 'json',
  md: 'md',
  html: 'html',
};

/** Older names still accepted by `--format`, and the format each one means. */
export const COMPARE_FORMAT_ALIASES: Readonly<Record<string, CompareFormat>> = { text: 'table' };

/**
 * Parses `assay compare --format`: one of {@link COMPARE_FORMATS}, or an alias from
 * {@link COMPARE_FORMAT_ALIASES} (`text`, the name before `table`, kept so scripts go on working).
 *
 * @param text - the flag's value
 * @returns the format
 * @throws InvalidArgumentError naming the valid formats and the alias
 * @example
 * parseCompareFormat('text'); // 'table'
 */
export function parseCompareFormat(text: string): CompareFormat {
  const alias = COMPARE_FORMAT_ALIASES[text];
  if (alias !== undefined) return alias;
  if ((COMPARE_FORMATS as readonly string[]).includes(text)) return text as CompareFormat;
  throw new InvalidArgumentError(
    `Allowed choices are ${COMPARE_FORMATS.join(', ')} (text is an alias of table).`,
  );
}
