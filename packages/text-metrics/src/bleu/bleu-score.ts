import { STATISTICS_HEADER } from '../sacrebleu/segment-statistics.js';
import type { ResolvedBleuOptions } from './bleu-options.js';

/** A BLEU score with sacrebleu's `BLEUScore` details and signature. */
export interface BleuScore {
  /** BLEU on sacrebleu's 0-100 scale */
  readonly score: number;
  /** sacrebleu's signature, e.g. `nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0` */
  readonly signature: string;
  /** matched n-grams of orders 1..N (after `add-k` smoothing, as sacrebleu reports them) */
  readonly counts: readonly number[];
  /** hypothesis n-grams of orders 1..N (after `add-k` smoothing) */
  readonly totals: readonly number[];
  /** n-gram precisions on 0-100 (smoothed; 0 for orders past the effective order) */
  readonly precisions: readonly number[];
  /** brevity penalty */
  readonly bp: number;
  /** hypothesis length in tokens */
  readonly sysLen: number;
  /** closest reference length in tokens */
  readonly refLen: number;
}

/** sacrebleu's `my_log`: log with log(0) floored at -9999999999. */
function flooredLog(value: number): number {
  return value === 0 ? -9999999999 : Math.log(value);
}

/**
 * sacrebleu's `BLEU.compute_bleu` over summed statistics (signature left to the caller): BLEU on
 * 0-100 = bp · exp(mean of log precisions over the (effective) orders), with the brevity penalty
 * bp = exp(1 - refLen / sysLen) when sysLen < refLen, else 1 (Papineni et al. 2002).
 *
 * @example
 * const bleu = computeBleu(bleuStatistics('the cat sat', ['the cat sat down']), resolveBleuOptions({}, true));
 * bleu.score; // 71.65313105737896
 * bleu.bp; // 0.7165313105737893
 */
export function computeBleu(
  statistics: Float64Array,
  options: ResolvedBleuOptions,
): Omit<BleuScore, 'signature'> {
  const order = options.maxNgramOrder;
  const sysLen = statistics[STATISTICS_HEADER]!;
  const refLen = statistics[STATISTICS_HEADER + 1]!;
  const correct = Array.from(
    statistics.subarray(STATISTICS_HEADER + 2, STATISTICS_HEADER + 2 + order),
  );
  const total = Array.from(statistics.subarray(STATISTICS_HEADER + 2 + order));
  let bp = 1;
  if (sysLen < refLen) bp = sysLen > 0 ? Math.exp(1 - refLen / sysLen) : 0;
  const precisions = new Array<number>(order).fill(0);
  const details = { counts: correct, totals: total, precisions, bp, sysLen, refLen };
  if (!correct.some((c) => c !== 0)) return { score: 0, ...details };

  let smoothMteval = 1;
  let effectiveOrder = order;
  for (let n = 1; n <= order; n++) {
    if (options.smoothMethod === 'add-k' && n > 1) {
      correct[n - 1]! += options.smoothValue;
      total[n - 1]! += options.smoothValue;
    }
    if (total[n - 1] === 0) break;
    if (options.effectiveOrder) effectiveOrder = n;
    if (correct[n - 1] === 0) {
      if (options.smoothMethod === 'exp') {
        smoothMteval *= 2;
        precisions[n - 1] = 100 / (smoothMteval * total[n - 1]!);
      } else if (options.smoothMethod === 'floor') {
        precisions[n - 1] = (100 * options.smoothValue) / total[n - 1]!;
      }
    } else {
      precisions[n - 1] = (100 * correct[n - 1]!) / total[n - 1]!;
    }
  }
  let logSum = 0;
  for (let k = 0; k < effectiveOrder; k++) logSum += flooredLog(precisions[k]!);
  return { score: bp * Math.exp(logSum / effectiveOrder), ...details };
}
