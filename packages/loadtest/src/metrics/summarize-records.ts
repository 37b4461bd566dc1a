import type { Slo, SloBound } from '../slo/parse-slo.js';
import { type Distribution, distribution } from './distribution.js';
import { failureKey, type LoadRecord } from './load-record.js';
import { type RequestLatency, requestLatency } from './request-latency.js';
import type {
  Goodput,
  LatencyMs,
  RequestCounts,
  SloVerdict,
  StepAccuracy,
  Throughput,
} from './step-result.js';
import { wilsonInterval } from './wilson-interval.js';

/** Everything of a step that is computed from its records alone (and so recomputable). */
export interface RecordFigures {
  readonly durationS: number;
  readonly requests: RequestCounts;
  readonly throughput: Throughput;
  readonly latencyMs: LatencyMs;
  readonly scheduleLagMs: Distribution;
  readonly goodput?: Goodput;
  readonly sloPassed?: SloVerdict;
  readonly accuracy?: StepAccuracy;
}

function meetsRequestBounds(lat: RequestLatency, bounds: readonly SloBound[]): boolean {
  for (const b of bounds) {
    if (b.metric === 'error_rate') continue;
    const v =
      b.metric === 'ttft'
        ? lat.ttft
        : b.metric === 'tpot'
          ? lat.tpot
          : b.metric === 'itl'
            ? lat.maxItl
            : lat.e2e;
    // a request without the figure (one output token has no TPOT) is not held to that bound
    if (v !== undefined && v > b.max) return false;
  }
  return true;
}

function verdict(slo: Slo, latency: LatencyMs, errorRate: number): SloVerdict {
  const failures: string[] = [];
  for (const b of slo.bounds) {
    const v = b.metric === 'error_rate' ? errorRate : latency[b.metric][b.stat];
    if (v === null || v > b.max)
      failures.push(`${b.key} = ${v === null ? 'none' : +v.toFixed(3)} > ${b.max}`);
  }
  return { passed: failures.length === 0, failures };
}

function tokenSource(records: readonly LoadRecord[]): string | null {
  let source: string | null = null;
  for (const r of records) {
    if (r.tokenSource === null) continue;
    if (source === null) source = r.tokenSource;
    else if (source !== r.tokenSource) return 'mixed';
  }
  return source;
}

/**
 * The figures of a step from its records: counts, throughput, latency distributions, schedule
 * lag, goodput and the SLO verdict. Warm-up records are skipped.
 *
 * @remarks
 * `durationS` runs from the first measured scheduled start to the last measured end.
 * `error_rate` = (failed + dropped) / measured. Goodput counts a request good when it
 * completed and met every per-request latency bound; attainment is good / measured with a
 * Wilson interval. This is the function `assay loadtest` uses, so a summary equals this
 * function applied to the rows of `--records`.
 *
 * @param all - the step's records
 * @param slo - the SLO, when one was given
 * @returns the figures
 * @example
 * ```ts
 * const figures = summarizeRecords(records, parseSlo('ttft_p95<=300'));
 * figures.goodput?.fraction;
 * ```
 */
export function summarizeRecords(all: readonly LoadRecord[], slo?: Slo): RecordFigures {
  const records = all.filter((r) => !r.warmup);
  const byError: Record<string, number> = {};
  const e2e: number[] = [];
  const e2eSend: number[] = [];
  const ttft: number[] = [];
  const ttftContent: number[] = [];
  const tpot: number[] = [];
  const itl: number[] = [];
  const lag: number[] = [];
  let completed = 0;
  let dropped = 0;
  let sent = 0;
  let inputTokens = 0;
  let outputTokens = 0;
  let good = 0;
  let correct = 0;
  let scored = 0;
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const r of records) {
    start = Math.min(start, r.scheduledMs);
    end = Math.max(end, r.endMs);
    if (r.sentMs !== null) {
      sent++;
      lag.push(r.sentMs - r.scheduledMs);
    }
    if (r.correct !== null) {
      scored++;
      if (r.correct) correct++;
    }
    if (r.errorClass !== null) {
      if (r.errorClass === 'dropped') dropped++;
      const key = failureKey(r);
      byError[key] = (byError[key] ?? 0) + 1;
      continue;
    }
    completed++;
    inputTokens += r.inputTokens ?? 0;
    outputTokens += r.outputTokens ?? 0;
    const lat = requestLatency(r);
    e2e.push(lat.e2e);
    e2eSend.push(lat.e2eSend);
    if (lat.ttft !== undefined) ttft.push(lat.ttft);
    if (lat.ttftContent !== undefined) ttftContent.push(lat.ttftContent);
    if (lat.tpot !== undefined) tpot.push(lat.tpot);
    for (const g of r.itlMs) itl.push(g);
    if (slo !== undefined && meetsRequestBounds(lat, slo.bounds)) good++;
  }
  const durationS = records.length === 0 ? 0 : Math.max(0, end - start) / 1000;
  const perSec = (n: number): number => (durationS > 0 ? n / durationS : 0);
  const failed = records.length - completed - dropped;
  const latencyMs: LatencyMs = {
    e2e: distribution(e2e),
    ttft: distribution(ttft),
    itl: distribution(itl),
    tpot: distribution(tpot),
    e2eSend: distribution(e2eSend),
    ttftContent: distribution(ttftContent),
  };
  const n = records.length;
  const errorRate = n === 0 ? 0 : (failed + dropped) / n;
  return {
    durationS,
    requests: { scheduled: n, sent, completed, failed, dropped, byError },
    throughput: {
      requestsPerSec: perSec(completed),
      outputTokensPerSec: perSec(outputTokens),
      inputTokensPerSec: perSec(inputTokens),
      tokenSource: tokenSource(records),
    },
    latencyMs,
    scheduleLagMs: distribution(lag),
    ...(slo === undefined
      ? {}
      : {
          goodput: {
            slo: slo.spec,
            requestsPerSec: perSec(good),
            fraction: n === 0 ? 0 : good / n,
            fractionInterval: wilsonInterval(good, n),
          },
          sloPassed: verdict(slo, latencyMs, errorRate),
        }),
    ...(scored === 0
      ? {}
      : {
          accuracy: {
            correct,
            scored,
            accuracy: correct / scored,
            interval: wilsonInterval(correct, scored),
          },
        }),
  };
}
