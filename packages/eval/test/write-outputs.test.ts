import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeRun, summarizeRun, writeRunOutputs } from '../src/index.js';
import { smallRunConfig } from './small-run.js';

let server: ModelServer;
let dir: string;

beforeAll(async () => {
  server = await startModelServer({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'assay-write-outputs-'));
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('writeRunOutputs', () => {
  it('leaves no results.json of an earlier run beside predictions it could not finish writing', async () => {
    const out = join(dir, 'sealed');
    const run = await executeRun(smallRunConfig(out, server.baseUrl));
    const results = await summarizeRun(run);
    await writeRunOutputs(results, run.rows, run.prompts);
    expect(existsSync(results.files.results)).toBe(true);
    // a writer killed mid-write (its process gone) left a temporary file behind
    writeFileSync(`${results.files.results}.tmp-2147483646`, '{"half":');
    // the next write fails after it began: predictions.arrow cannot be replaced
    rmSync(results.files.predictions);
    mkdirSync(join(results.files.predictions, 'blocker'), { recursive: true });
    await expect(writeRunOutputs(results, run.rows, run.prompts)).rejects.toThrow();
    // the old results and reports are gone: nothing reads the set as a finished run
    for (const file of [results.files.results, results.files.reportMd, results.files.reportHtml]) {
      expect(existsSync(file), file).toBe(false);
    }
    expect(readdirSync(out).filter((f) => f.startsWith('results.json.tmp-'))).toEqual([]);
    // once it can write, every file is back, results.json last and whole
    rmSync(results.files.predictions, { recursive: true });
    await writeRunOutputs(results, run.rows, run.prompts);
    expect(JSON.parse(readFileSync(results.files.results, 'utf8')).name).toBe(results.name);
    expect(existsSync(results.files.reportHtml)).toBe(true);
    expect(readdirSync(out).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});
