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
 * @returns the warnings (for `results.json` `warnings`) and the served-model mismatches
 * @example
 * sendingWarnings(config, [], []); // { warnings: [], mismatches: [] }
 */
export function sendingWarnings(
  config: RunConfig,
  all: readonly ModelRequests[],
  sent: readonly SentCounts[],
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
  }));
  const path = resolve(config.cache!);
  // `--fresh` discards only the output directory's own cache.sqlite
  const cache = {
    path,
    discardedByFresh: path === resolve(config.output.dir, DEFAULT_CACHE_FILE),
  };
  const mismatches = servedModelMismatches(sources);
  const warnings = [
    ...resumedOnlyWarnings(sources, cache),
    ...cachedOnlyWarnings(sources, cache),
    ...retryBudgetWarnings(sources),
    ...mismatches.map(servedModelWarning),
  ];
  return { warnings, mismatches };
}
