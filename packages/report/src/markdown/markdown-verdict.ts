import { foldMeanText } from '../format/fold-mean-text.js';
import { fmt } from '../format/format-number.js';
import { metricIntervalText } from '../format/metric-interval-text.js';
import { metricScaleNote } from '../format/metric-scale.js';
import { metricGroups } from '../metrics-table/identical-metrics.js';
import { POSITIVE_CLASS_NOTE, positiveClassRows } from '../metrics-table/positive-class-rows.js';
import type { RunResults } from '../results/run-results-schema.js';
import { rankingDecisionGap, rankingDecisionWarning } from '../verdict/ranking-decision.js';
import { runVerdict } from '../verdict/verdict.js';
import { cellText, markdownInline, markdownParts } from './markdown-text.js';

/**
 * The verdict at the top of `report.md`: PASS / FAIL / NOT CHECKED and why, what was
 * evaluated, the headline metric per model with its interval in words, the biggest risk
 * and up to three more.
 *
 * @param r - the run's results
 * @returns Markdown lines
 * @example
 * markdownVerdict(results)[0]; // '## Verdict: PASS'
 */
export function markdownVerdict(r: RunResults): string[] {
  const v = runVerdict(r);
  const [biggest, ...others] = v.riskParts;
  return [
    `## Verdict: ${v.badge}`,
    '',
    // a qualified PASS says what it rests on before why it holds
    ...(v.caution !== null ? [`**${cellText(v.title)}.**`, ''] : []),
    `**${markdownParts(v.outcomeParts)}**`,
    '',
    cellText(v.evaluated),
    '',
    ...v.headline.map((s) => `- ${cellText(s)}`),
    '',
    ...(v.choice ? [`**Which model:** ${cellText(v.choice)}`, ''] : []),
    `**Biggest risk:** ${markdownParts(biggest ?? [])}`,
    '',
    ...(others.length > 0
      ? ['Other risks:', '', ...others.slice(0, 3).map((s) => `- ${markdownParts(s)}`), '']
      : []),
  ];
}

/**
 * The task metrics of `report.md`: one row per quantity (metrics identical by construction
 * share a row, with a note), then the positive class's precision, recall and false-positive
 * rate (binary tasks) and any ranking-versus-decision warning.
 *
 * @param r - the run's results
 * @param ci - the confidence level in percent
 * @returns Markdown lines
 * @example
 * markdownMetrics(results, 95)[0]; // '## Task metrics'
 */
export function markdownMetrics(r: RunResults, ci: number): string[] {
  const groups = metricGroups(r.evaluation.metrics, r.models);
  const lines = ['## Task metrics', ''];
  // one fold (method all, holdout): a fold mean would only repeat the pooled value
  const perFold = r.evaluation.folds > 1;
  lines.push(
    `| model | metric | pooled | ${ci}% CI |${perFold ? ' fold mean ± std |' : ''}`,
    perFold ? '|---|---|---|---|---|' : '|---|---|---|---|',
  );
  for (const m of r.models) {
    for (const { names } of groups) {
      const s = m.metrics[names[0]!];
      if (!s) continue;
      lines.push(
        `| ${cellText(m.name)} | ${names.join(' = ')} | ${fmt(s.value)}${s.reason ? ` (${cellText(s.reason)})` : ''} | ${metricIntervalText(s)} |${perFold ? ` ${foldMeanText(s)} |` : ''}`,
      );
    }
  }
  for (const g of groups.filter((x) => x.note !== null)) {
    lines.push('', `${g.names.join(' = ')}: ${g.note}; shown once.`);
  }
  const scale = metricScaleNote(groups.flatMap((g) => g.names));
  if (scale !== null) lines.push('', markdownInline(scale));
  for (const m of r.models) {
    const gap = rankingDecisionGap(m, r.task.positiveLabel);
    if (gap) lines.push('', `> **Warning:** ${cellText(rankingDecisionWarning(gap))}`);
  }
  return [...lines, ...positiveClassLines(r, ci)];
}

function positiveClassLines(r: RunResults, ci: number): string[] {
  const models = r.models.flatMap((m) => {
    const pc = positiveClassRows(m);
    return pc ? [{ m, pc }] : [];
  });
  if (models.length === 0) return [];
  const lines = [
    '',
    `### Positive class: ${cellText(models[0]!.pc.label)}`,
    '',
    `| model | figure | pooled | ${ci}% CI | in words |`,
    '|---|---|---|---|---|',
  ];
  for (const { m, pc } of models) {
    for (const row of pc.rows) {
      lines.push(
        `| ${cellText(m.name)} | ${row.name} | ${fmt(row.summary.value)} | ${metricIntervalText(row.summary)} | ${cellText(row.words)} |`,
      );
    }
  }
  lines.push('', POSITIVE_CLASS_NOTE);
  return lines;
}
