import type { ServiceStats } from '../results/run-results-schema.js';
import { countNoun } from './count-noun.js';

/**
 * Where a model's throughput covers the sending of earlier runs: a resumed run's req/s covers
 * the runs that answered its resumed requests, so it says so.
 *
 * @param s - the model's service figures
 * @returns e.g. `req/s and out tok/s add the sending of 1 earlier run that answered resumed
 *   requests (12.3 s of sending in all)`, or undefined when they are this run's alone
 * @example
 * earlierRunsText({ sentThisRun: 20, throughput: { wallSeconds: 12.3, requestsPerSecond: 24.4, outputTokensPerSecond: 24.4, earlierRuns: 1 } });
 * // 'req/s and out tok/s add the sending of 1 earlier run that answered resumed requests (12.3 s of sending in all)'
 * earlierRunsText({ sentThisRun: 0, throughput: { wallSeconds: 0.8, requestsPerSecond: 371.2, outputTokensPerSecond: 371.2, earlierRuns: 1 } });
 * // 'req/s and out tok/s are those of the earlier run that answered these requests (0.8 s of sending)'
 */
export function earlierRunsText(
  s: Pick<ServiceStats, 'throughput' | 'sentThisRun'>,
): string | undefined {
  const t = s.throughput;
  if (t?.earlierRuns === undefined) return undefined;
  const seconds = t.wallSeconds.toFixed(1);
  if (s.sentThisRun === 0) {
    const runs = t.earlierRuns === 1 ? 'the earlier run' : `the ${t.earlierRuns} earlier runs`;
    return `req/s and out tok/s are those of ${runs} that answered these requests (${seconds} s of sending)`;
  }
  const runs = countNoun(t.earlierRuns, 'earlier run');
  return `req/s and out tok/s add the sending of ${runs} that answered resumed requests (${seconds} s of sending in all)`;
}

/**
 * What a run's duration covers when it resumed answers from the journal: the time of this
 * run alone, while the answers it reports took longer to gather.
 *
 * @param r - the run's results
 * @returns e.g. `this run; 300 of 600 requests were resumed from the journal of an earlier
 *   run`, or undefined when nothing was resumed
 * @example
 * resumedDurationText({ models: [{ service: { requests: 600, resumedFromJournal: 300 } }] });
 * // 'this run; 300 of 600 requests were resumed from the journal of an earlier run'
 */
export function resumedDurationText(r: {
  readonly models: ReadonlyArray<{
    readonly service: Pick<ServiceStats, 'requests' | 'resumedFromJournal'>;
  }>;
}): string | undefined {
  let resumed = 0;
  let requests = 0;
  for (const m of r.models) {
    resumed += m.service.resumedFromJournal;
    requests += m.service.requests;
  }
  if (resumed === 0) return undefined;
  const share = resumed === requests ? `all ${requests}` : `${resumed} of ${requests}`;
  return `this run; ${share} requests were resumed from the journal of an earlier run`;
}

/**
 * A run's duration, with what it covers when the run resumed answers from the journal.
 *
 * @param r - the run's results
 * @returns e.g. `1.0 s (this run; all 600 requests were resumed from the journal of an earlier
 *   run)`, or `4.8 s` for a run that resumed nothing
 * @example
 * runDurationText({ durationMs: 4800, models: [{ service: { requests: 40, resumedFromJournal: 0 } }] }); // '4.8 s'
 */
export function runDurationText(r: {
  readonly durationMs: number;
  readonly models: ReadonlyArray<{
    readonly service: Pick<ServiceStats, 'requests' | 'resumedFromJournal'>;
  }>;
}): string {
  const resumed = resumedDurationText(r);
  const seconds = `${(r.durationMs / 1000).toFixed(1)} s`;
  return resumed === undefined ? seconds : `${seconds} (${resumed})`;
}
