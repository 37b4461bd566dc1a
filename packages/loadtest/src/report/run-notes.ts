import { sameServedModel } from '@assay/clients';
import { type LoadTestResult, measuredRequests, type StepResult } from '../metrics/step-result.js';
import { KEPT_UP_SHARE } from '../run/kept-up.js';

/** Token sources whose output counts are the model's: the service's usage, a tokenizer. */
const COUNTED: ReadonlySet<string> = new Set(['server', 'tokenizer', 'server-output']);

/** How each weaker source counted, for {@link tokenCountNote}. */
const HOW: Readonly<Record<string, string>> = {
  chunks: "output tokens are the stream's chunks counted, one token a chunk",
  estimate: 'output tokens are characters / 4',
};

/** The completed requests by token source; results written before `tokenSources` have one source. */
function sourcesOf(result: StepResult): Record<string, number> {
  const given = result.throughput.tokenSources;
  if (given !== undefined) return given;
  const one = result.throughput.tokenSource;
  return one === null || one === 'mixed' ? {} : { [one]: result.requests.completed };
}

/** Whether the run's SLO bounds TPOT. */
function boundsTpot(result: LoadTestResult): boolean {
  const spec = (result.steps ?? [result]).find((s) => s.goodput !== undefined)?.goodput?.slo;
  return spec !== undefined && /(^|,)\s*tpot_/.test(spec);
}

/**
 * A warning when token counts rest on neither the service's usage nor a tokenizer: TPOT,
 * output tokens/s and a `tpot` bound of the SLO then rest on the stream's chunks counted
 * (`chunks`) or on characters / 4 (`estimate`). A 5-chunk answer estimated at 7 tokens passed
 * `tpot_p95<=25` that the same answer counted by a tokenizer failed.
 *
 * @param result - a load test's result (a pooled one counts every step)
 * @returns the sentence, or undefined when every count came from usage or a tokenizer
 * @example
 * ```ts
 * tokenCountNote(result); // undefined (the server sent usage)
 * const counted = { ...result, throughput: { ...result.throughput, tokenSource: 'chunks', tokenSources: { chunks: 10 } } };
 * tokenCountNote(counted); // 'Warning: the token counts of 10 of 10 answers rest on neither…'
 * ```
 */
export function tokenCountNote(result: LoadTestResult): string | undefined {
  const sources = sourcesOf(result);
  const weak = Object.entries(sources).filter(([source]) => !COUNTED.has(source));
  if (weak.length === 0) return undefined;
  const total = Object.values(sources).reduce((a, b) => a + b, 0);
  const n = weak.reduce((a, [, k]) => a + k, 0);
  const how = weak.map(([source, k]) => `${HOW[source] ?? source} for ${k}`).join('; ');
  const slo = boundsTpot(result) ? ', and so does the SLO’s tpot bound' : '';
  return `Warning: the token counts of ${n} of ${total} answers rest on neither the service's usage nor a tokenizer (${how}; input tokens are characters / 4): TPOT and output tokens/s rest on them${slo}. Have the service send usage (stream_options.include_usage) to measure them.`;
}

/**
 * How far a share of a step that keeps up strays by chance: its completions in the second half
 * of the sending span are the arrivals of that half shifted back by about one latency, so the
 * share misses by the difference of two Poisson counts of `rate x latency` arrivals each, over
 * the half's N arrivals: sd = sqrt(2 x rate x latency) / N (latency: e2e p50; N: half the
 * measured requests), `rate x latency` at most N.
 */
function shareSpread(step: StepResult): number {
  const rate = step.profile.rate ?? 0;
  const latencyS = (step.latencyMs.e2e.p50 ?? 0) / 1000;
  const half = measuredRequests(step.requests) / 2;
  // no more than the half's arrivals wait at either end: the p50 of a service far behind is
  // its queue's (7.5 s in a 3-s step at 20/s), which hid a share of 0.14
  const waiting = Math.min(rate * latencyS, half);
  return half > 0 ? Math.sqrt(2 * waiting) / half : Number.POSITIVE_INFINITY;
}

/**
 * Whether a rate step's service fell behind its rate, by the share of its arrivals it completed
 * in the second half of its sending (`throughput.keptUpShare`): below {@link KEPT_UP_SHARE},
 * and short of 1 by more than twice its chance spread at that rate and latency. A 3-s step at
 * 22/s against a 40/s server read 0.94 by chance; at 60/s it read 0.59. The share alone, not
 * the rate completed against the rate offered, which swings with a short step's Poisson draws
 * (`--find-max` holds that one only against a measured capacity).
 *
 * @param step - a step's result
 * @returns the shortfall (`kept up 0.59 < 0.95`), or undefined
 * @example
 * ```ts
 * keptUpShareShortfall(step); // undefined (a closed loop)
 * ```
 */
