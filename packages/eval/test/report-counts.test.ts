import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { markdownReport, RunResultsSchema } from '@assay/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeRun, parseRunConfig, summarizeRun } from '../src/index.js';
import type { PredictionRow } from '../src/run/prediction-row.js';
import { ordersPerItem } from '../src/summary/model-result.js';
import { modelSlices } from '../src/summary/model-slices.js';
import { spamRunDocument } from './small-run.js';
import { predictionRow } from './support/prediction-row.js';

/** A prediction row of item `id` in group `g`, asked in choice order `permutation`. */
function row(
  id: string,
  g: string,
  parsed: string | null,
  permutation?: number,
  fold = 0,
): PredictionRow {
  return predictionRow(id, {
    fold,
    ...(permutation === undefined ? {} : { permutation }),
    promptHash: 'h',
    group: g,
    expected: '10',
    rawAnswer: parsed,
    parsed,
    outcome: parsed === null ? 'unparseable' : 'wrong',
    correct: parsed === null ? false : parsed === '10',
    e2eMs: 5,
  });
}

describe('counts the reports need beside n', () => {
  it('gives each slice its distinct items, and a regression slice its rows without a number', () => {
    // item a asked twice (two samples or orders), b once without a number
    const rows = [row('a', 'g', '11', 0), row('a', 'g', '12', 1), row('b', 'g', null, 0)];
    expect(modelSlices(rows, true)).toEqual([
      {
        group: 'g',
        n: 3,
        items: 2,
        accuracy: 0,
        errors: 0,
        meanAbsoluteError: 1.5,
        withoutNumber: 1,
      },
    ]);
    expect(modelSlices(rows, false)[0]).not.toHaveProperty('withoutNumber');
    expect(modelSlices(rows, false)[0]?.items).toBe(2);
  });

  it('counts the choice orders an item was actually asked in, per fold', () => {
    // two-choice items: permutations 5 asks for 5 extra orders, only 1 other exists
    const rows = [row('a', 'g', 'x', 0), row('a', 'g', 'x', 1), row('b', 'g', 'x', 0)];
    rows.push(row('b', 'g', 'x', 1), row('b', 'g', 'x', 1, 1), row('c', 'g', 'x', 0));
    expect(ordersPerItem(rows)).toEqual({ min: 1, max: 2 });
    expect(ordersPerItem([])).toBeNull();
  });
});

describe('a timeseries run', () => {
  let server: ModelServer;
  let dir: string;

  beforeAll(async () => {
    server = await startModelServer({ port: 0 });
    dir = mkdtempSync(join(tmpdir(), 'assay-report-counts-'));
  });

  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says how many items were tested: its first block only trains', async () => {
    const config = parseRunConfig(
      spamRunDocument({
        name: 'ts',
        out: join(dir, 'ts'),
        baseUrl: server.baseUrl,
        evaluation: { method: 'timeseries', k: 3, bootstrap: 20 },
      }),
    );
    const results = RunResultsSchema.parse(await summarizeRun(await executeRun(config)));
    const tested = results.dataset.tested!;
    expect(results.dataset.items).toBe(40);
    expect(tested).toBeLessThan(40);
    expect(tested).toBe(results.models[0]!.items.total);
    const dataset = markdownReport(results)
      .split('\n')
      .find((l) => l.startsWith('Dataset '));
    expect(dataset).toMatch(new RegExp(`^Dataset \\*\\*.*\\*\\*: 40 items, ${tested} tested \\(`));
  }, 60_000);
});
