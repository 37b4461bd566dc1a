import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer, trainSpamModel } from '@assay/model-server';
import { summaryTable } from '@assay/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../test-support/free-port.js';
import { dryRun, parseRunConfig, RunJournal, runEvaluation } from '../src/index.js';
import { refusalOf, SMALL_RUN_ITEMS, smallRunConfig, spamRunDocument } from './small-run.js';

let dir: string;
let server: ModelServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-answer-sources-'));
  server = await startModelServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a rerun that sends nothing', () => {
  it('warns that every answer came from the journal of an earlier run when the service at the same URL changed', async () => {
    const port = await freePort();
    const first = await startModelServer({ port });
    const out = join(dir, 'same-url');
    const firstRun = await runEvaluation(smallRunConfig(out, first.baseUrl));
    expect(firstRun.warnings?.some((w) => w.includes('resumed from the journal'))).toBe(false);
    await first.close();
    // another model behind the same URL
    const second = await startModelServer({
      port,
      model: trainSpamModel({ groups: ['hard-ham-1', 'spam-1'] }),
    });
    try {
      const rerun = await runEvaluation(smallRunConfig(out, second.baseUrl));
      expect(second.stats().completions).toBe(0);
      const warning = rerun.warnings?.find((w) => w.startsWith('nb: '));
      expect(warning).toBeDefined();
      expect(warning).toContain(
        `nb: all ${SMALL_RUN_ITEMS} requests were resumed from the journal of an earlier run (answered `,
      );
      expect(warning).toMatch(/\(answered \d{4}-\d\d-\d\d \d\d:\d\d(–[\d: -]+)? UTC\)/);
      expect(warning).toContain(`none was sent to ${second.baseUrl} this run`);
      expect(warning).toContain('a service changed since at the same URL');
      expect(warning).toContain('--fresh');
      expect(warning).toContain('--output');
      // the run's own warnings come first: they say whether the figures describe the service
      expect(rerun.warnings![0]).toBe(warning);
    } finally {
      await second.close();
    }
  }, 60_000);
});

describe('a response cache outside the output directory', () => {
  const shared = (out: string, cache: string) =>
    parseRunConfig({
      ...spamRunDocument({ name: 'shared-cache', out, baseUrl: server.baseUrl }),
      cache,
    });

  it('--fresh says it keeps the cache, and warns that every answer came from it, advising to delete it or point cache elsewhere', async () => {
    const cache = join(dir, 'shared', 'cache.sqlite');
    const out = join(dir, 'shared-cache-out');
    await runEvaluation(shared(out, cache));
    const before = server.stats().completions;
    const notes: string[] = [];
    const fresh = await runEvaluation(shared(out, cache), {
      fresh: true,
      onNote: (n) => notes.push(n),
    });
    expect(server.stats().completions).toBe(before);
    expect(fresh.models[0]!.service.cachedThisRun).toBe(SMALL_RUN_ITEMS);
    expect(notes).toContainEqual(
      `--fresh keeps the response cache ${cache} (set by \`cache\`, not the output directory's own): the answers it holds are reused, not sent; delete it or point \`cache\` at another file to ask the service again.`,
    );
    const warning = fresh.warnings?.find((w) => w.includes('came from the response cache'));
    expect(warning).toBe(
      `nb: all ${SMALL_RUN_ITEMS} answers came from the response cache ${cache} and none was sent to ${server.baseUrl} this run, so the results describe the service as it answered when they were cached: a service changed since at the same URL is not measured. To ask it again, delete the response cache ${cache} or point \`cache\` at another file, and run with --fresh (which discards the output directory's journal but keeps a \`cache\` file of your choosing, so its answers would be reused again).`,
    );
    // a plain rerun resumes from the journal: that warning, too, says the cache must go
    const rerun = await runEvaluation(shared(out, cache));
    const resumed = rerun.warnings?.find((w) => w.includes('resumed from the journal'));
    expect(resumed).toContain(`To ask it again, delete the response cache ${cache}`);
    expect(rerun.warnings?.some((w) => w.includes('came from the response cache'))).toBe(false);
  }, 60_000);

  it('a run that sent its requests is not warned of the cache', async () => {
    const run = await runEvaluation(shared(join(dir, 'own-out'), join(dir, 'own', 'c.sqlite')));
    expect(run.warnings?.some((w) => w.includes('response cache'))).toBe(false);
  });
});

