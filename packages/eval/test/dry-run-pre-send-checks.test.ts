import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dryRun, parseRunConfig, type RunConfig, runEvaluation } from '../src/index.js';
import { dryRunJudge } from '../src/run/dry-run-judge.js';
import { refusalOf } from './small-run.js';

/*
 * A generation run with a closedqa judge compared with people's grades: every check the run
 * makes before sending its first request, the dry run (which promises to "load and validate
 * everything") makes too. Nothing listens on the URLs: neither may send anything.
 */
const NOWHERE = 'http://127.0.0.1:1/v1';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'assay-dry-run-checks-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A JSONL file of e-mails with subjects and human grades; `rows` replaces some fields. */
function dataFile(
  name: string,
  change: (row: Record<string, string>, i: number) => void = () => {},
) {
  const rows = Array.from({ length: 8 }, (_, i) => {
    const row: Record<string, string> = {
      id: `mail-${i}`,
      text: `Budget meeting ${i} moved to Thursday.`,
      reference: `Budget meeting ${i}`,
      human_grade: i % 2 === 0 ? 'C' : 'I',
    };
    change(row, i);
    return JSON.stringify(row);
  });
  const path = join(dir, `${name}.jsonl`);
  writeFileSync(path, `${rows.join('\n')}\n`);
  return path;
}

function config(
  data: string,
  judge: Record<string, unknown> = {},
  client: Record<string, unknown> = {},
): RunConfig {
  return parseRunConfig({
    name: 'checks',
    dataset: { path: data, columns: { id: 'id', text: 'text', reference: 'reference' } },
    task: { type: 'generation', scorers: ['exact_match', 'bleu'], extract: ['take-first'] },
    prompt: { template: 'Write a subject line for this e-mail:\n\n{{text}}' },
    models: [{ name: 'writer', provider: 'openai-chat', baseUrl: NOWHERE, model: 'w' }],
    judge: {
      client: { name: 'overlap', provider: 'openai-chat', baseUrl: NOWHERE, model: 'j', ...client },
      mode: 'closedqa',
      humanGrade: { column: 'human_grade' },
      ...judge,
    },
    output: { dir: join(dir, 'out', String(Math.random()).slice(2)) },
  });
}

describe('assay run --dry-run makes the checks the run makes before sending', () => {
  it('refuses a judge.humanGrade.column the data file lacks, with the same error as the run', async () => {
    const c = config(dataFile('grades'), { humanGrade: { column: 'human' } });
    const dry = await refusalOf(dryRun(c));
    const run = await refusalOf(runEvaluation(c));
    expect(dry.code).toBe('MISSING_COLUMN');
    expect(dry.path).toBe('judge.humanGrade.column');
    expect(dry.message).toBe(run.message);
    expect(dry.message).toMatch(
      /^The data set has no column 'human' \(judge\.humanGrade\.column\)/,
    );
  });

  it('refuses a human grade that is no grade label, naming the item and the labels', async () => {
    const data = dataFile('bad-grade', (row, i) => {
      if (i === 3) row.human_grade = 'maybe';
    });
    const error = await refusalOf(dryRun(config(data)));
    expect(error.code).toBe('INVALID_VALUE');
    // the file's row, counted from 1, beside the id the outputs carry
    expect(error.message).toContain("Data row 4 (id 'mail-3') has human grade 'maybe'");
  });

  it('writes nothing while refusing', async () => {
    const c = config(dataFile('nothing'), { humanGrade: { column: 'human' } });
    await refusalOf(dryRun(c));
    expect(existsSync(c.output.dir)).toBe(false);
  });

  it("warns that the inline judge client's API key variable is not set, as the run would refuse", async () => {
    const c = config(dataFile('keys'), {}, { apiKeyEnv: 'ASSAY_TEST_JUDGE_KEY' });
    const report = await dryRun(c, { env: {} });
    expect(report.warnings).toContain(
      'judge client overlap: the environment variable ASSAY_TEST_JUDGE_KEY (judge.client.apiKeyEnv) is not set; a run that sends grading requests needs it, and a first run (or --fresh) refuses to start without it.',
    );
    const set = await dryRun(c, { env: { ASSAY_TEST_JUDGE_KEY: 'k' } });
    expect(set.warnings.join(' ')).not.toContain('ASSAY_TEST_JUDGE_KEY');
  });

  it("bounds the judge's grading requests, which a dry run cannot build without the answers", async () => {
    const report = await dryRun(config(dataFile('judged'), { repeats: 3 }));
    // 8 items, one answer each, graded 3 times
    expect(report.judge).toEqual({
      client: 'overlap',
      mode: 'closedqa',
      repeats: 3,
      maxRequests: 24,
    });
    const plan = [{ models: ['a', 'b', 'c'], items: 10, samples: 2 }];
    const models = [{ name: 'a' }, { name: 'b' }, { name: 'c' }] as RunConfig['models'];
    const judged = (mode: string) =>
      dryRunJudge({ models, judge: { client: 'a', mode, repeats: 1 } as RunConfig['judge'] }, plan);
    // every answer of the three models, or one pair of answers per item and sample in both orders
    expect(judged('closedqa')?.maxRequests).toBe(60);
    expect(judged('pairwise')?.maxRequests).toBe(40);
    expect(dryRunJudge({ models }, plan)).toBeNull();
  });

  it('plans a run whose human grades are all readable as before', async () => {
    const report = await dryRun(config(dataFile('fine')));
    expect(report.items).toBe(8);
    expect(report.models[0]!.toSend).toBe(8);
    expect(report.warnings).toEqual([]);
  });
});
