import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClientError } from '@assay/clients';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dryRun,
  MAX_RUN_PREDICTIONS,
  parseRunConfig,
  type RunConfig,
  readPrompts,
  runEvaluation,
} from '../src/index.js';
import { refusalOf } from './small-run.js';

let dir: string;
let server: ModelServer;
/** a port that accepts TCP connections and counts them, answering nothing */
let listener: Server;
let connections = 0;
let listenerUrl: string;
/** a port nothing listens on */
let closedUrl: string;

const DUPLICATED = 6;
const FILE_ITEMS = 30;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-dry-run-'));
  server = await startModelServer({ port: 0 });
  listener = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((r) => listener.listen(0, '127.0.0.1', r));
  listenerUrl = `http://127.0.0.1:${(listener.address() as { port: number }).port}/v1`;
  const closed = createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
  closedUrl = `http://127.0.0.1:${(closed.address() as { port: number }).port}/v1`;
  await new Promise((r) => closed.close(r));
  // 30 e-mails, the last 6 repeating the text of the first 6 under other ids
  const rows = Array.from({ length: FILE_ITEMS }, (_, i) => {
    const source = i >= FILE_ITEMS - DUPLICATED ? i - (FILE_ITEMS - DUPLICATED) : i;
    const spam = source % 2 === 0;
    const text = spam
      ? `Subject: WIN CASH NOW ${source}\n\nClaim your free prize money, click here`
      : `Subject: meeting notes ${source}\n\nHi, the notes from our meeting are attached.`;
    return JSON.stringify({ id: `m${i}`, text, label: spam ? 'spam' : 'ham' });
  });
  writeFileSync(join(dir, 'mails.jsonl'), `${rows.join('\n')}\n`);
});

afterAll(async () => {
  await server?.close();
  await new Promise((r) => listener?.close(r));
  rmSync(dir, { recursive: true, force: true });
});

/** A config on the file data set (or 40 held-out SpamAssassin e-mails), one model `nb`. */
function config(
  out: string,
  baseUrl: string,
  overrides: Record<string, unknown> = {},
  model: Record<string, unknown> = {},
): RunConfig {
  return parseRunConfig({
    name: 'dry',
    dataset: { path: join(dir, 'mails.jsonl') },
    task: { type: 'classification', labels: ['spam', 'ham'], positiveLabel: 'spam' },
    prompt: { template: 'Classify this e-mail as spam or ham:\n\n{{text}}' },
    models: [
      {
        name: 'nb',
        provider: 'openai-chat',
        baseUrl,
        model: 'assay-spam-nb',
        params: { maxTokens: 4, temperature: 0 },
        price: { inputPerMTok: 2, outputPerMTok: 8 },
        ...model,
      },
    ],
    evaluation: { method: 'repeated-stratified', k: 2, repeats: 2, bootstrap: 20 },
    output: { dir: join(dir, out) },
    ...overrides,
  });
}

/** Every file under a directory with its size and modification time. */
function listing(path: string): string[] {
  return readdirSync(path)
    .sort()
    .map((f) => {
      const s = statSync(join(path, f));
      return `${f} ${s.size} ${s.mtimeMs}`;
    });
}

