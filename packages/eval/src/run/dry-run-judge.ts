import type { RunConfig } from '../config/run-config-schema.js';
import { judgedPair } from '../judges/judge-plan.js';

/** What a judge would send after the answers, as far as a dry run can count it. */
export interface DryRunJudge {
  /** the judge's client: a `models[]` name, or the inline client's name */
  readonly client: string;
  /** the grading mode */
  readonly mode: string;
  /** grades per answer */
  readonly repeats: number;
  /**
   * the most grading requests: one per answer (item and sample) of each graded model and
   * repeat; pairwise, one per answer of the pair's first model, repeat and order
   */
  readonly maxRequests: number;
}

/** A prompt setting's planned answers, as the dry run counts them. */
interface PlannedAnswers {
  readonly models: readonly string[];
  readonly items: number;
  readonly samples: number;
}

/**
 * The grading requests a run's judge would send at most, after the answers: a dry run has no
 * answers to build them from, so it bounds them (an answer whose request fails is not graded).
 *
 * @param config - the run's configuration
 * @param plans - per prompt setting, its models, tested items and samples per item
 * @returns the bound, or null without a judge
 * @example
 * dryRunJudge({ ...config, judge: { client: 'nb', mode: 'closedqa', repeats: 2 } }, [{ models: ['nb'], items: 20, samples: 1 }])?.maxRequests; // 40
 */
export function dryRunJudge(
  config: Pick<RunConfig, 'judge' | 'models'>,
  plans: readonly PlannedAnswers[],
): DryRunJudge | null {
  const judge = config.judge;
  if (judge === undefined) return null;
  const answersOf = (model: string): number =>
    plans.filter((p) => p.models.includes(model)).reduce((s, p) => s + p.items * p.samples, 0);
  const pair = judgedPair(judge, config.models);
  const answers =
    pair !== undefined
      ? 2 * answersOf(pair[0])
      : config.models.reduce((s, m) => s + answersOf(m.name), 0);
  return {
    client: typeof judge.client === 'string' ? judge.client : judge.client.name,
    mode: judge.mode,
    repeats: judge.repeats,
    maxRequests: answers * judge.repeats,
  };
}
