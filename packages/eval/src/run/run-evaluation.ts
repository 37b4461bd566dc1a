import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createClient, ResponseCache } from '@assay/clients';
import type { ModelProgress } from '@assay/report';
import { createRng } from '@assay/splitters';
import type { ModelConfig, RunConfig } from '../config/run-config-schema.js';
import type { DatasetItem } from '../datasets/dataset-item.js';
import { loadFileDataset } from '../datasets/file-dataset.js';
import { loadSpamAssassin } from '../datasets/spam-assassin.js';
import { stratifiedSample } from '../datasets/stratified-sample.js';
import { EvaluationError } from '../errors.js';
import type { PromptMessage } from '../prompt/build-messages.js';
import { parseAnswer } from '../prompt/parse-answer.js';
import { type Outcome, RunJournal } from './journal.js';
import { planRequests, type RequestPlan, requestKey } from './plan.js';
import type { PredictionRow } from './prediction-row.js';
import { type CompletionClientLike, sendRequests } from './send-requests.js';
import { splitItems } from './split-items.js';

/** Options of {@link executeRun}. */
export interface ExecuteRunOptions {
  /** re-send requests recorded as failed in the journal (default: reuse the failures) */
  retryFailed?: boolean;
  /** stops the run: no new requests, requests in flight aborted, nothing lost */
  signal?: AbortSignal;
  /** called whenever a request finishes (and once when sending starts) */
  onProgress?: (progress: readonly ModelProgress[]) => void;
}

/** Everything the run produced before statistics: items, folds and one row per prediction. */
export interface ExecutedRun {
  /** the validated configuration */
  config: RunConfig;
  /** the evaluated items */
  items: DatasetItem[];
  /** number of folds (across repeats) */
  folds: number;
  /** few-shot example ids per fold */
  fewShotIds: string[][];
  /** prediction rows, all models */
  rows: PredictionRow[];
  /** per model: the outcome of each distinct request, and resumed / sent counts */
  requests: Map<string, { outcomes: Outcome[]; resumed: number; sent: number }>;
  /** when the run started */
  startedAt: Date;
  /** journal path */
  journalPath: string;
}

/**
 * The prompt settings of one model: the run's `prompt` with the model's
 * `prompt` override applied (a `template` override replaces `messages` and
 * vice versa).
 *
 * @param config - the run configuration
 * @param model - one of its models
 * @returns the effective prompt section
 * @example
 * promptFor(config, config.models[1]!).maxFieldChars;
 */
export function promptFor(config: RunConfig, model: ModelConfig): RunConfig['prompt'] {
  const o = model.prompt;
  if (!o) return config.prompt;
  const merged: RunConfig['prompt'] = { ...config.prompt };
  if (o.system !== undefined) merged.system = o.system;
  if (o.maxFieldChars !== undefined) merged.maxFieldChars = o.maxFieldChars;
  if (o.template !== undefined) {
    merged.template = o.template;
    delete merged.messages;
  }
  if (o.messages !== undefined) {
    merged.messages = o.messages;
    delete merged.template;
  }
  return merged;
}

/**
 * Loads the configured dataset and applies the seeded stratified `limit`.
 *
 * @param config - the validated configuration
 * @returns the items to evaluate
 * @throws EvaluationError for unreadable or ill-formed data files
 * @example
 * const items = await loadRunDataset(config);
 */
export async function loadRunDataset(config: RunConfig): Promise<DatasetItem[]> {
  const d = config.dataset;
  let items =
    d.builtin === 'spam-assassin'
      ? loadSpamAssassin(d.groups)
      : await loadFileDataset(d.path!, {
          ...(d.format ? { format: d.format } : {}),
          columns: d.columns,
          requireLabel: config.task.type !== 'generation',
        });
  if (d.limit !== undefined && d.limit < items.length) {
    const rng = createRng(d.seed >>> 0);
    items = stratifiedSample(items, d.limit, () => rng.nextFloat()).map((it, i) => ({
      ...it,
      index: i,
    }));
  }
  if (config.task.type === 'classification') {
    const labels = new Set(config.task.labels);
    const bad = items.find((it) => !labels.has(it.label ?? ''));
    if (bad) {
      throw new EvaluationError(
        'INVALID_CONFIG',
        `Item '${bad.id}' has label '${bad.label}', which is not in task.labels (${config.task.labels.join(', ')}); list every label the data uses.`,
        { path: 'task.labels' },
      );
    }
  }
  if (config.task.type === 'regression') {
    const bad = items.find((it) => !Number.isFinite(Number(it.label)));
    if (bad) {
      throw new EvaluationError(
        'NON_NUMERIC_VALUE',
        `Item '${bad.id}' has a non-numeric target '${bad.label}'.`,
        {
          path: 'dataset.columns.label',
        },
      );
    }
  }
  return items;
}

/**
 * Runs the evaluation: load and split the data, build prompts per fold, query
 * every model (each distinct request once, journaled the moment it finishes,
 * responses cached), and parse the answers into prediction rows.
 *
 * @param config - the validated configuration
 * @param options - retry-failed, abort signal, progress callback
 * @returns items, folds and prediction rows; statistics are computed by `summarizeRun`
 * @throws EvaluationError `ABORTED` when the signal fires (everything finished is journaled),
 *   or a data/config error
 * @example
 * const executed = await executeRun(await loadRunConfig('examples/spam-assassin.yaml'));
 */
