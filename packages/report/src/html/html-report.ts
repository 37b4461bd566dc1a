import { calibrationChart } from '../charts/calibration-chart.js';
import { confusionHeatmap } from '../charts/confusion-heatmap.js';
import { foldBarChart } from '../charts/fold-bar-chart.js';
import { histogramChart } from '../charts/histogram-chart.js';
import { latencyCdfChart } from '../charts/latency-cdf-chart.js';
import { rocChart } from '../charts/roc-chart.js';
import { htmlEarlyStop } from '../early-stop/early-stop-sections.js';
import { comparisonIntervalNotes } from '../format/alike-bound-note.js';
import { countNoun } from '../format/count-noun.js';
import {
  datasetItemsText,
  everyItemOnceText,
  sliceCountCell,
  sliceCountHeader,
  sliceUnit,
} from '../format/count-words.js';
import { evaluationMethodText } from '../format/evaluation-method-text.js';
import { foldMeanText } from '../format/fold-mean-text.js';
import {
  alphaOf,
  bootstrapPForDecision,
  fmt,
  fmtBootstrapP,
  fmtP,
  formatUsd,
  levelText,
  MISSING_VALUE,
} from '../format/format-number.js';
import { NO_PAIRED_ITEMS } from '../format/no-paired-items.js';
import { runDurationText } from '../format/resumed-run-text.js';
import { thresholdDefinitions } from '../format/threshold-definitions.js';
import {
  baselineSource,
  thresholdIntervalCell,
  thresholdOutcome,
  thresholdValueCell,
} from '../format/threshold-text.js';
import { generationSlices } from '../generation/generation-slices.js';
import { choiceOrderNotes } from '../metrics-table/choice-order-notes.js';
import type { ModelResult, RunResults } from '../results/run-results-schema.js';
import { quotedInterval } from '../verdict/stopped-interval.js';
import { headlineMetric, runVerdict } from '../verdict/verdict.js';
import { escapeHtml as h } from './escape-html.js';
import { generationSections, generationSlicesTable } from './generation-section.js';
import { judgeSections } from './judge-section.js';
import { metricsSection } from './metrics-section.js';
import { REPORT_CSS } from './report-styles.js';
import { scrollTables } from './scroll-tables.js';
import { serviceTable } from './service-section.js';
import { verdictSection } from './verdict-section.js';
import { wrongAnswersSection } from './wrong-answers-section.js';

/** What becomes of answers that could not be read, by task. */
function unparseableNote(task: RunResults['task']['type']): string {
  switch (task) {
    case 'generation':
      return 'Answers the extraction chain could not read are scored as empty answers.';
    case 'regression':
      return 'Unparseable answers (without a number) are left out of the error metrics.';
    case 'multiple-choice':
      return 'Unparseable answers (naming no choice) count as wrong.';
    default:
      return 'Unparseable answers (matching no label) count as wrong.';
  }
}

/** A headline card's interval: the one the verdict quotes (a confidence sequence after a stop). */
function cardInterval(r: RunResults, m: ModelResult, metric: string): string {
  const q = quotedInterval(m, metric, r.evaluation.ci, r.earlyStop);
  if (q === null) return `${Math.round(r.evaluation.ci * 100)}% CI ${MISSING_VALUE}`;
  const name =
    q.kind === 'sequence'
      ? `${levelText(q.level)} confidence sequence`
      : `${levelText(q.level)} CI`;
  return `${name} [${fmt(q.low)}, ${fmt(q.high)}]${q.afterStop ? ' (too narrow after the early stop)' : ''}`;
}

/** The card's cost line when a price is known: in all, and per item. */
function cardCost(m: ModelResult): string {
  const usd = m.service.costUsd;
  if (usd === null) return '';
  const per = m.items.total > 0 ? ` (${formatUsd(usd / m.items.total)} per item)` : '';
  return `<div class="ci">cost ${formatUsd(usd)} for ${m.items.total} items${per}</div>`;
}