describe('assay run --dry-run: the plan of a run, sending nothing and writing nothing', () => {
  it('against a port that accepts connections or a closed one, sends nothing and creates no output directory; a real run then sends exactly the counted requests', async () => {
    const dry = await dryRun(config('first', listenerUrl));
    const closed = await dryRun(config('first', closedUrl));
    expect(closed).toEqual(dry);
    expect(connections).toBe(0);
    expect(readdirSync(dir)).not.toContain('first');
    expect(dry.items).toBe(FILE_ITEMS);
    expect(dry.folds).toBe(4);
    expect(dry.journal).toBeNull();
    const [plan] = dry.plans;
    expect(plan).toMatchObject({
      models: ['nb'],
      items: FILE_ITEMS,
      predictions: 2 * FILE_ITEMS,
      distinctPrompts: FILE_ITEMS - DUPLICATED,
      sameItemAgain: FILE_ITEMS,
      sameTextAsAnotherItem: DUPLICATED,
    });
    const [model] = dry.models;
    expect(model).toMatchObject({
      name: 'nb',
      requests: FILE_ITEMS - DUPLICATED,
      resumed: 0,
      cached: 0,
      toSend: FILE_ITEMS - DUPLICATED,
    });

    const before = server.stats().completions;
    const real = await runEvaluation(config('first', server.baseUrl));
    expect(server.stats().completions - before).toBe(model!.toSend);
    expect(real.models[0]!.service.sentThisRun).toBe(model!.toSend);
    expect(real.models[0]!.service.requests).toBe(model!.requests);
    expect(real.models[0]!.items.total).toBe(plan!.predictions);
    const prompts = readPrompts(readFileSync(real.files.prompts!));
    expect(prompts.size).toBe(plan!.distinctPrompts);
    expect(plan!.firstPrompts.map((p) => prompts.get(p.hash))).toEqual(
      plan!.firstPrompts.map((p) => p.messages),
    );
  });

  it('estimates input tokens as characters / 4 of the messages sent, output tokens by maxTokens, and the cost from the price', async () => {
    const dry = await dryRun(config('estimate', listenerUrl));
    const real = await runEvaluation(config('estimate', server.baseUrl));
    const texts = [...readPrompts(readFileSync(real.files.prompts!)).values()].map((m) =>
      m.map((x) => x.content).join('\n'),
    );
    const input = texts.reduce((s, t) => s + Math.ceil(t.length / 4), 0);
    const e = dry.models[0]!.estimate;
    expect(e.tokenCounting).toBe('estimate');
    expect(e.inputTokens).toBe(input);
    expect(e.maxOutputTokens).toBe(4 * texts.length);
    expect(e.costUsd).toBeCloseTo((input * 2 + 4 * texts.length * 8) / 1e6, 12);
    const unpriced = await dryRun(
      config('estimate-unpriced', listenerUrl, {}, { price: undefined, params: {} }),
    );
    expect(unpriced.models[0]!.estimate).toMatchObject({
      price: null,
      costUsd: null,
      maxOutputTokens: null,
    });
  });

  it('after a run counts every request as resumed, leaves the directory untouched, and counts as --fresh would', async () => {
    const out = join(dir, 'first');
    const files = listing(out);
    // another base URL than the journal's: refused as a run would be, recording nothing
    const refused = await refusalOf(dryRun(config('first', listenerUrl)));
    expect(refused.code).toBe('IDENTITY_CHANGED');
    const same = await dryRun(config('first', server.baseUrl));
    expect(same.journal).toBe(join(out, 'journal.sqlite'));
    expect(same.models[0]).toMatchObject({
      resumed: FILE_ITEMS - DUPLICATED,
      cached: 0,
      toSend: 0,
    });
    const fresh = await dryRun(config('first', server.baseUrl), { fresh: true });
    expect(fresh.models[0]).toMatchObject({
      resumed: 0,
      cached: 0,
      toSend: FILE_ITEMS - DUPLICATED,
    });
    // nothing to send: a run creates no client, so a missing API key is no error, as in the run
    const keyless = config('first', server.baseUrl, {}, { apiKeyEnv: 'ASSAY_TEST_NO_KEY' });
    expect((await dryRun(keyless)).models[0]!.toSend).toBe(0);
    expect(listing(out)).toEqual(files);
    expect(connections).toBe(0);
    const rerun = await runEvaluation(config('first', server.baseUrl));
    expect(rerun.models[0]!.service.sentThisRun).toBe(0);
    expect(rerun.models[0]!.service.resumedFromJournal).toBe(FILE_ITEMS - DUPLICATED);
  });

  it('counts the answers a shared response cache holds, as a run then takes them', async () => {
    const cache = { cache: join(dir, 'shared-cache.sqlite') };
    await runEvaluation(config('cache-a', server.baseUrl, cache));
    const dry = await dryRun(config('cache-b', server.baseUrl, cache));
    expect(dry.cache).toBe(cache.cache);
    expect(dry.models[0]).toMatchObject({ resumed: 0, cached: FILE_ITEMS - DUPLICATED, toSend: 0 });
    const before = server.stats().completions;
    const real = await runEvaluation(config('cache-b', server.baseUrl, cache));
    expect(server.stats().completions).toBe(before);
    expect(real.models[0]!.service.cachedThisRun).toBe(dry.models[0]!.cached);
  });

  it('needs no API key: a missing one is reported on its model, not refused', async () => {
    const report = await dryRun(
      config('key', listenerUrl, {}, { apiKeyEnv: 'ASSAY_TEST_DRY_RUN_NO_SUCH_KEY' }),
    );
    expect(report.models[0]!.missingApiKeyEnv).toBe('ASSAY_TEST_DRY_RUN_NO_SUCH_KEY');
    expect(report.models[0]!.toSend).toBeGreaterThan(0);
    const keyed = await dryRun(
      config('key', listenerUrl, {}, { apiKeyEnv: 'ASSAY_TEST_DRY_RUN_KEY' }),
      { env: { ASSAY_TEST_DRY_RUN_KEY: 'sk-test' } },
    );
    expect(keyed.models[0]!.missingApiKeyEnv).toBeUndefined();
  });

  it("refuses a base URL holding the model's own API key, in a dry run and a run, naming the variable and never the key", async () => {
    const secret = 'sk-SECRET-12345';
    const leaky = config(
      'leaky',
      `${listenerUrl}?k=${secret}`,
      {},
      { apiKeyEnv: 'ASSAY_TEST_LEAKY_KEY' },
    );
    const env = { ASSAY_TEST_LEAKY_KEY: secret };
    const refused = (e: unknown): ClientError => {
      expect(e).toBeInstanceOf(ClientError);
      return e as ClientError;
    };
    const dry = refused(await dryRun(leaky, { env }).catch((e: unknown) => e));
    expect(dry.code).toBe('INVALID_BASE_URL');
    expect(dry.path).toBe('models[0].baseUrl');
    expect(dry.message).toMatch(
      /^nb: models\[0\]\.baseUrl holds the value of the API key \(the environment variable ASSAY_TEST_LEAKY_KEY\)/,
    );
    expect(dry.message).not.toContain(secret);
    process.env.ASSAY_TEST_LEAKY_KEY = secret;
    try {
      const run = refused(await runEvaluation(leaky).catch((e: unknown) => e));
      expect(run.message).toBe(dry.message);
    } finally {
      delete process.env.ASSAY_TEST_LEAKY_KEY;
    }
    // nothing was written: the journal would have recorded the URL with the key
    expect(existsSync(join(dir, 'leaky'))).toBe(false);
    expect(connections).toBe(0);
  });

  it('validates the model clients as a run would: an invalid client config fails', async () => {
    // a base URL that is no URL is refused earlier, with the configuration's other problems
    expect(() => config('bad-url', 'not a url')).toThrow(/models\[0\]\.baseUrl: is not a URL/);
    const error = await dryRun(
      config('bad-client', listenerUrl, {}, { provider: 'http-json' }),
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ClientError);
    expect((error as ClientError).code).toBe('INVALID_CONFIG');
  });
});