export function keptUpShareShortfall(step: StepResult): string | undefined {
  const share = step.throughput.keptUpShare;
  if (step.profile.kind !== 'rate' || share === null || share === undefined) return undefined;
  if (!(share < KEPT_UP_SHARE) || 1 - share <= 2 * shareSpread(step)) return undefined;
  return `kept up ${share.toFixed(2)} < ${KEPT_UP_SHARE}`;
}

/**
 * One sentence per open-loop step whose service fell behind its rate
 * ({@link keptUpShareShortfall}), for a single `--rate` run and a sweep's rate steps alike
 * (`--find-max` counts its steps by its own rule, in its answer): such a step is a valid
 * measurement, but its queue grew through it, so its latencies describe its duration only.
 * A `--rate 60` step against a 40/s server read 38.7 requests/s with no word of it. A step whose
 * completions fell short because requests failed without queueing (refused connections, HTTP
 * errors) gets a sentence that says so instead.
 *
 * @param result - a load test's result
 * @returns the sentences, none when every rate step kept up
 * @example
 * ```ts
 * fellBehindNotes(result); // [] (every rate step of this sweep kept up)
 * ```
 */
export function fellBehindNotes(result: LoadTestResult): string[] {
  if (result.profile.kind === 'find-max') return [];
  return (result.steps ?? [result]).flatMap((s, i) => {
    const why = keptUpShareShortfall(s);
    if (why === undefined) {
      const failed = failedShortNote(s, i);
      return failed === undefined ? [] : [failed];
    }
    // late sends complete late too, which lowers the share without the service's help
    const late = s.harness.saturated
      ? ' The generator also sent late in this step, which lowers the share by itself.'
      : '';
    return [
      `Step ${i}: the service fell behind its rate (${why}): latency grows with the run's length (requests queued faster than they were answered), so its percentiles describe this duration only, and its req/s is about what the service could complete, not the rate offered.${late}`,
    ];
  });
}

/**
 * A rate step's sentence when requests that failed without queueing (a refused connection, an
 * HTTP error: `throughput.keptUpFailures`) are what kept its completions short of its rate, at
 * least {@link KEPT_UP_SHARE}'s complement of the second half's requests: a server killed
 * mid-run read "fell behind … requests queued" for 91 refused connections.
 */
function failedShortNote(step: StepResult, index: number): string | undefined {
  const f = step.throughput.keptUpFailures;
  if (step.profile.kind !== 'rate' || f === undefined || !(f.scheduled > 0)) return undefined;
  if (f.failed / f.scheduled <= 1 - KEPT_UP_SHARE) return undefined;
  return `Step ${index}: the service completed less than its rate because requests failed, not because they queued (${f.failed} of the ${f.scheduled} requests scheduled in the second half of its sending failed other than by a timeout); its latency figures describe the requests that succeeded.`;
}

/**
 * A note when answers' chunks all arrived in one read (`chunksTogether`): decode timing was not
 * observable, so TPOT and ITL leave them out (a 0 would read as decoding that took no time).
 *
 * @param result - a load test's result (a pooled one counts every step)
 * @returns the sentence, or undefined when every answer's chunks arrived apart
 * @example
 * ```ts
 * chunksTogetherNote({ ...result, chunksTogether: 100 });
 * // 'Decode timing was not observable for 100 of 3434 answers: their chunks arrived together, …'
 * ```
 */
export function chunksTogetherNote(result: StepResult): string | undefined {
  const n = result.chunksTogether ?? 0;
  if (n === 0) return undefined;
  const all = n === result.requests.completed;
  return `Decode timing was not observable for ${n} of ${result.requests.completed} answers: their chunks arrived together, in one read (the service wrote each answer at once, or something between buffered the stream), so ${all ? 'TPOT and ITL have no value' : 'TPOT and ITL leave them out'}.`;
}

