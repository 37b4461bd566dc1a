import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, it, test } from 'vitest';
import { EvaluationError, parseRunConfig, RunJournal, runEvaluation } from '../src/index.js';
import { usagePaths } from '../src/run/model-requests.js';
import { spamRunDocument } from './small-run.js';

// A trial changed an http-json model's request path, body template and answer path and reran
// in the same output directory: nothing was sent, and the run credited the new request with
// the 198 answers to the old one
let server: ModelServer;
let dir: string;

const CHAT = {
  requestPath: '/chat/completions',
  template: { model: '{{model}}', messages: '{{messages}}', max_tokens: 4 },
  paths: { text: '$.choices[0].message.content', inputTokens: '$.usage.prompt_tokens' },
};

function config(out: string, request: Record<string, unknown>, limit = 12) {
  return parseRunConfig({
    ...spamRunDocument({ name: out, out: join(dir, out), baseUrl: server.baseUrl, limit }),
    models: [
      {
        name: 'custom',
        provider: 'http-json',
        baseUrl: server.baseUrl,
        model: 'assay-spam-nb',
        ...CHAT,
        ...request,
      },
    ],
    evaluation: { method: 'all', bootstrap: 0, maxFailedFraction: 1 },
  });
}

beforeAll(async () => {
  server = await startModelServer({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'assay-http-json-identity-'));
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("an http-json model's request is part of what its journal's answers are to", () => {
  it('a changed template, request path or answer path is refused, naming the key; a count path is not', async () => {
    await runEvaluation(config('asked', {}));
    const before = server.stats().completions;
    const changes: [Record<string, unknown>, string, RegExp][] = [
      [
        { template: { ...CHAT.template, max_tokens: 8 } },
        'models[0].template.max_tokens',
        /request\.template\.max_tokens 4 → 8/,
      ],
      [{ requestPath: '/completions' }, 'models[0].requestPath', /request\.requestPath/],
      [
        { paths: { ...CHAT.paths, text: '$.choices[0].text' } },
        'models[0].paths.text',
        /request\.paths\.text \$\.choices\[0\]\.message\.content → \$\.choices\[0\]\.text/,
      ],
    ];
    for (const [change, path, described] of changes) {
      const error = await runEvaluation(config('asked', change)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EvaluationError);
      expect((error as EvaluationError).code).toBe('IDENTITY_CHANGED');
      expect((error as EvaluationError).path).toBe(path);
      expect((error as EvaluationError).message).toMatch(described);
    }
    // where the token counts are read changes no answer: the run resumes, sending nothing
    const counted = await runEvaluation(
      config('asked', { paths: { ...CHAT.paths, inputTokens: '$.usage.input_tokens' } }),
    );
    expect(counted.models[0]!.items.total).toBe(12);
    expect(server.stats().completions).toBe(before);
  }, 60_000);

  it('a run whose answer path read nothing resumes nothing once the path is fixed: it asks again', async () => {
    const wrong = await runEvaluation(
      config('wrong-path', { paths: { text: '$.choices[0].text' } }),
    ).catch((e: unknown) => e);
    const sent = server.stats().completions;
    // every answer was malformed: the journal holds failures only, which the fixed run takes over
    expect(wrong).toBeDefined();
    const journal = new RunJournal(join(dir, 'wrong-path', 'journal.sqlite'));
    const failed = [...journal.load('custom').values()].filter((o) => o.status === 'error');
    journal.close();
    expect(failed).toHaveLength(12);
    const fixed = await runEvaluation(config('wrong-path', {}));
    expect(server.stats().completions - sent).toBe(12);
    expect(fixed.models[0]!.service.failed).toBe(0);
  }, 60_000);

  it('an answer path that reads nothing stops the run after 20 answers, naming paths.text', async () => {
    const before = server.stats().completions;
    const error = await runEvaluation(
      config('stopped', { paths: { text: '$.choices[0].text' }, concurrency: { max: 2 } }, 60),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EvaluationError);
    expect((error as EvaluationError).code).toBe('RUN_FAILED');
    expect((error as EvaluationError).path).toBe('models[0].paths.text');
    expect((error as EvaluationError).message).toContain(
      'none of the first 20 answers from http://127.0.0.1:',
    );
    // 20, and at most the other request in flight: not the 60 the run had
    expect(server.stats().completions - before).toBeLessThanOrEqual(21);
  }, 60_000);

  it('a usage path that finds no count is warned about: the counts were the tokenizer estimate', async () => {
    const results = await runEvaluation(
      config('usage', { paths: { ...CHAT.paths, outputTokens: '$.usage.output_tokenz' } }),
    );
    expect(results.warnings).toContain(
      'custom: models[0].paths.inputTokens and outputTokens found no token count in 12 of the 12 answers sent this run, so their counts (and any cost from them) were counted locally by the tokenizer, an estimate of what the service counts; check the paths against a response body.',
    );
    // the right paths: no warning
    const right = await runEvaluation(
      config('usage-right', {
        paths: { ...CHAT.paths, outputTokens: '$.usage.completion_tokens' },
      }),
    );
    expect((right.warnings ?? []).filter((w) => w.includes('found no token count'))).toEqual([]);
  }, 60_000);
});

test('the usage paths checked are the stream paths when the model streams, and need both', () => {
  const paths = { text: '$.t', inputTokens: '$.u.i', outputTokens: '$.u.o' };
  expect(usagePaths({ provider: 'http-json', paths })).toEqual(['inputTokens', 'outputTokens']);
  // streaming reads the counts from the events: the body's paths are not applied
  const streamed = {
    provider: 'http-json',
    streaming: true,
    paths: { ...paths, streamText: '$.d' },
  };
  expect(usagePaths(streamed as never)).toBeUndefined();
  const both = {
    ...streamed,
    paths: { ...streamed.paths, streamInputTokens: '$.a', streamOutputTokens: '$.b' },
  };
  expect(usagePaths(both as never)).toEqual(['streamInputTokens', 'streamOutputTokens']);
  expect(
    usagePaths({ provider: 'http-json', paths: { text: '$.t', inputTokens: '$.u' } }),
  ).toBeUndefined();
});