function headline(r: RunResults): string {
  // the metric the verdict quotes, so the card and the verdict agree
  const primary = headlineMetric(r) ?? r.evaluation.metrics[0];
  const cards = r.models.map((m) => {
    const s = primary ? m.metrics[primary] : undefined;
    return `<div class="card"><div class="k">${h(m.name)} · ${h(primary ?? 'answers')}</div><div class="v">${s ? fmt(s.value) : m.items.total}</div><div class="ci">${s && primary ? `${h(cardInterval(r, m, primary))}${r.evaluation.folds > 1 ? ` · folds ${h(foldMeanText(s))}` : ''}` : 'generation: outputs stored'}</div><div class="ci">p95 latency ${fmt(m.service.latencyMs.p95, 0)} ms · errors ${m.service.failed} · unparseable ${m.items.unparseable}</div>${cardCost(m)}</div>`;
  });
  if (r.thresholds.length > 0) {
    const failed = r.thresholds.filter((t) => !t.passed).length;
    // a qualified PASS (service thresholds only, another model answering) is not shown green
    const v = runVerdict(r);
    const tone = failed ? 'fail' : v.caution !== null ? 'caution' : 'pass';
    const what = v.caution === null ? '' : ` · ${v.caution}`;
    cards.push(
      `<div class="card"><div class="k">thresholds</div><div class="v ${tone}">${failed ? `${failed} failed` : 'all pass'}</div><div class="ci">${r.thresholds.length} checks${h(what)}</div></div>`,
    );
  }
  const warnings = r.models
    .flatMap((m) => m.notRepresentative ?? [])
    .map((reason) => `<p class="fail">Not representative — ${h(reason)}.</p>`);
  return `${warnings.join('')}<div class="cards">${cards.join('')}</div>`;
}

function itemsTable(r: RunResults): string {
  if (r.task.type === 'generation') return generationItemsTable(r);
  return `<table class="items"><thead><tr><th>model</th><th class="num">predictions</th><th class="num">scored</th><th class="num">distinct items</th><th class="num">correct</th><th class="num">wrong</th><th class="num">unparseable</th><th class="num">failed requests</th></tr></thead><tbody>${r.models
    .map(
      (m) =>
        `<tr><td>${h(m.name)}</td><td class="num">${m.items.total}</td><td class="num">${m.items.scored}</td><td class="num">${m.items.distinct ?? MISSING_VALUE}</td><td class="num">${m.items.correct}</td><td class="num">${m.items.wrong}</td><td class="num">${m.items.unparseable}</td><td class="num">${m.items.failed}</td></tr>`,
    )
    .join('')}</tbody></table>${itemCounts(r)}`;
}

/** Free text is scored, not right or wrong: answers and extraction failures per model. */
function generationItemsTable(r: RunResults): string {
  return `<table class="items"><thead><tr><th>model</th><th class="num">predictions</th><th class="num">distinct items</th><th class="num">answered</th><th class="num">extraction failed</th><th class="num">failed requests</th></tr></thead><tbody>${r.models
    .map(
      (m) =>
        `<tr><td>${h(m.name)}</td><td class="num">${m.items.total}</td><td class="num">${m.items.distinct ?? MISSING_VALUE}</td><td class="num">${m.items.total - m.items.failed - m.items.unparseable}</td><td class="num">${m.items.unparseable}</td><td class="num">${m.items.failed}</td></tr>`,
    )
    .join('')}</tbody></table>${itemCounts(r)}`;
}

