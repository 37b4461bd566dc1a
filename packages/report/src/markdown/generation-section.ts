import { sliceCountCell, sliceCountHeader } from '../format/count-words.js';
import { FOLD_NUMBERING } from '../format/fold-numbering.js';
import { fmt, MISSING_VALUE } from '../format/format-number.js';
import { truncateText } from '../format/truncate-text.js';
import {
  extractionFailuresInWords,
  generationSliceCounts,
  histogramUnit,
  MARKDOWN_TEXT_CHARS,
  perItemScoreName,
  SAMPLE_NUMBERING,
  samplingInWords,
  sentenceScoreNote,
  sliceMetrics,
} from '../generation/generation-facts.js';
import type { GenerationSummary, ModelResult, RunResults } from '../results/run-results-schema.js';
import { cellText, markdownInline } from './markdown-text.js';

/** Widest bar of a Markdown histogram, in block characters. */
const BAR_WIDTH = 20;

/** Untrusted text as one escaped table cell, cut short with a visible marker. */
function cell(text: string): string {
  return markdownInline(truncateText(text, MARKDOWN_TEXT_CHARS));
}

/** A bar of block characters in proportion to `max`; a bin with any items shows at least one. */
function bar(count: number, max: number): string {
  if (count <= 0 || max <= 0) return '';
  return '█'.repeat(Math.max(1, Math.round((count / max) * BAR_WIDTH)));
}

/** One metric's histogram as a table of bins with a bar of block characters each. */
function histogramLines(
  metric: string,
  hist: GenerationSummary['histograms'][string],
  g: GenerationSummary,
): string[] {
  if (hist.edges.length !== hist.counts.length + 1) return [];
  const max = Math.max(0, ...hist.counts);
  const unit = histogramUnit(g);
  return [
    '',
    `${markdownInline(perItemScoreName(metric, g))} per ${unit.per}${g.samples > 1 ? ` (${g.samples} answers per item, each binned before the ${g.reducer ?? 'reducer'})` : ''}:`,
    '',
    `| from | to | ${g.samples > 1 ? 'answers' : 'items'} | |`,
    '|---|---|---|---|',
    ...hist.counts.map(
      (c, i) =>
        `| ${fmt(hist.edges[i], 2)} | ${fmt(hist.edges[i + 1], 2)} | ${c} | ${bar(c, max)} |`,
    ),
  ];
}

function slicesLines(m: ModelResult, g: GenerationSummary): string[] {
  if (g.slices.length === 0) return [];
  const metrics = sliceMetrics(g.slices);
  const slices = generationSliceCounts(m);
  return [
    '',
    `#### ${cellText(m.name)}: by group`,
    '',
    `| group | ${sliceCountHeader(slices, 'answers')} |${metrics.map((k) => ` ${markdownInline(k)} |`).join('')}`,
    `|---|---|${metrics.map(() => '---|').join('')}`,
    ...slices.map(
      (s) =>
        `| ${markdownInline(s.group)} | ${sliceCountCell(s, slices, 'answers')} |${metrics.map((k) => ` ${fmt(s.metrics[k] ?? null)} |`).join('')}`,
    ),
  ];
}

function worstItemLine(
  w: GenerationSummary['worstItems'][number],
  g: GenerationSummary,
  folded: boolean,
): string {
  const extracted = w.extracted === null ? "**no match** (scored as '')" : cell(w.extracted);
  const references =
    w.reference.length === 0
      ? MISSING_VALUE
      : w.reference.length === 1
        ? cell(w.reference[0]!)
        : w.reference.map((ref, i) => `(${i + 1}) ${cell(ref)}`).join(' ');
  const others = Object.entries(w.scores)
    .filter(([k]) => k !== w.metric)
    .map(([k, v]) => `${markdownInline(perItemScoreName(k, g))} ${fmt(v)}`)
    .join(', ');
  return `| ${markdownInline(w.id)} |${folded ? ` ${w.fold + 1} |` : ''} ${w.sample} | ${markdownInline(perItemScoreName(w.metric, g))} ${fmt(w.value)}${others ? ` (${others})` : ''} | ${cell(w.output)} | ${extracted} | ${references} |`;
}

function worstItemsLines(name: string, g: GenerationSummary, folded: boolean): string[] {
  const head = ['', `#### ${cellText(name)}: worst items`, ''];
  if (g.worstItems.length === 0) return [...head, 'No worst items were kept.'];
  return [
    ...head,
    `| item |${folded ? ' fold |' : ''} sample | score | model output | extracted answer | reference(s) |`,
    `|---|${folded ? '---|' : ''}---|---|---|---|---|`,
    ...g.worstItems.map((w) => worstItemLine(w, g, folded)),
    '',
    folded ? `${SAMPLE_NUMBERING} ${FOLD_NUMBERING}` : SAMPLE_NUMBERING,
  ];
}

function modelLines(m: ModelResult, folded: boolean): string[] {
  const g = m.generation;
  if (g === undefined) return [];
  const failures = extractionFailuresInWords(g.extractionFailures);
  const sentences = sentenceScoreNote(g);
  return [
    '',
    `### ${cellText(m.name)}: generation scores`,
    '',
    `${samplingInWords(g)}. ${g.extractionFailures > 0 ? `**${failures}**` : failures}`,
    // before the figures it explains: a headline below every item's value reads as a bug
    ...(sentences === null ? [] : ['', markdownInline(sentences)]),
    ...Object.entries(g.histograms).flatMap(([metric, hist]) => histogramLines(metric, hist, g)),
    ...slicesLines(m, g),
    ...worstItemsLines(m.name, g, folded),
  ];
}

/**
 * The generation part of `report.md`: per model, samples per item and their reducer, the
 * extraction failures (said plainly to be scored as empty answers), each metric's histogram
 * of per-item values as a table of bins, the per-slice table and the worst items with output,
 * extracted answer and references side by side, in the order the results give them.
 *
 * @param r - the run's results
 * @returns Markdown lines; none when no model has `generation`
 * @remarks Every text from data or models goes through `markdownInline` (HTML entities,
 *   backslash, backticks, pipes and other inline punctuation escaped, line breaks shown as
 *   `↵`), so an output cannot end its cell, open a code span or inject markup; texts are cut
 *   to {@link MARKDOWN_TEXT_CHARS} characters with a visible marker.
 * @example
 * generationSection(generationRun)[1]; // '## Generation'
 */
export function generationSection(r: RunResults): string[] {
  if (!r.models.some((m) => m.generation)) return [];
  return [
    '',
    '## Generation',
    ...r.models.flatMap((m) => modelLines(m, r.evaluation.folds > 1)),
    '',
    `Texts are cut to ${MARKDOWN_TEXT_CHARS} characters here, line breaks shown as ↵; predictions.arrow holds every output whole.`,
  ];
}
