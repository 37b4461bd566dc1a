import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient, type ResponseCache } from '@assay/clients';
import type { ModelProgress } from '@assay/report';
import type { ModelConfig } from '../config/run-config-schema.js';
import type { TaskModule } from '../tasks/task-module.js';
import { endpointIdentity } from './endpoint-identity.js';
import type { Outcome, RunJournal } from './journal.js';
import { type RequestPlan, requestId, requestKey } from './plan.js';
import { type CompletionClientLike, type PendingRequest, sendRequests } from './send-requests.js';
import { SendingMeter } from './sending-meter.js';
import { isTransportFailure, UnreachableWatch } from './unreachable-watch.js';

/** One model's requests: what the journal already had and what must be sent. */
export interface ModelRequests {
  readonly model: ModelConfig;
  /** journal key of each distinct request, by request id (`requestId(promptHash, sample)`) */
  readonly keys: ReadonlyMap<string, string>;
  /** outcomes known so far, by journal key (resumed, then sent) */
  readonly outcomes: Map<string, Outcome>;
  /** requests still to send: journal key → prompt and sample index */
  readonly todo: Map<string, PendingRequest>;
  /** live counters for the progress display */
  readonly progress: ModelProgress;
  /** stops the model's sending when its service cannot be reached (kept across rounds) */
  readonly unreachable: UnreachableWatch;
}

/** How this run scores answers from log-probabilities: P(positive) of a two-label task. */
export type LogprobScoring = TaskModule['logprobScoring'];

/**
 * A journaled outcome as this run reads it: its score turned to this run's positive label.
 *
 * @remarks The journal's key is the request (endpoint, prompt, sample), which the task's
 * positive label is not part of, and a score is P(positive label) as configured when it was
 * recorded (`scoreOf`). With the other label of the same two now positive the score is its
 * complement (both ways `positiveScore` computes it are symmetric: `p / (p + q)` and
 * `1 − p`); for a label this task does not have, the outcome is not reused (the response
 * cache, which keeps the log-probabilities, or the service answers it again). Reused as it was,
 * a resumed run scored ROC AUC 0.012 where a fresh one scored 0.988. Outcomes recorded before
 * `scoreOf` was kept are read as scored for `legacyScoreOf` (the positive label of the
 * directory's last `results.json`), else for this run's positive label.
 * @param prior - the journaled outcome
 * @param scoring - this run's scoring, undefined when it scores no answer
 * @param legacyScoreOf - the label an outcome without `scoreOf` was scored for, when known
 * @returns the outcome to reuse, or undefined when its score cannot be read for this run
 * @example
 * const journal = new RunJournal(join(baselineDir, 'journal.sqlite'));
 * const [o] = journal.load('nb').values();
 * journal.close();
 * rescoredOutcome({ ...o, score: 0.9, scoreOf: 'spam' }, { labels: ['spam', 'ham'], positive: 'ham' })?.score; // 0.1…
 */
export function rescoredOutcome(
  prior: Outcome,
  scoring: LogprobScoring,
  legacyScoreOf?: string,
): Outcome | undefined {
  const scoreOf = prior.scoreOf ?? legacyScoreOf;
  if (prior.score === null || scoreOf === undefined || scoring === undefined) return prior;
  if (scoreOf === scoring.positive) return prior;
  const [a, b] = scoring.labels;
  const other = a === scoring.positive ? b : a;
  if (scoring.labels.length === 2 && scoreOf === other) {
    return { ...prior, score: 1 - prior.score, scoreOf: scoring.positive };
  }
  return undefined;
}

/**
 * Resumes one model's requests from the journal: every distinct prompt gets its journal
 * key; prompts with a recorded outcome are reused (failures too, unless `retryFailed`), their
 * scores read for this run's positive label ({@link rescoredOutcome}).
 *
 * @param model - the model
 * @param plan - its request plan
 * @param journal - the run's journal (a read-only snapshot, or none: `{ load: () => new Map() }`)
 * @param options - `retryFailed`: re-send requests recorded as failed; `scoring`: the task's
 *   log-probability scoring (`task.logprobScoring`)
 * @returns the model's requests and progress counters
 */
