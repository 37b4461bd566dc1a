/**
 * A count with its noun, singular for one: `1 model`, `5 folds`.
 *
 * @param n - the count
 * @param noun - the noun in the singular
 * @param plural - its plural (default: the noun and `s`)
 * @returns the phrase
 * @example
 * countNoun(1, 'model'); // '1 model'
 * countNoun(3, 'check'); // '3 checks'
 */
export function countNoun(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
