import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTune, type TuneResults, tuneSetup, writeTuneOutputs } from '../src/index.js';
import { tuneHtml } from '../src/tune/tune-html.js';
import { tuneDoc } from './support/tune-doc.js';

let server: ModelServer;
let dir: string;
beforeAll(async () => {
  server = await startModelServer({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'assay-tune-budget-advice-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The trial's search, smaller: six candidates halved over three rungs, a tuned threshold. */
function doc(budget: number): Record<string, unknown> {
  return tuneDoc({
    name: 'tune-budget-advice',
    baseUrl: server.baseUrl,
    out: join(dir, 'stopped'),
    limit: 200,
    model: {
      concurrency: { max: 8 },
      params: { maxTokens: 4, temperature: 0, logprobs: true, topLogprobs: 2 },
    },
    search: {
      space: {
        'prompt.template': [
          'Classify this e-mail as spam or ham:\n\n{{text}}',
          'Spam or ham? {{text}}',
        ],
        'prompt.maxFieldChars': [40, 600, 6000],
      },
      metric: 'f1_macro',
      strategy: 'successive-halving',
      eta: 2,
      minItems: 20,
      threshold: true,
      budget: { requests: budget },
    },
  });
}

describe('a search its request budget stopped before the test part', () => {
  let r: TuneResults;
  beforeAll(async () => {
    const setup = await tuneSetup(doc(320), dir);
    r = await runTune(setup);
    await writeTuneOutputs(setup, r);
  }, 180_000);

  it('says the budget stopped it before the held-out items were scored, not that there is no test part', () => {
    expect(r.stoppedBy).toMatch(/request budget/);
    expect(r.items.test).toBe(40);
    expect(r.winner?.test).toBeNull();
    // the trial's case: the tuned threshold did better on the folds, and the test part could tell
    expect(r.threshold!.use).toBe('untested');
    const why = 'the budget having stopped the search before the 40 held-out items were scored';
    expect(r.threshold!.verdict).toContain(why);
    const stopped = join(dir, 'stopped');
    for (const text of [tuneHtml(r), readFileSync(join(stopped, 'best.yaml'), 'utf8')]) {
      expect(text).toContain(why);
      expect(text).not.toContain('there being no test part');
    }
  });

  it('gives the budget that lets the resumed search finish and score the test part', async () => {
    const finish = r.budgetToFinish!;
    const paid = r.spent.sent + r.spent.resumedPaid;
    // the test part alone on top, as the old advice said, is not enough
    expect(finish.requests).toBeGreaterThan(paid + r.items.test);
    const again = await runTune(await tuneSetup(doc(finish.requests), dir));
    expect(again.stoppedBy).toBeNull();
    expect(again.winner?.test?.items).toBe(40);
    expect(again.budgetToFinish).toBeNull();
  }, 180_000);
});