/**
 * One warning for a run whose warm-up asked items that its measured requests then asked (each
 * such step's `warmupOverlap`, whose counts it names): its warm-up and measured requests
 * outnumbered the workload's items, so on a service that caches prompts (vLLM's prefix
 * caching, a caching gateway) those measured requests may have been answered warm.
 *
 * @param result - a load test's result (each step of a sweep or search counts)
 * @returns the sentence, or undefined when no warm-up asked a measured item
 * @example
 * ```ts
 * warmupOverlapNote(result); // undefined (the workload outnumbered every step's requests)
 * const overlap = { warmupRequests: 40, measuredRequests: 30, workloadItems: 50, sharedItems: 20 };
 * warmupOverlapNote({ ...step, warmupOverlap: overlap });
 * // 'Warning: warm-up requests asked items that the measured requests then asked (step 0: 40 warm-up + 30 measured requests over 50 items, 20 items asked by both): …'
 * ```
 */
export function warmupOverlapNote(result: LoadTestResult): string | undefined {
  const steps = (result.steps ?? [result]).flatMap((s, i) => {
    const o = s.warmupOverlap;
    return o === undefined
      ? []
      : [
          `step ${i}: ${o.warmupRequests} warm-up + ${o.measuredRequests} measured requests over ${o.workloadItems} items, ${o.sharedItems} item${o.sharedItems === 1 ? '' : 's'} asked by both`,
        ];
  });
  if (steps.length === 0) return undefined;
  return `Warning: warm-up requests asked items that the measured requests then asked (${steps.join('; ')}): a service or gateway that caches prompts (vLLM's prefix caching) may have answered those measured requests from a warm cache, so their TTFT and latency may read low. A workload with at least as many items as warm-up plus measured requests keeps the two apart.`;
}

/**
 * The `--score` line of a step: each quality metric with its interval and the answers scored,
 * and, when requests failed, how many were not scored and the accuracy over every request sent
 * with those counted wrong.
 *
 * @param step - a step's result
 * @param index - its index
 * @returns the sentence, or undefined without `--score` figures
 * @example
 * ```ts
 * const scored = { ...step, quality: [{ metric: 'accuracy', value: 0.9, interval: [0.8, 0.95], scored: 100 }] };
 * qualityLine(scored, 0); // 'Step 0 quality (--score): accuracy 0.900 (95% CI 0.800 to 0.950, 100 scored).'
 * ```
 */
export function qualityLine(step: StepResult, index: number): string | undefined {
  if (step.quality === undefined) return undefined;
  const f = (v: number) => v.toFixed(3);
  const metrics = step.quality
    .map(
      (q) =>
        `${q.metric} ${f(q.value)} (95% CI ${f(q.interval[0])} to ${f(q.interval[1])}, ${q.scored} scored)`,
    )
    .join('; ');
  const { completed, failed } = step.requests;
  const all = step.accuracy?.failuresWrong;
  const wrong =
    all === undefined
      ? ''
      : `; accuracy over all ${all.of} sent, failures counted wrong: ${f(all.accuracy)} (95% CI ${f(all.interval[0])} to ${f(all.interval[1])})`;
  const unscored =
    failed === 0 ? '' : ` ${failed} of ${completed + failed} failed and were not scored${wrong}.`;
  return `Step ${index} quality (--score): ${metrics}.${unscored}`;
}

/**
 * A warning when answers' responses named another model than the one asked for
 * (`servedModelMismatch`): a service that serves one model whatever it is asked answers a
 * misspelt `--model` too, and every figure then describes the model that answered.
 *
 * @param result - a load test's result
 * @returns the sentence, or undefined when the model asked for answered (or none was named)
 * @example
 * ```ts
 * const other = { ...result, servedModelMismatch: { asked: 'nosuch', served: { 'assay-spam-nb': 40 } } };
 * servedModelNote(other); // "Warning: the requests asked for model 'nosuch', but the service says 'assay-spam-nb' answered 40 of 40 answers…"
 * ```
 */
export function servedModelNote(result: LoadTestResult): string | undefined {
  const mismatch = result.servedModelMismatch;
  if (mismatch === undefined) return undefined;
  const counts = Object.entries(mismatch.served);
  const total = counts.reduce((a, [, k]) => a + k, 0);
  const others = counts.filter(([id]) => !sameServedModel(mismatch.asked, id));
  const said = others
    .map(([id, k]) => `'${id}' answered ${k} of ${total} answer${total === 1 ? '' : 's'}`)
    .join(', ');
  return `Warning: the requests asked for model '${mismatch.asked}', but the service says ${said}: these figures describe the model that answered. Check the model id (GET <base-url>/models lists the ones an OpenAI-compatible service serves).`;
}