/** The rows of one comparison: one per metric, the pair and McNemar's test spanning them. */
function comparisonRows(
  r: RunResults,
  c: RunResults['comparisons'][number],
  holm: boolean,
): string[] {
  return Object.entries(c.metrics).map(([metric, d], i) => {
    const mc =
      i === 0 && c.mcnemar
        ? `<td class="num" rowspan="${Object.keys(c.metrics).length}">${c.mcnemar.onlyA} / ${c.mcnemar.onlyB}<br>McNemar p = ${h(fmtP(c.mcnemar.pValue))}${holm ? `<br>Holm p = ${h(fmtP(c.mcnemar.pHolm))}` : ''}</td>`
        : i === 0
          ? `<td rowspan="${Object.keys(c.metrics).length}">${MISSING_VALUE}</td>`
          : '';
    const lead =
      i === 0
        ? `<td rowspan="${Object.keys(c.metrics).length}"><span class="nowrap">${h(c.b)}</span> − <span class="nowrap">${h(c.a)}</span><br><span class="note">${c.pairedItems} paired predictions</span></td>`
        : '';
    // as the terminal reads it: a bootstrap p of 0 counts as its bound 2/B
    const p = bootstrapPForDecision(d.pHolm ?? d.pValue, r.evaluation.bootstrap);
    const sig = p !== null && p < alphaOf(r.evaluation.ci);
    return `<tr>${lead}<td>${h(metric)}</td><td class="num ${sig ? ((d.difference ?? 0) > 0 === (r.evaluation.greaterIsBetter?.[metric] ?? true) ? 'pass' : 'fail') : ''}">${fmt(d.difference, 4)}</td><td class="num">[${fmt(d.ciLow, 4)}, ${fmt(d.ciHigh, 4)}]${d.interval === 'clopper-pearson' ? '<br><span class="note">Clopper-Pearson</span>' : ''}</td><td class="num">${h(fmtBootstrapP(d.pValue, r.evaluation.bootstrap))}${holm ? ` (Holm ${h(fmtBootstrapP(d.pHolm, r.evaluation.bootstrap))})` : ''}</td>${mc}</tr>`;
  });
}

/** "N predictions of M distinct items" per model, what the intervals resample, run warnings. */
function itemCounts(r: RunResults): string {
  const counts = r.models
    .filter((m) => m.items.distinct !== undefined)
    .map(
      (m) => `${h(m.name)}: ${m.items.scored} predictions of ${m.items.distinct} distinct items`,
    );
  const unit =
    r.evaluation.resampling === 'items'
      ? ' Intervals resample items: the predictions of one item (its repeats, samples or choice orders) are drawn together.'
      : '';
  const note = counts.length > 0 ? `<p class="note">${counts.join('; ')}.${unit}</p>` : '';
  const warnings = (r.warnings ?? []).map((w) => `<p class="fail">Warning: ${h(w)}</p>`);
  return note + warnings.join('');
}

function comparisonsSection(r: RunResults): string {
  if (r.comparisons.length === 0) return '';
  const ci = Math.round(r.evaluation.ci * 100);
  const holm = r.models.length > 2;
  const bounded = r.comparisons.some((c) =>
    Object.values(c.metrics).some((d) => d.interval === 'clopper-pearson'),
  );
  const rows = r.comparisons.flatMap((c) =>
    c.pairedItems === 0
      ? [
          `<tr><td><span class="nowrap">${h(c.b)}</span> − <span class="nowrap">${h(c.a)}</span><br><span class="note">0 paired predictions</span></td><td colspan="5">${h(NO_PAIRED_ITEMS)}</td></tr>`,
        ]
      : Object.keys(c.metrics).length === 0
        ? [
            // paired, but no metric compared: McNemar's test still has its cell
            `<tr><td><span class="nowrap">${h(c.b)}</span> − <span class="nowrap">${h(c.a)}</span><br><span class="note">${c.pairedItems} paired predictions</span></td><td colspan="4">${MISSING_VALUE}</td><td class="num">${c.mcnemar ? `${c.mcnemar.onlyA} / ${c.mcnemar.onlyB}<br>McNemar p = ${h(fmtP(c.mcnemar.pValue))}` : MISSING_VALUE}</td></tr>`,
          ]
        : comparisonRows(r, c, holm),
  );
  // each p says which test it is from: the bootstrap's for every metric (accuracy included),
  // McNemar's exact test in a column of its own
  return `<h2>Model vs model</h2><p class="note">Differences are B − A on the same items. Every metric, accuracy included: paired bootstrap (${r.evaluation.bootstrap} resamples), its ${ci}% CI and its p in the <em>bootstrap p</em> column. Accuracy also: McNemar's exact test on discordant pairs (only A right / only B right), its p in the <em>McNemar's exact test</em> column${holm ? '; p-values Holm-corrected across the model pairs' : ''}.</p><table class="comparisons"><thead><tr><th>comparison</th><th>metric</th><th class="num">Δ</th><th class="num">${ci}% CI (bootstrap${bounded ? '; Clopper-Pearson where marked' : ''})</th><th class="num">bootstrap p</th><th class="num">McNemar's exact test (accuracy): only A / only B right</th></tr></thead><tbody>${rows.join('')}</tbody></table>${comparisonIntervalNotes(
    r,
  )
    .map((n) => `<p class="note">${h(n)}.</p>`)
    .join('')}`;
}

