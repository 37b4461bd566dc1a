/*
 * Straightforward references for the fast kernels: sacrebleu's 13a regexes applied as sacrebleu
 * applies them, and BLEU / chrF segment statistics counted with Maps keyed by the n-gram's text,
 * as sacrebleu's Counter of tuples / strings does. Slow and obviously right, for the
 * property tests that compare them with the typed-array kernels on random text.
 */
import { corpusChrfFromStatistics } from '../../src/index.js';
import { PY_WHITESPACE_CLASS } from '../../src/python-compat/python-strings.js';

const WHITESPACE_RUN = new RegExp(`[${PY_WHITESPACE_CLASS}]+`, 'u');
const TRAILING_WHITESPACE = new RegExp(`(?:${WHITESPACE_RUN.source})$`, 'u');

/** Python's `str.split()` by its whitespace class. */
export function splitByRegex(text: string): string[] {
  return text.split(WHITESPACE_RUN).filter((field) => field.length > 0);
}

/** sacrebleu 2.6.0 `Tokenizer13a.__call__` with `TokenizerRegexp`'s four substitutions. */
export function tokenize13aByRegex(line: string): string {
  line = line.replaceAll('<skipped>', '').replaceAll('-\n', '').replaceAll('\n', ' ');
  if (line.includes('&')) {
    line = line
      .replaceAll('&quot;', '"')
      .replaceAll('&amp;', '&')
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>');
  }
  line = ` ${line} `
    .replace(/([{-~[-\x60 -&(-+:-@/])/gu, ' $1 ')
    .replace(/([^0-9])([.,])/gu, '$1 $2 ')
    .replace(/([.,])([^0-9])/gu, ' $1 $2')
    .replace(/([0-9])(-)/gu, '$1 $2 ');
  return splitByRegex(line).join(' ');
}

function count(into: Map<string, number>, key: string): void {
  into.set(key, (into.get(key) ?? 0) + 1);
}

function wordNgrams(tokens: readonly string[], order: number): Map<string, number>[] {
  return Array.from({ length: order }, (_, n) => {
    const ngrams = new Map<string, number>();
    for (let i = 0; i + n < tokens.length; i++) count(ngrams, tokens.slice(i, i + n + 1).join(' '));
    return ngrams;
  });
}

/** sacrebleu's BLEU segment statistics (13a, mixed case) with string-keyed counts. */
export function bleuStatisticsByStrings(
  hypothesis: string,
  references: readonly string[],
  order: number,
): number[] {
  const tokens = (text: string) =>
    splitByRegex(tokenize13aByRegex(text.replace(TRAILING_WHITESPACE, '')));
  const hyp = tokens(hypothesis);
  const maxima = wordNgrams([], order);
  const lengths = references.map((reference) => {
    const ref = tokens(reference);
    wordNgrams(ref, order).forEach((ngrams, n) => {
      for (const [key, c] of ngrams) maxima[n]!.set(key, Math.max(c, maxima[n]!.get(key) ?? 0));
    });
    return ref.length;
  });
  let closest = lengths[0]!;
  for (const length of lengths) {
    const d = Math.abs(hyp.length - length);
    const best = Math.abs(hyp.length - closest);
    if (d < best || (d === best && length < closest)) closest = length;
  }
  const matches: number[] = [];
  const totals: number[] = [];
  wordNgrams(hyp, order).forEach((ngrams, n) => {
    let correct = 0;
    let total = 0;
    for (const [key, c] of ngrams) {
      total += c;
      correct += Math.min(c, maxima[n]!.get(key) ?? 0);
    }
    matches.push(correct);
    totals.push(total);
  });
  const r = references.length;
  return [1, r, r * r, hyp.length, closest, ...matches, ...totals];
}

function characterNgrams(text: string, order: number): Map<string, number>[] {
  const chars = Array.from(splitByRegex(text).join(''));
  return Array.from({ length: order }, (_, n) => {
    const ngrams = new Map<string, number>();
    for (let i = 0; i + n < chars.length; i++) count(ngrams, chars.slice(i, i + n + 1).join(''));
    return ngrams;
  });
}

/** sacrebleu's chrF (character orders only) segment statistics with string-keyed counts. */
export function chrfStatisticsByStrings(
  hypothesis: string,
  references: readonly string[],
  charOrder: number,
): number[] {
  const hyp = characterNgrams(hypothesis, charOrder);
  let best: number[] = [];
  let bestScore = -1;
  for (const reference of references) {
    const ref = characterNgrams(reference, charOrder);
    const statistics = [1, references.length, references.length ** 2];
    hyp.forEach((ngrams, n) => {
      let hypCount = 0;
      let matches = 0;
      for (const [key, c] of ngrams) {
        hypCount += c;
        matches += Math.min(c, ref[n]!.get(key) ?? 0);
      }
      let refCount = 0;
      for (const c of ref[n]!.values()) refCount += c;
      statistics.push(ref[n]!.size > 0 ? hypCount : 0, refCount, matches);
    });
    const score = corpusChrfFromStatistics(Float64Array.from(statistics), { charOrder }).score;
    if (score > bestScore) {
      bestScore = score;
      best = statistics;
    }
  }
  return best;
}
