import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dryRun, parseRunConfig, runEvaluation } from '../src/index.js';
import { refusalOf, spamRunDocument } from './small-run.js';

/*
 * A threshold on a latency percentile's interval end that the run's planned requests cannot
 * give an end ends as an ERROR whatever the service answers: found before the first request.
 */
let dir: string;
let server: ModelServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-gate-sizes-'));
  server = await startModelServer({ port: 0 });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

function config(
  name: string,
  thresholds: string[],
  limit: number,
  evaluation: Record<string, unknown> = { bootstrap: 20 },
) {
  return parseRunConfig({
    ...spamRunDocument({ name, out: join(dir, name), baseUrl: server.baseUrl, limit, evaluation }),
    thresholds,
  });
}

const P95 =
  "thresholds[1] 'p95_latency_ms.ci_high <= 600000' cannot be checked: model nb has 40 requests planned, and the upper 95% bound of p95_latency_ms exists only from 72 timed requests, so the threshold would end as an ERROR and fail the run after every request was paid for. Plan at least 72 requests (more items: dataset.limit), or gate the point value (p95_latency_ms <= 600000).";

describe('a latency gate the planned requests cannot check', () => {
  it('is refused before any request, naming the threshold, the planned count and the count needed', async () => {
    const before = server.stats().completions;
    const error = await refusalOf(
      runEvaluation(
        config('refused', ['accuracy >= 0.5', 'p95_latency_ms.ci_high <= 600000'], 40),
        {
          uncheckableGates: 'refuse',
        },
      ),
    );
    expect(error.code).toBe('INVALID_CONFIG');
    expect(error.path).toBe('thresholds[1]');
    expect(error.message).toBe(`The run was not started, and no request was sent: ${P95}`);
    expect(server.stats().completions).toBe(before);
    expect(existsSync(join(dir, 'refused', 'journal.sqlite'))).toBe(false);
  });

  it('needs the count at which the interval read after the run has that end: a p90 upper end from 36', async () => {
    const gate = 'p90_latency_ms.ci_high <= 600000';
    const short = await refusalOf(
      runEvaluation(config('p90-35', [gate], 35), { uncheckableGates: 'refuse' }),
    );
    expect(short.message).toContain(
      'model nb has 35 requests planned, and the upper 95% bound of p90_latency_ms exists only from 36 timed requests',
    );
    const enough = await runEvaluation(config('p90-36', [gate], 36), {
      uncheckableGates: 'refuse',
    });
    const t = enough.thresholds[0]!;
    expect(t.ciHigh).not.toBeNull();
    expect(t.outcome).toBe('pass');
  }, 60_000);

  it('counts distinct requests: repeats of a zero-shot prompt are sent once', async () => {
    const repeated = config('repeats', ['p95_latency_ms.ci_high <= 600000'], 40, {
      method: 'repeated-stratified',
      k: 2,
      repeats: 3,
      bootstrap: 20,
    });
    const error = await refusalOf(runEvaluation(repeated, { uncheckableGates: 'refuse' }));
    expect(error.message).toContain('model nb has 40 requests planned');
    expect((await dryRun(repeated)).models[0]!.requests).toBe(40);
  });

  it('is warned of by default before the first request, and ends as the ERROR announced', async () => {
    const notes: { message: string; completions: number }[] = [];
    const before = server.stats().completions;
    const results = await runEvaluation(
      config('warned', ['accuracy >= 0.5', 'p95_latency_ms.ci_high <= 600000'], 40),
      { onNote: (message) => notes.push({ message, completions: server.stats().completions }) },
    );
    expect(notes).toEqual([{ message: P95, completions: before }]);
    expect(results.warnings).toContain(P95);
    const t = results.thresholds[1]!;
    expect(t.outcome).toBe('error');
    // the reason after the run names the same count as the warning before it
    expect(t.reason).toMatch(/needs at least 72 timed requests/);
  }, 60_000);

  it('is in the warnings of a dry run, which sends nothing', async () => {
    const before = server.stats().completions;
    const report = await dryRun(
      config('dry', ['accuracy >= 0.5', 'p95_latency_ms.ci_high <= 600000'], 40),
    );
    expect(report.warnings).toContain(P95);
    expect(server.stats().completions).toBe(before);
  });

  it('names every model short of requests, and leaves a lower end that 40 requests give alone', async () => {
    const doc = spamRunDocument({ name: 'two', out: join(dir, 'two'), baseUrl: server.baseUrl });
    const nb = (doc.models as Record<string, unknown>[])[0]!;
    const error = await refusalOf(
      runEvaluation(
        parseRunConfig({
          ...doc,
          models: [nb, { ...nb, name: 'nb2' }],
          thresholds: ['p95_latency_ms.ci_low >= 1', 'p99_latency_ms.ci_high <= 600000'],
        }),
        { uncheckableGates: 'refuse' },
      ),
    );
    expect(error.path).toBe('thresholds[1]');
    expect(error.message).toContain(
      "thresholds[1] 'p99_latency_ms.ci_high <= 600000' cannot be checked: models nb, nb2 each have 40 requests planned, and the upper 95% bound of p99_latency_ms exists only from 368 timed requests",
    );
    expect(error.message).not.toContain('thresholds[0]');
  });
});
