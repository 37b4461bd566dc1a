import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dryRun, parseRunConfig, runEvaluation } from '../src/index.js';
import { spamRunDocument } from './small-run.js';

let dir: string;
let server: ModelServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-credential-headers-'));
  server = await startModelServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const LIVE_KEY = 'sk-live-0123456789abcdefABCDEF';
const withHeaders = (name: string, model: Record<string, unknown>) =>
  parseRunConfig(spamRunDocument({ name, out: join(dir, name), baseUrl: server.baseUrl, model }));

describe('a credential written into models[].headers', () => {
  it('is warned of in the results, naming the header and apiKeyEnv, never the value', async () => {
    const results = await runEvaluation(
      withHeaders('auth-header', { headers: { Authorization: `Bearer ${LIVE_KEY}` } }),
    );
    const warning = results.warnings?.find((w) => w.includes('headers.Authorization'));
    expect(warning).toBe(
      'models[0].headers.Authorization holds a credential in the configuration file itself (its value is not shown): assay keeps header values out of its caches, journal, results and messages, but the file carries the secret wherever it is committed or shared, which is why apiKey is refused there; put the key in an environment variable and name it in models[0].apiKeyEnv (sent as this header), then remove the header.',
    );
    expect(readFileSync(join(dir, 'auth-header', 'results.json'), 'utf8')).not.toContain(LIVE_KEY);
  }, 60_000);

  it('is warned of by the dry run too: a token header named like one, or any header holding a key', async () => {
    const report = await dryRun(
      withHeaders('proxy-header', {
        headers: {
          'x-proxy-token': 'tok-SECRETHEADER-998877',
          'x-route': LIVE_KEY,
          // a setting of 20 characters and more with digits is no key
          'x-assay-fault': 'status=503;rate=0.2;latency=100',
        },
      }),
    );
    const about = report.warnings.filter((w) => w.includes('holds a credential'));
    expect(about.map((w) => w.slice(0, w.indexOf(' holds')))).toEqual([
      'models[0].headers.x-proxy-token',
      'models[0].headers.x-route',
    ]);
    expect(about[0]).toContain(
      "move it to models[0].headersFromEnv: { x-proxy-token: SOME_ENV_VAR } and export that variable with the header's value, so that it is read from the environment and never written in the file.",
    );
    expect(about.join(' ')).not.toContain('SECRETHEADER');
    expect(about.join(' ')).not.toContain(LIVE_KEY);
  });

  it('an http-json model is told to read a header other than its key header from the environment', async () => {
    const report = await dryRun(
      parseRunConfig({
        ...spamRunDocument({ name: 'http-json', out: join(dir, 'hj'), baseUrl: server.baseUrl }),
        models: [
          {
            name: 'nb',
            provider: 'http-json',
            baseUrl: server.baseUrl,
            model: 'assay-spam-nb',
            template: { prompt: '{{prompt}}' },
            paths: { text: '$.text' },
            headers: { 'X-Gateway-Key': 'abc' },
          },
        ],
      }),
    );
    expect(report.warnings).toContainEqual(
      expect.stringContaining(
        'move it to models[0].headersFromEnv: { X-Gateway-Key: SOME_ENV_VAR } and export that variable',
      ),
    );
  });

  it('is not warned of once it comes from the environment (headersFromEnv)', async () => {
    const report = await dryRun(
      withHeaders('from-env', { headersFromEnv: { 'x-proxy-token': 'ASSAY_TEST_PROXY_TOKEN' } }),
      { env: { ASSAY_TEST_PROXY_TOKEN: 'tok-SECRETHEADER-998877' } },
    );
    expect(report.warnings.filter((w) => w.includes('holds a credential'))).toEqual([]);
  });
});