export function resumeModelRequests(
  model: ModelConfig,
  plan: RequestPlan,
  journal: Pick<RunJournal, 'load'>,
  options: {
    readonly retryFailed: boolean;
    readonly scoring: LogprobScoring;
    /** the positive label of the output directory's last results.json, for old journals */
    readonly legacyScoreOf?: string | undefined;
  },
): ModelRequests {
  const keys = new Map<string, string>();
  const identity = endpointIdentity(model);
  const recorded = journal.load(model.name);
  const todo = new Map<string, PendingRequest>();
  const outcomes = new Map<string, Outcome>();
  for (const hash of plan.prompts.keys()) {
    for (let sample = 0; sample < plan.samples; sample++) {
      const key = requestKey(identity, hash, sample);
      keys.set(requestId(hash, sample), key);
      const found = recorded.get(key);
      const prior =
        found === undefined
          ? undefined
          : rescoredOutcome(found, options.scoring, options.legacyScoreOf);
      if (prior && (prior.status === 'ok' || !options.retryFailed)) outcomes.set(key, prior);
      else todo.set(key, { messages: plan.prompts.get(hash)!, sampleIndex: sample });
    }
  }
  const known = [...outcomes.values()];
  const progress: ModelProgress = {
    model: model.name,
    total: keys.size,
    done: outcomes.size,
    resumed: outcomes.size,
    errors: known.filter((o) => o.status === 'error').length,
    costUsd: known.reduce((s, o) => s + (o.costUsd ?? 0), 0),
    startedAt: performance.now(),
  };
  // an answer of the service in an earlier run: it was reached, only a streak stops it now
  const answeredBefore = [...recorded.values()].some((o) => o.status === 'ok' && !o.cached);
  const unreachable = new UnreachableWatch(model.concurrency.max, answeredBefore);
  return { model, keys, outcomes, todo, progress, unreachable };
}

/** What {@link sendModelRequests} did: counts, and the wall time of its sending. */
export interface SentCounts {
  /** requests that reached the service */
  readonly sent: number;
  /** requests the response cache answered */
  readonly cached: number;
  /** wall-clock milliseconds of the sending (0 when nothing was sent) */
  readonly sendingMs: number;
  /** output tokens of the service's answers */
  readonly sentOutputTokens: number;
  /** requests sent that the service answered (not cached, not failed) */
  readonly sentAnswered: number;
  /** retries the client granted */
  readonly retries: number;
  /**
   * requests that failed without a retry they would have had: the client's retry budget
   * (`retry.budget`) was spent (see `ClientStats.notRetriedBudget`)
   */
  readonly notRetriedBudget: number;
  /**
   * requests sent that failed without reaching the service (a refused, reset or closed
   * connection, a DNS or TLS failure, a connect timeout: see `isTransportFailure`), which
   * no retry helps while the service is down
   */
  readonly sentUnreached: number;
  /**
   * answers sent this run whose token counts an http-json model's configured usage paths
   * (`paths.inputTokens` and `paths.outputTokens`, both given) did not both find, so the client
   * counted them locally (0 for other providers and without both paths)
   */
  readonly usagePathMisses: number;
}

/** The counts of a sending that sent nothing. */
export const NOTHING_SENT: SentCounts = {
  sent: 0,
  cached: 0,
  sendingMs: 0,
  sentOutputTokens: 0,
  sentAnswered: 0,
  retries: 0,
  notRetriedBudget: 0,
  sentUnreached: 0,
  usagePathMisses: 0,
};

/** What {@link sendModelRequests} needs besides the model's requests. */
export interface SendContext {
  readonly journal: RunJournal;
  readonly cache: ResponseCache;
  readonly task: TaskModule;
  readonly signal: AbortSignal | undefined;
  /** stops starting requests, letting those in flight finish (see `sendRequests`) */
  readonly drain?: AbortSignal | undefined;
  /** called after every finished request */
  readonly onOutcome: () => void;
  /** called once when a model's service cannot be reached (its sending has stopped) */
  readonly onUnreachable?: ((requests: ModelRequests) => void) | undefined;
}

/**
 * Sends one model's outstanding requests through `@assay/clients` (its concurrency,
 * rate limits, retries and the shared response cache), journaling each outcome as it
 * finishes and adding it to `requests.outcomes`.
 *
 * @param requests - the model's requests (from {@link resumeModelRequests})
 * @param context - journal, cache, task, abort signal, progress callback
 * @returns how many finished requests reached the service and how many the cache answered,
 *   the wall time of the sending and the output tokens the service returned
 */
