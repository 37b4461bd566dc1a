import { createClient, type ResponseCache } from '@assay/clients';
import type { ModelProgress, ServedModelMismatch } from '@assay/report';
import type { ModelConfig, RunConfig } from '../config/run-config-schema.js';
import type { DatasetItem } from '../datasets/dataset-item.js';
import type { PromptMessage } from '../prompt/build-messages.js';
import { endpointIdentity } from '../run/endpoint-identity.js';
import type { Outcome, RunJournal } from '../run/journal.js';
import type { PredictionRow } from '../run/prediction-row.js';
import { judgeServedModelMismatches } from '../run/run-warnings.js';
import {
  type CompletionClientLike,
  type PendingRequest,
  sendRequests,
} from '../run/send-requests.js';
import { type ResolvedJudgeClient, resolveJudgeClient } from './judge-client.js';
import { judgeDraws } from './judge-draws.js';
import { type JudgeSubject, judgedPair, planJudge } from './judge-plan.js';
import type { JudgeConfig } from './judge-schema.js';
import type { JudgedDraw } from './judge-summary.js';

/** What the judge step of a run produced. */
export interface JudgeExecution {
  /** the judge's client, names and recorded seed */
  readonly client: ResolvedJudgeClient;
  /** every judged model's draws */
  readonly draws: Map<string, JudgedDraw[]>;
  /** the judge's request counters (also shown by the progress display) */
  readonly progress: ModelProgress;
  /** grading requests that reached the service this run */
  readonly sent: number;
  /** grading requests the response cache answered this run */
  readonly cached: number;
  /** what the grades make doubtful: an inline judge client that another model answered */
  readonly mismatches: readonly ServedModelMismatch[];
}

/** What {@link executeJudge} needs of the run besides the configuration and the subjects. */
export interface JudgeRunContext {
  readonly journal: RunJournal;
  readonly cache: ResponseCache;
  readonly signal: AbortSignal | undefined;
  /** stops starting judge requests, letting those in flight finish (see `sendRequests`) */
  readonly drain?: AbortSignal | undefined;
  readonly retryFailed: boolean;
  /** called after every finished grading request */
  readonly onOutcome?: ((progress: ModelProgress) => void) | undefined;
}

/** The last user message of a prompt: what the model was asked. */
function questionOf(messages: readonly PromptMessage[] | undefined): string {
  const users = (messages ?? []).filter((m) => m.role === 'user');
  return users.at(-1)?.content ?? '';
}

/**
 * The answers a judge grades: every answered generation row (failed requests have no
 * answer; an answer the extraction chain could not read is graded as written), with the
 * question its model was asked, the item's first reference and its human grade.
 *
 * @param rows - the run's prediction rows, all models
 * @param items - the evaluated items
 * @param prompts - every distinct prompt by hash
 * @param grades - human grade per item id (empty without a human grade column)
 * @returns one subject per row (the plan keeps one per model, item and sample)
 * @example
 * judgeSubjects(judged.rows, judged.items, judged.prompts, new Map()).length; // 20
 */
export function judgeSubjects(
  rows: readonly PredictionRow[],
  items: readonly DatasetItem[],
  prompts: ReadonlyMap<string, readonly PromptMessage[]>,
  grades: ReadonlyMap<string, string | null>,
): JudgeSubject[] {
  const byId = new Map(items.map((it) => [it.id, it]));
  return rows.flatMap((row) => {
    if (row.outcome === 'failed' || row.rawAnswer === null) return [];
    const item = byId.get(row.id);
    return [
      {
        model: row.model,
        item: row.id,
        sample: row.sample ?? 0,
        question: questionOf(prompts.get(row.promptHash)),
        answer: row.parsed ?? row.rawAnswer,
        reference: item?.references?.[0] ?? item?.reference ?? row.expected ?? '',
        human: grades.get(row.id) ?? null,
      },
    ];
  });
}

