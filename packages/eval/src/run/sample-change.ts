import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunConfig } from '../config/run-config-schema.js';
import type { DatasetItem } from '../datasets/dataset-item.js';
import { readPredictions } from '../outputs/write-predictions.js';

/** `dataset.limit` and `dataset.seed` as the output directory's last `results.json` has them. */
function previousSample(dir: string): { limit: unknown; seed: unknown } | undefined {
  try {
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as {
      config?: { dataset?: { limit?: unknown; seed?: unknown } };
    };
    const dataset = results.config?.dataset;
    return dataset === undefined ? undefined : { limit: dataset.limit, seed: dataset.seed ?? 0 };
  } catch {
    return undefined;
  }
}

/** The item ids of the output directory's last `predictions.arrow`, or undefined. */
function previousIds(dir: string): Set<string> | undefined {
  try {
    return new Set(readPredictions(readFileSync(join(dir, 'predictions.arrow'))).map((r) => r.id));
  } catch {
    return undefined;
  }
}

/**
 * For a dry run that resumes an output directory whose last run drew its sample with another
 * `dataset.limit` or `dataset.seed` (the seed only where a limit is set, in that run or this
 * one: it seeds nothing else): a seeded, stratified sample is drawn anew for each limit,
 * not grown from the smaller one (limit 150 → 151 sends 32 items, not 1), so say how many of
 * this run's items were not in that run's sample and how many of its items are left out.
 *
 * @param config - the validated configuration
 * @param items - the items this run evaluates
 * @returns one sentence, or undefined when the sample settings are the last run's (or there is
 *   no readable last run)
 * @example
 * const larger = { ...config, dataset: { ...config.dataset, limit: 41 } };
 * sampleChangeNote(larger, []); // 'dataset.limit 40 → 41 since the previous run in …'
 */
export function sampleChangeNote(
  config: RunConfig,
  items: readonly DatasetItem[],
): string | undefined {
  const dir = config.output.dir;
  const before = previousSample(dir);
  if (before === undefined) return undefined;
  const changes: string[] = [];
  const show = (v: unknown): string => (v === undefined ? '(none)' : String(v));
  if (before.limit !== config.dataset.limit) {
    changes.push(`dataset.limit ${show(before.limit)} → ${show(config.dataset.limit)}`);
  }
  // dataset.seed seeds only the limit's sample: without a limit every item is evaluated
  const limited = before.limit !== undefined || config.dataset.limit !== undefined;
  if (limited && before.seed !== config.dataset.seed) {
    changes.push(`dataset.seed ${show(before.seed)} → ${show(config.dataset.seed)}`);
  }
  if (changes.length === 0) return undefined;
  const ids = previousIds(dir);
  if (ids === undefined) return undefined;
  const now = new Set(items.map((i) => i.id));
  const added = [...now].filter((id) => !ids.has(id)).length;
  const dropped = [...ids].filter((id) => !now.has(id)).length;
  return `${changes.join(', ')} since the previous run in ${dir}: the sample is drawn anew, not grown or cut from that run's, so ${added} of this run's ${now.size} items were not in its sample (their requests are sent unless the cache has them) and ${dropped} of its ${ids.size} items are left out (their journaled answers are kept, unused).`;
}