export async function sendModelRequests(
  requests: ModelRequests,
  context: SendContext,
): Promise<SentCounts> {
  if (requests.todo.size === 0 || requests.unreachable.tripped) return NOTHING_SENT;
  const { name: _name, prompt: _prompt, endpoint: _endpoint, ...clientConfig } = requests.model;
  const client = createClient(clientConfig, {
    cache: context.cache,
  }) as unknown as CompletionClientLike & {
    close(): Promise<void> | void;
    stats(): { retries: number; notRetriedBudget: number };
  };
  const p = requests.progress;
  const started = performance.now();
  const countsRead = usagePaths(requests.model) !== undefined;
  let usagePathMisses = 0;
  const meter = new SendingMeter(
    (s) => context.journal.recordSending(requests.model.name, s),
    started,
  );
  try {
    const sent = await sendRequests({
      model: requests.model.name,
      requests: requests.todo,
      journal: context.journal,
      client,
      concurrency: requests.model.concurrency.max,
      scoring: context.task.logprobScoring,
      signal: context.signal,
      drain: context.drain,
      unreachable: requests.unreachable,
      onUsageSource: (source) => {
        if (countsRead && source !== 'server') usagePathMisses++;
      },
      onOutcome: (o) => {
        meter.observe(o);
        p.done++;
        if (o.status === 'error') p.errors++;
        p.costUsd += o.costUsd ?? 0;
        context.onOutcome();
      },
    });
    const ended = performance.now();
    meter.finish(ended);
    const sendingMs = ended - started;
    let cached = 0;
    let sentOutputTokens = 0;
    let sentAnswered = 0;
    let sentUnreached = 0;
    for (const [k, o] of sent) {
      requests.outcomes.set(k, o);
      if (o.cached) cached++;
      else if (o.status === 'ok') {
        sentAnswered++;
        sentOutputTokens += o.outputTokens ?? 0;
      } else if (isTransportFailure(o)) sentUnreached++;
    }
    if (requests.unreachable.tripped) context.onUnreachable?.(requests);
    const { retries, notRetriedBudget } = client.stats();
    return {
      sent: sent.size - cached,
      cached,
      sendingMs,
      sentOutputTokens,
      sentAnswered,
      retries,
      notRetriedBudget,
      sentUnreached,
      usagePathMisses,
    };
  } finally {
    meter.stop();
    await client.close();
  }
}

/**
 * The usage paths an http-json model reads its token counts by, when it gives both: the stream
 * paths when it streams (`streaming` with `paths.streamText`), else the body's. The client's
 * usage source says only whether both counts came from the service, so with one path alone a
 * miss cannot be told from the other count being counted locally.
 *
 * @param model - the model
 * @returns the two paths' names, or undefined
 * @example
 * usagePaths({ provider: 'http-json', paths: { text: '$.t', inputTokens: '$.u.i', outputTokens: '$.u.o' } });
 * // ['inputTokens', 'outputTokens']
 */
export function usagePaths(
  model: Pick<ModelConfig, 'provider' | 'paths'> & { readonly streaming?: boolean },
): readonly [string, string] | undefined {
  if (model.provider !== 'http-json' || model.paths === undefined) return undefined;
  const streamed = model.streaming === true && model.paths.streamText !== undefined;
  const names = streamed
    ? (['streamInputTokens', 'streamOutputTokens'] as const)
    : (['inputTokens', 'outputTokens'] as const);
  return names.every((n) => model.paths![n] !== undefined) ? names : undefined;
}

/**
 * The positive label of the run whose `results.json` is in the output directory: what the
 * scores of a journal written before `scoreOf` was kept are the probability of.
 *
 * @param outputDir - the output directory
 * @returns the label, or undefined when there is no readable results.json or it names none
 * @example
 * lastPositiveLabel(baselineDir); // 'spam'
 */
export function lastPositiveLabel(outputDir: string): string | undefined {
  try {
    const results = JSON.parse(readFileSync(join(outputDir, 'results.json'), 'utf8')) as {
      task?: { positiveLabel?: unknown };
    };
    const label = results.task?.positiveLabel;
    return typeof label === 'string' ? label : undefined;
  } catch {
    return undefined;
  }
}
