import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { assay } from './cli-process.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-loadtest-warmup-'));
const prompts = join(dir, 'prompts.csv');
writeFileSync(prompts, 'text\nfirst mail\nsecond mail\nthird mail\n');
let server: ModelServer;

beforeAll(async () => {
  server = await startModelServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a warm-up that asks the items then measured is warned of in the table and on stderr with JSON', async () => {
  // three prompts, a second of warm-up at one in flight and five measured requests: both ask
  // every item, so a prompt cache would answer the measured ones warm
  const args = ['loadtest', '--base-url', server.baseUrl, '--model', 'assay-spam-nb'];
  const common = [...args, '--concurrency', '1', '--requests', '5', '--warmup', '1s'];
  const workload = ['--dataset', prompts, '--prompt-column', 'text'];
  const table = await assay([...common, ...workload]);
  expect(table.code).toBe(0);
  expect(table.stdout).toMatch(
    /Warning: warm-up requests asked items that the measured requests then asked \(step 0: \d+ warm-up \+ 5 measured requests over 3 items, 3 items asked by both\)/,
  );
  const json = await assay([...common, ...workload, '--format', 'json']);
  expect(json.code).toBe(0);
  expect(JSON.parse(json.stdout).warmupOverlap).toMatchObject({
    measuredRequests: 5,
    workloadItems: 3,
    sharedItems: 3,
  });
  expect(json.stderr).toContain(
    'warm-up requests asked items that the measured requests then asked',
  );
});
