import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../test-support/free-port.js';
import { parseRunConfig, RunJournal, runEvaluation } from '../src/index.js';
import { UnreachableWatch, unreachableError } from '../src/run/unreachable-watch.js';
import { refusalOf, spamRunDocument } from './small-run.js';

let dir: string;
let server: ModelServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-unreachable-'));
  server = await startModelServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function config(name: string, baseUrl: string, extra: Record<string, unknown> = {}) {
  return parseRunConfig(
    spamRunDocument({
      name,
      out: join(dir, name),
      baseUrl,
      limit: 60,
      model: { concurrency: { max: 2 }, retry: { maxRetries: 0 }, ...extra },
      evaluation: {
        bootstrap: 20,
        // rounds of 5 items: fewer than the 20 failures that stop a model
        stop: { when: 'ci_width(accuracy) <= 0.0001', minItems: 5, checkEvery: 5 },
      },
    }),
  );
}

describe('a service that cannot be reached', () => {
  it('stops the run after 20 connection failures counted across the rounds of evaluation.stop', async () => {
    const url = `http://127.0.0.1:${await freePort()}/v1`;
    const error = await refusalOf(runEvaluation(config('rounds', url)));
    expect(error.code).toBe('RUN_FAILED');
    expect(error.path).toBe('models[0].baseUrl');
    expect(error.message).toContain(`the first 20 requests to ${url} all failed`);
    const journal = new RunJournal(join(dir, 'rounds', 'journal.sqlite'));
    const recorded = journal.load('nb').size;
    journal.close();
    // four rounds of five: the fourth round trips the watch, nothing later is sent
    expect(recorded).toBe(20);
  }, 60_000);

  it('is not what a service answering an HTTP error on every request is: every request is sent', async () => {
    const results = await runEvaluation(
      config('http-500', server.baseUrl, { headers: { 'x-assay-fault': 'status=500' } }),
    );
    const service = results.models[0]!.service;
    expect(service.failed).toBe(service.requests);
    expect(service.requests).toBe(60);
    // a rate of failures is no service figure
    expect(service.throughput).toBeNull();
    expect(results.models[0]!.notRepresentative![0]).toMatch(
      /60 of 60 predictions failed \(100\.0%\), above evaluation\.maxFailedFraction 0\.05; 60 distinct requests failed \(http_status × 60 \[HTTP 500 × 60\]\)/,
    );
  }, 60_000);

  it('is not what a service cutting every answer short is: the failures are truncated_stream, every request sent', async () => {
    const results = await runEvaluation(
      config('truncated', server.baseUrl, { headers: { 'x-assay-fault': 'truncate' } }),
    );
    const service = results.models[0]!.service;
    expect(service.requests).toBe(60);
    expect(service.failed).toBe(60);
    expect(results.models[0]!.notRepresentative![0]).toMatch(
      /60 distinct requests failed \(truncated_stream × 60\)/,
    );
  }, 60_000);

  it('stops a model whose first requests are all answered 404, naming models[0].baseUrl and suggesting /v1', async () => {
    const withoutV1 = server.baseUrl.replace(/\/v1$/, '');
    server.resetStats();
    const error = await refusalOf(runEvaluation(config('http-404', withoutV1)));
    expect(error.code).toBe('RUN_FAILED');
    expect(error.path).toBe('models[0].baseUrl');
    expect(error.message).toContain(
      `The service answered 404 Not Found for POST ${withoutV1}/chat/completions; check models[0].baseUrl (OpenAI-compatible servers usually serve under /v1: ${withoutV1}/v1).`,
    );
    // the first error still names the status behind the wrong route
    expect(error.message).toMatch(/First error: The server answered POST .* with HTTP 404: /);
    // stopped after the first 20, far fewer than the 60 items
    const journal = new RunJournal(join(dir, 'http-404', 'journal.sqlite'));
    const recorded = journal.load('nb').size;
    journal.close();
    expect(recorded).toBe(20);
    // the server saw no more than the 20 journaled and the two in flight
    expect(server.stats().byPath['(unmatched)']).toBeLessThanOrEqual(22);
  }, 60_000);

  it('stops a model whose first requests are all refused as bad requests (HTTP 400), naming its params', async () => {
    const error = await refusalOf(
      runEvaluation(
        config('http-400', server.baseUrl, { params: { maxTokens: 4, temperature: 5 } }),
      ),
    );
    expect(error.code).toBe('RUN_FAILED');
    expect(error.path).toBe('models[0].params');
    expect(error.message).toContain(
      `Model nb: the first 20 requests to ${server.baseUrl} were all refused as bad requests (HTTP 400), so the run stopped sending`,
    );
    expect(error.message).toContain('Check models[0].params');
    const journal = new RunJournal(join(dir, 'http-400', 'journal.sqlite'));
    const recorded = journal.load('nb').size;
    journal.close();
    expect(recorded).toBe(20);
  }, 60_000);

  it('does not say the retry budget is the cause when the service refuses every connection', async () => {
    const url = `http://127.0.0.1:${await freePort()}/v1`;
    const error = await refusalOf(
      runEvaluation(
        config('refused-budget', url, {
          concurrency: { max: 8 },
          retry: { maxRetries: 5, baseDelayMs: 1, maxDelayMs: 2, budget: 0 },
        }),
      ),
    );
    expect(error.code).toBe('RUN_FAILED');
    const journal = new RunJournal(join(dir, 'refused-budget', 'journal.sqlite'));
    const messages = [...journal.load('nb').values()].map((o) => o.errorMessage ?? '');
    journal.close();
    const budgeted = messages.filter((m) => m.includes('retry budget'));
    // 10 retries at most with budget 0, so most of the 20 failed requests met a spent budget
    expect(budgeted.length).toBeGreaterThan(0);
    for (const m of budgeted) {
      expect(m).toMatch(
        /ECONNREFUSED 127\.0\.0\.1:\d+\)?\. The service could not be reached: check that it is running at the configured baseUrl; retries would not help until it is started, and this one was not retried because the client's retry budget/,
      );
      expect(m).not.toContain('Not retried:');
    }
  }, 60_000);
});

