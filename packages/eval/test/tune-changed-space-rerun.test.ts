import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gridCandidates, runTune, type TuneResults, tuneSetup } from '../src/index.js';
import { tuneDoc } from './support/tune-doc.js';

// A finished search, then the same output folder searched again with another value added to
// prompt.maxFieldChars: candidate numbers now name other settings
let server: ModelServer;
let dir: string;
beforeAll(async () => {
  server = await startModelServer({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'assay-tune-space-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const TEMPLATES = ['Classify this e-mail as spam or ham:\n\n{{text}}', 'Spam or ham? {{text}}'];
const OLD = { 'prompt.template': TEMPLATES, 'prompt.maxFieldChars': [40, 300, 3000] };
const NEW = { 'prompt.template': TEMPLATES, 'prompt.maxFieldChars': [40, 300, 1000, 3000] };

async function tune(
  out: string,
  space: Record<string, unknown[]>,
): Promise<{ r: TuneResults; warnings: string[] }> {
  const warnings: string[] = [];
  const doc = tuneDoc({
    name: 'tune-space',
    baseUrl: server.baseUrl,
    out,
    limit: 100,
    model: { concurrency: { max: 8 } },
    search: { space, metric: 'f1_macro', strategy: 'successive-halving', minItems: 10 },
  });
  const r = await runTune(await tuneSetup(doc, dir), { onWarning: (w) => warnings.push(w) });
  return { r, warnings };
}

/** The settings each folder's run was made with, against the search's candidate of its number. */
function foldersAgainstGrid(out: string, space: Record<string, unknown[]>) {
  const grid = gridCandidates(space);
  return readdirSync(join(out, 'candidates')).map((name) => {
    const run = JSON.parse(readFileSync(join(out, 'candidates', name, 'results.json'), 'utf8'));
    const c = grid[Number(/^c(\d+)-/.exec(name)![1])]!;
    return {
      name,
      ran: [run.config.prompt.template, run.config.prompt.maxFieldChars],
      candidate: [c.settings['prompt.template'], c.settings['prompt.maxFieldChars']],
    };
  });
}

describe('a rerun into the same folder with a changed search.space', () => {
  it('warns that the space changed and leaves no candidate folder holding an earlier candidate', async () => {
    const out = join(dir, 'out');
    const first = await tune(out, OLD);
    const second = await tune(out, NEW);
    expect(second.warnings[0]).toBe(
      `search.space differs from the one an earlier search recorded in this output folder, ${out} (prompt.maxFieldChars [40, 300, 3000] → [40, 300, 1000, 3000]), so a candidate number may now name other settings.`,
    );
    // c2 was 3000 characters and is now 1000: its folders of the earlier search were moved
    const moved = second.warnings[1]!;
    expect(moved).toMatch(
      /^\d+ candidate folders in .* held the results of an earlier search's candidate of the same number with other settings \(.*c2-r0.*\): moved to .*superseded.*, so that candidates\/ holds this search's results only/,
    );
    for (const f of foldersAgainstGrid(out, NEW)) expect(f.ran, f.name).toEqual(f.candidate);
    const [stamp] = readdirSync(join(out, 'superseded'));
    expect(readdirSync(join(out, 'superseded', stamp!))).toContain('c2-r0');
    expect(second.r.warnings).toContain(moved);
    // what the folder paid for in all: the earlier search's requests too, moved ones included
    expect(first.r.paidInFolder?.requests).toBe(first.r.spent.sent);
    expect(second.r.paidInFolder?.requests).toBe(first.r.spent.sent + second.r.spent.sent);
    // the folders kept are the new search's now: its own rerun warns of nothing
    const third = await tune(out, NEW);
    expect(third.warnings.filter((w) => !w.startsWith('search.budget is not set'))).toEqual([]);
  }, 240_000);

  it('a rerun with the space unchanged warns of nothing and moves nothing', async () => {
    const out = join(dir, 'same');
    await tune(out, OLD);
    const again = await tune(out, OLD);
    expect(again.warnings.filter((w) => !w.startsWith('search.budget is not set'))).toEqual([]);
    expect(existsSync(join(out, 'superseded'))).toBe(false);
    expect(again.r.spent.sent).toBe(0);
  }, 240_000);
});
