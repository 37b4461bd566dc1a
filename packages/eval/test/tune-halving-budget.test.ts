import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EvaluationError,
  runTune,
  type TuneResults,
  tuneSetup,
  writeTuneOutputs,
} from '../src/index.js';
import { tuneHtml } from '../src/tune/tune-html.js';
import { tuneDoc } from './support/tune-doc.js';

let server: ModelServer;
let dir: string;
beforeAll(async () => {
  server = await startModelServer({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'assay-tune-halving-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function doc(out: string, search: Record<string, unknown>): Record<string, unknown> {
  return tuneDoc({
    name: 'tune-halving',
    baseUrl: server.baseUrl,
    out,
    limit: 150,
    model: { concurrency: { max: 8 } },
    search: {
      space: {
        'prompt.template': [
          'Classify this e-mail as spam or ham:\n\n{{text}}',
          'Spam or ham? {{text}}',
        ],
        'prompt.maxFieldChars': [40, 150, 600, 2000, 6000],
      },
      metric: 'f1_macro',
      minItems: 10,
      strategy: 'successive-halving',
      ...search,
    },
  });
}

const tune = async (name: string, search: Record<string, unknown>): Promise<TuneResults> =>
  runTune(await tuneSetup(doc(join(dir, name), search), dir));

/** The leaderboard's cells of a candidate: items, then the score. */
function htmlRow(html: string, index: number): string[] {
  const row = new RegExp(`<tr><td>c${index}( ★)?</td>(.*?)</tr>`).exec(html)![2]!;
  return [...row.matchAll(/<td>(.*?)<\/td>/g)].map((m) => m[1]!);
}

describe('a budget that stops successive halving partway through a rung', () => {
  it('shows the winner on the rung it was chosen on, and marks the candidates the budget stopped', async () => {
    const probe = await tune('probe', {});
    const evaluations = probe.candidates.flatMap((c) => c.evaluations);
    const rung0 = evaluations.filter((e) => e.rung === 0).reduce((a, e) => a + e.sent, 0);
    const rung1 = evaluations.filter((e) => e.rung === 1);
    expect(rung1.length).toBeGreaterThan(1);
    // room for the first evaluation of rung 1, not the second
    const r = await tune('stopped', { budget: { requests: rung0 + rung1[0]!.sent } });
    expect(r.stoppedBy).toMatch(/request budget/);
    const w = r.winner!;
    expect(w.tuning.rung).toBe(0);
    const winner = r.candidates.find((c) => c.index === w.index)!;
    expect(winner.rankedOn).toEqual({ rung: 0, bracket: null, items: w.tuning.items });
    // every candidate of the stopped rung is marked, evaluated on it or not
    const stopped = r.candidates.filter((c) => c.budgetStoppedAtRung === 1);
    expect(stopped.length).toBe(rung1.length);
    expect(r.candidates.some((c) => c.evaluations.some((e) => e.rung === 1))).toBe(true);
    const html = tuneHtml(r);
    const [, items, score] = htmlRow(html, w.index);
    expect(items).toBe(String(w.tuning.items));
    expect(score).toContain(w.tuning.value!.toFixed(4));
    for (const c of stopped) {
      // the winner, when it was in the stopped rung, reads as the winner, not as stopped
      const status =
        c.index === w.index
          ? 'winner, chosen on rung 0 (the budget stopped rung 1)'
          : 'stopped at rung 1 by the budget';
      expect(htmlRow(html, c.index)).toContain(status);
    }
    // the winner's config and how to run it; the winner's line drawn thick, on top
    expect(html).toContain('<code>assay run best.yaml</code>');
    expect(html).toContain(`c${w.index} ★ winner`);
    expect(html).toContain('class="series emphasis"');
    // the leaderboard scrolls sideways inside its own box, with a hint for a narrow screen
    expect(html).toMatch(
      /<p class="scroll-hint"[^>]*>[^<]*<\/p><div class="table-scroll"><table class="leaderboard">/,
    );
  }, 180_000);
});

describe('a search that stops on an error or an interruption', () => {
  it('leaves a report that says the search has not finished, not that no candidate won', async () => {
    const setup = await tuneSetup(doc(join(dir, 'killed'), { strategy: 'grid' }), dir);
    const controller = new AbortController();
    const error = await runTune(setup, {
      signal: controller.signal,
      onEvaluation: async (_e, results) => {
        await writeTuneOutputs(setup, results);
        controller.abort();
      },
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EvaluationError);
    const html = readFileSync(join(dir, 'killed', 'report.html'), 'utf8');
    expect(html).toContain('The search has not finished');
    expect(html).not.toContain('No candidate won');
    const json = JSON.parse(readFileSync(join(dir, 'killed', 'tune.json'), 'utf8'));
    expect(json.finished).toBe(false);
  }, 120_000);
});
