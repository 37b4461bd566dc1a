import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countTokens } from '@assay/clients';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  LoadTestError,
  loadDatasetWorkload,
  parsePromptTokens,
  SPAM_INSTRUCTION,
  syntheticWorkload,
} from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'loadtest-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ROWS = [
  { question: 'Is "this", spam?', answer: 'spam' },
  { question: 'Lunch\tat noon', answer: 'ham' },
  { question: 'plain', answer: 'ham' },
];

beforeAll(() => {
  const question = ROWS.map((r) => r.question);
  const answer = ROWS.map((r) => r.answer);
  const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
  const lines = (sep: string) =>
    `question${sep}answer\n${ROWS.map((r) => `${quote(r.question)}${sep}${r.answer}`).join('\n')}\n`;
  writeFileSync(join(dir, 'rows.csv'), lines(','));
  writeFileSync(join(dir, 'rows.tsv'), lines('\t'));
  writeFileSync(join(dir, 'rows.jsonl'), ROWS.map((r) => JSON.stringify(r)).join('\n'));
  writeFileSync(join(dir, 'rows.arrow'), tableToIPC(tableFromArrays({ question, answer }), 'file'));
  const parquet = parquetWriteBuffer({
    columnData: [
      { name: 'question', data: question },
      { name: 'answer', data: answer },
    ],
  });
  writeFileSync(join(dir, 'rows.parquet'), new Uint8Array(parquet));
});

describe('workloads', () => {
  test('the built-in data set is the held-out e-mails with their labels', async () => {
    const w = await loadDatasetWorkload('builtin:spam-assassin');
    expect(w.prompts.length).toBeGreaterThan(1000);
    expect(w.prompts[0]!.startsWith(`${SPAM_INSTRUCTION}\n\n`)).toBe(true);
    expect(new Set(w.labels)).toEqual(new Set(['spam', 'ham']));
  });

  test('a JSON Lines file gives the prompt column and refuses a row without it', async () => {
    const good = join(dir, 'good.jsonl');
    writeFileSync(good, '{"q":"hello","label":"a"}\n{"q":"world"}\n');
    expect(await loadDatasetWorkload(good, 'q')).toMatchObject({
      prompts: ['hello', 'world'],
      labels: ['a', undefined],
    });
    const holed = join(dir, 'holed.jsonl');
    writeFileSync(holed, '{"q":"hello"}\n{"other":"world"}\n');
    await expect(loadDatasetWorkload(holed, 'q')).rejects.toThrow(
      /data row 2 has no value in column 'q' \(--prompt-column\)/,
    );
    await expect(loadDatasetWorkload(join(dir, 'missing.jsonl'))).rejects.toThrow(LoadTestError);
  });

  test('a blank prompt is refused naming its rows: it would be sent as a request without input', async () => {
    const blank = join(dir, 'blank.csv');
    writeFileSync(blank, 'prompt\n""\nhello\n"   "\nworld\n');
    const error = await loadDatasetWorkload(blank).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoadTestError);
    expect((error as LoadTestError).path).toBe('prompt-column');
    expect((error as LoadTestError).message).toBe(
      `--dataset '${blank}' has an empty or blank prompt in column 'prompt' (--prompt-column) in 2 of 4 data rows (1, 3); each would be sent as a request without input: fill them in or remove those rows.`,
    );
  });

  test.each(['csv', 'tsv', 'jsonl', 'arrow', 'parquet'])(
    'a .%s file is read by its extension, prompts and labels in file order',
    async (ext) => {
      const w = await loadDatasetWorkload(join(dir, `rows.${ext}`), 'question', 'answer');
      expect(w.prompts).toEqual(ROWS.map((r) => r.question));
      expect(w.labels).toEqual(ROWS.map((r) => r.answer));
      expect(w.source).toBe(join(dir, `rows.${ext}`));
    },
  );

  test.each(['csv', 'tsv', 'jsonl', 'arrow', 'parquet'])(
    'a .%s file without the prompt column is refused naming --prompt-column and the columns found',
    async (ext) => {
      const error = await loadDatasetWorkload(join(dir, `rows.${ext}`), 'prompt').catch((e) => e);
      expect(error).toBeInstanceOf(LoadTestError);
      expect(error.code).toBe('INVALID_DATASET');
      expect(error.path).toBe('prompt-column');
      expect(error.message).toMatch(/has no column 'prompt' \(--prompt-column\)/);
      expect(error.message).toMatch(/'question', 'answer'/);
    },
  );

  test('an unknown extension is refused naming the formats read', async () => {
    const odd = join(dir, 'rows.xlsx');
    writeFileSync(odd, 'x');
    const refused = loadDatasetWorkload(odd);
    await expect(refused).rejects.toThrow(
      /its extension names no format; --dataset reads csv, tsv, jsonl, arrow, parquet files, told apart by their extension/,
    );
    // assay score's --input-format is not a loadtest flag
    await expect(loadDatasetWorkload(odd)).rejects.not.toThrow(/--input-format/);
  });

  test('synthetic prompts of real words have token counts near the asked mean', async () => {
    const w = await syntheticWorkload(128, 16, 40, 3);
    const counts = await countTokens(w.prompts, 'cl100k_base');
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    expect(mean).toBeGreaterThan(110);
    expect(mean).toBeLessThan(140);
    expect(new Set(counts).size).toBeGreaterThan(5);
    expect(w.prompts[0]).toMatch(/^[a-z]+( [a-z]+)+$/);
    const fixed = await countTokens((await syntheticWorkload(64, 0, 5, 1)).prompts, 'cl100k_base');
    for (const c of fixed) expect(Math.abs(c - 64)).toBeLessThanOrEqual(2);
  });

  test('--prompt-tokens takes mean[:sd]', () => {
    expect(parsePromptTokens('512')).toEqual({ mean: 512, sd: 0 });
    expect(parsePromptTokens('512:64')).toEqual({ mean: 512, sd: 64 });
    expect(() => parsePromptTokens('many')).toThrow(/--prompt-tokens is 'many'/);
  });
});
