import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { cachedKeys, cacheKeyer } from '@assay/clients';
import { evaluationWarnings, mayShuffle } from '../config/evaluation-method.js';
import type { RunConfig } from '../config/run-config-schema.js';
import { humanGrades } from '../judges/human-grades.js';
import { judgeEndpoints } from '../judges/judge-client.js';
import type { PromptMessage } from '../prompt/build-messages.js';
import { emptyReferenceWarnings } from '../summary/empty-reference-warnings.js';
import { emptyTextWarnings } from '../summary/empty-text-warnings.js';
import { absentLabelWarnings } from '../summary/unseen-label-warnings.js';
import { refuseChangedEndpoints, takenOverLine } from './check-identities.js';
import { credentialHeaderWarnings } from './credential-headers.js';
import { explainDamage } from './damaged-file.js';
import { dataSourceOf } from './data-source.js';
import { type DryRunJudge, dryRunJudge } from './dry-run-judge.js';
import {
  type MissingHeaderEnv,
  missingHeaderEnvs,
  missingHeaderEnvWarning,
} from './env-headers.js';
import { identicalSamplesWarnings } from './identical-samples.js';
import { RunJournal } from './journal.js';
import { loadBaseline } from './load-baseline.js';
import { lastPositiveLabel, type ModelRequests, resumeModelRequests } from './model-requests.js';
import { refuseOutputFile } from './output-dir-check.js';
import type { RequestPlan } from './plan.js';
import { planRun } from './plan-run.js';
import { type PromptDuplicates, promptDuplicates } from './prompt-duplicates.js';
import { refuseKeysInUrls } from './refuse-missing-keys.js';
import { refuseOtherDataSource } from './refuse-other-data.js';
import { estimateRequests, type RequestEstimate } from './request-estimate.js';
import { CACHE_RECOVERY, DEFAULT_CACHE_FILE, JOURNAL_FILE } from './run-state-files.js';
import { sampleChangeNote } from './sample-change.js';
import { gateSizeWarnings } from './uncheckable-gates.js';

/** Options of {@link dryRun}: the run's own options, and how many prompts to show. */
export interface DryRunOptions {
  /** distinct prompts to render per prompt setting (default 3) */
  showPrompts?: number;
  /** as `assay run --fresh`: the journal and the default cache would be discarded */
  fresh?: boolean;
  /** as `assay run --retry-failed`: requests journaled as failed would be sent again */
  retryFailed?: boolean;
  /** environment to read the models' `apiKeyEnv` and `headersFromEnv` from (default `process.env`) */
  env?: NodeJS.ProcessEnv;
}

/** One rendered prompt of a dry run. */
export interface DryRunPrompt {
  /** prompt hash (`prompt_hash` in `predictions.arrow` and `prompts.arrow`) */
  readonly hash: string;
  /** the first item asked with it */
  readonly item: string;
  /** its fold, 0-based */
  readonly fold: number;
  /** the messages that would be sent */
  readonly messages: readonly PromptMessage[];
}

/** One prompt setting of a dry run (models with the same prompt settings share one). */
export interface DryRunPlan extends PromptDuplicates {
  /** the models that use it */
  readonly models: readonly string[];
  /** few-shot examples per prompt */
  readonly fewShot: number;
  /** the first distinct prompts, in plan order (fold, then item) */
  readonly firstPrompts: readonly DryRunPrompt[];
}

/** One model's requests in a dry run: where a run would get each answer, and the bill. */
export interface DryRunModel {
  /** model name */
  readonly name: string;
  /** distinct requests (one per distinct prompt) */
  readonly requests: number;
  /** answered in the journal: a run would resume them */
  readonly resumed: number;
  /** not in the journal but in the response cache: a run would take them from it */
  readonly cached: number;
  /** what a run would send to the service */
  readonly toSend: number;
  /** tokens and cost of the requests to send */
  readonly estimate: RequestEstimate;
  /**
   * The model's `apiKeyEnv` when that variable is not set: a dry run needs no key, a run
   * that sends anything does (`models[i].apiKeyEnv`)
   */
  readonly missingApiKeyEnv?: string;
  /** true when the `missingApiKeyEnv` variable is set, but to the empty string */
  readonly apiKeyEnvEmpty?: true;
  /**
   * The model's `headersFromEnv` headers whose variable is not set (or empty): as for the key,
   * a dry run needs none, a run that sends anything does (`models[i].headersFromEnv.<Header>`);
   * each is also said in `warnings`
   */
  readonly missingHeadersFromEnv?: readonly MissingHeaderEnv[];
}