export async function executeRun(
  config: RunConfig,
  options: ExecuteRunOptions = {},
): Promise<ExecutedRun> {
  const startedAt = new Date();
  const items = await loadRunDataset(config);
  const task = config.task;
  const splits = splitItems(items, config.evaluation, task.type === 'classification');
  const plans = new Map<string, RequestPlan>();
  const planFor = (model: ModelConfig): RequestPlan => {
    const spec = promptFor(config, model);
    const id = JSON.stringify(spec);
    let plan = plans.get(id);
    if (!plan) {
      plan = planRequests(items, splits, spec, (fold) => {
        const rng = createRng((spec.fewShot.seed + fold * 7919) >>> 0);
        return () => rng.nextFloat();
      });
      plans.set(id, plan);
    }
    return plan;
  };
  const modelPlans = new Map(config.models.map((m) => [m.name, planFor(m)]));
  mkdirSync(config.output.dir, { recursive: true });
  const journalPath = join(config.output.dir, 'journal.sqlite');
  const journal = new RunJournal(journalPath);
  mkdirSync(dirname(config.cache!), { recursive: true });
  const cache = new ResponseCache(config.cache!);
  const progress: ModelProgress[] = [];
  const requests = new Map<string, { outcomes: Outcome[]; resumed: number; sent: number }>();
  const keysByModel = new Map<string, Map<string, string>>();
  try {
    const jobs = config.models.map((model) => {
      const plan = modelPlans.get(model.name)!;
      const keys = new Map<string, string>(); // prompt hash -> journal key
      for (const hash of plan.prompts.keys()) keys.set(hash, requestKey(model, hash));
      keysByModel.set(model.name, keys);
      const recorded = journal.load(model.name);
      const todo = new Map<string, PromptMessage[]>();
      const outcomes = new Map<string, Outcome>();
      for (const [hash, key] of keys) {
        const prior = recorded.get(key);
        if (prior && (prior.status === 'ok' || !options.retryFailed)) outcomes.set(key, prior);
        else todo.set(key, plan.prompts.get(hash)!);
      }
      const p: ModelProgress = {
        model: model.name,
        total: keys.size,
        done: outcomes.size,
        resumed: outcomes.size,
        errors: [...outcomes.values()].filter((o) => o.status === 'error').length,
        costUsd: [...outcomes.values()].reduce((s, o) => s + (o.costUsd ?? 0), 0),
        startedAt: performance.now(),
      };
      progress.push(p);
      return { model, todo, outcomes, p };
    });
    options.onProgress?.(progress);
    await Promise.all(
      jobs.map(async ({ model, todo, outcomes, p }) => {
        if (todo.size === 0) {
          requests.set(model.name, {
            outcomes: [...outcomes.values()],
            resumed: p.resumed,
            sent: 0,
          });
          return;
        }
        const { name: _name, prompt: _prompt, ...clientConfig } = model;
        const client = createClient(clientConfig, { cache }) as unknown as CompletionClientLike & {
          close(): Promise<void> | void;
        };
        try {
          const sent = await sendRequests({
            model: model.name,
            requests: todo,
            journal,
            client,
            concurrency: model.concurrency.max,
            scoring:
              task.type === 'classification' && task.labels.length === 2
                ? { labels: task.labels, positive: task.positiveLabel ?? task.labels[0]! }
                : undefined,
            signal: options.signal,
            onOutcome: (o) => {
              p.done++;
              if (o.status === 'error') p.errors++;
              p.costUsd += o.costUsd ?? 0;
              options.onProgress?.(progress);
            },
          });
          for (const [k, o] of sent) outcomes.set(k, o);
          requests.set(model.name, {
            outcomes: [...outcomes.values()],
            resumed: p.resumed,
            sent: sent.size,
          });
        } finally {
          await client.close();
        }
      }),
    );
  } finally {
    journal.close();
    cache.close();
  }
  if (options.signal?.aborted) {
    throw new EvaluationError(
      'INTERRUPTED',
      'The run was interrupted; every finished request is saved in the journal. Run the same command again to resume.',
    );
  }
  const rows: PredictionRow[] = [];
  for (const model of config.models) {
    const byKey = new Map(requests.get(model.name)!.outcomes.map((o) => [o.key, o]));
    const keys = keysByModel.get(model.name)!;
    for (const t of modelPlans.get(model.name)!.tasks) {
      const item = items[t.item]!;
      const o = byKey.get(keys.get(t.promptHash)!)!;
      const expected = task.type === 'generation' ? (item.reference ?? null) : (item.label ?? null);
      let parsed: string | null = null;
      let outcome: PredictionRow['outcome'];
      if (o.status === 'error') outcome = 'failed';
      else if (task.type === 'generation') outcome = 'answered';
      else {
        parsed = parseAnswer(
          o.text ?? '',
          task.type === 'classification' ? task.labels : [],
          task.answer,
        ).value;
        outcome =
          parsed === null
            ? 'unparseable'
            : (
                  task.type === 'classification'
                    ? parsed === expected
                    : Number(parsed) === Number(expected)
                )
              ? 'correct'
              : 'wrong';
      }
      rows.push({
        id: item.id,
        fold: t.fold,
        model: model.name,
        promptHash: t.promptHash,
        group: item.group ?? null,
        expected,
        rawAnswer: o.text,
        parsed,
        outcome,
        correct: outcome === 'failed' || outcome === 'answered' ? null : outcome === 'correct',
        error: o.status === 'error' ? `${o.errorClass}: ${o.errorMessage}` : null,
        ttftMs: o.ttftMs,
        tpotMs: o.tpotMs,
        e2eMs: o.e2eMs,
        inputTokens: o.inputTokens,
        outputTokens: o.outputTokens,
        costUsd: o.costUsd,
        score: o.score,
        cached: o.cached,
      });
    }
  }
  return {
    config,
    items,
    folds: splits.length,
    fewShotIds: modelPlans.get(config.models[0]!.name)!.fewShotIds,
    rows,
    requests,
    startedAt,
    journalPath,
  };
}
