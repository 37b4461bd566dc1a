import { binnedHistogramChart } from '../charts/binned-histogram-chart.js';
import { sliceCountCell, sliceCountHeader } from '../format/count-words.js';
import { FOLD_NUMBERING } from '../format/fold-numbering.js';
import { fmt, MISSING_VALUE } from '../format/format-number.js';
import { truncateText } from '../format/truncate-text.js';
import {
  extractionFailuresInWords,
  generationSliceCounts,
  HTML_TEXT_CHARS,
  histogramUnit,
  perItemScoreName,
  SAMPLE_NUMBERING,
  samplingInWords,
  sentenceScoreNote,
  sliceMetrics,
} from '../generation/generation-facts.js';
import type { GenerationSlice } from '../generation/generation-slices.js';
import type { GenerationSummary, ModelResult, RunResults } from '../results/run-results-schema.js';
import { escapeHtml as h } from './escape-html.js';

/** Untrusted text, cut short and escaped, in a scrolling block. */
function textBlock(text: string): string {
  return `<pre class="answer">${h(truncateText(text, HTML_TEXT_CHARS))}</pre>`;
}

function histograms(m: ModelResult, g: GenerationSummary, colorIndex: number): string {
  const unit = histogramUnit(g);
  const charts = Object.entries(g.histograms).map(([metric, hist]) =>
    binnedHistogramChart(hist.edges, hist.counts, {
      title: `${perItemScoreName(metric, g)}: ${m.name}`,
      xLabel: `${perItemScoreName(metric, g)} per ${unit.per}`,
      yLabel: unit.counts,
      colorIndex,
    }),
  );
  return charts.length > 0 ? `<div class="charts">${charts.join('')}</div>` : '';
}

