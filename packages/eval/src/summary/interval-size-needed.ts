import type { ModelResult, ThresholdResult } from '@assay/report';
import { normalQuantile, wilsonInterval } from '@assay/stats';

/**
 * How far the best outcome of a count reaches: its Wilson end at `n` trials, by the bound (the
 * upper end of a rate with none failed, the lower end of a share with every one right).
 *
 * @param bound - `ci_high` (a rate gated from above) or `ci_low` (a share gated from below)
 * @param n - the trials
 * @param ci - the confidence level (`evaluation.ci`)
 * @returns the Wilson end
 * @example
 * wilsonBestEnd('ci_high', 40, 0.95); // 0.0876…: no failure in 40 requests
 */
export function wilsonBestEnd(bound: 'ci_low' | 'ci_high', n: number, ci: number): number {
  // ci_high gates a rate (none failed is best), ci_low a share (every one right is best)
  const interval = wilsonInterval(bound === 'ci_high' ? 0 : n, n, ci)!;
  return bound === 'ci_high' ? interval[1] : interval[0];
}

function meets(op: string, figure: number, limit: number): boolean {
  if (op === '<=') return figure <= limit;
  if (op === '<') return figure < limit;
  if (op === '>=') return figure >= limit;
  return figure > limit;
}

/**
 * The fewest trials whose best Wilson end meets a bound: with none failed, the upper end
 * z²/(n + z²) of a rate; with every one right, the lower end n/(n + z²) of a share.
 *
 * @param bound - `ci_high` (gated with `<=` or `<`) or `ci_low` (gated with `>=` or `>`)
 * @param op - the threshold's operator
 * @param limit - the threshold's limit
 * @param ci - the confidence level (`evaluation.ci`)
 * @returns the smallest count, or null when no count meets it (`error_rate.ci_high <= 0`)
 * @example
 * wilsonTrialsNeeded('ci_high', '<=', 0.02, 0.95); // 189
 * wilsonTrialsNeeded('ci_low', '>=', 0.9, 0.95); // 35
 */
export function wilsonTrialsNeeded(
  bound: 'ci_low' | 'ci_high',
  op: string,
  limit: number,
  ci: number,
): number | null {
  const z2 = normalQuantile((1 - ci) / 2) ** 2;
  const high = bound === 'ci_high';
  if (high ? limit <= 0 : limit >= 1) return null;
  if (high ? limit >= 1 : limit <= 0) return 1;
  // the closed form, then a step either way against the interval itself (rounding)
  let n = Math.max(1, Math.ceil(high ? (z2 * (1 - limit)) / limit : (z2 * limit) / (1 - limit)));
  while (n > 1 && meets(op, wilsonBestEnd(bound, n - 1, ci), limit)) n--;
  while (!meets(op, wilsonBestEnd(bound, n, ci), limit)) n++;
  return n;
}

/** The count a failed Wilson check rests on, and what it counts; null when unknown. */
function trialsOf(
  t: ThresholdResult,
  model: ModelResult,
  ci: number,
): { n: number; unit: 'requests' | 'items' } | null {
  if (t.metric === 'error_rate') return { n: model.service.requests, unit: 'requests' };
  if (t.metric === 'unparseable_rate') return { n: model.items.total, unit: 'items' };
  // a task share gets a Wilson interval only at 0 or 1: read its count back from that end
  const z2 = normalQuantile((1 - ci) / 2) ** 2;
  if (t.bound === 'ci_high' && t.value === 0 && t.ciHigh != null && t.ciHigh > 0) {
    return { n: Math.round((z2 * (1 - t.ciHigh)) / t.ciHigh), unit: 'items' };
  }
  if (t.bound === 'ci_low' && t.value === 1 && t.ciLow != null && t.ciLow < 1) {
    return { n: Math.round((z2 * t.ciLow) / (1 - t.ciLow)), unit: 'items' };
  }
  return null;
}

/**
 * Adds `sizeNeeded` to each failed interval-end check of a Wilson interval that no outcome of
 * the run's size could have passed: `error_rate.ci_high <= 0.02` on 40 requests fails even
 * with none failed (upper end 0.0876), and needs 189. The failure then says so, rather than
 * read as a service that failed too often.
 *
 * @param thresholds - the checked thresholds (see `checkThresholds`)
 * @param models - the models' results
 * @param ci - the confidence level (`evaluation.ci`)
 * @returns the thresholds, those concerned with `sizeNeeded`
 * @example
 * const gate = { threshold: 'error_rate.ci_high <= 0.02', model: model.name, metric: 'error_rate', value: 0, passed: false, bound: 'ci_high', op: '<=', limit: 0.02, ciLow: 0, ciHigh: 0.0876, interval: 'wilson', outcome: 'fail' };
 * withSizeNeeded([gate], [{ ...model, service: { ...model.service, requests: 40 } }], 0.95)[0].sizeNeeded; // { unit: 'requests', had: 40, needed: 189, best: 0.087… }
 */
export function withSizeNeeded(
  thresholds: readonly ThresholdResult[],
  models: readonly ModelResult[],
  ci: number,
): ThresholdResult[] {
  return thresholds.map((t) => {
    const gated =
      (t.bound === 'ci_high' && (t.op === '<=' || t.op === '<')) ||
      (t.bound === 'ci_low' && (t.op === '>=' || t.op === '>'));
    const model = models.find((m) => m.name === t.model);
    if (t.outcome !== 'fail' || t.interval !== 'wilson' || !gated || t.limit === undefined) {
      return t;
    }
    const bound = t.bound as 'ci_low' | 'ci_high';
    const count = model === undefined ? null : trialsOf(t, model, t.level ?? ci);
    if (count === null || count.n < 1) return t;
    const level = t.level ?? ci;
    const needed = wilsonTrialsNeeded(bound, t.op!, t.limit, level);
    if (needed !== null && count.n >= needed) return t;
    const best = wilsonBestEnd(bound, count.n, level);
    return { ...t, sizeNeeded: { unit: count.unit, had: count.n, needed, best } };
  });
}
