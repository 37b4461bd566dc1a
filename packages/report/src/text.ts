/**
 * The text building blocks alone: `@assay/report/text` formats numbers, intervals and
 * durations, draws terminal tables, escapes Markdown and shows progress, as the package's
 * entry does, without loading the zod schemas of `results.json`, the HTML and Markdown
 * reports or the charts, which a command that prints one table (`assay score`) does not need.
 *
 * @example
 * ```ts
 * import { formatValue, textTable } from '@assay/report/text';
 * console.log(textTable(['metric', 'value'], [['accuracy', formatValue(0.96174)]]));
 * ```
 * @packageDocumentation
 */
export {
  alphaOf,
  fmt,
  fmtP,
  formatCount,
  formatInteger,
  formatInterval,
  formatMs,
  formatUsd,
  formatValue,
  MISSING_VALUE,
} from './format/format-number.js';
export { metricScaleNote } from './format/metric-scale.js';
export { markdownInline } from './markdown/markdown-text.js';
export type {
  PhaseProgress,
  ProgressBar,
  ProgressBarOptions,
  ProgressStream,
} from './progress/progress-bar.js';
export { createProgressBar } from './progress/progress-bar.js';
export type { ModelProgress, ProgressPrinterOptions } from './progress/progress-printer.js';
export { createProgressPrinter } from './progress/progress-printer.js';
export { textTable } from './terminal/text-table.js';
