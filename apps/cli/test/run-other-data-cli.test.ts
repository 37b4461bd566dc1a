import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assay } from './cli-process.js';
import { writeRunConfig } from './run-config-file.js';

let dir: string;
let server: ModelServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-cli-other-data-'));
  server = await startModelServer({ port: 0 });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The files a finished run leaves, as bytes. */
const outputs = (out: string) =>
  ['results.json', 'predictions.arrow'].map((f) => readFileSync(join(out, f)));

describe('assay run into an output directory holding a run on another data set', () => {
  it('exits 2 before sending, naming both data sets and the fixes; the first run resumes as before', async () => {
    // two configurations of one name, as two `assay init` starters once were: one directory
    const out = join(dir, 'my-eval');
    const builtin = writeRunConfig(dir, 'built-in', server.baseUrl, { output: { dir: out } });
    const data = join(dir, 'reviews.jsonl');
    writeFileSync(
      data,
      [
        { text: 'Win a free cruise now', label: 'spam' },
        { text: 'Minutes of the Monday meeting', label: 'ham' },
      ]
        .map((row) => JSON.stringify(row))
        .join('\n'),
    );
    const file = writeRunConfig(dir, 'file', server.baseUrl, {
      dataset: { path: data },
      output: { dir: out },
    });
    expect((await assay(['run', builtin, '-q'])).code).toBe(0);
    const before = outputs(out);
    const sent = server.stats().completions;

    const refused = await assay(['run', file, '-q']);

    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(
      `assay: The output directory ${out} holds a run on another data set: its journal names dataset.builtin 'spam-assassin', this configuration dataset.path '${data}'; nothing was sent, and that run's results and journaled answers are kept. Give this run a directory of its own (a \`name:\` of its own, as output.dir defaults to assay-out/<name>, or another output.dir or --output), or run again with --fresh to start over there, discarding that run's journal, response cache and results.\n`,
    );
    expect(server.stats().completions).toBe(sent);
    expect(outputs(out)).toEqual(before);
    // a dry run says the same, exit 2
    const dry = await assay(['run', file, '--dry-run']);
    expect(dry.code).toBe(2);
    expect(dry.stderr).toBe(refused.stderr);

    const again = await assay(['run', builtin, '-q']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('40 requests: 0 sent this run, 40 resumed from the journal');
    // the second configuration runs in a directory of its own
    const own = await assay(['run', file, '-q', '-o', join(dir, 'reviews')]);
    expect(own.code).toBe(0);
    expect(own.stdout).toContain('2 requests: 2 sent this run');
  }, 120_000);
});
