import { didYouMean } from '@assay/labels';
import {
  ASSERTION_SCORERS,
  type ExtractStep,
  GENERATION_SCORERS,
  POOL_SCORERS,
  type ScorerInput,
} from './generation-schema.js';
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

/** What a generation task's `superRefine` sees (the parsed section). */
interface GenerationTaskShape {
  readonly scorers: readonly ScorerInput[];
  readonly extract: readonly ExtractStep[];
  readonly samples: number;
  readonly reducer: string;
}

const POOL: ReadonlySet<string> = new Set(POOL_SCORERS);
const ASSERTIONS: ReadonlySet<string> = new Set(ASSERTION_SCORERS);

/**
 * The scorers of a generation task, options filled in.
 *
 * @param scorers - `task.scorers` as validated
 * @returns one entry per scorer, in order
 * @example
 * resolveScorers(['bleu', { metric: 'rougeL', stemmer: 'porter' }]);
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

function regexProblem(pattern: string, flags: string, group: number): string | undefined {
  try {
    const groups = new RegExp(`${pattern}|`, flags).exec('')!.length - 1;
    if (group > groups) {
      return `group ${group} does not exist: the pattern has ${groups} capture group${groups === 1 ? '' : 's'}`;
    }
  } catch (error) {
    return `not a valid regular expression (${(error as Error).message})`;
  }
  return undefined;
}

function checkScorer(
  s: ScorerInput,
  i: number,
  add: (path: (string | number)[], message: string) => void,
): void {
  const o = typeof s === 'string' ? { metric: s } : s;
  const at = typeof s === 'string' ? ['scorers', i] : ['scorers', i, 'metric'];
  if (!POOL.has(o.metric) && !ASSERTIONS.has(o.metric)) {
    add(
      at,
      `unknown scorer '${o.metric}'; ${didYouMean(o.metric, GENERATION_SCORERS, `expected one of ${GENERATION_SCORERS.join(', ')}`)}`,
    );
    return;
  }
  if (typeof s === 'string') return;
  if (s.metric === 'pattern') {
    if (s.value === undefined)
      add(
        ['scorers', i, 'value'],
        "scorer 'pattern' needs a value: the regular expression the answer must match",
      );
    else {
      const problem = regexProblem(s.value, s.ignoreCase ? 'i' : '', 0);
      if (problem) add(['scorers', i, 'value'], problem);
    }
  }
  if (s.metric === 'json_schema' && s.schema === undefined) {
    add(
      ['scorers', i, 'schema'],
      "scorer 'json_schema' needs a schema: the JSON Schema the answer must conform to",
    );
  }
  if (s.stemmer !== undefined && !o.metric.startsWith('rouge')) {
    add(['scorers', i, 'stemmer'], `stemmer applies to the ROUGE scorers only, not '${o.metric}'`);
  }
  if (s.tokenize !== undefined && o.metric !== 'bleu') {
    add(['scorers', i, 'tokenize'], `tokenize applies to bleu only, not '${o.metric}'`);
  }
  if (s.normalize !== undefined && o.metric !== 'exact_match' && o.metric !== 'token_f1') {
    add(
      ['scorers', i, 'normalize'],
      `normalize applies to exact_match and token_f1 only, not '${o.metric}'`,
    );
  }
}

/**
 * Cross-field checks of a generation task: known scorer names (with the list and a
 * did-you-mean), distinct report names, scorer options that fit their metric, valid
 * extraction regexes with the named group, and a `pass@N` reducer within the samples.
 *
 * @param task - the parsed generation task section
 * @param add - records one problem at a path relative to `task`
 * @example
 * checkGenerationTask(task, (path, message) => issues.push({ path, message }));
 */
export function checkGenerationTask(
  task: GenerationTaskShape,
  add: (path: (string | number)[], message: string) => void,
): void {
  task.scorers.forEach((s, i) => {
    checkScorer(s, i, add);
  });
  const seen = new Map<string, number>();
  task.scorers.forEach((s, i) => {
    const name = typeof s === 'string' ? s : (s.name ?? s.metric);
    const prev = seen.get(name);
    if (prev !== undefined) {
      add(
        ['scorers', i],
        `scorer name '${name}' is also task.scorers[${prev}]; give one of them a distinct 'name'`,
      );
    } else seen.set(name, i);
  });
  task.extract.forEach((step, i) => {
    if (typeof step !== 'object' || !('regex' in step)) return;
    const problem = regexProblem(step.regex, step.flags, step.group);
    if (problem) add(['extract', i, 'regex'], problem);
  });
  const k = passK(task.reducer, task.samples);
  if (k !== null && k > task.samples) {
    add(
      ['reducer'],
      `${task.reducer} needs at least ${k} samples per item; task.samples is ${task.samples}`,
    );
  }
  if (task.reducer !== 'mean' && task.samples === 1) {
    add(
      ['reducer'],
      `reducer '${task.reducer}' combines several samples; set task.samples above 1 or use 'mean'`,
    );
  }
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
