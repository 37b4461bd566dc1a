import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dryRun, parseRunConfig, type RunConfig, runEvaluation } from '../src/index.js';

let dir: string;
let server: ModelServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-empty-text-'));
  server = await startModelServer({ port: 0 });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A spam run over the data file `file` holding `text`, its input in column `textColumn`. */
function config(name: string, file: string, text: string, textColumn = 'text'): RunConfig {
  const path = join(dir, file);
  writeFileSync(path, text);
  return parseRunConfig({
    name,
    dataset: { path, columns: { text: textColumn } },
    task: { type: 'classification', labels: ['spam', 'ham'], positiveLabel: 'spam' },
    prompt: { template: 'Classify this e-mail as spam or ham:\n\n{{text}}' },
    models: [
      {
        name: 'nb',
        provider: 'openai-chat',
        baseUrl: server.baseUrl,
        model: 'assay-spam-nb',
        params: { maxTokens: 4, temperature: 0 },
      },
    ],
    evaluation: { bootstrap: 0 },
    output: { dir: join(dir, name) },
  });
}

/** `n` e-mail texts; `blank(i)` replaces the i-th unless it returns undefined. */
const mails = (n: number, blank: (i: number) => string | null | undefined) =>
  Array.from({ length: n }, (_, i) => {
    const b = blank(i);
    return b === undefined ? `Win a free cruise now with offer ${i}` : b;
  });

describe('input text that is empty or blank', () => {
  it('is sent and scored, and the run warns naming the CSV rows and the column in results.json', async () => {
    // data rows 3 (empty) and 6 (spaces only) of 8
    const texts = mails(8, (i) => (i === 2 ? '' : i === 5 ? '   ' : undefined));
    const csv = `id,text,label\n${texts.map((t, i) => `m${i},${t},${i % 2 ? 'ham' : 'spam'}`).join('\n')}\n`;
    const c = config('csv', 'mail.csv', csv);
    const results = await runEvaluation(c);
    const expected =
      "dataset.columns.text 'text' is empty or blank in 2 data rows (3, 6); their prompts are sent without that text and their answers scored like any other. Fill in the text or remove those rows from the data set, or map the column that holds the input as dataset.columns.text.";
    expect(results.warnings).toContain(expected);
    const written = JSON.parse(readFileSync(join(c.output.dir, 'results.json'), 'utf8'));
    expect(written.warnings).toContain(expected);
    // still asked and scored: the warning changes nothing in what is counted
    expect(results.dataset.tested).toBe(8);
  });

  it('counts a JSONL "" and null alike and names the first five rows, in the dry run', async () => {
    const bodies = mails(10, (i) => (i < 7 ? (i % 2 ? null : '') : undefined));
    const jsonl = bodies
      .map((body, i) => JSON.stringify({ id: `m${i}`, body, label: i % 2 ? 'ham' : 'spam' }))
      .join('\n');
    const report = await dryRun(config('jsonl', 'mail.jsonl', `${jsonl}\n`, 'body'));
    expect(report.warnings).toContainEqual(
      expect.stringMatching(
        /^dataset\.columns\.text 'body' is empty or blank in 7 data rows \(1, 2, 3, 4, 5, and 2 more\);/,
      ),
    );
  });

  it('gives no warning when every item has text', async () => {
    const texts = mails(4, () => undefined);
    const csv = `id,text,label\n${texts.map((t, i) => `m${i},${t},${i % 2 ? 'ham' : 'spam'}`).join('\n')}\n`;
    const report = await dryRun(config('filled', 'filled.csv', csv));
    expect(report.warnings.join(' ')).not.toContain('is empty or blank');
  });
});
