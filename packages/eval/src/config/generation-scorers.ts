import { ASSERTION_SCORERS, POOL_SCORERS, type ScorerInput } from './generation-schema.js';
import { obj } from './loose-read.js';

/** The lm-evaluation-harness options of `normalize`, all set. */
export interface HarnessNormalize {
  readonly ignoreCase: boolean;
  readonly ignorePunctuation: boolean;
  readonly ignoreNumbers: boolean;
}

/** One scorer of a generation task with its options filled in. */
export interface ResolvedScorer {
  /** the name it is reported under */
  readonly name: string;
  /** the metric */
  readonly metric: string;
  /** whether the runner's pool scores it (text metrics) or the harness (assertions) */
  readonly onPool: boolean;
  readonly normalize: 'squad' | 'none' | HarnessNormalize;
  readonly stemmer: 'none' | 'porter';
  /** BLEU's tokenizer (sacrebleu's name; default 13a) */
  readonly bleuTokenize: string;
  readonly value?: string | undefined;
  readonly ignoreCase: boolean;
  readonly schema?: Record<string, unknown> | boolean | undefined;
  readonly tolerance: number;
  readonly relativeTolerance: number;
}

const POOL: ReadonlySet<string> = new Set(POOL_SCORERS);
const ASSERTIONS: ReadonlySet<string> = new Set(ASSERTION_SCORERS);

/**
 * The scorers of a generation task, options filled in.
 *
 * @param scorers - `task.scorers` as validated
 * @returns one entry per scorer, in order
 * @example
 * resolveScorers(['bleu', { metric: 'rougeL', stemmer: 'porter' }]).map((s) => s.name); // ['bleu', 'rougeL']
 */
export function resolveScorers(scorers: readonly ScorerInput[]): ResolvedScorer[] {
  return scorers.map((s) => {
    const o = typeof s === 'string' ? { metric: s } : s;
    return {
      name: o.name ?? o.metric,
      metric: o.metric,
      onPool: POOL.has(o.metric),
      normalize: o.normalize ?? 'squad',
      stemmer: o.stemmer ?? 'none',
      bleuTokenize: o.tokenize ?? '13a',
      value: o.value,
      ignoreCase: o.ignoreCase ?? false,
      schema: o.schema,
      tolerance: o.tolerance ?? 0,
      relativeTolerance: o.relativeTolerance ?? 0,
    };
  });
}

/**
 * The k of a `pass@…` reducer.
 *
 * @param reducer - `task.reducer`
 * @param samples - `task.samples`
 * @returns k, or null for the other reducers
 * @example
 * passK('pass@k', 5); // 5
 */
export function passK(reducer: string, samples: number): number | null {
  if (!reducer.startsWith('pass@')) return null;
  const k = reducer.slice(5);
  return k === 'k' ? samples : Number(k);
}

/** The scorers of a generation task when `task.scorers` is not set. */
export const DEFAULT_SCORERS = ['exact_match', 'token_f1', 'bleu', 'chrf', 'rougeL'] as const;

/**
 * The metric names a generation task reports (its scorers' names), read from a task section
 * that may be ill-typed: what `evaluation.metrics` and thresholds may name.
 *
 * @param task - the raw `task` section
 * @returns the names, in order
 * @example
 * generationMetricNames({ type: 'generation', scorers: ['bleu', { metric: 'rougeL', name: 'rl' }] });
 * // ['bleu', 'rl']
 */
export function generationMetricNames(task: Record<string, unknown>): string[] {
  const scorers = Array.isArray(task.scorers) ? (task.scorers as unknown[]) : [...DEFAULT_SCORERS];
  // an unknown scorer is its own error: listing it here would also accept a threshold on it
  const known = (metric: unknown) =>
    typeof metric === 'string' && (POOL.has(metric) || ASSERTIONS.has(metric));
  const names = scorers.flatMap((s) => {
    if (typeof s === 'string') return known(s) ? [s] : [];
    const o = obj(s);
    const name = o.name ?? o.metric;
    return typeof name === 'string' && known(o.metric) ? [name] : [];
  });
  return [...new Set(names)];
}
