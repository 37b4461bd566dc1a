import { foldMeanText } from '../format/fold-mean-text.js';
import { fmt } from '../format/format-number.js';
import { metricIntervalText } from '../format/metric-interval-text.js';
import { metricScaleNote } from '../format/metric-scale.js';
import { metricGroups } from '../metrics-table/identical-metrics.js';
import { POSITIVE_CLASS_NOTE, positiveClassRows } from '../metrics-table/positive-class-rows.js';
import type { RunResults } from '../results/run-results-schema.js';
import { rankingDecisionGap, rankingDecisionWarning } from '../verdict/ranking-decision.js';
import { escapeHtml as h } from './escape-html.js';

function metricsTable(r: RunResults): string {
  const ci = Math.round(r.evaluation.ci * 100);
  const groups = metricGroups(r.evaluation.metrics, r.models);
  // one fold (method all, holdout): the per-fold columns would only repeat the pooled value
  const perFold = r.evaluation.folds > 1;
  const rows = r.models.flatMap((m) =>
    groups.flatMap(({ names }) => {
      const s = m.metrics[names[0]!];
      if (!s) return [];
      return [
        `<tr><td>${h(m.name)}</td><td>${names.map(h).join('<br>= ')}</td><td class="num">${fmt(s.value)}${s.reason ? `<br><span class="note">${h(s.reason)}</span>` : ''}</td><td class="num">${h(metricIntervalText(s))}</td>${perFold ? `<td class="num">${h(foldMeanText(s))}</td><td class="num">${s.folds.map((f) => fmt(f)).join(' · ')}</td>` : ''}</tr>`,
      ];
    }),
  );
  const notes = groups
    .filter((g) => g.note !== null)
    .map((g) => `<p class="note">${g.names.map(h).join(' = ')}: ${h(g.note!)}; shown once.</p>`);
  const scale = metricScaleNote(groups.flatMap((g) => g.names));
  if (scale !== null) notes.push(`<p class="note">${h(scale)}</p>`);
  return `<table class="scores wide"><thead><tr><th>model</th><th>metric</th><th class="num">pooled</th><th class="num">${ci}% CI</th>${perFold ? '<th class="num">fold mean ± std</th><th class="num">per fold</th>' : ''}</tr></thead><tbody>${rows.join('')}</tbody></table>${notes.join('')}`;
}

function positiveClassTable(r: RunResults): string {
  const ci = Math.round(r.evaluation.ci * 100);
  const models = r.models.flatMap((m) => {
    const pc = positiveClassRows(m);
    return pc ? [{ m, pc }] : [];
  });
  if (models.length === 0) return '';
  const rows = models.flatMap(({ m, pc }) =>
    pc.rows.map(
      (row) =>
        `<tr><td>${h(m.name)}</td><td>${h(row.name)}</td><td class="num">${fmt(row.summary.value)}</td><td class="num">${h(metricIntervalText(row.summary))}</td><td>${h(row.words)}</td></tr>`,
    ),
  );
  return `<h3>Positive class: ${h(models[0]!.pc.label)}</h3><table><thead><tr><th>model</th><th>figure</th><th class="num">pooled</th><th class="num">${ci}% CI</th><th>in words</th></tr></thead><tbody>${rows.join('')}</tbody></table><p class="note">${h(POSITIVE_CLASS_NOTE)}</p>`;
}

/**
 * The metrics part of `report.html`: the task metrics (metrics identical by construction
 * in one row, with a note), the positive class's precision, recall and false-positive rate
 * (binary tasks), and a warning where ranking and decision quality disagree.
 *
 * @param r - the run's results
 * @returns HTML (every text escaped)
 * @example
 * metricsSection(results).includes('<table>'); // true
 */
export function metricsSection(r: RunResults): string {
  const warnings = r.models
    .map((m) => rankingDecisionGap(m, r.task.positiveLabel))
    .filter((g) => g !== null)
    .map((g) => `<p class="warn">${h(rankingDecisionWarning(g))}</p>`);
  return `${metricsTable(r)}${warnings.join('')}${positiveClassTable(r)}`;
}