/** What `assay run` would do, found without sending a request or writing a file. */
export interface DryRunReport {
  /** the run's name */
  readonly name: string;
  /** the data set's source */
  readonly dataset: string;
  /** items loaded */
  readonly items: number;
  /** split method (followed by ` unshuffled` under `evaluation.shuffle: false`) and fold count (all repeats) */
  readonly method: string;
  readonly folds: number;
  /** the output directory (not created) */
  readonly outputDir: string;
  /** the journal consulted, or null when there is none (or `fresh` would discard it) */
  readonly journal: string | null;
  /** whether the plan counts as `fresh` (journal and default cache discarded) */
  readonly fresh: boolean;
  /** the response cache consulted, or null when there is none (or `fresh` would discard it) */
  readonly cache: string | null;
  /** per prompt setting: predictions, distinct prompts, why they coincide, first prompts */
  readonly plans: readonly DryRunPlan[];
  /** per model: requests, resumed, cached, to send, tokens and cost */
  readonly models: readonly DryRunModel[];
  /** `evaluation.stop` with its defaults filled in, or null: a run may then send less than counted */
  readonly stop: {
    readonly when: string;
    readonly minItems: number;
    readonly checkEvery: number;
  } | null;
  /** what the settings make doubtful, as the run's `results.json` `warnings` will say */
  readonly warnings: readonly string[];
  /** the judge's grading requests, bounded (they are built from the answers), or null */
  readonly judge: DryRunJudge | null;
}

/** The first `n` distinct prompts of a plan, with the item and fold that first use them. */
function firstPrompts(plan: RequestPlan, items: { id: string }[], n: number): DryRunPrompt[] {
  const out: DryRunPrompt[] = [];
  const seen = new Set<string>();
  for (const t of plan.tasks) {
    if (out.length >= n) break;
    if (seen.has(t.promptHash)) continue;
    seen.add(t.promptHash);
    const messages = plan.prompts.get(t.promptHash)!;
    out.push({ hash: t.promptHash, item: items[t.item]!.id, fold: t.fold, messages });
  }
  return out;
}

/**
 * `{ missingApiKeyEnv }` when the model names a key variable that is not set, with
 * `apiKeyEnvEmpty` when it is set to nothing (`KEY= assay run`); else nothing.
 */
function missingKey(
  apiKeyEnv: string | undefined,
  env: NodeJS.ProcessEnv,
): { missingApiKeyEnv?: string; apiKeyEnvEmpty?: true } {
  if (apiKeyEnv === undefined) return {};
  const key = env[apiKeyEnv];
  if (key === '') return { missingApiKeyEnv: apiKeyEnv, apiKeyEnvEmpty: true };
  return key === undefined ? { missingApiKeyEnv: apiKeyEnv } : {};
}

/** `{ missingHeadersFromEnv }` when a `headersFromEnv` variable is not set (or empty); else nothing. */
function missingHeaders(
  model: RunConfig['models'][number],
  env: NodeJS.ProcessEnv,
): { missingHeadersFromEnv?: readonly MissingHeaderEnv[] } {
  const missing = missingHeaderEnvs(model, env);
  return missing.length === 0 ? {} : { missingHeadersFromEnv: missing };
}

/** The keys the response cache holds among a model's requests still to send. */
function fromCache(
  config: RunConfig,
  requests: ModelRequests,
  cachePath: string | null,
  env: NodeJS.ProcessEnv | undefined,
): Set<string> {
  // a run creates a client (and so checks its configuration and key) only to send something
  if (requests.todo.size === 0) return new Set();
  const { name: _n, prompt: _p, endpoint: _e, ...clientConfig } = requests.model;
  const keyer = cacheKeyer(clientConfig, env);
  if (cachePath === null || !keyer.usesCache) return new Set();
  const keys = new Map<string, string>();
  for (const [journalKey, { messages, sampleIndex }] of requests.todo) {
    keys.set(keyer.key({ messages, sampleIndex }), journalKey);
  }
  const recovery =
    cachePath === resolve(config.output.dir, DEFAULT_CACHE_FILE)
      ? CACHE_RECOVERY
      : 'delete it or set `cache` to another file';
  const found = explainDamage('response cache', cachePath, recovery, () =>
    cachedKeys(cachePath, keys.keys()),
  );
  return new Set([...found].map((k) => keys.get(k)!));
}

