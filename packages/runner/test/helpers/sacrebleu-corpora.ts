import { readFileSync } from 'node:fs';

/*
 * The sacrebleu fixtures of @assay/text-metrics (made by its scripts/make-sacrebleu-fixtures.py
 * from sacrebleu 2.6.0): the same corpora, scored here through the runner, must give sacrebleu's
 * corpus values.
 */

function fixture<T>(name: string): T {
  const url = new URL(`../../../text-metrics/test/fixtures/${name}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}

/** One corpus: hypotheses and, per hypothesis, its references (null = missing). */
export interface Corpus {
  readonly name: string;
  readonly hypotheses: readonly string[];
  readonly references: readonly (readonly (string | null)[])[];
}

interface CorpusCase {
  readonly corpus: string;
  readonly options: Record<string, unknown>;
  readonly expected: { readonly score: number; readonly signature: string };
}

/** Every corpus of `sacrebleu-texts.json`. */
export const CORPORA: readonly Corpus[] = fixture<{ corpora: Corpus[] }>(
  'sacrebleu-texts.json',
).corpora;

/**
 * sacrebleu's corpus score and signature of a corpus for the runner's metric, with the
 * options the runner uses (sacrebleu's defaults; chrF++ is chrF with `wordOrder: 2`).
 *
 * @param metric - bleu, chrf, chrf_pp or ter
 * @param corpus - the corpus name
 * @param options - other options of the fixture case, e.g. `{ tokenize: 'intl' }` for BLEU
 * @returns the expected score and signature
 */
export function sacrebleuCorpusScore(
  metric: 'bleu' | 'chrf' | 'chrf_pp' | 'ter',
  corpus: string,
  options: Record<string, unknown> = {},
): { score: number; signature: string } {
  const file = metric === 'chrf_pp' ? 'chrf' : metric;
  const wanted = metric === 'chrf_pp' ? { wordOrder: 2, ...options } : options;
  const cases = fixture<{ corpus: CorpusCase[] }>(`sacrebleu-${file}.json`).corpus;
  const found = cases.find(
    (c) => c.corpus === corpus && JSON.stringify(c.options) === JSON.stringify(wanted),
  );
  if (found === undefined) throw new Error(`no ${metric} fixture for ${corpus}`);
  return found.expected;
}
