import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import {
  loadRunConfig,
  loadTuneConfig,
  runTune,
  type TuneResults,
  type TuneSetup,
  tuneSetup,
  writeTuneOutputs,
} from '../src/index.js';
import { tuneHtml } from '../src/tune/tune-html.js';
import { tuneDoc } from './support/tune-doc.js';

// What a user trial of `assay tune` on examples/tune/spam-prompt.yaml reported wrongly: the
// example against the reference server, with only the search changed where a test needs it.
const EXAMPLE_DIR = join(import.meta.dirname, '../../../examples/tune');
const EXAMPLE = YAML.parse(readFileSync(join(EXAMPLE_DIR, 'spam-prompt.yaml'), 'utf8')) as {
  dataset: Record<string, unknown>;
  search: Record<string, unknown>;
};

let server: ModelServer;
let dir: string;
beforeAll(async () => {
  server = await startModelServer({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'assay-tune-outcomes-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The example on the trial's 300 items, its search changed by `search`, into `<dir>/<name>`. */
function example(name: string, search: Record<string, unknown>): Promise<TuneSetup> {
  const dataset = { ...EXAMPLE.dataset, limit: 300 };
  return tuneSetup({ ...EXAMPLE, dataset, search: { ...EXAMPLE.search, ...search } }, EXAMPLE_DIR, {
    baseUrl: server.baseUrl,
    outputDir: join(dir, name),
  });
}

/** The leaderboard's cells of a candidate in report.html. */
function htmlRow(html: string, index: number): string[] {
  const row = new RegExp(`<tr><td>c${index}( ★)?</td>(.*?)</tr>`).exec(html)![2]!;
  return [...row.matchAll(/<td>(.*?)<\/td>/g)].map((m) => m[1]!);
}

describe('the example stopped by its request budget partway through rung 1 (model without a price)', () => {
  let setup: TuneSetup;
  let r: TuneResults;
  beforeAll(async () => {
    setup = await example('budget-700', { budget: { requests: 700 } });
    r = await runTune(setup);
    await writeTuneOutputs(setup, r);
  }, 300_000);

  it('reports the spent cost as unknown (null), not $0, when no evaluation has a cost', () => {
    const evaluations = r.candidates.flatMap((c) => c.evaluations);
    expect(r.spent.sent).toBeGreaterThan(0);
    expect(evaluations.every((e) => e.costUsd === null)).toBe(true);
    expect(r.spent.costUsd).toBeNull();
    const json = JSON.parse(readFileSync(join(dir, 'budget-700', 'tune.json'), 'utf8'));
    expect(json.spent.costUsd).toBeNull();
    const html = tuneHtml(r);
    expect(html).toContain('Cost: unknown (a model without a price');
    expect(html).not.toContain('Cost: $');
  });

  it("says the winner won, not that it was pruned, where the budget stopped the winner's rung", () => {
    expect(r.stoppedBy).toMatch(/request budget/);
    const w = r.winner!;
    const winner = r.candidates.find((c) => c.index === w.index)!;
    // the trial's case: the winner was in the rung the budget stopped, chosen on the one before
    expect(winner.budgetStoppedAtRung).toBe(1);
    expect(winner.rankedOn?.rung).toBe(0);
    const status = 'winner, chosen on rung 0 (the budget stopped rung 1)';
    expect(winner.status).toBe(status);
    const json = JSON.parse(readFileSync(join(dir, 'budget-700', 'tune.json'), 'utf8'));
    expect(json.candidates.find((c: { index: number }) => c.index === w.index).status).toBe(status);
    const html = tuneHtml(r);
    expect(html).toContain('<th>status</th>');
    expect(htmlRow(html, w.index)).toContain(status);
    for (const c of r.candidates.filter((x) => x.index !== w.index)) {
      const expected =
        c.prunedAtRung !== null
          ? `pruned after rung ${c.prunedAtRung}`
          : c.budgetStoppedAtRung !== null
            ? `stopped at rung ${c.budgetStoppedAtRung} by the budget`
            : '';
      expect(c.status).toBe(expected);
      expect(htmlRow(html, c.index)).toContain(expected);
    }
  });
});

describe('the spent cost of a search over a priced and an unpriced model', () => {
  it('is unknown (null), not the priced part alone, when some paid requests have no price', async () => {
    const setup = await tuneSetup(
      tuneDoc({
        name: 'tune-mixed-prices',
        baseUrl: server.baseUrl,
        out: join(dir, 'mixed'),
        limit: 40,
        model: { concurrency: { max: 8 } },
        search: {
          // the reference server answers any model id with its spam filter; the built-in
          // price table knows gpt-4o-mini, not assay-spam-nb
          space: { 'models[0].model': ['assay-spam-nb', 'gpt-4o-mini'] },
          metric: 'f1_macro',
          strategy: 'grid',
          budget: { requests: 1000 },
        },
      }),
      dir,
    );
    const r = await runTune(setup);
    const evaluations = r.candidates.flatMap((c) => c.evaluations);
    const priced = evaluations.filter((e) => e.costUsd !== null);
    expect(priced.length).toBeGreaterThan(0);
    expect(priced.every((e) => e.costUsd! > 0)).toBe(true);
    expect(evaluations.some((e) => e.costUsd === null && e.sent > 0)).toBe(true);
    expect(r.spent.costUsd).toBeNull();
  }, 120_000);
});

describe("the example's decision threshold, which did worse than the model's own answers on the test part", () => {
  it('leads with keeping the default, in report.html and best.yaml, and never puts the tuned threshold into best.yaml', async () => {
    // the trial's winner alone (classify-plain, the whole e-mail) on every tuning item
    const setup = await example('threshold', {
      strategy: 'grid',
      space: {
        'prompt.template': ['file:prompts/classify-plain.txt'],
        'prompt.maxFieldChars': [6000],
      },
      budget: { requests: 2000 },
    });
    const r = await runTune(setup);
    const t = r.threshold!;
    expect(t.test!.items).toBe(60);
    // the trial: 0.9833 -> 0.9666 on the 60 test items
    expect(t.test!.gain).toBeLessThanOrEqual(0);
    expect(t.use).toBe('default');
    expect(t.verdict).toMatch(
      /^Keep the model's own answers \(the default; no decision threshold\): the tuned threshold 0\.\d{4} did not improve on held-out items \(on the 60 held-out test items f1_macro /,
    );
    const files = await writeTuneOutputs(setup, r);
    const html = readFileSync(files.html, 'utf8');
    const section = html.slice(html.indexOf('<h2>Decision threshold</h2>'));
    expect(section).toMatch(
      /^<h2>Decision threshold<\/h2><p><strong>Keep the model&#39;s own answers/,
    );
    expect(html).not.toContain('Predict spam when its score is at least');
    const text = readFileSync(files.bestYaml!, 'utf8');
    expect(text).toContain("# Decision threshold: Keep the model's own answers");
    expect(text).toContain("this run reports the model's own answers.");
    const best = YAML.parse(text) as Record<string, unknown>;
    // nothing of the threshold in the run config: the run scores the model's own answers
    expect(JSON.stringify(best)).not.toContain(t.threshold.toFixed(4));
    expect(best.thresholds).toEqual(EXAMPLE.search.constraints);
  }, 300_000);
});

describe('a relative output.dir', () => {
  it('is resolved against the working directory, as assay run resolves it, not the config file', async () => {
    const configDir = mkdtempSync(join(dir, 'config-'));
    const cwd = mkdtempSync(join(dir, 'cwd-'));
    const doc = tuneDoc({
      name: 'tune-relative',
      baseUrl: server.baseUrl,
      out: 'out/tune',
      limit: 20,
      search: {
        space: { 'prompt.maxFieldChars': [6000] },
        metric: 'f1_macro',
        budget: { requests: 100 },
      },
    });
    const path = join(configDir, 'tune.yaml');
    writeFileSync(path, YAML.stringify(doc));
    const { search: _, ...run } = doc;
    writeFileSync(join(configDir, 'run.yaml'), YAML.stringify(run));
    const before = process.cwd();
    process.chdir(cwd);
    try {
      const setup = await loadTuneConfig(path);
      const runConfig = await loadRunConfig(join(configDir, 'run.yaml'));
      expect(setup.base.output.dir).toBe(resolve(cwd, 'out/tune'));
      expect(setup.base.output.dir).toBe(runConfig.output.dir);
      const r = await runTune(setup);
      const files = await writeTuneOutputs(setup, r);
      expect(files.json).toBe(join(cwd, 'out/tune/tune.json'));
      expect(existsSync(join(cwd, 'out/tune/candidates'))).toBe(true);
      expect(existsSync(join(configDir, 'out'))).toBe(false);
      // best.yaml names its own output absolutely, under the search's folder
      const best = YAML.parse(readFileSync(files.bestYaml!, 'utf8'));
      expect(best.output.dir).toBe(join(cwd, 'out/tune/best'));
    } finally {
      process.chdir(before);
    }
  }, 120_000);
});
