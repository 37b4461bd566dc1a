import { resolve } from 'node:path';
import type { ServedModelMismatch } from '@assay/report';
import type { RunConfig } from '../config/run-config-schema.js';
import { type ModelRequests, type SentCounts, usagePaths } from './model-requests.js';
import { retryBudgetWarnings } from './retry-budget-warnings.js';
import { DEFAULT_CACHE_FILE } from './run-state-files.js';
import {
  cachedOnlyWarnings,
  resumedOnlyWarnings,
  servedModelMismatches,
  servedModelWarning,
} from './run-warnings.js';

/**
 * What the models' answers of a run make doubtful, before any grading: answers (nearly) all
 * resumed from the journal or taken from the response cache, a retry budget that ran out, a
 * service that says another model answered.
 *
 * @param config - the validated configuration
 * @param all - every model's requests, their outcomes known
 * @param sent - per model (in `all`'s order), what its sending did
 * @param inProcessServer - the models are answered by a server the caller started for this run
 *   (`assay demo`'s reference server, on a new port each run): answers from the journal or the
 *   cache are then the same model's, so the warnings that a changed service is not measured,
 *   which would name a URL that no longer exists, are left out
 * @returns the warnings (for `results.json` `warnings`) and the served-model mismatches
 * @example
 * sendingWarnings(config, [], []); // { warnings: [], mismatches: [] }
 */
export function sendingWarnings(
  config: RunConfig,
  all: readonly ModelRequests[],
  sent: readonly SentCounts[],
  inProcessServer = false,
): { warnings: string[]; mismatches: ServedModelMismatch[] } {
  const sources = all.map((r, i) => ({
    model: r.model,
    index: config.models.indexOf(r.model),
    outcomes: [...r.outcomes.values()],
    resumed: r.progress.resumed,
    sent: sent[i]!.sent,
    cached: sent[i]!.cached,
    retries: sent[i]!.retries,
    notRetriedBudget: sent[i]!.notRetriedBudget,
    // what failed this run, and of it what never reached the service: the budget is no cause there
    failed: sent[i]!.sent - sent[i]!.sentAnswered,
    unreached: sent[i]!.sentUnreached,
  }));
  const path = resolve(config.cache!);
  // `--fresh` discards only the output directory's own cache.sqlite
  const cache = {
    path,
    discardedByFresh: path === resolve(config.output.dir, DEFAULT_CACHE_FILE),
  };
  const mismatches = servedModelMismatches(sources);
  const warnings = [
    ...(inProcessServer ? [] : resumedOnlyWarnings(sources, cache)),
    ...(inProcessServer ? [] : cachedOnlyWarnings(sources, cache)),
    ...retryBudgetWarnings(sources),
    ...mismatches.map(servedModelWarning),
    ...all.flatMap((r, i) => usagePathWarnings(r.model, config.models.indexOf(r.model), sent[i]!)),
  ];
  return { warnings, mismatches };
}

/**
 * The warning of an http-json model whose configured usage paths found no count in some
 * answers: the client counted those tokens locally, and its costs rest on that estimate (a
 * trial's `$.usage.output_tokenz` went unremarked, its token counts off by 5%).
 *
 * @param model - the model
 * @param index - its index in `models`
 * @param sent - its sending's counts
 * @returns the warning, or none
 * @example
 * const paths = { text: '$.t', inputTokens: '$.u.i', outputTokens: '$.u.o' };
 * usagePathWarnings({ name: 'custom', provider: 'http-json', paths }, 0, { sentAnswered: 10, usagePathMisses: 10 });
 * // ['custom: models[0].paths.inputTokens and outputTokens found no token count in 10 of the 10 answers sent this run, …']
 */
export function usagePathWarnings(
  model: Pick<RunConfig['models'][number], 'name' | 'provider' | 'paths'> & {
    readonly streaming?: boolean;
  },
  index: number,
  sent: Pick<SentCounts, 'sentAnswered' | 'usagePathMisses'>,
): string[] {
  const names = usagePaths(model);
  if (sent.usagePathMisses === 0 || names === undefined) return [];
  const paths = `models[${index}].paths.${names[0]} and ${names[1]}`;
  // every answer: the path is wrong; some: the service may leave the counts out of some
  const advice =
    sent.usagePathMisses === sent.sentAnswered
      ? 'check the paths against a response body'
      : 'the service may leave them out of some answers, or a path may not match every response';
  return [
    `${model.name}: ${paths} found no token count in ${sent.usagePathMisses} of the ${sent.sentAnswered} answers sent this run, so their counts (and any cost from them) were counted locally by the tokenizer, an estimate of what the service counts; ${advice}.`,
  ];
}
