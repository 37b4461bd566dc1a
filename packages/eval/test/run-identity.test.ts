import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer, trainSpamModel } from '@assay/model-server';
import type { RunResults } from '@assay/report';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ModelConfig, parseRunConfig, runEvaluation } from '../src/index.js';
import { describeChange, endpointIdentity, identityChanges } from '../src/run/endpoint-identity.js';
import { refusalOf, SMALL_RUN_ITEMS, smallRunConfig, spamRunDocument } from './small-run.js';

let dir: string;
/** the reference model (trained on easy-ham-1, hard-ham-1, spam-1) */
let first: ModelServer;
/** another model: trained without easy ham, it answers many held-out e-mails differently */
let second: ModelServer;

const accuracy = (r: RunResults): number | null => r.models[0]!.metrics.accuracy!.value;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-run-identity-'));
  first = await startModelServer({ port: 0 });
  second = await startModelServer({
    port: 0,
    model: trainSpamModel({ groups: ['hard-ham-1', 'spam-1'] }),
  });
});

afterAll(async () => {
  await first?.close();
  await second?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the journal belongs to one endpoint', () => {
  const out = (): string => join(dir, 'shared');
  let firstRun: RunResults;

  beforeAll(async () => {
    firstRun = await runEvaluation(smallRunConfig(out(), first.baseUrl));
  });

  it('refuses another server in the same output directory before sending, naming the base URL change', async () => {
    expect(firstRun.models[0]!.service.sentThisRun).toBe(SMALL_RUN_ITEMS);
    const before = second.stats().completions;
    const error = await refusalOf(runEvaluation(smallRunConfig(out(), second.baseUrl)));
    expect(error.code).toBe('IDENTITY_CHANGED');
    expect(error.path).toBe('models[0].baseUrl');
    expect(error.message).toContain(`model 'nb' (baseUrl ${first.baseUrl} → ${second.baseUrl})`);
    expect(error.message).toMatch(/--fresh/);
    expect(error.message).toMatch(/output\.dir/);
    expect(error.message).not.toContain('\n');
    expect(second.stats().completions).toBe(before);
    const results = JSON.parse(readFileSync(join(out(), 'results.json'), 'utf8')) as RunResults;
    expect(results.config.models).toMatchObject([{ baseUrl: first.baseUrl }]);
  });

  it('refuses a changed generation parameter, naming it', async () => {
    const changed = smallRunConfig(out(), first.baseUrl, { temperature: 0.7 });
    const error = await refusalOf(runEvaluation(changed));
    expect(error.code).toBe('IDENTITY_CHANGED');
    expect(error.message).toContain('params.temperature 0 → 0.7');
    expect(error.path).toBe('models[0].params.temperature');
  });

  it('with fresh, sends every request to the new server and reports its own accuracy', async () => {
    const notes: string[] = [];
    const before = second.stats().completions;
    const fresh = await runEvaluation(smallRunConfig(out(), second.baseUrl), {
      fresh: true,
      onNote: (n) => notes.push(n),
    });
    expect(second.stats().completions - before).toBe(SMALL_RUN_ITEMS);
    expect(fresh.models[0]!.service).toMatchObject({
      sentThisRun: SMALL_RUN_ITEMS,
      resumedFromJournal: 0,
      cachedThisRun: 0,
    });
    expect(notes.join('\n')).toContain(join(out(), 'journal.sqlite'));
    // its own value: what the second server scores in a directory of its own
    const alone = await runEvaluation(smallRunConfig(join(dir, 'second-alone'), second.baseUrl));
    expect(accuracy(fresh)).toBe(accuracy(alone));
    expect(accuracy(fresh)).not.toBe(accuracy(firstRun));
  });

  it('resumes an identical rerun, sending nothing', async () => {
    const before = second.stats().completions;
    const again = await runEvaluation(smallRunConfig(out(), second.baseUrl));
    expect(second.stats().completions).toBe(before);
    expect(again.models[0]!.service).toMatchObject({
      sentThisRun: 0,
      resumedFromJournal: SMALL_RUN_ITEMS,
      cachedThisRun: 0,
    });
  });
});

