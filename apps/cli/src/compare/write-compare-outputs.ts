import { writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  type CompareResult,
  compareHtml,
  compareJunit,
  compareMarkdown,
  compareText,
} from '@assay/eval';
import { makeFolder } from '../options/make-folder.js';
import type { CompareFormat } from './compare-formats.js';

/**
 * A comparison in one format.
 *
 * @param result - the comparison
 * @param format - table, json, md or html
 * @returns the document
 */
export function renderCompare(result: CompareResult, format: CompareFormat): string {
  switch (format) {
    case 'table':
      return compareText(result);
    case 'json':
      return `${JSON.stringify(result, null, 2)}\n`;
    case 'md':
      return compareMarkdown(result);
    case 'html':
      return compareHtml(result);
  }
}

async function writeText(path: string, text: string): Promise<void> {
  makeFolder(dirname(path));
  await writeFile(path, text);
}

/**
 * Writes what `assay compare` was asked for and prints the rest: the table (or, without
 * `--out`, the chosen format) on stdout, and the decision's reason as the last line.
 *
 * @param result - the comparison
 * @param opts - format, `--out` file and `--junit` file
 * @remarks The reason is the last line on stdout for the table or whenever `--out`
 *   takes the document; a JSON, Markdown or HTML document on stdout stays whole and the
 *   reason goes to stderr as its last line.
 */
export async function writeCompareOutputs(
  result: CompareResult,
  opts: { format: CompareFormat; out?: string | undefined; junit?: string | undefined },
): Promise<void> {
  if (opts.junit !== undefined) await writeText(opts.junit, compareJunit(result));
  if (opts.out !== undefined) {
    await writeText(opts.out, renderCompare(result, opts.format));
    process.stdout.write(compareText(result));
    return;
  }
  process.stdout.write(renderCompare(result, opts.format));
  if (opts.format !== 'table') process.stderr.write(`${result.decision.reason}\n`);
}
