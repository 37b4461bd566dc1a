import { CHART_CSS, escapeHtml, type LineSeries, lineChart, scrollTables } from '@assay/report';
import { candidateRow, constraintNotes } from './candidate-row.js';
import { degenerateIntervalNote } from './degenerate-interval-note.js';
import type { CandidateEvaluation } from './evaluate-candidate.js';
import type { MarginalMean } from './marginal-means.js';
import { nestedGap } from './nested-estimate.js';
import { paidSentence, requestsSentence } from './request-figures.js';
import type { TuneResults } from './tune-results.js';

const CSS =
  'body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1a1a1a}main{max-width:1000px;margin:0 auto;padding:1rem}table{border-collapse:collapse;margin:.5rem 0;display:block;overflow-x:auto}th,td{padding:.25rem .6rem;border-bottom:1px solid #ddd;text-align:left}svg{max-width:100%;height:auto}td,th{vertical-align:top}table.leaderboard td:nth-child(n+3),.nowrap{white-space:nowrap}.table-scroll{overflow-x:auto;max-width:100%}.table-scroll table{display:table;margin:0}.scroll-hint{display:none;color:#57606a;font-size:13px;margin:.25rem 0 0}@media (max-width:700px){.scroll-hint{display:block}}code{font:13px ui-monospace,monospace;background:#f6f8fa;padding:1px 4px;border-radius:3px}.note{color:#57606a;font-size:13px}';
const num = (v: number | null): string => (v === null ? '—' : v.toFixed(4));
const ci = (e: CandidateEvaluation): string =>
  e.ciLow === null || e.ciHigh === null ? '' : ` [${num(e.ciLow)}, ${num(e.ciHigh)}]`;

/** The winner against the runner-up, paired on the same items. */
function versusSentence(w: NonNullable<TuneResults['winner']>): string {
  const v = w.versus;
  if (v === null) return '';
  if (v.difference === null)
    return ` Against the runner-up, c${v.against} (${escapeHtml(v.label)}), no paired difference: they were scored on different items.`;
  const sign = v.difference >= 0 ? '+' : '';
  const interval =
    v.ciLow === null || v.ciHigh === null ? '' : ` [${num(v.ciLow)}, ${num(v.ciHigh)}]`;
  const p =
    v.pValue === null
      ? ''
      : `, p = ${v.pValue < 0.001 ? v.pValue.toExponential(1) : v.pValue.toFixed(3)}`;
  return ` Against the runner-up, c${v.against} (${escapeHtml(v.label)}), it scores <strong>${sign}${v.difference.toFixed(4)}${interval}</strong>${p} (the paired difference on the same ${w.tuning.items} items).`;
}

/** A score's interval of no width, in words, after a space; empty otherwise. */
function noteOf(e: CandidateEvaluation, metric: string): string {
  const note = degenerateIntervalNote(e, metric);
  return note === null ? '' : ` Note: ${escapeHtml(note)}`;
}

function verdict(r: TuneResults): string {
  const w = r.winner;
  if (!r.finished)
    return '<p><strong>The search has not finished</strong>: it is running, or it stopped on an error or an interruption (rerun the same command to resume; nothing answered is sent again). No winner has been chosen yet; the table shows the evaluations so far.</p>';
  if (w === null)
    return `<p><strong>No candidate won</strong>: none had a value of ${escapeHtml(r.metric)} and met the constraints.</p>`;
  const test =
    r.nested !== null
      ? nestedSentence(r)
      : w.test === null
        ? 'The winner was not scored on held-out items.'
        : `On ${w.test.items} held-out test items it scores <strong>${num(w.test.value)}${ci(w.test)}</strong>: the honest estimate.${noteOf(w.test, r.metric)}`;
  return [
    `<p><strong>Winner: c${w.index}</strong> (${escapeHtml(w.label)}). ${escapeHtml(w.reason)}</p>`,
    `<p>Its ${escapeHtml(r.metric)} on the ${w.tuning.items} tuning items is ${num(w.tuning.value)}${ci(w.tuning)}; this is ${escapeHtml(w.tuningCaveat)}.${versusSentence(w)} ${test}</p>`,
    requestsParagraph(r),
  ].join('\n');
}

/** Where the requests came from, what was paid for, and how much of the space was seen. */
function requestsParagraph(r: TuneResults): string {
  const paid = paidSentence(r);
  return `<p>Requests: ${escapeHtml(requestsSentence(r))}. ${paid === null ? '' : `${escapeHtml(paid)} `}${costSentence(r)} Candidates seen: ${r.coverage.evaluated} of ${r.coverage.candidates}.${r.stoppedBy === null ? '' : ` <strong>Stopped early by ${escapeHtml(r.stoppedBy)}.</strong>`}</p>`;
}

