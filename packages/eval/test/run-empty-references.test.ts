import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { RunResultsSchema } from '@assay/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dryRun, parseRunConfig, type RunConfig, runEvaluation } from '../src/index.js';

let dir: string;
let server: ModelServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-empty-references-'));
  server = await startModelServer({ port: 0 });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** 12 e-mails whose reference is their first sentence, except the ids in `empty`. */
function config(name: string, empty: ReadonlyMap<number, unknown>): RunConfig {
  const rows = Array.from({ length: 12 }, (_, i) => {
    const subject = `Server room air conditioning failed again on floor ${i}`;
    const reference = empty.has(i) ? empty.get(i) : subject;
    return JSON.stringify({ id: `mail-${i}`, text: `${subject}.`, reference });
  });
  const path = join(dir, `${name}.jsonl`);
  writeFileSync(path, `${rows.join('\n')}\n`);
  return parseRunConfig({
    name,
    dataset: { path, columns: { id: 'id', text: 'text', reference: 'reference' } },
    task: { type: 'generation', scorers: ['exact_match', 'token_f1', 'bleu', 'chrf'] },
    prompt: { template: 'Write a subject line for this e-mail:\n\n{{text}}' },
    models: [
      {
        name: 'writer',
        provider: 'openai-chat',
        baseUrl: server.baseUrl,
        model: 'assay-subject-extractive',
        params: { temperature: 0 },
      },
    ],
    evaluation: { bootstrap: 50 },
    output: { dir: join(dir, name) },
  });
}

describe('a generation data set with empty references', () => {
  it('is scored as before, and the run warns with the count and the first id in results.json and both reports', async () => {
    const c = config(
      'three-empty',
      new Map<number, unknown>([
        [4, ''],
        [7, '   '],
        [9, ['', 'x']],
      ]),
    );
    const results = await runEvaluation(c);
    const warning = results.warnings?.find((w) => w.includes('empty reference'));
    expect(warning).toMatch(/^3 items have an empty reference \(the first: 'mail-4'\);/);
    expect(warning).toContain('dataset.columns.reference');
    const written = RunResultsSchema.parse(
      JSON.parse(readFileSync(join(c.output.dir, 'results.json'), 'utf8')),
    );
    expect(written.warnings).toContain(warning);
    expect(readFileSync(join(c.output.dir, 'report.md'), 'utf8')).toContain(
      "**Warning:** 3 items have an empty reference (the first: 'mail-4');",
    );
    expect(readFileSync(join(c.output.dir, 'report.html'), 'utf8')).toContain(
      'Warning: 3 items have an empty reference (the first: &#39;mail-4&#39;);',
    );
    // the empty reference is still scored as sacrebleu scores it: the answer matches nothing
    const m = results.models[0]!;
    const worst = m.generation!.worstItems.find((w) => w.id === 'mail-4')!;
    expect(worst.scores.exact_match).toBe(0);
    expect(worst.scores.bleu).toBe(0);
  });

  it('is named in the dry run too, before anything is sent', async () => {
    const report = await dryRun(config('dry-one-empty', new Map([[2, '']])));
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]).toMatch(/^1 item has an empty reference \(the first: 'mail-2'\);/);
  });

  it('gives no warning when every reference holds text', async () => {
    const results = await runEvaluation(config('all-filled', new Map()));
    expect((results.warnings ?? []).join(' ')).not.toContain('empty reference');
  });
});
