import type { GenerationSummary, ModelResult } from '../results/run-results-schema.js';

/**
 * Characters of an output, extracted answer or reference shown in `report.html`.
 *
 * @example
 * HTML_TEXT_CHARS; // 2000
 */
export const HTML_TEXT_CHARS = 2000;

/**
 * Characters of an output, extracted answer or reference shown in a `report.md` cell.
 *
 * @example
 * MARKDOWN_TEXT_CHARS; // 300
 */
export const MARKDOWN_TEXT_CHARS = 300;

/**
 * How the worst items' samples are numbered: as the data files number them, so that a row of
 * the report can be looked up in `predictions.arrow` (a count from 1 here once sent readers to
 * the wrong row).
 *
 * @example
 * SAMPLE_NUMBERING; // 'Samples are numbered from 0 (sample 0 is the first answer)…'
 */
export const SAMPLE_NUMBERING =
  'Samples are numbered from 0 (sample 0 is the first answer), as the sample column of predictions.arrow and results.json number them.';

/**
 * The metric names of a model's per-slice table, in the order they first appear.
 *
 * @param slices - the model's `generation.slices`
 * @returns each metric once
 * @example
 * sliceMetrics([{ group: 'a', n: 2, metrics: { bleu: 30, chrf: 50 } }]); // ['bleu', 'chrf']
 */
export function sliceMetrics(slices: GenerationSummary['slices']): string[] {
  return [...new Set(slices.flatMap((s) => Object.keys(s.metrics)))];
}

/**
 * What a generation histogram's bars count: answers, several per item with samples (each
 * sample's value is binned before the reducer makes them one), else items.
 *
 * @param g - the model's generation summary
 * @returns the noun for a title (`answer` / `item`) and for a count axis or column
 *   (`answers (3 per item)` / `items`)
 * @example
 * histogramUnit({ samples: 3 }); // { per: 'answer', counts: 'answers (3 per item)' }
 */
export function histogramUnit(g: Pick<GenerationSummary, 'samples'>): {
  per: string;
  counts: string;
} {
  return g.samples > 1
    ? { per: 'answer', counts: `answers (${g.samples} per item)` }
    : { per: 'item', counts: 'items' };
}

/**
 * A generation model's by-group rows with the distinct items of each group, which
 * `generation.slices` lacks (its `n` counts answers: items × samples): taken from the model's
 * `slices`, where the harness writes `items`.
 *
 * @param m - the model's results
 * @returns the `generation.slices` rows, each with `items` where known
 * @example
 * generationSliceCounts(generationModel)[0]; // { group: 'list-a', n: 12, metrics: { token_f1: 0.4321, bleu: 31.5 } }
 */
export function generationSliceCounts(
  m: ModelResult,
): (GenerationSummary['slices'][number] & { items?: number })[] {
  const items = new Map(m.slices.map((s) => [s.group, s.items]));
  return (m.generation?.slices ?? []).map((s) => {
    const n = items.get(s.group);
    return n === undefined ? s : { ...s, items: n };
  });
}

/**
 * How an item's samples became one value, in words.
 *
 * @param g - the model's generation summary
 * @returns e.g. `3 samples per item, reduced by mean`
 * @example
 * samplingInWords({ samples: 1, reducer: null }); // 'one sample per item'
 */
export function samplingInWords(g: Pick<GenerationSummary, 'samples' | 'reducer'>): string {
  if (g.samples <= 1 && g.reducer === null) return 'one sample per item';
  const samples = `${g.samples} sample${g.samples === 1 ? '' : 's'} per item`;
  return g.reducer === null ? samples : `${samples}, reduced by ${g.reducer}`;
}

/**
 * The extraction failures in a sentence that says plainly what became of them.
 *
 * @param failures - the model's `generation.extractionFailures`
 * @returns e.g. `2 outputs matched no extraction rule and were scored as empty answers ('').`
 * @example
 * extractionFailuresInWords(0); // 'No extraction failures.'
 */
export function extractionFailuresInWords(failures: number): string {
  if (failures === 0) return 'No extraction failures.';
  return `${failures} output${failures === 1 ? '' : 's'} matched no extraction rule and ${failures === 1 ? 'was' : 'were'} scored as empty answers ('').`;
}

/** How the reports spell sacrebleu's corpus metrics, whose per-item values are sentence scores. */
const CORPUS_METRIC_NAMES: Readonly<Record<string, string>> = {
  bleu: 'BLEU',
  chrf: 'chrF',
  chrf_pp: 'chrF++',
  ter: 'TER',
};

/**
 * The scorers of a generation summary whose per-item values are sentence scores: those the
 * harness lists in `sentenceScores`, or, in a file written before that field, the scorers
 * named like a corpus metric.
 *
 * @param g - the model's generation summary
 * @returns scorer names, in the order the histograms give them
 * @example
 * const bins = { edges: [0, 100], counts: [1] };
 * sentenceScorers({ histograms: { token_f1: bins, bleu: bins }, sentenceScores: ['bleu'] }); // ['bleu']
 */
export function sentenceScorers(
  g: Pick<GenerationSummary, 'histograms' | 'sentenceScores'>,
): string[] {
  const listed = g.sentenceScores ?? Object.keys(CORPUS_METRIC_NAMES);
  return Object.keys(g.histograms).filter((name) => listed.includes(name));
}

/**
 * A scorer's name as the per-item parts of a report show it (histograms, worst items): a corpus
 * metric's value for one item is a sentence score, not the corpus score the headline shows, so
 * it is called so (`sentence BLEU`).
 *
 * @param name - the scorer's name
 * @param g - the model's generation summary
 * @returns `sentence BLEU` for BLEU, `sentence <name>` for another sentence-scored scorer, else the name
 * @example
 * const bins = { edges: [0, 100], counts: [1] };
 * perItemScoreName('bleu', { histograms: { bleu: bins } }); // 'sentence BLEU'
 * perItemScoreName('token_f1', { histograms: { token_f1: bins } }); // 'token_f1'
 */
export function perItemScoreName(
  name: string,
  g: Pick<GenerationSummary, 'histograms' | 'sentenceScores'>,
): string {
  if (!sentenceScorers(g).includes(name)) return name;
  return `sentence ${CORPUS_METRIC_NAMES[name] ?? name}`;
}

/**
 * The one line that tells a reader why the headline BLEU or chrF can lie below every item's:
 * the per-item values are sentence scores, the headline is the corpus score, computed from the
 * n-gram counts of all answers together, which is no mean of the sentence scores.
 *
 * @param g - the model's generation summary
 * @returns the sentence, or null when no scorer is sentence-scored
 * @example
 * const bins = { edges: [0, 100], counts: [1] };
 * sentenceScoreNote({ histograms: { bleu: bins, chrf: bins } });
 * // 'Per-item sentence BLEU and sentence chrF score each answer alone; the headline bleu and chrf (Task metrics) are corpus scores over all answers together, not the mean of the sentence scores.'
 */
export function sentenceScoreNote(
  g: Pick<GenerationSummary, 'histograms' | 'sentenceScores'>,
): string | null {
  const names = sentenceScorers(g);
  if (names.length === 0) return null;
  const list = (xs: string[]) =>
    xs.length <= 2 ? xs.join(' and ') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`;
  const labels = list(names.map((n) => perItemScoreName(n, g)));
  const headline = names.length === 1 ? 'is a corpus score' : 'are corpus scores';
  return `Per-item ${labels} score each answer alone; the headline ${list(names)} (Task metrics) ${headline} over all answers together, not the mean of the sentence scores.`;
}
