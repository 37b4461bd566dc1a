import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dryRun, parseRunConfig, runEvaluation } from '../src/index.js';
import { refusalOf, spamRunDocument } from './small-run.js';

/*
 * A Wilson gate that even the best outcome of the planned count fails, and a TTFT or TPOT gate
 * on a model that is not streamed, end badly whatever the service answers: found before the
 * first request, as a percentile end the requests cannot bound is.
 */
let dir: string;
let server: ModelServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-unpassable-gates-'));
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
  parts: { evaluation?: Record<string, unknown>; model?: Record<string, unknown> } = {},
) {
  return parseRunConfig({
    ...spamRunDocument({ name, out: join(dir, name), baseUrl: server.baseUrl, limit, ...parts }),
    thresholds,
  });
}

const ERROR_RATE =
  "thresholds[1] 'error_rate.ci_high <= 0.02' cannot pass: model nb has 40 requests planned, and even with none failed the upper 95% bound of error_rate (Wilson) would be 0.08762 there, not <= 0.02, so the threshold would fail, and the run with it, after every request was paid for, whatever the service answers. Plan at least 189 requests (more items: dataset.limit), the fewest at which a run with none failed passes, or gate the point value (error_rate <= 0.02).";

const ACCURACY =
  "thresholds[0] 'accuracy.ci_low >= 0.95' cannot pass: model nb has 40 items planned, and even with every one right the lower 95% bound of accuracy (Wilson) would be 0.9124 there, and with any answer wrong its bootstrap lower end would be at most 0.925, neither >= 0.95, so the threshold would fail, and the run with it, after every request was paid for, whatever the service answers. Plan at least 73 items (more items: dataset.limit), the fewest at which a run with every one right passes, or gate the point value (accuracy >= 0.95).";

const TTFT =
  "thresholds[0] 'p50_ttft_ms <= 600000' cannot be checked: model nb is not streamed (models[0].streaming is false), so no request of this run is timed for p50_ttft_ms, and the threshold would end as an ERROR (p50_ttft_ms has no value) and fail the run after every request was paid for. Set models[0].streaming: true, or gate the end-to-end latency instead (p50_latency_ms <= 600000).";

describe('a rate gate no outcome of the planned requests can pass', () => {
  it('is refused before any request, naming the threshold, the count, the best bound and the count needed', async () => {
    const before = server.stats().completions;
    const error = await refusalOf(
      runEvaluation(config('rate', ['accuracy >= 0.5', 'error_rate.ci_high <= 0.02'], 40), {
        uncheckableGates: 'refuse',
      }),
    );
    expect(error.code).toBe('INVALID_CONFIG');
    expect(error.path).toBe('thresholds[1]');
    expect(error.message).toBe(`The run was not started, and no request was sent: ${ERROR_RATE}`);
    expect(server.stats().completions).toBe(before);
    expect(existsSync(join(dir, 'rate', 'journal.sqlite'))).toBe(false);
  });

  it('runs, and passes, from the count at which a run with none failed passes: 35 for 0.1', async () => {
    const gate = 'error_rate.ci_high <= 0.1';
    const short = await refusalOf(
      runEvaluation(config('rate-34', [gate], 34), { uncheckableGates: 'refuse' }),
    );
    expect(short.message).toContain(
      'model nb has 34 requests planned, and even with none failed the upper 95% bound of error_rate (Wilson) would be 0.1015 there',
    );
    expect(short.message).toContain('Plan at least 35 requests');
    const enough = await runEvaluation(config('rate-35', [gate], 35), {
      uncheckableGates: 'refuse',
    });
    expect(enough.thresholds[0]!.outcome).toBe('pass');
  }, 60_000);

  it('is warned of by default before the first request, and fails as announced', async () => {
    const notes: { message: string; completions: number }[] = [];
    const before = server.stats().completions;
    const results = await runEvaluation(
      config('rate-warned', ['accuracy >= 0.5', 'error_rate.ci_high <= 0.02'], 40),
      { onNote: (message) => notes.push({ message, completions: server.stats().completions }) },
    );
    expect(notes).toEqual([{ message: ERROR_RATE, completions: before }]);
    expect(results.warnings).toContain(ERROR_RATE);
    const t = results.thresholds[1]!;
    expect(t.outcome).toBe('fail');
    // the count after the run is the one the warning named before it
    expect(t.sizeNeeded).toMatchObject({ unit: 'requests', had: 40, needed: 189 });
  }, 60_000);

  it('counts predictions for unparseable_rate, and names every gate in threshold order', async () => {
    const error = await refusalOf(
      runEvaluation(
        config('both', ['unparseable_rate.ci_high < 0.05', 'p95_latency_ms.ci_high <= 1'], 40),
        { uncheckableGates: 'refuse' },
      ),
    );
    expect(error.path).toBe('thresholds[0]');
    expect(error.message).toContain(
      "thresholds[0] 'unparseable_rate.ci_high < 0.05' cannot pass: model nb has 40 predictions planned, and even with none unparseable the upper 95% bound of unparseable_rate (Wilson) would be 0.08762 there, not < 0.05",
    );
    expect(error.message.indexOf('thresholds[0]')).toBeLessThan(
      error.message.indexOf("thresholds[1] 'p95_latency_ms.ci_high <= 1' cannot be checked"),
    );
  });
});

