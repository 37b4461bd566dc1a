import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type LoadTestResult,
  loadDatasetWorkload,
  loadtestHtml,
  resolveLoadTest,
  runLoadTest,
  servedModelMismatch,
  servedModelNote,
} from '../src/index.js';

const workload = await loadDatasetWorkload('builtin:spam-assassin');
let server: ModelServer;
beforeAll(async () => {
  server = await startModelServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
});

function run(model: string, load: { concurrency: number } | { sweep: number; slo: string }) {
  const resolved = resolveLoadTest({
    baseUrl: server.baseUrl,
    model,
    requests: 12,
    warmupMs: 0,
    ...load,
  });
  return runLoadTest(resolved, { workload });
}

describe('the model the service says answered', () => {
  test('a misspelt model id that the service answers anyway is named, with every answer counted', async () => {
    const { result, records } = await run('nosuch', { concurrency: 3 });
    expect(result.requests.completed).toBe(12);
    expect(result.servedModelMismatch).toEqual({
      asked: 'nosuch',
      served: { 'assay-spam-nb': 12 },
    });
    const note = servedModelNote(result)!;
    expect(note).toContain("asked for model 'nosuch'");
    expect(note).toContain("'assay-spam-nb' answered 12 of 12 answers");
    // the HTML report says it too, escaped
    expect(loadtestHtml(result, records)).toContain('asked for model &#39;nosuch&#39;');
  }, 60_000);

  test('the model asked for answering leaves no mismatch and no note', async () => {
    const { result } = await run('assay-spam-nb', { concurrency: 3 });
    expect(result.requests.completed).toBe(12);
    expect(result.servedModelMismatch).toBeUndefined();
    expect(servedModelNote(result)).toBeUndefined();
  }, 60_000);

  test('a multi-step run counts the answers of every step', async () => {
    const { result } = await run('nosuch', { sweep: 1, slo: 'e2e_p99<=5000' });
    const completed = result.steps!.reduce((a, s) => a + s.requests.completed, 0);
    expect(result.servedModelMismatch?.served['assay-spam-nb']).toBe(completed);
  }, 120_000);

  test('a dated version of the id asked for is the same model; other ids are named, most first', () => {
    expect(servedModelMismatch('gpt-4o', new Map([['gpt-4o-2024-08-06', 5]]))).toBeUndefined();
    const mixed = servedModelMismatch(
      'gpt-4o',
      new Map([
        ['gpt-4o-2024-08-06', 2],
        ['gpt-4o-mini', 7],
      ]),
    );
    expect(Object.keys(mixed!.served)).toEqual(['gpt-4o-mini', 'gpt-4o-2024-08-06']);
    // the note reads the mismatch only
    const note = servedModelNote({ servedModelMismatch: mixed } as LoadTestResult)!;
    expect(note).toContain("'gpt-4o-mini' answered 7 of 9 answers");
    expect(note).not.toContain("'gpt-4o-2024-08-06' answered");
  });
});
