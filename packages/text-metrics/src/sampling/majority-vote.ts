import { describeValue } from '../argument-checks.js';
import { TextMetricsError } from '../errors.js';

/**
 * The outcome of {@link majorityVote}.
 *
 * @example
 * ```ts
 * const vote: MajorityVote = { answer: '42', count: 3, share: 0.6 };
 * ```
 */
export interface MajorityVote {
  /** The most frequent answer (the first seen among those tied). */
  readonly answer: string;
  /** How many times it occurs. */
  readonly count: number;
  /** `count / answers.length`. */
  readonly share: number;
}

/**
 * Majority vote (self-consistency): the most frequent of several sampled answers; ties go to the
 * answer seen first.
 *
 * @remarks
 * Answers are compared as exact strings: extract and normalize them first (e.g. with
 * {@link normalizeAnswer}) so that `"42"` and `"42."` vote together. Wang et al. (2023),
 * "Self-Consistency Improves Chain of Thought Reasoning in Language Models".
 *
 * @param answers - the sampled answers of one item (at least one)
 * @returns `{ answer, count, share }`
 * @throws {@link TextMetricsError} `INVALID_ARGUMENT` for an empty array or a non-string entry
 * @example
 * ```ts
 * import { majorityVote } from '@assay/text-metrics';
 * majorityVote(['B', 'A', 'B', 'C']); // { answer: 'B', count: 2, share: 0.5 }
 * majorityVote(['A', 'B']).answer; // 'A' (a tie: first seen)
 * ```
 */
export function majorityVote(answers: readonly string[]): MajorityVote {
  if (!Array.isArray(answers) || answers.length === 0) {
    throw new TextMetricsError(
      'INVALID_ARGUMENT',
      `Argument answers must be a non-empty array of strings; got ${describeValue(answers)}.`,
      'answers',
    );
  }
  const counts = new Map<string, number>();
  answers.forEach((answer: unknown, i) => {
    if (typeof answer !== 'string') {
      throw new TextMetricsError(
        'INVALID_ARGUMENT',
        `Argument answers[${i}] must be a string; got ${describeValue(answer)}.`,
        `answers[${i}]`,
      );
    }
    counts.set(answer, (counts.get(answer) ?? 0) + 1);
  });
  // a Map iterates in insertion order, so a strict > keeps the first seen on a tie
  let answer = answers[0]!;
  let count = 0;
  for (const [candidate, n] of counts) {
    if (n > count) {
      answer = candidate;
      count = n;
    }
  }
  return { answer, count, share: count / answers.length };
}
