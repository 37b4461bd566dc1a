import { distance } from 'fastest-levenshtein';
import { checkReferences, checkString } from '../argument-checks.js';
import { TextMetricsError } from '../errors.js';

const SURROGATE = /[\uD800-\uDFFF]/;
const FIRST_SURROGATE = 0xd800;
const SURROGATE_COUNT = 0x800;
const UNIT_LIMIT = 0x10000 - SURROGATE_COUNT;

/**
 * Rewrites both strings so that each code point is one UTF-16 unit: every distinct code point
 * gets its own unit (skipping the surrogate range). fastest-levenshtein compares UTF-16 units,
 * so without this an emoji would count as two edits.
 */
function toUnits(a: string, b: string): [string, string] {
  const unitOf = new Map<string, number>();
  const encode = (text: string, argument: string): string => {
    const units: number[] = [];
    for (const c of text) {
      let unit = unitOf.get(c);
      if (unit === undefined) {
        if (unitOf.size >= UNIT_LIMIT) {
          throw new TextMetricsError(
            'INVALID_ARGUMENT',
            `Arguments a and b hold more than ${UNIT_LIMIT} distinct characters together, which the code-point Levenshtein distance does not support.`,
            argument,
          );
        }
        unit = unitOf.size < FIRST_SURROGATE ? unitOf.size : unitOf.size + SURROGATE_COUNT;
        unitOf.set(c, unit);
      }
      units.push(unit);
    }
    let out = '';
    for (let i = 0; i < units.length; i += 8192) {
      out += String.fromCharCode(...units.slice(i, i + 8192));
    }
    return out;
  };
  return [encode(a, 'a'), encode(b, 'b')];
}

/**
 * fastest-levenshtein's distance after removing the common prefix and suffix. Unit-cost
 * Levenshtein distance is unchanged by that (some optimal alignment matches them), and Myers'
 * algorithm costs length² / 32 steps: a 1.2 million-character text against a copy with a few
 * edits took minutes, and now takes the time to compare them. Both strings hold one unit per
 * code point here.
 */
function trimmedDistance(a: string, b: string): number {
  const shorter = Math.min(a.length, b.length);
  let start = 0;
  while (start < shorter && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < shorter - start &&
    a.charCodeAt(a.length - 1 - end) === b.charCodeAt(b.length - 1 - end)
  ) {
    end++;
  }
  if (start === 0 && end === 0) return distance(a, b);
  return distance(a.slice(start, a.length - end), b.slice(start, b.length - end));
}

function codePoints(text: string): number {
  if (!SURROGATE.test(text)) return text.length;
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

/**
 * Levenshtein distance over code points, without argument checks (the kernel of
 * {@link levenshteinDistance}).
 *
 * @param a - one string
 * @param b - the other
 * @returns the distance
 * @example
 * ```ts
 * levenshteinUnchecked('😀a', 'a'); // 1
 * ```
 */
export function levenshteinUnchecked(a: string, b: string): number {
  if (a === b) return 0;
  if (!SURROGATE.test(a) && !SURROGATE.test(b)) return trimmedDistance(a, b);
  const [ua, ub] = toUnits(a, b);
  return trimmedDistance(ua, ub);
}

/**
 * Levenshtein distance: the fewest single-character insertions, deletions and substitutions that
 * turn `a` into `b`, counting Unicode code points (an emoji is one character, not two UTF-16 units).
 *
 * @remarks
 * Computed by `fastest-levenshtein` (Myers' bit-parallel algorithm, O(length / 32) memory) after
 * mapping each code point to one UTF-16 unit and removing the common prefix and suffix, which
 * leaves the distance unchanged; time grows with the product of the lengths that remain. No normalization: case, whitespace and Unicode composition count (`é` as one
 * code point differs from `e` + combining accent). Equal to python-Levenshtein's `distance` on
 * Python strings (test/fixtures/levenshtein.json).
 *
 * @param a - one string
 * @param b - the other
 * @returns the distance, an integer ≥ 0
 * @throws {@link TextMetricsError} `INVALID_ARGUMENT` for a non-string
 * @example
 * ```ts
 * import { levenshteinDistance } from '@assay/text-metrics';
 * levenshteinDistance('kitten', 'sitting'); // 3
 * levenshteinDistance('👍 ok', 'ok'); // 2
 * ```
 */
export function levenshteinDistance(a: string, b: string): number {
  checkString(a, 'a');
  checkString(b, 'b');
  return levenshteinUnchecked(a, b);
}

function similarity(prediction: string, reference: string): number {
  const longest = Math.max(codePoints(prediction), codePoints(reference));
  if (longest === 0) return 1;
  return 1 - levenshteinUnchecked(prediction, reference) / longest;
}

/**
 * Normalized Levenshtein similarity: `1 - distance / max(length)`, lengths in code points; 1 for
 * two empty strings; with several references, the best.
 *
 * @remarks
 * The `levenshtein_similarity` of `assay score`. 1 means equal, 0 means nothing in common at any
 * position (every character of the longer string must be edited). Symmetric in its two strings.
 *
 * @param prediction - the generated text
 * @param references - one reference or several
 * @returns the similarity in [0, 1]
 * @throws {@link TextMetricsError} `INVALID_ARGUMENT` for a non-string
 * @example
 * ```ts
 * import { levenshteinSimilarity } from '@assay/text-metrics';
 * levenshteinSimilarity('kitten', 'sitting'); // 0.5714… (1 - 3/7)
 * levenshteinSimilarity('', ''); // 1
 * levenshteinSimilarity('colour', ['color', 'hue']); // 0.8333… (1 - 1/6)
 * ```
 */
export function levenshteinSimilarity(
  prediction: string,
  references: string | readonly string[],
): number {
  checkString(prediction, 'prediction');
  const refs = checkReferences(references, 'references');
  let best = 0;
  for (const reference of refs) best = Math.max(best, similarity(prediction, reference));
  return best;
}
