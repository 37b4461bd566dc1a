/**
 * Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Myanmar):
 * tokenizers that split on spaces (BLEU's 13a, token_f1) see a whole run of such text as one
 * word. Korean is left out: it puts spaces between words.
 */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu;
const LETTER = /\p{L}/gu;

// the start of each text is enough to tell its script, and bounds the cost on long texts
const SAMPLE = 2000;

/** How many letters the texts' starts hold, and how many of them are in unspaced scripts. */
export interface LetterCounts {
  readonly letters: number;
  readonly unspaced: number;
}

function listed(names: readonly string[]): string {
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function count(pattern: RegExp, text: string): number {
  return text.match(pattern)?.length ?? 0;
}

/**
 * Counts the letters of the outputs and references (the first 2,000 code units of each), and
 * those in scripts written without spaces between words.
 *
 * @param outputs - each row's output
 * @param references - each row's references
 * @returns the counts
 * @example
 * countLetters(['东京是日本首都。'], [['东京是日本的首都。']]); // { letters: 15, unspaced: 15 }
 */
export function countLetters(
  outputs: readonly string[],
  references: readonly (readonly string[])[],
): LetterCounts {
  let letters = 0;
  let unspaced = 0;
  const add = (text: string) => {
    const start = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
    letters += count(LETTER, start);
    unspaced += count(UNSPACED, start);
  };
  outputs.forEach((output, i) => {
    add(output);
    for (const reference of references[i]!) add(reference);
  });
  return { letters, unspaced };
}

/**
 * Whether most letters are in scripts written without spaces between words.
 *
 * @param counts - from {@link countLetters}
 * @returns true when at least half the letters are
 * @example
 * mostlyUnspaced({ letters: 15, unspaced: 15 }); // true
 */
export function mostlyUnspaced(counts: LetterCounts): boolean {
  return counts.letters > 0 && counts.unspaced * 2 >= counts.letters;
}

/**
 * The warning for text mostly in scripts written without spaces between words (Chinese,
 * Japanese, Thai): the metrics that find words at spaces (BLEU with the `13a`, `intl` or `none`
 * tokenizer, `token_f1`) or at ASCII letters (ROUGE) cannot see its words, so they score it
 * near 0 whatever its quality, which reads as a bad model rather than a wrong tokenizer.
 *
 * @param metrics - the job's metrics
 * @param bleuTokenize - BLEU's tokenizer
 * @param counts - the letters of the job's text, from {@link countLetters}
 * @returns the warning, or undefined when the text is mostly spaced or no metric is affected
 * @example
 * unspacedTextWarning(['bleu', 'chrf'], '13a', { letters: 15, unspaced: 15 });
 * // 'Most of the text (15 of 15 letters) is Chinese, Japanese, Thai or another script …'
 */
export function unspacedTextWarning(
  metrics: readonly string[],
  bleuTokenize: string,
  counts: LetterCounts,
): string | undefined {
  const blind = unspacedBlindMetrics(metrics, bleuTokenize, counts);
  if (blind.length === 0) return undefined;
  const bleu = blind.includes('bleu');
  const named = blind.map((m) => (m === 'bleu' ? `bleu (tokenizer ${bleuTokenize})` : m));
  const advice = bleu
    ? ' For BLEU pass --bleu-tokenize zh for Chinese or char for any such script, as sacrebleu is used on such text;'
    : '';
  return `Most of the text (${counts.unspaced} of ${counts.letters} letters) is Chinese, Japanese, Thai or another script written without spaces between words: ${listed(named)} find words at spaces (ROUGE keeps only a-z and 0-9), so they cannot see the words of such text and score it near 0 whatever its quality.${advice} chrf reads characters and needs no change.`;
}

/**
 * The metrics {@link unspacedTextWarning} names: those that cannot see the words of text
 * mostly in scripts written without spaces. Their other warnings (a bleu of 0, ROUGE on rows
 * with no ASCII letter, an interval of no width) would give that one cause three more ways.
 *
 * @param metrics - the job's metrics
 * @param bleuTokenize - BLEU's tokenizer
 * @param counts - the letters of the job's text, from {@link countLetters}
 * @returns the metrics in the job's order; none when the text is mostly spaced
 * @example
 * unspacedBlindMetrics(['bleu', 'chrf', 'rougeL'], 'zh', { letters: 15, unspaced: 15 }); // ['rougeL']
 */
export function unspacedBlindMetrics(
  metrics: readonly string[],
  bleuTokenize: string,
  counts: LetterCounts,
): string[] {
  if (!mostlyUnspaced(counts)) return [];
  const bleu = bleuTokenize !== 'zh' && bleuTokenize !== 'char';
  return metrics.filter((m) => (m === 'bleu' && bleu) || m === 'token_f1' || m.startsWith('rouge'));
}
