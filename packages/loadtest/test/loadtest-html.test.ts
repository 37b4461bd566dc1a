import {
  type ModelServer,
  parseFaultSpec,
  startModelServer,
  trainSpamModel,
} from '@assay/model-server';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  interruptionNote,
  loadDatasetWorkload,
  loadtestHtml,
  measuredRequests,
  parseSlo,
  RecordStore,
  resolveLoadTest,
  runLoadTest,
  stepValidity,
  summarizeRecords,
} from '../src/index.js';

const workload = await loadDatasetWorkload('builtin:spam-assassin');
const model = trainSpamModel();
let server: ModelServer;
beforeAll(async () => {
  server = await startModelServer({
    model,
    engine: { batchSlots: 4, stepMs: 5 },
  });
});
afterAll(() => server.close());

test('the report says what was measured, where, when, and the SLO verdict, above its table', async () => {
  const options = resolveLoadTest({
    baseUrl: server.baseUrl,
    model: 'assay-spam-nb',
    maxTokens: 4,
    ignoreEos: true,
    concurrency: 2,
    requests: 6,
    slo: 'e2e_p99<=60000,error_rate<=0.01',
  });
  const { result, records } = await runLoadTest(options, { workload });
  const withSecret = server.baseUrl.replace('http://', 'http://user:s3cret@');
  const html = loadtestHtml(result, records, {
    model: 'assay-spam-nb',
    baseUrl: withSecret,
    provider: 'openai-chat',
    startedAt: new Date('2026-12-05T15:00:00Z'),
  });
  const head = html.slice(html.indexOf('<h1>'), html.indexOf('<table>'));
  expect(head).toContain('model <b>assay-spam-nb</b>');
  expect(head).toContain(`<code>${server.baseUrl}`);
  expect(html).not.toContain('s3cret');
  expect(head).toContain('(openai-chat)');
  expect(head).toContain('closed loop, 2 in flight');
  expect(head).toContain('started 2026-12-05T15:00:00.000Z');
  expect(head).toContain('Requests: 6 completed, 0 failed, 0 dropped, of 6 scheduled');
  expect(head).toContain('SLO <code>e2e_p99&lt;=60000,error_rate&lt;=0.01</code>');
  expect(head).toContain('<b>SLO met.</b>');
  expect(head).not.toContain('Failures by class');
});

test('a run whose requests all failed names the failure classes in the report', async () => {
  const options = resolveLoadTest({
    baseUrl: 'http://127.0.0.1:9/v1',
    model: 'm',
    rate: 20,
    requests: 4,
    arrival: 'constant',
  });
  const { result, records } = await runLoadTest(options, { workload });
  const html = loadtestHtml(result, records);
  expect(html).toContain('<p class="warn">Failures by class: connection 4.</p>');
  expect(html).toContain('Requests: 0 completed, 4 failed');
  // nothing to draw: a line says why instead of a bare heading
  expect(html).toContain('No chart: no request completed');
  expect(html).not.toContain('<svg');
});