describe('a plan above the stated limits is refused before folds or prompts are built', () => {
  const spam = (evaluation: Record<string, unknown>, limit: number) => ({
    dataset: { builtin: 'spam-assassin', limit, seed: 1 },
    evaluation: { method: 'repeated-stratified', k: 5, bootstrap: 20, ...evaluation },
  });

  it('evaluation.repeats: 1000000 names the fold count and the limit, for a run and a dry run', async () => {
    const c = config('huge', listenerUrl, spam({ repeats: 1_000_000 }, 40));
    for (const attempt of [runEvaluation(c), dryRun(c)]) {
      const error = await refusalOf(attempt);
      expect(error.code).toBe('PLAN_TOO_LARGE');
      expect(error.path).toBe('evaluation.repeats');
      expect(error.message).toContain('5,000,000 folds');
      expect(error.message).toContain('limit of 10,000 folds');
    }
    expect(connections).toBe(0);
  });

  it('names the prediction count when items × repeats × models exceeds the limit', async () => {
    const c = config('many', listenerUrl, spam({ k: 2, repeats: 5000 }, 250));
    const error = await refusalOf(dryRun(c));
    expect(error.code).toBe('PLAN_TOO_LARGE');
    expect(error.path).toBe('evaluation.repeats');
    expect(error.message).toContain('250 items × 5,000 repeats × 1 model = 1,250,000 predictions');
    expect(error.message).toContain(`limit of ${MAX_RUN_PREDICTIONS.toLocaleString('en-US')}`);
  });
});
