import { thresholdDefinitions } from '../format/threshold-definitions.js';
import {
  baselineSource,
  thresholdIntervalCell,
  thresholdOutcome,
  thresholdValueCell,
} from '../format/threshold-text.js';
import type { RunResults } from '../results/run-results-schema.js';
import { cellText, markdownInline } from './markdown-text.js';

const RESULT_WORD = { pass: 'pass', fail: '**FAIL**', error: '**ERROR**' } as const;

/**
 * A threshold expression as a code span. Entities are not decoded inside code spans, so
 * `>=` must stay raw there; the threshold grammar admits no backtick, pipe or `<tag>`, and
 * anything else is shown as escaped plain text.
 */
function expressionCell(source: string): string {
  return /^[\w .<>=+-]*$/.test(source) && !/<[a-z]/i.test(source)
    ? `\`${source}\``
    : markdownInline(source);
}

/**
 * The Markdown table of a run's threshold checks: threshold, model, value, interval, the
 * figure compared (value or an interval end), and the result with its reason; then what
 * `error_rate` and `unparseable_rate` count, when a threshold reads them.
 *
 * @param r - the run's results
 * @returns the table's lines (header included), empty without thresholds
 * @example
 * thresholdTableMarkdown(results)[0]; // '| threshold | model | value | 95% interval | compared | result |'
 */
export function thresholdTableMarkdown(r: RunResults): string[] {
  if (r.thresholds.length === 0) return [];
  const level = `${Math.round(r.evaluation.ci * 1000) / 10}% interval`;
  return [
    `| threshold | model | value | ${level} | compared | result |`,
    '|---|---|---|---|---|---|',
    ...r.thresholds.map((t) => {
      const outcome = thresholdOutcome(t);
      const why =
        [baselineSource(t), t.reason ?? t.caveat ?? ''].filter(Boolean).join('; ') || undefined;
      const reason = why === undefined ? '' : ` (${cellText(why)})`;
      return `| ${expressionCell(t.threshold)} | ${cellText(t.model)} | ${cellText(thresholdValueCell(t))} | ${thresholdIntervalCell(t)} | ${t.bound ?? 'value'} | ${RESULT_WORD[outcome]}${reason} |`;
    }),
    // the metric's name as code, as the table writes it: escaped, `error\_rate` would read oddly
    ...thresholdDefinitions(r).flatMap((d) => {
      const name = d.slice(0, d.indexOf(' '));
      return ['', `\`${name}\`${markdownInline(d.slice(name.length))}`];
    }),
  ];
}
