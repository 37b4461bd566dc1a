import { type ModelServer, startModelServer, trainSpamModel } from '@assay/model-server';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadDatasetWorkload, loadtestHtml, resolveLoadTest, runLoadTest } from '../src/index.js';

const workload = await loadDatasetWorkload('builtin:spam-assassin');
let server: ModelServer;
beforeAll(async () => {
  server = await startModelServer({
    model: trainSpamModel(),
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
});