/** The journal and cache a run would read, or null for those `fresh` would discard. */
function stateFiles(config: RunConfig, fresh: boolean): { journal: string; cache: string | null } {
  const journal = resolve(config.output.dir, JOURNAL_FILE);
  const cache = resolve(config.cache!);
  const discarded = fresh && cache === resolve(config.output.dir, DEFAULT_CACHE_FILE);
  return { journal, cache: discarded ? null : cache };
}

/**
 * Plans a run without running it: loads and validates the configuration's data set, folds,
 * prompts and model clients, reads (never writes) the output directory's journal and the
 * response cache, and reports what a run would do: per prompt setting the predictions, the
 * distinct prompts and why they coincide, and the first prompts rendered; per model the
 * requests it would resume, take from the cache and send, with their estimated tokens and
 * cost. Sends nothing, opens no connection, takes no lock and writes no file.
 *
 * @param config - the validated configuration
 * @param options - prompts to show; `fresh` and `retryFailed` as the run would have them
 * @returns the report
 * @throws EvaluationError as a run would before sending (`PLAN_TOO_LARGE`, data set errors,
 *   `MISSING_COLUMN` or `INVALID_VALUE` at `judge.humanGrade.column`, `DATA_SOURCE_CHANGED`,
 *   `IDENTITY_CHANGED`, `DAMAGED_FILE`); ClientError for an invalid model client configuration
 *   or a missing API key of a model with requests to send (a run creates no client for a model
 *   whose answers are all journaled); a `headersFromEnv` variable that is not set is
 *   reported (`missingHeadersFromEnv`, `warnings`), not refused
 * @example
 * const report = await dryRun(await loadRunConfig(join(dir, 'run.yaml')));
 * report.models[0].toSend; // 4: the requests a run would send
 */
export async function dryRun(
  config: RunConfig,
  options: DryRunOptions = {},
): Promise<DryRunReport> {
  // as the run does: an output directory in the way of a file is found before anything else
  refuseOutputFile(config.output.dir);
  // a run refuses a missing or unreadable baseline before any request: so does its dry run
  if (config.baseline !== undefined) await loadBaseline(config.baseline, config);
  refuseKeysInUrls(config, options.env ?? process.env);
  const { task, items, splits, plans } = await planRun(config);
  // the run reads the human grades before sending anything and refuses a missing column or a
  // grade that is no label: the dry run promised to validate everything, so it refuses too
  humanGrades(items, config.judge);
  const files = stateFiles(config, options.fresh === true);
  const journal = options.fresh ? undefined : RunJournal.snapshot(files.journal);
  const models: DryRunModel[] = [];
  const takenOver: string[] = [];
  try {
    if (!options.fresh) refuseOtherDataSource(config, dataSourceOf(config), journal);
    if (journal) {
      refuseChangedEndpoints(
        journal,
        [...config.models, ...judgeEndpoints(config)],
        config.output.dir,
        (t) => takenOver.push(takenOverLine(t, false)),
      );
    }
    const none = { load: () => new Map() };
    for (const model of config.models) {
      const requests = resumeModelRequests(model, plans.get(model.name)!, journal ?? none, {
        retryFailed: options.retryFailed === true,
        scoring: task.logprobScoring,
        legacyScoreOf: lastPositiveLabel(config.output.dir),
      });
      const cached = fromCache(config, requests, files.cache, options.env);
      const toSend = [...requests.todo]
        .filter(([key]) => !cached.has(key))
        .map(([, r]) => r.messages);
      models.push({
        name: model.name,
        requests: requests.keys.size,
        resumed: requests.progress.resumed,
        cached: cached.size,
        toSend: toSend.length,
        estimate: await estimateRequests(model, toSend),
        ...missingKey(model.apiKeyEnv, options.env ?? process.env),
        ...missingHeaders(model, options.env ?? process.env),
      });
    }
  } finally {
    journal?.close();
  }
  const summaries = planSummaries(config, plans, items, options.showPrompts ?? 3);
  return {
    name: config.name,
    dataset: config.dataset.builtin ?? config.dataset.path ?? '',
    items: items.length,
    method:
      config.evaluation.shuffle === false && mayShuffle(config.evaluation)
        ? `${config.evaluation.method} unshuffled`
        : config.evaluation.method,
    folds: splits.length,
    outputDir: config.output.dir,
    journal: journal ? files.journal : null,
    fresh: options.fresh === true,
    cache: files.cache !== null && existsSync(files.cache) ? files.cache : null,
    plans: summaries,
    models,
    judge: dryRunJudge(config, summaries),
    stop: stopOf(config.evaluation.stop),
    warnings: [
      ...evaluationWarnings(config.evaluation, config.prompt.fewShot.count, config.task.type),
      ...identicalSamplesWarnings(config),
      ...credentialHeaderWarnings(config),
      ...(config.task.type === 'classification' ? absentLabelWarnings(task.labels, items) : []),
      ...emptyTextWarnings(items, config.dataset.columns?.text),
      ...(config.task.type === 'generation' ? emptyReferenceWarnings(items) : []),
      // what `assay run` refuses before sending: a gate no answer of this plan can check or pass
      ...gateSizeWarnings(config, plans),
      ...judgeKeyWarnings(config, options.env ?? process.env),
      ...headerEnvWarnings(config, options.env ?? process.env),
      ...takenOver,
      // only what a resumed run would reuse: after --fresh nothing of the last sample is kept
      ...(journal ? [sampleChangeNote(config, items)].filter((n) => n !== undefined) : []),
    ],
  };
}

