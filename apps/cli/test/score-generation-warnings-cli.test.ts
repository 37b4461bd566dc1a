import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_GENERATION_METRICS, defaultMetrics, ScoreReportSchema } from '@assay/runner';
import { afterAll, describe, expect, test } from 'vitest';
import { assay } from './cli-process.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-score-generation-warnings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function jsonl(name: string, rows: readonly object[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
  return path;
}

/** statsmodels: `proportion_confint(0, 5, alpha=0.05, method='wilson')`. */
const WILSON_0_OF_5 = [0.0, 0.43448246478317487];

/** Five outputs, none matching its reference; all of one language. */
const fiveWrong = jsonl(
  'five-wrong.jsonl',
  Array.from({ length: 5 }, () => ({ references: 'a b c', output: 'x', lang: 'en' })),
);
const generation = ['--task', 'generation', '--y-true', 'references', '--y-pred', 'output'];

describe('assay score --task generation: exact_match of 0 of 5 with --bootstrap', () => {
  test('takes the Wilson interval of its count, on the whole set and per slice', async () => {
    const args = ['score', fiveWrong, ...generation, '--bootstrap', '1000', '--slice', 'lang'];
    const table = await assay([...args, '--format', 'table']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/exact_match +0\.0000 +\[0\.0000, 0\.4345\] \(Wilson\)/);
    expect(table.stdout).toMatch(/^en +5 +0\.0000 \[0\.0000, 0\.4345\] \(Wilson\) /m);
    const json = await assay([...args, '--format', 'json']);
    const report = ScoreReportSchema.parse(JSON.parse(json.stdout));
    const exact = report.overall.exact_match!;
    expect(exact.ciMethod).toBe('wilson');
    expect(exact.ci![0]).toBe(WILSON_0_OF_5[0]);
    expect(exact.ci![1]).toBeCloseTo(WILSON_0_OF_5[1]!, 12);
    expect(report.slices!.en!.metrics.exact_match!.ciMethod).toBe('wilson');
  }, 60_000);

  test('a warning names the other intervals of no width, on stderr and in the report', async () => {
    const json = await assay(['score', fiveWrong, ...generation, '--bootstrap', '1000']);
    const report = ScoreReportSchema.parse(JSON.parse(json.stdout));
    const warning =
      'token_f1 0.0000, bleu 0.0000, chrf 0.0000 and rougeL 0.0000 have bootstrap intervals of no width: every resample scored the same value, as a perfect or empty result does, or a constant prediction (the same answer or score on every row), so the intervals do not show how sure the values are; count the rows behind them before trusting them.';
    expect(report.warnings).toContain(warning);
    expect(json.stderr).toContain(`assay score: warning: ${warning}`);
  }, 60_000);
});

describe('assay score --task generation: an empty reference', () => {
  test('is scored, with a warning counting the rows and naming the first line', async () => {
    const file = jsonl('empty-reference.jsonl', [
      { references: 'a b', output: 'a b' },
      { references: 'c', output: 'c' },
      { references: '', output: 'x' },
      { references: '', output: '' },
    ]);
    const run = await assay(['score', file, ...generation, '--metrics', 'exact_match']);
    expect(run.code).toBe(0);
    const report = ScoreReportSchema.parse(JSON.parse(run.stdout));
    expect(report.n).toBe(4);
    expect(report.overall.exact_match!.value).toBeCloseTo(3 / 4, 15);
    const warning = `Column "references" (references) has an empty reference ("") in 2 rows, the first at line 3 (data row 3) of ${file}: it is scored as a reference of no text, as sacrebleu scores it (only an empty output matches it); if those rows lack their reference, give it, or mark it missing (null in JSONL, which --drop-missing drops).`;
    expect(report.warnings).toEqual([warning]);
    expect(run.stderr).toBe(`assay score: warning: ${warning}\n`);
  }, 60_000);
});

describe('assay score without --task generation on reference arrays', () => {
  test('says to pass --task generation, as it does for references as strings', async () => {
    const file = jsonl('answers.jsonl', [
      { references: ['The cat sat on the mat.', 'A cat sat.'], output: 'The cat sat on the mat.' },
    ]);
    const run = await assay(['score', file, '--y-true', 'references', '--y-pred', 'output']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `assay score: Column "references" has the array ["The cat sat on the mat.","A cat sat."] at line 1 (data row 1) of ${file}; a label or value is a number, a string or a boolean. If the columns hold generated text and references (several references per row), pass --task generation.\n`,
    );
  }, 60_000);
});

describe('assay score --help', () => {
  test('lists the default metrics of each task, as the runner picks them', async () => {
    const help = await assay(['score', '--help']);
    expect(help.code).toBe(0);
    const text = help.stdout.replace(/\s+/g, ' ');
    const sets = {
      classification: defaultMetrics({
        task: 'classification',
        scores: false,
        proba: false,
        nClasses: 2,
      }),
      regression: defaultMetrics({ task: 'regression', scores: false, proba: false, nClasses: 0 }),
      generation: DEFAULT_GENERATION_METRICS,
    };
    for (const [task, metrics] of Object.entries(sets)) {
      expect(text, task).toContain(`${task}: ${metrics.join(', ')}`);
    }
    const binary = defaultMetrics({
      task: 'classification',
      scores: true,
      proba: true,
      nClasses: 2,
    });
    const multiclass = defaultMetrics({
      task: 'classification',
      scores: false,
      proba: true,
      nClasses: 3,
    });
    expect(binary.slice(sets.classification.length)).toEqual(['roc_auc', 'log_loss']);
    expect(multiclass.slice(sets.classification.length)).toEqual(['roc_auc_ovr', 'log_loss']);
    expect(text).toContain(
      '(+ roc_auc with --y-score or a two-class --y-proba, roc_auc_ovr with more classes, log_loss with --y-proba)',
    );
    expect(text).not.toContain('a set per task');
  }, 60_000);
});