function slicesTable(m: ModelResult, g: GenerationSummary): string {
  if (g.slices.length === 0) return '';
  const metrics = sliceMetrics(g.slices);
  const slices = generationSliceCounts(m);
  const rows = slices.map(
    (s) =>
      `<tr><td>${h(s.group)}</td><td class="num">${sliceCountCell(s, slices, 'answers')}</td>${metrics.map((k) => `<td class="num">${fmt(s.metrics[k] ?? null)}</td>`).join('')}</tr>`,
  );
  return `<table class="generation-slices"><thead><tr><th>group</th><th class="num">${sliceCountHeader(slices, 'answers')}</th>${metrics.map((k) => `<th class="num">${h(k)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function worstItemRow(
  w: GenerationSummary['worstItems'][number],
  g: GenerationSummary,
  folded: boolean,
): string {
  const extracted =
    w.extracted === null
      ? `<span class="fail">no match</span><br><span class="note">scored as an empty answer ('')</span>`
      : textBlock(w.extracted);
  const references =
    w.reference.length === 0
      ? `<span class="note">${MISSING_VALUE}</span>`
      : w.reference.map(textBlock).join('');
  const others = Object.entries(w.scores)
    .filter(([k]) => k !== w.metric)
    .map(([k, v]) => `${h(perItemScoreName(k, g))} ${fmt(v)}`)
    .join('<br>');
  return `<tr><td>${h(w.id)}<br><span class="note">${folded ? `fold ${w.fold + 1} · ` : ''}sample ${w.sample}</span></td><td class="num">${h(perItemScoreName(w.metric, g))} ${fmt(w.value)}${others ? `<br><span class="note">${others}</span>` : ''}</td><td>${textBlock(w.output)}</td><td>${extracted}</td><td>${references}</td></tr>`;
}

function worstItemsTable(g: GenerationSummary, folded: boolean): string {
  if (g.worstItems.length === 0) return '<p class="note">No worst items were kept.</p>';
  return `<table class="worst-items"><thead><tr><th>item</th><th class="num">score</th><th>model output</th><th>extracted answer</th><th>reference${g.worstItems.some((w) => w.reference.length > 1) ? 's' : ''}</th></tr></thead><tbody>${g.worstItems.map((w) => worstItemRow(w, g, folded)).join('')}</tbody></table><p class="note">Texts longer than ${HTML_TEXT_CHARS} characters are cut, with the number left out; predictions.arrow holds every output whole. ${h(SAMPLE_NUMBERING)}${folded ? ` ${h(FOLD_NUMBERING)}` : ''}</p>`;
}

/**
 * One model's free-text scoring for `report.html`: samples per item and their reducer, the
 * extraction failures (said plainly to be scored as empty answers), a histogram of the
 * per-item values of each metric, the per-slice table and the worst items with output,
 * extracted answer and references side by side, in the order the results give them. Every
 * text is HTML-escaped and cut to {@link HTML_TEXT_CHARS} characters with a visible marker.
 *
 * @param m - the model's results
 * @param colorIndex - the model's series colour
 * @param folded - whether the run had more than one fold: each worst item then names its fold
 * @returns the section's HTML; empty when the model has no `generation`
 * @example
 * generationSection(generationModel, 0).startsWith('<h3>subject-gen: generation scores</h3>'); // true
 */
export function generationSection(m: ModelResult, colorIndex: number, folded = true): string {
  const g = m.generation;
  if (g === undefined) return '';
  const failures = extractionFailuresInWords(g.extractionFailures);
  // before the figures it explains: a headline below every item's value reads as a bug
  const sentences = sentenceScoreNote(g);
  const sentenceNote =
    sentences === null ? '' : `<p class="note sentence-scores">${h(sentences)}</p>`;
  return `<h3>${h(m.name)}: generation scores</h3><p class="note">${h(samplingInWords(g))}.</p><p class="${g.extractionFailures > 0 ? 'warn' : 'note'} extraction-failures">${h(failures)}</p>${sentenceNote}${histograms(m, g, colorIndex)}${g.slices.length > 0 ? `<h4>${h(m.name)}: by group</h4>${slicesTable(m, g)}` : ''}<h4>${h(m.name)}: worst items</h4>${worstItemsTable(g, folded)}`;
}

/**
 * The generation part of `report.html`: a heading and {@link generationSection} per model.
 *
 * @param r - the run's results
 * @returns HTML; empty when no model has `generation`
 * @example
 * generationSections(generationRun).startsWith('<h2>Generation</h2>'); // true
 * generationSections(results); // ''
 */
export function generationSections(r: RunResults): string {
  if (!r.models.some((m) => m.generation)) return '';
  return `<h2>Generation</h2>${r.models.map((m, i) => generationSection(m, i, r.evaluation.folds > 1)).join('')}`;
}

/**
 * A generation model's worst groups for the Slices part of `report.html`: each scorer's value
 * where other tasks show an accuracy, which free text does not have.
 *
 * @param m - the model's results
 * @param slices - from `generationSlices`, worst first
 * @returns the heading, the ranking note and the table (at most 8 groups)
 * @example
 * const slices = generationSlices(generationModel, generationRun.evaluation.greaterIsBetter) ?? [];
 * generationSlicesTable(generationModel, slices).startsWith('<h3>subject-gen: worst slices</h3>'); // true
 */
export function generationSlicesTable(m: ModelResult, slices: GenerationSlice[]): string {
  const metrics = [...new Set(slices.flatMap((s) => Object.keys(s.metrics)))];
  const ranked = slices[0]?.metric ?? '';
  const rows = slices
    .slice(0, 8)
    .map(
      (s) =>
        `<tr><td>${h(s.group)}</td><td class="num">${sliceCountCell(s, slices, 'answers')}</td>${metrics.map((k) => `<td class="num">${fmt(s.metrics[k] ?? null)}</td>`).join('')}<td class="num">${s.errors}</td></tr>`,
    );
  return `<h3>${h(m.name)}: worst slices</h3><p class="note">Ranked by ${h(ranked)}, worst first.</p><table class="slices"><thead><tr><th>group</th><th class="num">${sliceCountHeader(slices, 'answers')}</th>${metrics.map((k) => `<th class="num">${h(k)}</th>`).join('')}<th class="num">failed</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
