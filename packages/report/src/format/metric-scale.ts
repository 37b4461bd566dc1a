/** sacrebleu's corpus scores, reported on its 0–100 scale where every other score is 0–1. */
const PERCENT_SCORES = ['bleu', 'chrf', 'chrf_pp'];

/**
 * The sentence a metrics table needs when it mixes scales: sacrebleu's BLEU and chrF are
 * corpus scores from 0 to 100 (0.84 BLEU is almost nothing, not 84%), and TER counts edits
 * per 100 reference words, where every other metric runs from 0 to 1.
 *
 * @remarks
 * The scales are sacrebleu's (`BLEU.corpus_score`, `CHRF.corpus_score`, `TER.corpus_score`
 * return 0–100 values), which `@assay/runner` reproduces.
 *
 * @param names - the metric names a table shows
 * @returns the sentence, or null when no metric off the 0–1 scale is shown
 * @example
 * metricScaleNote(['bleu', 'token_f1']);
 * // "bleu is a corpus score on sacrebleu's 0–100 scale, not 0–1."
 * metricScaleNote(['accuracy']); // null
 */
export function metricScaleNote(names: readonly string[]): string | null {
  const percent = PERCENT_SCORES.filter((n) => names.includes(n));
  const parts: string[] = [];
  if (percent.length > 0) {
    const list = percent.join(percent.length === 2 ? ' and ' : ', ');
    parts.push(
      `${list} ${percent.length === 1 ? 'is a corpus score' : 'are corpus scores'} on sacrebleu's 0–100 scale, not 0–1.`,
    );
  }
  if (names.includes('ter')) {
    parts.push('ter counts edits per 100 reference words (lower is better; it can exceed 100).');
  }
  return parts.length === 0 ? null : parts.join(' ');
}
