import { resolve } from 'node:path';
import type { ServedModelMismatch } from '@assay/report';
import type { RunConfig } from '../config/run-config-schema.js';
import type { ModelRequests, SentCounts } from './model-requests.js';
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
  ];
  return { warnings, mismatches };
}
