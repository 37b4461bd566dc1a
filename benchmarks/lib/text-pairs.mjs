// Deterministic output/reference pairs for the text-metrics suite: references are runs of
// 20-60 consecutive words of the SpamAssassin e-mail bodies (real text: punctuation, numbers,
// URLs, case), outputs are seeded edits of them (substitutions, deletions, insertions, swaps),
// so the n-gram overlap is partial as between a model's answer and its reference.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSpamCorpus } from '@assay/spam-assassin';

/** Words of the e-mail bodies, without markup and encoded noise. */
function corpusWords() {
  const words = [];
  for (const message of loadSpamCorpus()) {
    const blank = message.text.indexOf('\n\n');
    const body = blank < 0 ? '' : message.text.slice(blank + 2);
    for (const word of body.split(/\s+/)) {
      if (
        word.length > 0 &&
        word.length <= 20 &&
        /^[\x21-\x7e]+$/.test(word) &&
        !/[<>=]/.test(word)
      )
        words.push(word);
    }
  }
  return words;
}

/** xorshift32 as a function returning an integer in [0, bound). */
function generator(seed) {
  let s = seed | 0;
  return (bound) => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) % bound;
  };
}

function makePairs(n, seed) {
  const words = corpusWords();
  const next = generator(seed);
  const hypotheses = [];
  const references = [];
  for (let i = 0; i < n; i++) {
    const length = 20 + next(41);
    const start = next(words.length - length);
    const reference = words.slice(start, start + length);
    const output = [];
    for (let k = 0; k < reference.length; k++) {
      const roll = next(100);
      if (roll < 12)
        output.push(words[next(words.length)]); // substitution
      else if (roll < 18)
        continue; // deletion
      else if (roll < 24)
        output.push(reference[k], words[next(words.length)]); // insertion
      else if (roll < 28 && k + 1 < reference.length) {
        output.push(reference[k + 1], reference[k]); // swap
        k++;
      } else output.push(reference[k]);
    }
    while (output.length < 20) output.push(words[next(words.length)]);
    hypotheses.push(output.slice(0, 60).join(' '));
    references.push(reference.join(' '));
  }
  return { hypotheses, references };
}

/**
 * The pairs, generated once into `dataDir` as JSON (read by the Python peer too).
 *
 * @param dataDir - benchmarks/.data
 * @param n - number of pairs
 * @returns `{ path, hypotheses, references }`
 */
export function textPairs(dataDir, n) {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, `text-pairs-${n}.json`);
  if (!existsSync(path)) writeFileSync(path, JSON.stringify(makePairs(n, 0x9e3779b9)));
  return { path, ...JSON.parse(readFileSync(path, 'utf8')) };
}