describe('an endpoint name stands for the base URL', () => {
  it('resumes a server that came back on another port under the same name (as assay demo does)', async () => {
    const out = join(dir, 'named');
    const a = await runEvaluation(
      smallRunConfig(out, first.baseUrl, { endpoint: 'builtin:model-server' }),
    );
    expect(a.models[0]!.service.sentThisRun).toBe(SMALL_RUN_ITEMS);
    const again = await startModelServer({ port: 0 });
    try {
      const b = await runEvaluation(
        smallRunConfig(out, again.baseUrl, { endpoint: 'builtin:model-server' }),
      );
      expect(again.stats().completions).toBe(0);
      expect(b.models[0]!.service.resumedFromJournal).toBe(SMALL_RUN_ITEMS);
      const error = await refusalOf(runEvaluation(smallRunConfig(out, again.baseUrl)));
      expect(error.message).toContain(`baseUrl builtin:model-server → ${again.baseUrl}`);
    } finally {
      await again.close();
    }
    expect(existsSync(join(out, 'run.lock'))).toBe(false);
  });
});

describe('the journal belongs to one set of headers', () => {
  const TOKEN = 'tok-SECRETHEADER-998877';
  const withHeaders = (out: string, headers: Record<string, string>) =>
    parseRunConfig(
      spamRunDocument({ name: 'headers', out, baseUrl: first.baseUrl, model: { headers } }),
    );

  it('refuses an added header before sending, naming it and never a value', async () => {
    const out = join(dir, 'header-added');
    await runEvaluation(withHeaders(out, { 'x-proxy-token': TOKEN }));
    const before = first.stats().completions;
    const error = await refusalOf(
      runEvaluation(
        withHeaders(out, { 'x-proxy-token': TOKEN, 'X-Assay-Fault': 'status=500;rate=1' }),
      ),
    );
    expect(error.code).toBe('IDENTITY_CHANGED');
    expect(error.message).toContain(
      `model 'nb' (headers.x-assay-fault added) with ${SMALL_RUN_ITEMS} answers from the old one`,
    );
    expect(error.path).toBe('models[0].headers.x-assay-fault');
    expect(error.message).not.toContain('status=500');
    expect(error.message).not.toContain(TOKEN);
    expect(first.stats().completions).toBe(before);
  });

  it('refuses a changed header value, and the journal holds no header value', async () => {
    const out = join(dir, 'header-changed');
    await runEvaluation(withHeaders(out, { 'x-proxy-token': TOKEN, 'x-route': 'pool-a' }));
    const error = await refusalOf(
      runEvaluation(withHeaders(out, { 'x-proxy-token': TOKEN, 'x-route': 'pool-b' })),
    );
    expect(error.message).toContain("model 'nb' (headers.x-route changed)");
    expect(error.message).not.toContain('pool-');
    expect(readFileSync(join(out, 'journal.sqlite')).includes(TOKEN)).toBe(false);
  });

  it('refuses a changed value shaped like a key under a header not named like a credential', async () => {
    // a checkpoint id and a fault setting, each 20 characters or more with digits
    const out = join(dir, 'header-key-shaped');
    const version = 'ckpt-20240806-a1b2c3d4e5';
    await runEvaluation(withHeaders(out, { 'x-model-version': version }));
    const error = await refusalOf(
      runEvaluation(withHeaders(out, { 'x-model-version': 'ckpt-20240901-f6e5d4c3b2' })),
    );
    expect(error.code).toBe('IDENTITY_CHANGED');
    expect(error.message).toContain("model 'nb' (headers.x-model-version changed)");
    expect(error.message).toContain(
      'A changed header that holds a renewed credential (the answers are the same) belongs in headersFromEnv',
    );
    expect(error.message).not.toContain('ckpt-');
    expect(readFileSync(join(out, 'journal.sqlite')).includes(version)).toBe(false);
    const fault = join(dir, 'header-fault-setting');
    await runEvaluation(withHeaders(fault, { 'x-assay-fault': 'latency=1;status=503;rate=0.01' }));
    const changed = await refusalOf(
      runEvaluation(withHeaders(fault, { 'x-assay-fault': 'latency=1;status=500;rate=1.00' })),
    );
    expect(changed.message).toContain("model 'nb' (headers.x-assay-fault changed)");
  });

  it('resumes after a renewed token: a credential header is recorded by its presence, as the key is not at all', async () => {
    const out = join(dir, 'header-renewed');
    await runEvaluation(withHeaders(out, { 'x-proxy-token': TOKEN }));
    const before = first.stats().completions;
    const renewed = await runEvaluation(withHeaders(out, { 'x-proxy-token': 'tok-OTHER-112233' }));
    expect(renewed.models[0]!.service).toMatchObject({
      sentThisRun: 0,
      resumedFromJournal: SMALL_RUN_ITEMS,
    });
    expect(first.stats().completions).toBe(before);
    // its removal is still a change: a service that needed it answers otherwise without it
    const error = await refusalOf(runEvaluation(withHeaders(out, {})));
    expect(error.message).toContain("model 'nb' (headers.x-proxy-token removed)");
  });

  it('reads a credential header hashed by an older journal as the same header', () => {
    const base = { ...smallRunConfig('unused', 'http://127.0.0.1:8080/v1').models[0]! };
    const recorded = endpointIdentity({ ...base, headers: { 'x-route': 'a' } });
    const hashedToken = { ...recorded, headers: { ...recorded.headers, authorization: 'ab12' } };
    const now = endpointIdentity({
      ...base,
      headers: { 'x-route': 'a', Authorization: 'Bearer x' },
    });
    expect(now.headers?.authorization).toBe('secret');
    expect(identityChanges(hashedToken, now)).toEqual([]);
  });

  it('resumes a journal written before headers were recorded, then refuses a later change', async () => {
    const out = join(dir, 'header-legacy');
    await runEvaluation(withHeaders(out, {}));
    // as such a journal was written: an identity without `headers`
    const db = new Database(join(out, 'journal.sqlite'));
    const { identity } = db.prepare('SELECT identity FROM identities').get() as {
      identity: string;
    };
    const { headers: _headers, ...legacy } = JSON.parse(identity) as Record<string, unknown>;
    db.prepare('UPDATE identities SET identity = ?').run(JSON.stringify(legacy));
    db.close();
    const resumed = await runEvaluation(withHeaders(out, { 'x-proxy-token': TOKEN }));
    expect(resumed.models[0]!.service).toMatchObject({
      sentThisRun: 0,
      resumedFromJournal: SMALL_RUN_ITEMS,
    });
    const error = await refusalOf(runEvaluation(withHeaders(out, {})));
    expect(error.message).toContain("model 'nb' (headers.x-proxy-token removed)");
  });
});

