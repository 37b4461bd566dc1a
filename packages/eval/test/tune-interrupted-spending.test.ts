import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EvaluationError, runTune, tuneSetup, writeTuneOutputs } from '../src/index.js';
import { paidInJournal } from '../src/tune/paid-requests.js';
import { tuneDoc } from './support/tune-doc.js';

let server: ModelServer;
let dir: string;
beforeAll(async () => {
  // slow enough answers that the second evaluation is stopped partway, with answers journaled
  server = await startModelServer({ port: 0, faults: { latency: { kind: 'fixed', ms: 20 } } });
  dir = mkdtempSync(join(tmpdir(), 'assay-tune-interrupted-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a search interrupted partway through an evaluation', () => {
  it("counts the stopped evaluation's journaled requests and their cost in tune.json's spent", async () => {
    const out = join(dir, 'stopped');
    const setup = await tuneSetup(
      tuneDoc({
        name: 'tune-interrupted',
        baseUrl: server.baseUrl,
        out,
        limit: 150,
        model: { concurrency: { max: 2 }, price: { inputPerMTok: 0.15, outputPerMTok: 0.6 } },
        search: {
          space: { 'prompt.maxFieldChars': [150, 2000] },
          metric: 'f1_macro',
          strategy: 'grid',
          budget: { requests: 1000 },
        },
      }),
      dir,
    );
    const controller = new AbortController();
    let firstSent = 0;
    const error = await runTune(setup, {
      signal: controller.signal,
      onEvaluation: (e) => {
        // stop the next evaluation once it has some answers journaled (as a double Ctrl-C does)
        firstSent = e.sent;
        const from = server.stats().completions;
        const poll = setInterval(() => {
          if (server.stats().completions < from + 20) return;
          clearInterval(poll);
          controller.abort();
        }, 5);
      },
      onStop: async (r) => {
        await writeTuneOutputs(setup, r);
      },
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EvaluationError);
    const folders = readdirSync(join(out, 'candidates'));
    const paid = folders.map((f) => paidInJournal(join(out, 'candidates', f), 'nb'));
    const journaled = paid.reduce((a, p) => a + p.requests, 0);
    // the stopped evaluation paid for some of its requests, not all
    expect(journaled).toBeGreaterThan(firstSent);
    expect(journaled).toBeLessThan(2 * firstSent);
    const json = JSON.parse(readFileSync(join(out, 'tune.json'), 'utf8'));
    expect(json.finished).toBe(false);
    expect(json.spent.sent).toBe(journaled);
    const cost = paid.reduce((a, p) => a + (p.costUsd ?? 0), 0);
    expect(json.spent.costUsd).toBeCloseTo(cost, 10);
  }, 120_000);
});
