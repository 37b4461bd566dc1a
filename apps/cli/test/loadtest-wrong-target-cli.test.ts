import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { assay } from './cli-process.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-loadtest-served-'));
let server: ModelServer;

beforeAll(async () => {
  server = await startModelServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const warning =
  "asked for model 'nosuch', but the service says 'assay-spam-nb' answered 6 of 6 answers";

test('a --model that the service does not serve, answered by another model, is warned of in the table, the JSON, stderr and the HTML report', async () => {
  // the built-in server answers any model id with its own
  const common = ['loadtest', '--base-url', server.baseUrl, '--model', 'nosuch'];
  const load = ['--concurrency', '2', '--requests', '6', '--warmup', '0s'];
  const table = await assay([...common, ...load]);
  expect(table.code).toBe(0);
  expect(table.stdout).toContain(warning);
  const report = join(dir, 'lt.html');
  const json = await assay([...common, ...load, '--format', 'json', '--report', report]);
  expect(json.code).toBe(0);
  expect(JSON.parse(json.stdout).servedModelMismatch).toEqual({
    asked: 'nosuch',
    served: { 'assay-spam-nb': 6 },
  });
  expect(json.stderr).toContain(warning);
  expect(readFileSync(report, 'utf8')).toContain('asked for model &#39;nosuch&#39;');
  const markdown = await assay([...common, ...load, '--format', 'md']);
  expect(markdown.code).toBe(0);
  expect(markdown.stdout).toContain(warning);
  // the id the service serves: no word of it
  const right = await assay([
    'loadtest',
    '--base-url',
    server.baseUrl,
    '--model',
    'assay-spam-nb',
    ...load,
  ]);
  expect(right.code).toBe(0);
  expect(right.stdout).not.toContain('asked for model');
  expect(right.stderr).not.toContain('asked for model');
}, 60_000);

test('every request answered 404 fails the run, naming the URL to try and the model', async () => {
  const root = server.baseUrl.replace(/\/v1$/, '');
  const load = ['--concurrency', '2', '--requests', '4', '--warmup', '0s'];
  const missing = await assay([
    'loadtest',
    '--base-url',
    root,
    '--model',
    'assay-spam-nb',
    ...load,
  ]);
  expect(missing.code).toBe(3);
  expect(missing.stderr).toContain(
    `run failed: no request succeeded: all 4 were answered 404 Not Found: the service serves no API under ${root}, or no model 'assay-spam-nb'; check --base-url (OpenAI-compatible servers usually serve under /v1: ${root}/v1), and --model (GET <base-url>/models lists the models an OpenAI-compatible service serves).`,
  );
  // /v1 goes into the path, before a query
  const query = await assay(['loadtest', '--base-url', `${root}/?x=1`, '--model', 'm', ...load]);
  expect(query.stderr).toContain(`usually serve under /v1: ${root}/v1?x=1)`);
  // a versioned URL is not told to add another /v1; an unknown model at the right URL (vLLM
  // and OpenAI answer it 404) gets --model named
  const notFound = await startModelServer({
    port: 0,
    faults: { failure: { kind: 'status', status: 404 }, rate: 1 },
  });
  try {
    const model = await assay([
      'loadtest',
      '--base-url',
      notFound.baseUrl,
      '--model',
      'nosuch',
      ...load,
    ]);
    expect(model.code).toBe(3);
    expect(model.stderr).toContain(
      `serves no API under ${notFound.baseUrl}, or no model 'nosuch'; check --base-url: it should be the URL the service serves its API under, and --model`,
    );
  } finally {
    await notFound.close();
  }
}, 60_000);