/**
 * A warning for an inline judge client whose `apiKeyEnv` is not set (or empty): a first run
 * refuses to start without it, as for a model's key, but the report's per-model notes cannot
 * carry it. A judge that names a model shares that model's key, already noted on the model.
 */
function judgeKeyWarnings(config: RunConfig, env: NodeJS.ProcessEnv): string[] {
  const client = config.judge?.client;
  if (client === undefined || typeof client === 'string') return [];
  const { missingApiKeyEnv, apiKeyEnvEmpty } = missingKey(client.apiKeyEnv, env);
  if (missingApiKeyEnv === undefined) return [];
  return [
    `judge client ${client.name}: the environment variable ${missingApiKeyEnv} (judge.client.apiKeyEnv) ${apiKeyEnvEmpty ? 'is set but empty' : 'is not set'}; a run that sends grading requests needs it, and a first run (or --fresh) refuses to start without it.`,
  ];
}

/**
 * A warning per `headersFromEnv` variable that is not set (or empty), of the models and of an
 * inline judge client (one that names a model has that model's headers, said at the model).
 */
function headerEnvWarnings(config: RunConfig, env: NodeJS.ProcessEnv): string[] {
  const client = config.judge?.client;
  const endpoints = [
    ...config.models.map((m, i) => ({ config: m, name: m.name, path: `models[${i}]` })),
    ...(client === undefined || typeof client === 'string'
      ? []
      : [{ config: client, name: `judge client ${client.name}`, path: 'judge.client' }]),
  ];
  return endpoints.flatMap((e) =>
    missingHeaderEnvs(e.config, env).map((m) => missingHeaderEnvWarning(e.name, e.path, m)),
  );
}

/** The stopping rule as the dry run reports it. */
function stopOf(stop: RunConfig['evaluation']['stop']): DryRunReport['stop'] {
  if (stop === undefined) return null;
  return { when: stop.when, minItems: stop.minItems, checkEvery: stop.checkEvery };
}

/** One summary per distinct request plan, naming the models that share it. */
function planSummaries(
  config: RunConfig,
  plans: ReadonlyMap<string, RequestPlan>,
  items: { id: string }[],
  show: number,
): DryRunPlan[] {
  const users = new Map<RequestPlan, string[]>();
  for (const m of config.models) {
    const plan = plans.get(m.name)!;
    users.set(plan, [...(users.get(plan) ?? []), m.name]);
  }
  return [...users].map(([plan, models]) => ({
    models,
    fewShot: config.prompt.fewShot.count,
    ...promptDuplicates(plan),
    firstPrompts: firstPrompts(plan, items, show),
  }));
}