describe('an accuracy gate no outcome of the planned items can pass', () => {
  it('is refused when neither a perfect run (Wilson) nor one with a wrong answer (bootstrap) reaches it', async () => {
    const before = server.stats().completions;
    const error = await refusalOf(
      runEvaluation(config('accuracy', ['accuracy.ci_low >= 0.95'], 40), {
        uncheckableGates: 'refuse',
      }),
    );
    expect(error.path).toBe('thresholds[0]');
    expect(error.message).toBe(`The run was not started, and no request was sent: ${ACCURACY}`);
    expect(server.stats().completions).toBe(before);
  });

  it('is not refused where a run with one wrong answer could pass, though a perfect one fails', async () => {
    // 65 items: 65 of 65 right gives a Wilson lower end of 0.944; 64 of 65 resamples to ~0.954
    const run = await runEvaluation(config('accuracy-65', ['accuracy.ci_low >= 0.95'], 65), {
      uncheckableGates: 'refuse',
    });
    expect(run.thresholds[0]!.outcome).not.toBe('error');
  }, 60_000);

  it('is not refused with too few resamples to bound a run with a wrong answer', async () => {
    const gate = ['accuracy.ci_low >= 0.95'];
    const report = await dryRun(config('accuracy-20', gate, 40, { evaluation: { bootstrap: 20 } }));
    expect(report.warnings.join('\n')).not.toContain('cannot pass');
    expect((await dryRun(config('accuracy-dry', gate, 40))).warnings).toContain(ACCURACY);
  });

  it('is left to the confidence sequence under evaluation.stop', async () => {
    const stop = { stop: { when: 'ci_width(accuracy) <= 0.5', minItems: 10 } };
    const report = await dryRun(
      config('accuracy-stop', ['accuracy.ci_low >= 0.95'], 40, { evaluation: stop }),
    );
    expect(report.warnings.join('\n')).not.toContain('cannot pass');
  });
});

