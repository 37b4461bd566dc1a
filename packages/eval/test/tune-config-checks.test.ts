import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EvaluationError, runTune, tuneSetup } from '../src/index.js';
import { estimatedRequests } from '../src/tune/search-warnings.js';
import { tuneDoc } from './support/tune-doc.js';

let server: ModelServer;
let dir: string;
beforeAll(async () => {
  server = await startModelServer({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'assay-tune-checks-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function doc(name: string, search: Record<string, unknown>): Record<string, unknown> {
  return tuneDoc({
    name: 'tune-checks',
    baseUrl: server.baseUrl,
    out: join(dir, name),
    limit: 20,
    search: { space: { 'prompt.maxFieldChars': [300, 3000] }, metric: 'f1_macro', ...search },
  });
}

async function refused(search: Record<string, unknown>): Promise<EvaluationError> {
  const before = server.stats().completions;
  const error = await tuneSetup(doc('refused', search), dir)
    .then((setup) => runTune(setup))
    .then(
      () => null,
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(EvaluationError);
  expect(server.stats().completions).toBe(before);
  return error as EvaluationError;
}

describe('search.space paths that cannot be varied', () => {
  it.each([
    [
      'task.labels',
      [
        ['spam', 'ham'],
        ['spam', 'ok'],
      ],
    ],
    ['dataset.limit', [10, 20]],
    ['output.dir', ['x', 'y']],
    ['models[0].name', ['a', 'b']],
  ])(
    'refuses %s before any request, listing the paths that can be varied',
    async (path, values) => {
      const error = await refused({ space: { [path]: values } });
      expect(error.code).toBe('INVALID_CONFIG');
      expect(error.path).toBe(`search.space.${path}`);
      expect(error.message).toContain(`'${path}' cannot be varied`);
      expect(error.message).toMatch(/Vary paths under prompt .* and models\[0\]/);
    },
  );

  it('accepts the prompt and the model settings', async () => {
    const setup = await tuneSetup(
      doc('ok', {
        space: { 'prompt.maxFieldChars': [300], 'models[0].params.temperature': [0, 0.3] },
      }),
      dir,
    );
    expect(Object.keys(setup.space)).toHaveLength(2);
  });
});

describe('search.constraints', () => {
  it('names the constraint, not a candidate, when one is invalid', async () => {
    const error = await refused({ constraints: ['f1_macro >= 0.5', 'p95_latency <= 800'] });
    expect(error.path).toBe('search.constraints[1]');
    expect(error.message).toMatch(/search\.constraints\[1\]: unknown metric 'p95_latency'/);
    expect(error.message).not.toMatch(/candidate c0|search\.space/);
  });
});

describe('search.n and an unset budget', () => {
  it('refuses n under a strategy that does not draw candidates', async () => {
    for (const strategy of ['grid', 'successive-halving']) {
      const error = await refused({ strategy, n: 1 });
      expect(error.path).toBe('search.n');
      expect(error.message).toMatch(/only strategy random draws n candidates/);
    }
  });

  it('warns, before anything is sent, when random search scores every candidate and when no budget caps the search', async () => {
    for (const [n, said] of [
      [
        undefined,
        /search\.n is not given, so random search draws 10 candidates \(the default\), but the grid has only 2/,
      ],
      [50, /search\.n is 50, but the grid has only 2: every candidate is scored/],
    ] as const) {
      const warnings: string[] = [];
      let sentAtWarning = -1;
      const before = server.stats().completions;
      const setup = await tuneSetup(
        doc(`random-${n}`, { strategy: 'random', ...(n === undefined ? {} : { n }) }),
        dir,
      );
      const r = await runTune(setup, {
        onWarning: (w) => {
          warnings.push(w);
          sentAtWarning = server.stats().completions - before;
        },
      });
      expect(sentAtWarning).toBe(0);
      expect(warnings[0]).toMatch(said);
      // 16 tuning items of 2 candidates, 4 test items: the full grid, planned
      expect(warnings[1]).toBe(
        'search.budget is not set: the search runs without a limit and scores the full grid: a full grid asks 36 requests, sent or answered by the cache (every candidate on the 16 tuning items, then the winner on the 4 test items); set search.budget.requests or costUsd to cap it.',
      );
      expect(r.spent.sent + r.spent.cached).toBe(36);
      expect(r.warnings).toEqual(warnings);
    }
  }, 60_000);

  it('estimates the requests of each strategy, halving counting only the items a rung adds', async () => {
    const { search } = await tuneSetup(doc('estimate', {}), dir);
    expect(estimatedRequests({ ...search, strategy: 'grid' }, 9, 900, 100)).toBe(8200);
    // rungs 100, 300, 900 items for 9, 3, 1 candidates: 900 + 3 * 200 + 600
    expect(
      estimatedRequests({ ...search, strategy: 'successive-halving', minItems: 30 }, 9, 900, 100),
    ).toBe(900 + 600 + 600 + 100);
  });
});