test('a sweep gives each step its verdict in the table and counts the steps that met the SLO', async () => {
  const options = resolveLoadTest({
    baseUrl: server.baseUrl,
    model: 'assay-spam-nb',
    maxTokens: 4,
    ignoreEos: true,
    sweep: 1,
    durationMs: 600,
    maxInFlight: 4,
    // capacity 4 slots / (4 tokens x 5 ms) = 200/s: the full-concurrency step queues past 15 ms
    slo: 'e2e_p50<=15',
  });
  const { result, records } = await runLoadTest(options, { workload });
  expect(result.sloPassed).toBeUndefined();
  const steps = result.steps!;
  const met = steps.filter((s) => s.sloPassed?.passed === true).length;
  const html = loadtestHtml(result, records);
  expect(html).toContain(`SLO met at ${met} of ${steps.length} steps`);
  // no goodput pooled over the sweep's loads: it would judge no load that ran
  expect(html).toMatch(/<p>SLO <code>e2e_p50&lt;=15<\/code>: SLO met at \d+ of \d+ steps/);
  expect(html).not.toContain('of requests within every bound');
  // the SLO and the validity of the measurement: two columns
  // the verdicts come first, next to the step, so a table cut at the page's edge keeps them
  const cells = [
    ...html.matchAll(
      /<tr><td>[^<]*<\/td><td class="text">([^<]*)<\/td><td class="text">([^<]*)<\/td>/g,
    ),
  ].map((m) => [m[1]!.replaceAll('&gt;', '>'), m[2]]);
  expect(cells).toHaveLength(steps.length);
  steps.forEach((s, i) => {
    expect(cells[i]![0]).toBe(
      s.sloPassed!.passed
        ? 'met'
        : `missed: ${s.sloPassed!.failures.map((f) => f.split(' ')[0]).join(', ')}`,
    );
    expect(cells[i]![1]).toBe(s.harness.saturated ? 'NO (generator saturated)' : 'yes');
  });
  // a saturated step that also missed the SLO says both; mixed loops name both failures
  const failing = { passed: false, failures: ['e2e_p50 = 99 > 15'] };
  const saturated = (s: (typeof steps)[number]) => ({
    ...s,
    harness: { ...s.harness, saturated: true, reasons: ['schedule lag p99 9.00 ms is above 5 ms'] },
  });
  const marked = {
    ...result,
    harness: { ...result.harness, saturated: true },
    steps: [
      saturated({ ...steps[0]!, sloPassed: failing }),
      ...steps.slice(1, -1),
      saturated(steps.at(-1)!),
    ],
  };
  const page = loadtestHtml(marked, records);
  expect(page).toContain(
    '<td class="text">missed: e2e_p50</td><td class="text">NO (generator saturated)</td>',
  );
  // the full reason of a miss is under the table
  expect(page).toContain('Step 0 missed the SLO: e2e_p50 = 99 &gt; 15.');
  expect(page).toMatch(
    /SLO met at \d+ of \d+ steps \(missed at step 0[,)][^;]*; \d measurements? not valid \(step 0: the load generator fell behind/,
  );
  expect(page).toContain('The load generator could not keep up or keep its schedule (valid = NO)');
});

test('a search interrupted during a rate step keeps the steps that ran and gives no maxRate', async () => {
  const options = resolveLoadTest({
    baseUrl: server.baseUrl,
    model: 'assay-spam-nb',
    maxTokens: 4,
    ignoreEos: true,
    findMax: true,
    slo: 'e2e_p99<=60000',
    durationMs: 1500,
    maxInFlight: 4,
  });
  const controller = new AbortController();
  const { result } = await runLoadTest(options, {
    workload,
    signal: controller.signal,
    // the first step (full concurrency) runs out its 1.5 s; the first rate step is cut short
    onProgress: (p) => {
      if (p.step === 1) controller.abort();
    },
  });
  expect(result.interrupted).toBe(true);
  expect(result.steps!.map((s) => s.profile.kind)).toEqual(['concurrency', 'rate']);
  expect(result.maxRate).toBeUndefined();
}, 30_000);

test('a run whose signal aborted before it started runs one empty step and says interrupted', async () => {
  const options = resolveLoadTest({
    baseUrl: server.baseUrl,
    model: 'assay-spam-nb',
    sweep: 2,
    durationMs: 5000,
  });
  const { result } = await runLoadTest(options, { workload, signal: AbortSignal.abort() });
  expect(result.interrupted).toBe(true);
  expect(result.steps).toHaveLength(1);
  expect(result.requests.completed).toBe(0);
});

test('an interrupted run says so in the report', async () => {
  const options = resolveLoadTest({
    baseUrl: server.baseUrl,
    model: 'assay-spam-nb',
    maxTokens: 4,
    ignoreEos: true,
    sweep: 2,
    durationMs: 5000,
  });
  const controller = new AbortController();
  const { result, records } = await runLoadTest(options, {
    workload,
    signal: controller.signal,
    onProgress: () => controller.abort(),
  });
  expect(result.interrupted).toBe(true);
  expect(result.steps).toHaveLength(1);
  const html = loadtestHtml(result, records);
  expect(html).toContain('Interrupted: step 0 ran, the last one cut short');
  expect(html).toContain('no later step ran');
});

/** Runs a load test and interrupts it (as Ctrl-C does) once `n` requests have ended. */
function interruptedAfter(options: ReturnType<typeof resolveLoadTest>, n: number) {
  const controller = new AbortController();
  let seen = 0;
  return runLoadTest(options, {
    workload,
    signal: controller.signal,
    onRecord: () => {
      if (++seen === n) controller.abort();
    },
  });
}

test("requests in flight that an interruption cuts off count as scheduled and sent (requests.cutOff, beside byError), are left out of the figures and not counted as the service's failures", async () => {
  const slow = await startModelServer({ model, faults: parseFaultSpec('latency=400') });
  try {
    const options = resolveLoadTest({
      baseUrl: slow.baseUrl,
      model: 'assay-spam-nb',
      maxTokens: 4,
      concurrency: 4,
      durationMs: 20_000,
      slo: 'error_rate<=0.001',
    });
    // a few answers in, with four requests in flight: interrupt
    const { result, records } = await interruptedAfter(options, 6);
    expect(result.interrupted).toBe(true);
    const cut = [...records].filter((r) => r.errorClass === 'abort').length;
    expect(cut).toBeGreaterThan(0);
    expect(result.requests.cutOff).toBe(cut);
    expect(result.requests.failed).toBe(0);
    expect(result.requests.byError).toEqual({});
    expect(result.sloPassed?.passed).toBe(true);
    // the cut-off requests were scheduled and sent: counted there, and beside byError
    expect(result.requests.scheduled).toBe(records.length);
    expect(result.requests.sent).toBe(records.length);
    expect(measuredRequests(result.requests)).toBe(records.length - cut);
    expect(result.requests.completed + result.requests.failed + cut).toBe(records.length);
    expect(interruptionNote(result)).toBe(
      `Interrupted: step 0 ran, the last one cut short (${cut} requests in flight (sent, their answers not finished) were cut off by the interruption after waiting up to ${(result.requests.cutOffWait!.longestMs / 1000).toFixed(1)} s since their intended start (none had a first token yet); they count as requests.cutOff (errorClass abort in --records), not as failures of the service; left out of its figures, its tail percentiles leave out the slowest requests outstanding).`,
    );
  } finally {
    await slow.close();
  }
}, 30_000);

test('a run interrupted in its warm-up measured nothing: no SLO verdict, valid -, and the note says so', async () => {
  const options = resolveLoadTest({
    baseUrl: server.baseUrl,
    model: 'assay-spam-nb',
    maxTokens: 4,
    concurrency: 2,
    durationMs: 5000,
    warmupMs: 20_000,
    slo: 'e2e_p99<=2000',
  });
  const { result, records } = await interruptedAfter(options, 4);
  expect(result.interrupted).toBe(true);
  expect([...records].every((r) => r.warmup)).toBe(true);
  expect(result.requests.scheduled).toBe(0);
  expect(result.sloPassed).toBeUndefined();
  expect(result.goodput).toBeUndefined();
  expect(stepValidity(result)).toBe('-');
  expect(interruptionNote(result)).toBe(
    'Interrupted during the warm-up of step 0: that step measured nothing (its warm-up requests are in --records).',
  );
  expect(loadtestHtml(result, records)).toContain('Interrupted during the warm-up of step 0');
  // a step that measured nothing without being interrupted still fails its SLO: nothing met it
  const alone = summarizeRecords([], parseSlo('e2e_p99<=2000'));
  expect(alone.sloPassed?.passed).toBe(false);
  expect(stepValidity({ ...result, sloPassed: alone.sloPassed! })).toBe('slo fail');
}, 30_000);

test('a step of 200,000 requests draws its TTFT CDF with at most 1,000 points, first and last kept', async () => {
  const options = resolveLoadTest({
    baseUrl: server.baseUrl,
    model: 'assay-spam-nb',
    concurrency: 1,
    requests: 2,
  });
  const { result, records } = await runLoadTest(options, { workload });
  const base = records.at(0);
  const many = new RecordStore();
  // TTFT k ms for request k: the CDF runs from 0 ms to 199,999 ms
  for (let k = 0; k < 200_000; k++)
    many.push({
      ...base,
      index: k,
      scheduledMs: 0,
      firstTokenMs: k,
      warmup: false,
      errorClass: null,
    });
  const html = loadtestHtml(result, many);
  const cdf = html.slice(html.indexOf('aria-label="TTFT CDF'));
  const points = /points="([^"]*)"/.exec(cdf)![1]!.split(' ');
  // a step line draws two points per value after the first
  expect(points.length).toBe(2 * 1000 - 1);
  const xy = points.map((p) => p.split(',').map(Number) as [number, number]);
  // the fastest request starts the line and the slowest ends it, at the top (y = 1)
  expect(xy[0]![0]).toBe(Math.min(...xy.map((p) => p[0])));
  expect(xy.at(-1)![0]).toBe(Math.max(...xy.map((p) => p[0])));
  expect(xy.at(-1)![1]).toBe(Math.min(...xy.map((p) => p[1])));
});
