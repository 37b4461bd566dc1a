import { writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { RunnerError, type ScoreReport } from '@assay/runner/scoring';
import { makeFolder } from '../options/make-folder.js';
import { outFormatOf } from '../options/out-format.js';
import { formatMarkdown } from './format-markdown.js';
import { formatTable } from './format-table.js';
import type { ScoreCommandOptions } from './score-command-options.js';
import { inCommandLineWords } from './score-flag-names.js';

/**
 * The report's format: `--format`, else `--out`'s extension, else a table on a terminal and
 * JSON otherwise.
 *
 * @param options - `format` and `out`
 * @returns the format to write
 * @throws {@link RunnerError} `INVALID_OPTION` for an `--out` extension that names no format
 *   (`report.html` would otherwise silently hold JSON)
 * @example
 * scoreReportFormat({ out: 'report.md' }); // 'md'
 */
export function scoreReportFormat(
  options: Pick<ScoreCommandOptions, 'format' | 'out'>,
): 'table' | 'json' | 'md' {
  if (options.format !== undefined) return options.format;
  if (options.out !== undefined) {
    const picked = outFormatOf(options.out, 'assay score', { noExtension: 'json' });
    if ('refusal' in picked)
      throw new RunnerError('INVALID_OPTION', picked.refusal, { path: 'out' });
    return picked.format;
  }
  return process.stdout.isTTY === true ? 'table' : 'json';
}

/**
 * Renders a report in the chosen format.
 *
 * @param report - the report
 * @param format - table, json or md
 * @param title - Markdown title
 * @returns the text
 */
export function renderReport(
  report: ScoreReport,
  format: 'table' | 'json' | 'md',
  title: string,
): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'md') return formatMarkdown(report, title);
  return formatTable(report);
}

/**
 * Writes a score report to stdout or `--out` in the chosen format, with the runner's
 * worker-count warning (if any) first among its warnings and on stderr. The report's other
 * warnings go to stderr too when the report is JSON or goes to a file (a table on the terminal
 * shows them), each in flag words ({@link inCommandLineWords}) wherever it goes.
 *
 * @param scored - the report
 * @param runnerWarning - `runner.warning`
 * @param file - the scored file, for the Markdown title
 * @param options - `format`, `out`, `quiet`
 * @returns when the report is written
 * @throws {@link RunnerError} `INVALID_OPTION` when `--out` cannot be written
 */
export async function writeScoreReport(
  scored: ScoreReport,
  runnerWarning: string | undefined,
  file: string,
  options: Pick<ScoreCommandOptions, 'format' | 'out' | 'quiet'>,
): Promise<void> {
  // the runner's warnings may name its options (`--clusters (clusterIds)`): flags here
  const warnings = scored.warnings.map(inCommandLineWords);
  let report: ScoreReport = { ...scored, warnings };
  if (runnerWarning !== undefined) {
    report = { ...report, warnings: [`--${runnerWarning}`, ...warnings] };
    if (options.quiet !== true) process.stderr.write(`assay score: warning: --${runnerWarning}\n`);
  }
  const format = scoreReportFormat(options);
  const text = renderReport(report, format, `assay score: ${file}`);
  // a terminal shows a table's warnings; a JSON report, or any report in a file, would keep
  // them where nobody reading the terminal sees them
  if (options.quiet !== true && (format === 'json' || options.out !== undefined))
    for (const warning of warnings) process.stderr.write(`assay score: warning: ${warning}\n`);
  if (options.out === undefined) {
    process.stdout.write(text);
    return;
  }
  try {
    // as `assay run --junit` does: a new folder for the report is made, not refused
    makeFolder(dirname(options.out));
    await writeFile(options.out, text);
  } catch (error) {
    throw new RunnerError(
      'INVALID_OPTION',
      `--out ${options.out} could not be written (${(error as Error).message}); pass a writable path.`,
      { path: 'out', cause: error },
    );
  }
  if (options.quiet !== true) process.stderr.write(`wrote ${options.out}\n`);
}
