import { budgetLeftUnretried } from '@assay/clients';
import type { ServiceStats } from '@assay/report';
import { summarizePercentiles } from '@assay/stats';
import type { Outcome } from '../run/journal.js';
import type { SendingTime } from '../run/journal-sending.js';
import { finiteOrNull } from '../run/prediction-row.js';

function summary(values: number[]): ServiceStats['latencyMs'] {
  const s = summarizePercentiles(values);
  return {
    count: s.count,
    mean: finiteOrNull(s.mean),
    p50: finiteOrNull(s.p50),
    p90: finiteOrNull(s.p90),
    p95: finiteOrNull(s.p95),
    p99: finiteOrNull(s.p99),
    max: finiteOrNull(s.max),
  };
}

/**
 * Service statistics of one model over its distinct requests.
 *
 * @param outcomes - one outcome per distinct request of the run
 * @param counts - requests resumed from the journal, sent to the service and answered by the
 *   response cache this run; correct answers
 * @returns counts, error rate by class, requests retried, latency/TTFT/TPOT percentiles,
 *   throughput, tokens and cost
 * @remarks Latency, TTFT and TPOT figures cover every answer with a timing, each as
 *   measured when it was sent: this run, an earlier run resumed from the journal, or the run
 *   that filled the response cache (a cached answer keeps its original timings; the cache
 *   lookup itself is not a service figure). `cachedAnswers` counts the cached ones. `outputTokensPerSecond` is the per-request
 *   decode speed: total output tokens over the summed end-to-end seconds of the answered
 *   requests (it falls as load rises). `throughput` is what the service delivered over
 *   the wall time of the sending (this run's, and that of the earlier runs that answered
 *   resumed requests, as the journal recorded it): answered requests/s and output tokens/s of the clock (a
 *   failed request, a refused connection above all, delivered nothing, so it is not counted in
 *   the rate, though its time is in the wall time); it is null
 *   when nothing was sent, or when no request sent was answered (every one failed): a rate of
 *   failures, e.g. connections refused at once, is no figure of the service. Cost per correct answer
 *   divides the total cost by the number of correct predictions.
 * @example
 * serviceStats(outcomes, { resumed: 0, sent: 40, cached: 0, correct: 36 }).errorRate; // 0
 */
export function serviceStats(
  outcomes: readonly Outcome[],
  counts: {
    resumed: number;
    sent: number;
    cached: number;
    correct: number;
    sendingMs?: number;
    sentOutputTokens?: number;
    sentAnswered?: number;
    /** failures this run left unretried because the retry budget was spent (default 0) */
    notRetriedBudget?: number;
    /** the sending of earlier runs that answered resumed requests (see `RunJournal`) */
    earlierSending?: SendingTime;
  },
): ServiceStats {
  const answered = outcomes.filter((o) => o.status === 'ok');
  const failed = outcomes.filter((o) => o.status === 'error');
  const errorsByClass: Record<string, number> = {};
  const examples = new Map<string, string>();
  for (const f of failed) {
    const c = f.errorClass ?? 'error';
    errorsByClass[c] = (errorsByClass[c] ?? 0) + 1;
    if (!examples.has(c)) examples.set(c, f.errorMessage ?? '');
  }
  let inputTokens = 0;
  let outputTokens = 0;
  let cost = 0;
  let priced = false;
  let tokSeconds = 0;
  let tokForRate = 0;
  for (const o of answered) {
    inputTokens += o.inputTokens ?? 0;
    outputTokens += o.outputTokens ?? 0;
    if (o.costUsd !== null) {
      cost += o.costUsd;
      priced = true;
    }
    if (o.e2eMs !== null && o.e2eMs > 0 && o.outputTokens !== null) {
      tokSeconds += o.e2eMs / 1000;
      tokForRate += o.outputTokens;
    }
  }
  // answers from the response cache took no attempt this time
  const attempted = outcomes.filter((o) => !o.cached);
  const retried = attempted.filter((o) => (o.retries ?? 0) > 0);
  const nonNull = (xs: Array<number | null>): number[] => xs.filter((x): x is number => x !== null);
  return {
    requests: outcomes.length,
    answered: answered.length,
    failed: failed.length,
    errorRate: outcomes.length === 0 ? 0 : failed.length / outcomes.length,
    errorsByClass,
    errorExamples: [...examples.entries()].map(([errorClass, message]) => ({
      errorClass,
      message,
    })),
    cachedAnswers: answered.filter((o) => o.cached).length,
    resumedFromJournal: counts.resumed,
    sentThisRun: counts.sent,
    cachedThisRun: counts.cached,
    retried: retried.length,
    retries: retried.reduce((a, o) => a + (o.retries ?? 0), 0),
    ...notRetriedField(failed, counts.notRetriedBudget ?? 0),
    latencyMs: summary(nonNull(answered.map((o) => o.e2eMs))),
    ttftMs: summary(nonNull(answered.map((o) => o.ttftMs))),
    tpotMs: summary(nonNull(answered.map((o) => o.tpotMs))),
    outputTokensPerSecond: tokSeconds > 0 ? tokForRate / tokSeconds : null,
    throughput: throughputOf(counts),
    inputTokens,
    outputTokens,
    costUsd: priced ? cost : null,
    costPerCorrectUsd: priced && counts.correct > 0 ? cost / counts.correct : null,
  };
}

/**
 * The failures the retry budget left without their retries: as the journal's messages say it,
 * so a resumed run counts those of the run that sent them (the client counts only its own; a
 * rerun said the error rate held only failures after every retry, the first run that 299 had
 * not had theirs).
 */
function notRetriedField(
  failed: readonly Outcome[],
  thisRun: number,
): { notRetriedBudget?: number } {
  const fromMessages = failed.filter((o) => budgetLeftUnretried(o.errorMessage ?? '')).length;
  const n = Math.max(fromMessages, thisRun);
  return n > 0 ? { notRetriedBudget: n } : {};
}

/**
 * What the service delivered over the wall time of the sending: answered requests and output
 * tokens per second of the clock, which rise with concurrency while each request's own decode
 * speed (`outputTokensPerSecond`) falls. Failed requests are left out of the rate: 510
 * connections refused at once among 1000 requests would otherwise double it. A resumed run
 * adds the sending of the earlier runs that answered its resumed requests (`earlierRuns`).
 */
function throughputOf(counts: {
  sent: number;
  sendingMs?: number;
  sentOutputTokens?: number;
  sentAnswered?: number;
  earlierSending?: SendingTime;
}): ServiceStats['throughput'] {
  const ms = counts.sendingMs ?? 0;
  // this run's sending counts, its time too when every request failed: with earlier runs'
  // answers beside it, leaving that time out credited the service a rate it did not keep
  const thisRun = counts.sent > 0 && ms > 0;
  const earlier = counts.earlierSending;
  const seconds = ((thisRun ? ms : 0) + (earlier?.sendingMs ?? 0)) / 1000;
  const answered = (thisRun ? (counts.sentAnswered ?? counts.sent) : 0) + (earlier?.answered ?? 0);
  const tokens = (thisRun ? (counts.sentOutputTokens ?? 0) : 0) + (earlier?.outputTokens ?? 0);
  // a rate of failures alone is no service figure
  if (seconds <= 0 || answered === 0) return null;
  return {
    wallSeconds: seconds,
    requestsPerSecond: answered / seconds,
    outputTokensPerSecond: tokens / seconds,
    ...(earlier === undefined ? {} : { earlierRuns: earlier.runs }),
  };
}