function failuresSection(r: RunResults): string {
  const failing = r.models.filter((m) => m.service.failed > 0);
  if (failing.length === 0) return '';
  const rows = failing.flatMap((m) =>
    m.service.errorExamples.map(
      (e) =>
        `<tr><td>${h(m.name)}</td><td>${h(e.errorClass)}</td><td class="num">${m.service.errorsByClass[e.errorClass] ?? 0}</td><td><pre class="answer">${h(e.message.slice(0, 300))}</pre></td></tr>`,
    ),
  );
  return `<h3>Failed requests</h3><p class="note">Failed after the client's retries; their predictions are not scored. Rerun with <code>--retry-failed</code> to re-send only these.</p><table><thead><tr><th>model</th><th>error class</th><th class="num">requests</th><th>example</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function thresholdsSection(r: RunResults): string {
  if (r.thresholds.length === 0) return '';
  const level = `${Math.round(r.evaluation.ci * 1000) / 10}% interval`;
  // the result right after the threshold: on a phone the columns past the screen's edge are
  // the ones scrolled to last, and the outcome must not be one of them
  return `<h2>Thresholds</h2><table class="thresholds"><thead><tr><th>threshold</th><th>result</th><th>model</th><th class="num">value</th><th class="num">${level}</th><th>compared</th></tr></thead><tbody>${r.thresholds
    .map((t) => {
      const outcome = thresholdOutcome(t);
      const word = outcome === 'pass' ? 'pass' : outcome.toUpperCase();
      const why = [baselineSource(t), t.reason ?? t.caveat ?? ''].filter(Boolean).join('; ');
      const reason = why ? `<br><span class="note">${h(why)}</span>` : '';
      return `<tr><td><code>${h(t.threshold)}</code></td><td class="${outcome === 'pass' ? 'pass' : 'fail'}">${word}${reason}</td><td>${h(t.model)}</td><td class="num">${h(thresholdValueCell(t))}</td><td class="num">${h(thresholdIntervalCell(t))}</td><td>${h(t.bound ?? 'value')}</td></tr>`;
    })
    .join('')}</tbody></table>${thresholdDefinitions(r)
    .map((d) => `<p class="note">${h(d)}</p>`)
    .join('')}`;
}

function slicesSection(r: RunResults, m: ModelResult): string {
  if (m.slices.length === 0) return '';
  const text = generationSlices(m, r.evaluation.greaterIsBetter);
  if (text !== null) return generationSlicesTable(m, text);
  // a regression's slices rank by mean absolute error: an exact match says little there
  const mae = m.slices.some((s) => s.meanAbsoluteError !== undefined);
  const unit = sliceUnit(r.task.type);
  const shown = m.slices.slice(0, 8);
  // the error covers only the rows with a number: say how many had none
  const noNumber = mae && shown.some((s) => s.withoutNumber !== undefined);
  return `<h3>${h(m.name)}: worst slices</h3><table><thead><tr><th>group</th><th class="num">${sliceCountHeader(shown, unit)}</th><th class="num">${mae ? 'mean absolute error' : 'accuracy'}</th>${noNumber ? '<th class="num">no number</th>' : ''}<th class="num">failed</th></tr></thead><tbody>${shown
    .map(
      (s) =>
        `<tr><td>${h(s.group)}</td><td class="num">${sliceCountCell(s, shown, unit)}</td><td class="num">${fmt(mae ? s.meanAbsoluteError : s.accuracy)}</td>${noNumber ? `<td class="num">${s.withoutNumber ?? MISSING_VALUE}</td>` : ''}<td class="num">${s.errors}</td></tr>`,
    )
    .join(
      '',
    )}</tbody></table>${noNumber ? '<p class="note">mean absolute error: over the rows with a number; no number: rows left out of it (unparseable answers and failed requests).</p>' : ''}`;
}

/** What the slice tables count, where an item is asked more than once. */
function sliceCountNote(r: RunResults): string {
  const many = r.models.some((m) => m.slices.some((s) => s.items !== undefined && s.items !== s.n));
  if (!many) return '';
  const unit = sliceUnit(r.task.type);
  const why =
    unit === 'answers'
      ? 'each sample of an item is an answer'
      : 'each choice order or repeat of an item is a prediction';
  return ` The tables below count items and, in brackets, ${unit} (${why}).`;
}

/** The report's charts: per-fold bars, confusion heatmaps, ROC and calibration, latency. */
function reportCharts(r: RunResults) {
  // per-fold bars only under cross-validation: one fold would repeat the pooled value
  const chartsMetric = r.evaluation.folds > 1 ? r.evaluation.metrics.slice(0, 2) : [];
  const foldCharts = chartsMetric
    .map((metric) =>
      foldBarChart(
        metric,
        r.models.map((m) => ({
          name: m.name,
          folds: m.metrics[metric]?.folds ?? [],
          pooled: m.metrics[metric]?.value ?? null,
          ciLow: m.metrics[metric]?.ciLow ?? null,
          ciHigh: m.metrics[metric]?.ciHigh ?? null,
        })),
      ),
    )
    .join('');
  const confusion = r.models
    .filter((m) => m.confusion)
    .map((m) => confusionHeatmap(m.confusion!.labels, m.confusion!.matrix, m.name))
    .join('');
  const withRoc = r.models.filter((m) => m.rocCurve);
  const withCal = r.models.filter((m) => m.calibration);
  const probCharts = [
    withRoc.length ? rocChart(withRoc.map((m) => ({ name: m.name, ...m.rocCurve! }))) : '',
    withCal.length
      ? calibrationChart(withCal.map((m) => ({ name: m.name, ...m.calibration! })))
      : '',
  ].join('');
  const latencyCharts = [
    latencyCdfChart(r.models.map((m) => ({ name: m.name, values: m.latencySample }))),
    ...r.models.flatMap((m, i) =>
      m.ttftSample.length === 0
        ? []
        : [
            histogramChart(m.ttftSample, {
              title: `TTFT: ${m.name}`,
              xLabel: 'time to first token (ms)',
              colorIndex: i,
            }),
          ],
    ),
  ].join('');
  // a chart box that only says "no data" takes a screen on a phone: one line instead
  const noTtft = r.models.filter((m) => m.ttftSample.length === 0).map((m) => m.name);
  const ttftNote =
    noTtft.length === 0
      ? ''
      : `<p class="note ttft-none">TTFT: no data for ${h(noTtft.join(', '))} (non-streamed requests, or cached answers stored without timings).</p>`;
  return { foldCharts, confusion, probCharts, latencyCharts, ttftNote };
}

/** The line under the title: data, labels, method, resamples, models, duration, time. */
function subtitle(r: RunResults): string {
  const ci = Math.round(r.evaluation.ci * 100);
  return `<p class="sub">${h(r.dataset.source)} · ${datasetItemsText(r.dataset)}${
    Object.keys(r.dataset.labels).length
      ? ` (${Object.entries(r.dataset.labels)
          .map(([k, v]) => `${h(k)} ${v}`)
          .join(', ')})`
      : ''
  } · ${r.evaluation.method === 'all' ? h(everyItemOnceText(r)) : `${h(evaluationMethodText(r.evaluation))} · ${countNoun(r.evaluation.folds, 'fold')}`} · ${r.evaluation.bootstrap} bootstrap resamples, ${ci}% CI · ${countNoun(r.models.length, 'model')} · ${h(runDurationText(r))} · ${h(r.finishedAt)}</p>`;
}

/**
 * Renders `report.html`: one self-contained page (inline CSS and SVG charts, no
 * scripts, no network) with headline scores and CIs, per-fold bars, confusion
 * matrices, ROC and calibration curves, latency CDF and TTFT histograms,
 * service statistics, model-vs-model comparisons, thresholds, worst slices and
 * a sample of wrong answers; for generation tasks, per-metric histograms, per-slice
 * metrics and the worst items, and an LLM judge's grades and agreement with people
 * (escaped and cut short like every model output).
 *
 * @param r - run results
 * @returns the HTML document; every piece of data and model output is HTML-escaped
 * @example
 * htmlReport(results).startsWith('<!doctype html>'); // true
 */
export function htmlReport(r: RunResults): string {
  const classification = r.task.type === 'classification';
  // a generation run from before generation scoring has no metrics at all
  const scored =
    r.task.type !== 'generation' || r.models.some((m) => Object.keys(m.metrics).length > 0);
  const { foldCharts, confusion, probCharts, latencyCharts, ttftNote } = reportCharts(r);
  const groups = Object.entries(r.dataset.groups)
    .map(([g, n]) => `${h(g)} (${countNoun(n, 'item')})`)
    .join(', ');
  return scrollTables(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${h(r.name)} — assay report</title><style>${REPORT_CSS}</style></head>
<body><main>
<h1>${h(r.name)}</h1>
${verdictSection(r)}
${subtitle(r)}
${headline(r)}
${
  scored
    ? `<h2>Scores</h2>${metricsSection(r)}${choiceOrderNotes(r)
        .map((n) => `<p class="note">${h(n)}</p>`)
        .join('')}<div class="charts">${foldCharts}</div>`
    : '<p class="note">Generation task: outputs are stored in predictions.arrow; no metrics are computed.</p>'
}
<h2>Items</h2>${itemsTable(r)}
<p class="note">${unparseableNote(r.task.type)} Predictions whose request failed after retries are not scored; their number is shown per model.</p>
${classification ? `<h2>Confusion matrices</h2><div class="charts">${confusion}</div>${r.models.map((m) => (m.confusionNote ? `<p class="note">${h(m.name)}: ${h(m.confusionNote)}</p>` : '')).join('')}` : ''}
${probCharts ? `<h2>Scores as probabilities</h2><div class="charts">${probCharts}</div>` : ''}
${htmlEarlyStop(r)}
${generationSections(r)}
${judgeSections(r)}
${comparisonsSection(r)}
<h2>Service</h2>${serviceTable(r)}${failuresSection(r)}<div class="charts">${latencyCharts}</div>${ttftNote}
${thresholdsSection(r)}
${groups ? `<h2>Slices</h2><p class="note">Groups in the data set: ${groups}.${sliceCountNote(r)}</p>${r.models.map((m) => slicesSection(r, m)).join('')}` : ''}
${r.task.type !== 'generation' ? `<h2>Wrong answers</h2>${r.models.map((m) => wrongAnswersSection(m, r.prompts, r.task.type === 'regression', r.evaluation.folds > 1)).join('')}` : ''}
<p class="note">Generated by assay · results.json schemaVersion ${r.schemaVersion}.</p>
</main></body></html>
`);
}