/** The dollars paid, or that they are unknown (never $0 for a model without a price). */
function costSentence(r: TuneResults): string {
  const usd = r.spent.costUsd;
  return usd === null
    ? 'Cost: unknown (a model without a price: set models[].price).'
    : `Cost: $${usd.toFixed(4)}.`;
}

function thresholdSection(r: TuneResults): string {
  const t = r.threshold;
  if (t === null) return '';
  const chart = lineChart(
    [
      {
        name: `mean ${t.metric} over ${t.cvFolds} folds`,
        x: [...t.curve.thresholds],
        y: [...t.curve.values],
      },
    ],
    {
      title: 'metric against the decision threshold',
      xLabel: `threshold on the score of ${t.positiveLabel}`,
      yLabel: t.metric,
      width: 520,
    },
  );
  const apply =
    t.use === 'tuned' ? ': apply the threshold to the scores (score in predictions.arrow)' : '';
  return `<h2>Decision threshold</h2><p><strong>${escapeHtml(t.verdict)}</strong></p><p>The tuned threshold ${t.threshold.toFixed(4)} (${escapeHtml(t.positiveLabel)} when its score is at least that) was chosen by ${t.cvFolds}-fold cross-validation on the winner's ${t.items} tuning answers (${t.unscored} without a score left out): mean ${escapeHtml(t.metric)} ${num(t.tuning.defaultValue)} with the model's own answers, ${num(t.tuning.tunedValue)} with the threshold (optimistic: chosen on these folds). A run config has no threshold field, so best.yaml runs the model's own answers${escapeHtml(apply)}.</p>${chart}`;
}

function nestedSentence(r: TuneResults): string {
  const n = r.nested!;
  const e = n.estimate;
  const value =
    e === null
      ? '—'
      : `${num(e.value)}${e.ciLow === null || e.ciHigh === null ? '' : ` [${num(e.ciLow)}, ${num(e.ciHigh)}]`}`;
  const chosen = n.folds.map((f) => (f.winner === null ? '—' : `c${f.winner}`)).join(', ');
  const gap = nestedGap(n);
  return `Nested cross-validation (${n.outer} outer &times; ${n.inner} inner folds) estimates the whole procedure at <strong>${value}</strong> on the outer test folds: the honest estimate (each outer fold chose ${chosen}).${gap === null ? '' : ` No pooled estimate: ${escapeHtml(gap)}; pooling the other folds would leave out where the procedure failed.`}`;
}

/** Where the winner's config is and how to run it: `best.yaml`, next to this report. */
function bestConfig(r: TuneResults): string {
  if (!r.finished || r.winner === null) return '';
  return `<p><strong>Best config:</strong> <a href="best.yaml"><code>best.yaml</code></a>, next to this report: the run configuration with the winner's settings (c${r.winner.index}). Evaluate it with <code>assay run best.yaml</code> in this folder (or <code>assay run &lt;this folder&gt;/best.yaml</code>); answers the search already asked come from the cache.</p>`;
}

/** A candidate's settings, each `key=value` kept on one line (a value may hold hyphens). */
function settingsCell(label: string): string {
  return label
    .split(' ')
    .map((t) => `<span class="nowrap">${escapeHtml(t)}</span>`)
    .join(' ');
}