/**
 * Grades the run's answers: plans every grading request (per answer and repeat; pairwise
 * per pair, order and repeat), resumes what the journal has under `judge:<name>`, sends the
 * rest through the judge's client (its concurrency, retries, the run's response cache),
 * journaling each outcome as it finishes, and reads the grades.
 *
 * @remarks Repeat r is sent with sample index r and seed `judge.seed + r`, so repeats are
 * separate draws even from a server that honours the seed (the recorded seed is the first).
 * A failed grading request, or an answer that gives no readable grade, is an unscored
 * draw with the reason; the run goes on.
 * @param config - the validated configuration (with a `judge` section)
 * @param subjects - the answers to grade ({@link judgeSubjects})
 * @param context - journal, cache, abort signal, retry-failed, progress callback
 * @returns the draws per model and the request counts
 * @example
 * const subjects = judgeSubjects(judged.rows, judged.items, judged.prompts, new Map());
 * const journal = new RunJournal(join(dir, 'journal.sqlite'));
 * const cache = new ResponseCache(join(dir, 'cache.sqlite'));
 * const execution = await executeJudge(generationConfig, subjects, { journal, cache, retryFailed: false });
 * journal.close();
 * cache.close();
 * execution.draws.get('extractive').length; // 20
 */
export async function executeJudge(
  config: RunConfig & { judge: JudgeConfig },
  subjects: readonly JudgeSubject[],
  context: JudgeRunContext,
): Promise<JudgeExecution> {
  const judge = config.judge;
  const client = resolveJudgeClient(judge, config.models);
  const identity = endpointIdentity(client.config as ModelConfig);
  const pair = judgedPair(judge, config.models);
  const spec = { mode: judge.mode, partialCredit: judge.partialCredit, rubric: judge.rubric };
  const plan = planJudge(subjects, spec, identity, judge.repeats, pair);
  const recorded = context.journal.load(client.journalName);
  const outcomes = new Map<string, Outcome>();
  const todo = new Map<string, PendingRequest>();
  for (const [key, r] of plan.requests) {
    const prior = recorded.get(key);
    if (prior && (prior.status === 'ok' || !context.retryFailed)) outcomes.set(key, prior);
    else {
      const params = client.seed === null ? undefined : { seed: client.seed + r.repeat };
      todo.set(key, { messages: r.messages, sampleIndex: r.repeat, params });
    }
  }
  const progress: ModelProgress = {
    model: client.journalName,
    total: plan.requests.size,
    done: outcomes.size,
    resumed: outcomes.size,
    errors: [...outcomes.values()].filter((o) => o.status === 'error').length,
    costUsd: [...outcomes.values()].reduce((s, o) => s + (o.costUsd ?? 0), 0),
    startedAt: performance.now(),
  };
  let sent = 0;
  let cached = 0;
  if (todo.size > 0) {
    const { name: _name, endpoint: _endpoint, ...clientConfig } = client.config;
    const service = createClient(clientConfig, {
      cache: context.cache,
    }) as unknown as CompletionClientLike & { close(): Promise<void> | void };
    try {
      const done = await sendRequests({
        model: client.journalName,
        requests: todo,
        journal: context.journal,
        client: service,
        concurrency: clientConfig.concurrency.max,
        signal: context.signal,
        drain: context.drain,
        onOutcome: (o) => {
          progress.done++;
          if (o.status === 'error') progress.errors++;
          progress.costUsd += o.costUsd ?? 0;
          context.onOutcome?.(progress);
        },
      });
      for (const [k, o] of done) {
        outcomes.set(k, o);
        if (o.cached) cached++;
        else sent++;
      }
    } finally {
      await service.close();
    }
  }
  const mismatches =
    typeof judge.client === 'string'
      ? []
      : judgeServedModelMismatches(judge.client, [...outcomes.values()]);
  return {
    client,
    draws: judgeDraws(plan, outcomes, judge.mode),
    progress,
    sent,
    cached,
    mismatches,
  };
}
