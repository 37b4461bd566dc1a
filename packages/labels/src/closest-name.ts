/**
 * The spelling used to compare names: lower case without `_`, `-`, `.` or spaces, so that
 * `max_tokens`, `MaxTokens` and `max-tokens` all read `maxtokens`.
 */
function normalise(name: string): string {
  return name.toLowerCase().replace(/[\s_.-]+/g, '');
}

/**
 * The optimal string alignment distance (Damerau-Levenshtein restricted to non-overlapping
 * edits): insertions, deletions, substitutions and transpositions of two neighbours, each 1.
 *
 * @param a - one string
 * @param b - the other
 * @returns the number of edits turning `a` into `b`
 * @remarks Wagner-Fischer dynamic programme with the transposition step of Lowrance and
 *   Wagner (1975); O(|a|·|b|) time, three rows of memory.
 * @example
 * editDistance('acuracy', 'accuracy'); // 1
 * editDistance('f1_marco', 'f1_macro'); // 1 (one transposition)
 */
export function editDistance(a: string, b: string): number {
  let before = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, before[j - 2]! + 1);
      }
      row[j] = d;
    }
    [before, prev, row] = [prev, row, before];
  }
  return prev[b.length]!;
}

/** How a candidate matched: lower ranks win, then the smaller `cost`, then list order. */
interface Match {
  readonly name: string;
  readonly rank: number;
  readonly cost: number;
}

/** Shortest normalised name a prefix match may rest on: `f` must not suggest `f1_macro`. */
const MIN_PREFIX = 3;

function matchOf(input: string, name: string): Match | undefined {
  const a = normalise(input);
  const b = normalise(name);
  if (a === '' || b === '') return undefined;
  if (a === b) return { name, rank: 0, cost: 0 };
  const distance = editDistance(a, b);
  // About one typo per three characters of the longer name (difflib's 0.6 similarity is
  // close to this): `stratify` is 3 edits from `stratified`; `f` is no typo of `f1`.
  const limit = Math.floor(Math.max(a.length, b.length) / 3);
  if (distance <= limit) return { name, rank: 1, cost: distance };
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (short.length >= MIN_PREFIX && long.startsWith(short)) {
    return { name, rank: 2, cost: long.length - short.length };
  }
  return undefined;
}

/**
 * The valid name a mistyped one most likely meant, for "did you mean" messages.
 *
 * @param input - the name as written (an unknown key, value or metric)
 * @param candidates - the valid names, in the order that breaks ties
 * @returns the closest candidate, or `undefined` when none is close enough (or the input is
 *   itself a candidate)
 * @remarks Names are compared case-blind and without `_`, `-`, `.` and spaces, so
 *   `max_tokens` finds `maxTokens` outright. Otherwise the candidate with the fewest edits
 *   ({@link editDistance}) wins when that is at most one edit per three characters of the
 *   longer name; failing that, a name that starts with the other (at least 3
 *   characters in common), the shortest extension first, so `openai` finds `openai-chat`
 *   before `openai-completions`.
 * @example
 * closestName('openai', ['openai-chat', 'openai-completions', 'anthropic']); // 'openai-chat'
 * closestName('max_tokens', ['temperature', 'maxTokens']); // 'maxTokens'
 * closestName('speed', ['accuracy', 'f1_macro']); // undefined
 */
export function closestName(input: string, candidates: readonly string[]): string | undefined {
  if (candidates.includes(input)) return undefined;
  let best: Match | undefined;
  for (const name of candidates) {
    const m = matchOf(input, name);
    if (m === undefined) continue;
    if (best === undefined || m.rank < best.rank || (m.rank === best.rank && m.cost < best.cost)) {
      best = m;
    }
  }
  return best?.name;
}

/**
 * Puts "did you mean" before the rest of a message about an unknown name, when a valid name
 * is close ({@link closestName}).
 *
 * @param input - the name as written
 * @param candidates - the valid names
 * @param rest - what follows, e.g. `expected one of 'a', 'b'`
 * @returns `did you mean 'x'? Expected one of ...`, or `rest` unchanged when nothing is close
 * @example
 * ```ts
 * didYouMean('acuracy', ['accuracy', 'f1'], 'expected one of accuracy, f1'); // "did you mean 'accuracy'? Expected one of accuracy, f1"
 * didYouMean('speed', ['accuracy', 'f1'], 'expected one of accuracy, f1'); // 'expected one of accuracy, f1'
 * ```
 */
export function didYouMean(input: string, candidates: readonly string[], rest: string): string {
  const suggestion = closestName(input, candidates);
  if (suggestion === undefined) return rest;
  return `did you mean '${suggestion}'? ${rest.charAt(0).toUpperCase()}${rest.slice(1)}`;
}
