import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assay } from './cli-process.js';
import { writeRunConfig } from './run-config-file.js';

let server: ModelServer;
let dir: string;
beforeAll(async () => {
  server = await startModelServer({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'assay-tune-rerun-cli-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function tuneConfig(name: string, maxFieldChars: number[]): string {
  return writeRunConfig(dir, name, server.baseUrl, {
    dataset: { builtin: 'spam-assassin', limit: 100, seed: 1 },
    evaluation: { method: 'all', bootstrap: 50 },
    search: {
      space: {
        'prompt.template': [
          'Classify this e-mail as spam or ham:\n\n{{text}}',
          'Spam or ham? {{text}}',
        ],
        'prompt.maxFieldChars': maxFieldChars,
      },
      strategy: 'successive-halving',
      metric: 'f1_macro',
      minItems: 10,
    },
  });
}

describe('assay tune rerun into the same -o folder with a changed search.space', () => {
  it('warns, moves the earlier candidates aside, and tells this search from the folder in what was paid for', async () => {
    const out = join(dir, 'out');
    const first = await assay(['tune', tuneConfig('old', [40, 300, 3000]), '-o', out, '-q']);
    expect(first.code).toBe(0);
    const firstSent = JSON.parse(readFileSync(join(out, 'tune.json'), 'utf8')).spent.sent;
    const second = await assay(['tune', tuneConfig('new', [40, 300, 1000, 3000]), '-o', out, '-q']);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain(
      `assay tune: warning: search.space differs from the one an earlier search recorded in this output folder, ${out} (prompt.maxFieldChars [40, 300, 3000] → [40, 300, 1000, 3000]), so a candidate number may now name other settings.\n`,
    );
    expect(second.stderr).toMatch(
      /assay tune: warning: \d+ candidate folders in .* held the results of an earlier search's candidate of the same number with other settings \(.*\): moved to .*superseded.*\n/,
    );
    const r = JSON.parse(readFileSync(join(out, 'tune.json'), 'utf8'));
    expect(r.paidInFolder.requests).toBe(firstSent + r.spent.sent);
    // this search's spending and the folder's, each named
    expect(second.stdout).toContain(
      `Paid for: ${r.spent.sent + r.spent.resumedPaid} requests by this search (${r.spent.sent} sent now, ${r.spent.resumedPaid} by an earlier run whose answers it resumed; what search.budget counts), ${r.paidInFolder.requests} by every search into this output folder`,
    );
    // one full-grid figure: the warning before sending, the summary and tune.json
    const grid = `a full grid asks ${r.gridRequestsEstimate} requests, sent or answered by the cache (every candidate on the 80 tuning items, then the winner on the 20 test items)`;
    expect(second.stdout).toContain(grid);
    expect(second.stderr).toContain(grid);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain(grid);
  }, 240_000);
});