describe('a TTFT or TPOT gate on a model that is not streamed', () => {
  it('is refused before any request, saying why and what would work', async () => {
    const before = server.stats().completions;
    const error = await refusalOf(
      runEvaluation(config('ttft', ['p50_ttft_ms <= 600000', 'p95_tpot_ms.ci_high <= 50'], 40), {
        uncheckableGates: 'refuse',
      }),
    );
    expect(error.path).toBe('thresholds[0]');
    expect(error.message).toContain(TTFT);
    // the TPOT gate's sentence only, not also the size rule's "plan at least 72 requests"
    expect(error.message).toContain(
      "thresholds[1] 'p95_tpot_ms.ci_high <= 50' cannot be checked: model nb is not streamed (models[0].streaming is false), so no request of this run is timed for p95_tpot_ms, and the threshold would end as an ERROR (p95_tpot_ms has no value) and fail the run after every request was paid for. Set models[0].streaming: true, or gate the end-to-end latency instead (p95_latency_ms).",
    );
    expect(error.message).not.toContain('timed requests');
    expect(server.stats().completions).toBe(before);
  });

  it('ends as the ERROR announced when only warned of, and runs once streamed', async () => {
    const warned = await runEvaluation(config('ttft-warned', ['p50_ttft_ms <= 600000'], 12));
    expect(warned.warnings).toContain(TTFT);
    expect(warned.thresholds[0]).toMatchObject({
      outcome: 'error',
      reason:
        'p50_ttft_ms has no value in this run: none of the 12 answers has a time to first token (an answer has one only when it was streamed)',
    });
    // streaming turned on over the finished run: every answer is resumed from the one that
    // did not stream, and the reason says so
    const resumed = await runEvaluation(
      config('ttft-warned', ['p50_ttft_ms <= 600000'], 12, { model: { streaming: true } }),
    );
    expect(resumed.models[0]!.service.resumedFromJournal).toBe(12);
    expect(resumed.thresholds[0]!.reason).toBe(
      'p50_ttft_ms has no value in this run: none of the 12 answers has a time to first token (an answer has one only when it was streamed; 12 were resumed from the journal of an earlier run, which did not measure it: run with --fresh, or another --output, to measure it)',
    );
    // a cache file of the config's own, filled without streaming: another --output is no remedy
    const shared = (name: string, streaming: boolean) =>
      parseRunConfig({
        ...spamRunDocument({
          name,
          out: join(dir, name),
          baseUrl: server.baseUrl,
          limit: 12,
          model: { streaming },
        }),
        cache: join(dir, 'ttft-shared-cache.sqlite'),
        thresholds: ['p50_ttft_ms <= 600000'],
      });
    await runEvaluation(shared('ttft-cache-fill', false));
    const fromCache = await runEvaluation(shared('ttft-cache-read', true));
    expect(fromCache.models[0]!.service.cachedThisRun).toBe(12);
    expect(fromCache.thresholds[0]!.reason).toBe(
      'p50_ttft_ms has no value in this run: none of the 12 answers has a time to first token (an answer has one only when it was streamed; 12 came from the response cache, filled by a run, which did not measure it: run with --fresh and a `cache` file of its own (or delete the one it has) to measure it)',
    );
    const streamed = await runEvaluation(
      config('ttft-streamed', ['p50_ttft_ms <= 600000'], 12, { model: { streaming: true } }),
      { uncheckableGates: 'refuse' },
    );
    expect(streamed.warnings ?? []).not.toContain(TTFT);
    expect(streamed.thresholds[0]!.outcome).toBe('pass');
  }, 60_000);

  it('names the stream path an http-json model lacks, in a dry run too', async () => {
    const report = await dryRun(
      config('http-json', ['p95_ttft_ms <= 500'], 40, {
        model: {
          provider: 'http-json',
          streaming: true,
          template: { prompt: '{{prompt}}', stream: '{{stream}}' },
          paths: { text: '$.text' },
        },
      }),
    );
    expect(report.warnings).toContain(
      "thresholds[0] 'p95_ttft_ms <= 500' cannot be checked: model nb is not streamed (provider http-json without models[0].paths.streamText, so each answer is read as one JSON body), so no request of this run is timed for p95_ttft_ms, and the threshold would end as an ERROR (p95_ttft_ms has no value) and fail the run after every request was paid for. Set models[0].paths.streamText (the JSON path of the text in each server-sent event), or gate the end-to-end latency instead (p95_latency_ms <= 500).",
    );
  });
});