describe('an endpoint that could not be reached, then a fixed URL', () => {
  const config = (out: string, baseUrl: string) =>
    parseRunConfig(
      spamRunDocument({
        name: 'fixed-url',
        out,
        baseUrl,
        limit: 30,
        model: { concurrency: { max: 2 }, retry: { maxRetries: 0 } },
        evaluation: { bootstrap: 20 },
      }),
    );

  it('takes over a journal holding only failed requests from the old URL, saying so in one line', async () => {
    const out = join(dir, 'fixed');
    const wrong = `http://127.0.0.1:${await freePort()}/v1`;
    const error = await refusalOf(runEvaluation(config(out, wrong)));
    expect(error.code).toBe('RUN_FAILED');
    // the advice covers the fixed URL, which the next run accepts
    expect(error.message).toContain('Start the service and run the same command again');
    expect(error.message).toContain(
      "or, if the URL was wrong, run it with the right one in models[0].baseUrl (or --base-url, which sets every model's): the output directory holds no answer from this one, so its 20 failed requests are dropped",
    );
    // a dry run with the right URL says what the run will do, and does not refuse
    const planned = await dryRun(config(out, server.baseUrl));
    expect(planned.models[0]!.toSend).toBe(30);
    expect(planned.warnings).toContain(
      `model 'nb': its endpoint changed (baseUrl ${wrong} → ${server.baseUrl}) and the journal held no answer from the old one, only 20 failed requests: a run drops them and sends them to the new one`,
    );
    const before = server.stats().completions;
    const notes: string[] = [];
    const results = await runEvaluation(config(out, server.baseUrl), {
      onNote: (n) => notes.push(n),
    });
    expect(notes).toContain(
      `model 'nb': its endpoint changed (baseUrl ${wrong} → ${server.baseUrl}) and the journal held no answer from the old one, only 20 failed requests: dropped, they are sent to the new one`,
    );
    expect(server.stats().completions - before).toBe(30);
    expect(results.models[0]!.service.failed).toBe(0);
    const journal = new RunJournal(join(out, 'journal.sqlite'));
    const outcomes = [...journal.load('nb').values()];
    journal.close();
    expect(outcomes).toHaveLength(30);
    expect(outcomes.every((o) => o.status === 'ok')).toBe(true);
  }, 60_000);

  it('still refuses a journal holding answers from the old URL, saying how to proceed', async () => {
    const out = join(dir, 'answered');
    await runEvaluation(config(out, server.baseUrl));
    const other = `http://127.0.0.1:${await freePort()}/v1`;
    const error = await refusalOf(runEvaluation(config(out, other)));
    expect(error.code).toBe('IDENTITY_CHANGED');
    expect(error.message).toContain(
      `model 'nb' (baseUrl ${server.baseUrl} → ${other}) with 30 answers from the old one`,
    );
    expect(error.message).toContain('Run again with --fresh');
    expect(error.message).toContain('another output.dir (--output)');
  }, 60_000);

  it('advises --fresh or another output for a fixed URL when the journal holds answers from the unreachable one', async () => {
    const port = await freePort();
    const out = join(dir, 'went-down');
    const up = await startModelServer({ port });
    // answered once, then gone: ten more items are asked of a service that is down
    await runEvaluation(config(out, up.baseUrl));
    await up.close();
    const more = parseRunConfig(
      spamRunDocument({
        name: 'fixed-url',
        out,
        baseUrl: up.baseUrl,
        limit: 60,
        model: { concurrency: { max: 2 }, retry: { maxRetries: 0 } },
        evaluation: { bootstrap: 20 },
      }),
    );
    const error = await refusalOf(runEvaluation(more));
    expect(error.code).toBe('RUN_FAILED');
    expect(error.message).toMatch(
      /run it with the right one in models\[0\]\.baseUrl \(or --base-url, which sets every model's\) and --fresh \(or another --output\): the output directory holds \d+ answers from this URL/,
    );
  }, 60_000);
});

describe('the model the service says answered', () => {
  const config = (out: string, model: string) =>
    parseRunConfig(
      spamRunDocument({
        name: 'served',
        out,
        baseUrl: server.baseUrl,
        limit: 20,
        model: { model },
        evaluation: { bootstrap: 20 },
      }),
    );

  it('warns when a misspelt model id is answered by another model, naming the config path, both ids and the count, also when resumed', async () => {
    const out = join(dir, 'typo');
    const expected =
      "models[0].model: asked for 'gpt-4o-typo', but the service says 'assay-spam-nb' answered (20 of 20 answers of model 'nb')";
    const results = await runEvaluation(config(out, 'gpt-4o-typo'));
    expect(results.warnings?.find((w) => w.startsWith('models[0].model: '))).toContain(expected);
    // the journal keeps the served model: a resumed run still says so
    const again = await runEvaluation(config(out, 'gpt-4o-typo'));
    expect(again.models[0]!.service.sentThisRun).toBe(0);
    expect(again.warnings?.find((w) => w.startsWith('models[0].model: '))).toContain(expected);
  }, 60_000);

  it('records a misspelt id in results.json servedModelMismatches, and the verdict leads with it', async () => {
    const out = join(dir, 'typo-verdict');
    const document = spamRunDocument({
      name: 'served',
      out,
      baseUrl: server.baseUrl,
      limit: 20,
      model: { model: 'assay-subject-extractiv' },
      evaluation: { bootstrap: 20 },
    });
    const gated = { ...document, thresholds: ['accuracy >= 0.3'] };
    const results = await runEvaluation(parseRunConfig(gated));
    const mismatch = {
      role: 'model',
      path: 'models[0].model',
      name: 'nb',
      asked: 'assay-subject-extractiv',
      served: 'assay-spam-nb',
      count: 20,
      of: 20,
    };
    expect(results.servedModelMismatches).toEqual([mismatch]);
    const written = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(written.servedModelMismatches).toEqual([mismatch]);
    const summary = summaryTable(results);
    expect(summary).toMatch(
      /^Verdict: PASS, but the answers came from 'assay-spam-nb', not the model asked for\. /m,
    );
    expect(summary).toMatch(
      /^ {2}Biggest risk: The service says 'assay-spam-nb' gave 20 of 20 answers of nb, not 'assay-subject-extractiv' as models\[0\]\.model asks/m,
    );
  }, 60_000);

  it('does not warn when the model asked for answers', async () => {
    const results = await runEvaluation(config(join(dir, 'right-id'), 'assay-spam-nb'));
    expect(results.servedModelMismatches).toBeUndefined();
    expect(results.warnings?.some((w) => w.startsWith('models[0].model: '))).toBe(false);
  }, 60_000);
});