function leaderboard(r: TuneResults): string {
  const rows = r.candidates
    .map((c) => ({ c, e: candidateRow(c) }))
    .sort(
      (a, b) =>
        b.e.items - a.e.items ||
        (r.greaterIsBetter ? 1 : -1) * ((b.e.value ?? -Infinity) - (a.e.value ?? -Infinity)),
    )
    .map(
      ({ c, e }) =>
        `<tr><td>c${c.index}${r.winner?.index === c.index ? ' ★' : ''}</td><td>${settingsCell(c.label)}</td><td>${e.items}</td><td>${num(e.value)}${ci(e)}</td><td>${Math.round(e.tokensPerItem)}</td><td>${e.p95LatencyMs === null ? '—' : e.p95LatencyMs.toFixed(1)}</td><td>${escapeHtml(c.status)}</td><td>${escapeHtml(constraintNotes(e).join('; '))}</td></tr>`,
    );
  return `<table class="leaderboard"><thead><tr><th>candidate</th><th>settings</th><th>items</th><th>${escapeHtml(r.metric)} [CI]</th><th>tokens/item</th><th>p95 ms</th><th>status</th><th>constraints missed or not checkable</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Each candidate's rung scores as a line; the winner's thicker, on top, named in the legend. */
function rungSeries(r: TuneResults): LineSeries[] {
  return r.candidates.map((c) => {
    const es = c.evaluations
      .filter((e) => e.rung !== 'test' && e.value !== null)
      .sort((a, b) => a.items - b.items);
    const won = r.winner?.index === c.index;
    return {
      name: won ? `c${c.index} ★ winner` : `c${c.index}`,
      x: es.map((e) => e.items),
      y: es.map((e) => e.value!),
      markers: true,
      ...(won ? { emphasis: true } : {}),
    };
  });
}

/**
 * Candidates whose lines coincide (the same score at every rung), which the chart draws on
 * top of each other: `c0, c1, c3 and c4 (0.3333 at 64 items)`, one group per line.
 */
function tiesNote(r: TuneResults, series: readonly LineSeries[]): string {
  const groups = new Map<string, { names: string[]; x: number; y: number }>();
  series.forEach((s, i) => {
    if (s.x.length === 0) return;
    const key = JSON.stringify([s.x, s.y]);
    const g = groups.get(key) ?? { names: [], x: s.x[s.x.length - 1]!, y: s.y[s.y.length - 1]! };
    g.names.push(`c${r.candidates[i]!.index}`);
    groups.set(key, g);
  });
  const ties = [...groups.values()].filter((g) => g.names.length > 1);
  if (ties.length === 0) return '';
  const words = (names: string[]): string =>
    names.length === 2
      ? names.join(' and ')
      : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  const listed = ties
    .map((g) => `${words(g.names)} tied at ${num(g.y)} on ${g.x} items`)
    .join('; ');
  return `<p class="note">Lines drawn on top of each other (the same score at every rung): ${escapeHtml(listed)}.${r.winner === null ? '' : ` The winner, c${r.winner.index}, is the thick line.`}</p>`;
}

function rungChart(r: TuneResults): string {
  const series = rungSeries(r);
  if (series.every((s) => s.x.length === 0)) return '';
  return `${lineChart(series, {
    title: `${r.metric} by rung`,
    xLabel: 'items',
    yLabel: r.metric,
    width: 560,
    legendOutside: true,
  })}${tiesNote(r, series)}`;
}

/** The interval of a marginal mean, or why there is none. */
function marginalInterval(m: MarginalMean): string {
  if (m.ciLow !== null && m.ciHigh !== null) return ` [${num(m.ciLow)}, ${num(m.ciHigh)}]`;
  if (m.n === 1) return ' (one candidate: no interval)';
  if (m.n > 1 && m.mean !== null) return ` (all ${m.n} scored the same: no interval)`;
  return '';
}

function marginal(r: TuneResults): string {
  const blocks = Object.entries(r.marginalMeans).map(([path, means]) => {
    const rows = means.map(
      (m) =>
        `<tr><td>${escapeHtml(JSON.stringify(m.value).slice(0, 60))}</td><td>${m.n}</td><td>${num(m.mean)}${marginalInterval(m)}</td></tr>`,
    );
    return `<h3>${escapeHtml(path)}</h3><table><thead><tr><th>value</th><th>candidates</th><th>mean ${escapeHtml(r.metric)} [CI]</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  });
  return blocks.join('\n');
}

/**
 * The search's report: the verdict (winner, optimistic tuning score, honest test score, requests
 * saved), where the winner's `best.yaml` is and how to run it, the leaderboard (scrolling sideways on
 * a narrow screen), the halving rungs as a chart (the winner's line thick, ties named) and each
 * parameter's marginal means.
 *
 * @param r - the search's results
 * @returns a self-contained HTML page
 * @example
 * tuneHtml(tuned).startsWith('<!doctype html>'); // true
 */
export function tuneHtml(r: TuneResults): string {
  return scrollTables(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>assay tune: ${escapeHtml(r.name)}</title><style>${CSS}${CHART_CSS}</style></head><body><main>
<h1>assay tune: ${escapeHtml(r.name)}</h1>
<p>${escapeHtml(r.strategy)} over ${r.coverage.candidates} candidates, ranked by ${escapeHtml(r.metric)} (${r.greaterIsBetter ? 'higher' : 'lower'} is better), ${r.items.tuning} tuning and ${r.items.test} test items.</p>
${verdict(r)}
${bestConfig(r)}
${thresholdSection(r)}
<h2>Leaderboard</h2>${leaderboard(r)}
<h2>Rungs</h2>${rungChart(r)}
<h2>Effect of each parameter</h2><p>Mean score of the candidates with each value, on the first rung's items (where every candidate was scored), with a normal interval over those candidates.</p>${marginal(r)}
</main></body></html>
`);
}
