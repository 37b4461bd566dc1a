import { readFileSync } from 'node:fs';
import { createClient, type ModelClient } from '@assay/clients';
import {
  buildStepResult,
  type LoadRecord,
  type LoadTestResult,
  runStep,
  type Slo,
  type StepLoad,
  type StepRunner,
} from '../../src/index.js';
import { profileOf } from '../../src/run/run-load-test.js';

/** A sweep of five steps against the model server (committed output of a real run). */
const SWEEP = readFileSync(new URL('../fixtures/sweep-result.json', import.meta.url), 'utf8');

/**
 * Twenty streamed requests of one step, sent every 50 ms: the first token 40 ms after the
 * send (+1 ms per request), four tokens 5 ms apart, every answer correct but the fourth, and
 * the last request answered 429.
 */
function sampleRecords(): LoadRecord[] {
  return Array.from({ length: 20 }, (_, index): LoadRecord => {
    const sentMs = index * 50;
    if (index === 19) {
      return {
        step: 0,
        index,
        warmup: false,
        scheduledMs: sentMs,
        sentMs,
        firstTokenMs: null,
        firstContentMs: null,
        lastTokenMs: null,
        endMs: sentMs + 10,
        inputTokens: null,
        outputTokens: null,
        tokenSource: null,
        status: 429,
        errorClass: 'http_status',
        itlMs: [],
        correct: null,
        scores: null,
      };
    }
    const first = sentMs + 40 + index;
    return {
      step: 0,
      index,
      warmup: false,
      scheduledMs: sentMs,
      sentMs,
      firstTokenMs: first,
      firstContentMs: first,
      lastTokenMs: first + 15,
      endMs: first + 16,
      inputTokens: 120,
      outputTokens: 4,
      tokenSource: 'server',
      status: 200,
      errorClass: null,
      itlMs: [5, 5, 5],
      correct: index !== 3,
      scores: { token_f1: index === 3 ? 0 : 0.8 },
    };
  });
}

/**
 * The data the TSDoc examples of @assay/loadtest show, made anew for each example: `result`
 * (a sweep's result), `step` (its first step), `records` (one step's records) and `record`
 * (the first of them).
 */
export function docExampleFixtures(): Record<string, unknown> {
  const result = JSON.parse(SWEEP) as LoadTestResult;
  const records = sampleRecords();
  return { result, step: result.steps![0], records, record: records[0] };
}

/** The clients of the step runners made so far, for {@link closeStepRunners}. */
const clients: ModelClient[] = [];

/**
 * A step runner as `runLoadTest` makes one for a sweep or a search (one client, one clock),
 * running 300-ms steps of the model server's spam filter at `baseUrl`.
 *
 * @param baseUrl - the model server's base URL
 * @param slo - the SLO each step is judged by, if any
 * @returns the runner
 */
export function modelServerRunner(baseUrl: string, slo?: Slo): StepRunner {
  const client = createClient({
    provider: 'openai-chat',
    baseUrl,
    model: 'assay-spam-nb',
    streaming: true,
    benchmarkMode: true,
  });
  clients.push(client);
  const origin = performance.now();
  const request = Object.freeze({ prompt: 'WIN A FREE PRIZE NOW!!! Click here to claim' });
  const steps: StepLoad[] = [];
  const runner: StepRunner = {
    steps: [],
    async run(load) {
      const index = steps.push(load) - 1;
      const run = await runStep({
        step: index,
        load,
        durationMs: 300,
        requests: undefined,
        warmupMs: 0,
        client,
        request: () => request,
        seed: 1 + index,
        signal: new AbortController().signal,
        origin,
      });
      const result = buildStepResult(profileOf(load), run.records, run.reading, slo);
      runner.steps.push(result);
      return result;
    },
  };
  return runner;
}

/** Closes the clients of every runner {@link modelServerRunner} made. */
export async function closeStepRunners(): Promise<void> {
  await Promise.all(clients.splice(0).map((client) => client.close()));
}