describe('one model unreachable among others', () => {
  it("lets the other models' requests in flight finish and journals them: a rerun pays for none twice", async () => {
    const dead = `http://127.0.0.1:${await freePort()}/v1`;
    const doc = spamRunDocument({
      name: 'mixed',
      out: join(dir, 'mixed'),
      baseUrl: dead,
      limit: 60,
    });
    const model = (doc.models as Record<string, unknown>[])[0]!;
    const config = parseRunConfig({
      ...doc,
      models: [
        { ...model, name: 'down', concurrency: { max: 2 }, retry: { maxRetries: 0 } },
        {
          ...model,
          name: 'slow',
          baseUrl: server.baseUrl,
          concurrency: { max: 4 },
          // each answer takes 400 ms: four are in flight when the dead one trips
          headers: { 'x-assay-fault': 'latency=400' },
        },
      ],
      evaluation: { bootstrap: 0 },
    });
    const before = server.stats().completions;
    const error = await refusalOf(runEvaluation(config));
    expect(error.code).toBe('RUN_FAILED');
    const received = server.stats().completions - before;
    const journal = new RunJournal(join(dir, 'mixed', 'journal.sqlite'));
    const slow = [...journal.load('slow').values()];
    journal.close();
    // every request the service received has its answer journaled, none aborted unrecorded
    expect(received).toBeGreaterThanOrEqual(4);
    expect(slow.filter((o) => o.status === 'ok')).toHaveLength(received);
  }, 60_000);
});

describe('answers none of which could be read', () => {
  const malformed = {
    status: 'error',
    errorClass: 'malformed_response',
    errorMessage: 'The response was malformed: expected a body with a string at paths.text ($.x).',
    cached: false,
  } as never;
  const model = {
    name: 'custom',
    provider: 'http-json',
    baseUrl: 'http://127.0.0.1:1/v1',
  } as never;

  it('trip the watch after 20, disarmed by one readable answer before', () => {
    const watch = new UnreachableWatch(2);
    for (let i = 0; i < 19; i++) expect(watch.observe(malformed)).toBe(false);
    expect(watch.observe(malformed)).toBe(true);
    expect(watch.kind).toBe('malformed');
    const disarmed = new UnreachableWatch(2);
    disarmed.observe({ status: 'ok', cached: false } as never);
    for (let i = 0; i < 30; i++) expect(disarmed.observe(malformed)).toBe(false);
  });

  it('advise --fresh where the journal holds answers read with the old settings', () => {
    const watch = new UnreachableWatch(2);
    while (!watch.observe(malformed));
    expect(unreachableError(model, 0, watch, 0).message).toContain(
      'a changed paths.text, template or requestPath drops the 20 failed requests and asks again',
    );
    const held = unreachableError(model, 0, watch, 7);
    expect(held.path).toBe('models[0].paths.text');
    expect(held.message).toContain(
      'run the same command with --fresh (or another --output): the output directory holds 7 answers',
    );
  });
});
