/** Text with a character but no ASCII letter or digit: no token for rouge-score's tokenizer. */
const NO_ROUGE_TOKEN = /^[^A-Za-z0-9]*$/;
const SOME_TEXT = /\S/;

function tokenless(text: string): boolean {
  return SOME_TEXT.test(text) && NO_ROUGE_TOKEN.test(text);
}

/**
 * The warning for ROUGE scores that text in other scripts cannot earn: rouge-score's
 * tokenizer (which Assay follows to match its figures) keeps only the ASCII letters and digits
 * `a-z0-9`, so an output or reference in Cyrillic, Greek, CJK or Arabic holds no token and
 * scores 0 even when it equals its reference, without a word from the metric itself. Text
 * mostly in scripts written without spaces gets `unspacedTextWarning` instead, which names ROUGE.
 *
 * @param metrics - the job's metrics
 * @param outputs - each row's output
 * @param references - each row's references
 * @returns the warning, or undefined without a ROUGE metric or such a row
 * @example
 * rougeScriptWarning(['rougeL'], ['Привет'], [['Привет']]); // 'rougeL is 0 on …'
 */
export function rougeScriptWarning(
  metrics: readonly string[],
  outputs: readonly string[],
  references: readonly (readonly string[])[],
): string | undefined {
  const rouge = metrics.filter((m) => m.startsWith('rouge'));
  if (rouge.length === 0) return undefined;
  let rows = 0;
  let first = -1;
  for (let i = 0; i < outputs.length; i++) {
    if (tokenless(outputs[i]!) || references[i]!.some(tokenless)) {
      rows++;
      if (first < 0) first = i;
    }
  }
  if (rows === 0) return undefined;
  return `${rouge.join(', ')} ${rouge.length === 1 ? 'is' : 'are'} 0 on the ${rows} row(s) (the first: data row ${first + 1}) whose output or a reference has text but no ASCII letter or digit: ROUGE's tokenizer (rouge-score's, whose figures Assay matches) keeps only a-z and 0-9, so text in other scripts (Cyrillic, Greek, CJK, ...) holds no token and scores 0 even where it equals its reference. For such text read chrf, bleu, exact_match or token_f1.`;
}