describe('endpoint identity', () => {
  const model = smallRunConfig('unused', 'http://127.0.0.1:8080/v1').models[0]!;
  const changes = (a: Partial<ModelConfig>, b: Partial<ModelConfig>): string[] =>
    identityChanges(endpointIdentity({ ...model, ...a }), endpointIdentity({ ...model, ...b })).map(
      describeChange,
    );

  it('compares base URLs in one spelling', () => {
    expect(changes({ baseUrl: 'HTTP://127.0.0.1:8080/v1/' }, {})).toEqual([]);
  });

  it('names every changed field, unset ones too', () => {
    expect(
      changes({ params: { temperature: 0 } }, { params: { temperature: 0.7, seed: 3 } }),
    ).toEqual(['params.temperature 0 → 0.7', 'params.seed (unset) → 3']);
    expect(changes({}, { provider: 'openai-completions', model: 'other' })).toEqual([
      'provider openai-chat → openai-completions',
      'model assay-spam-nb → other',
    ]);
  });

  it('compares header names in any case and never shows a header value', () => {
    expect(changes({ headers: { 'X-Team': 'a' } }, { headers: { 'x-team': 'a' } })).toEqual([]);
    expect(
      changes({ headers: { 'x-team': 'a', 'x-old': '1' } }, { headers: { 'x-team': 'b' } }),
    ).toEqual(['headers.x-team changed', 'headers.x-old removed']);
  });
});
