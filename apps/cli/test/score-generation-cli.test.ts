import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRunner, ScoreReportSchema } from '@assay/runner';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assay } from './cli-process.js';

/*
 * `assay score --task generation` end to end: the corpora of @assay/text-metrics' sacrebleu
 * fixtures (made from sacrebleu 2.6.0) written to files, scored by the built CLI.
 */

interface Corpus {
  readonly name: string;
  readonly hypotheses: readonly string[];
  readonly references: readonly (readonly (string | null)[])[];
}

interface CorpusCase {
  readonly corpus: string;
  readonly options: Record<string, unknown>;
  readonly expected: { readonly score: number; readonly signature: string };
}

function fixture<T>(name: string): T {
  const url = new URL(`../../../packages/text-metrics/test/fixtures/${name}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}

function sacrebleu(
  metric: 'bleu' | 'chrf' | 'chrf_pp' | 'ter',
  corpus: string,
  extra: Record<string, unknown> = {},
) {
  const file = metric === 'chrf_pp' ? 'chrf' : metric;
  const options = JSON.stringify(metric === 'chrf_pp' ? { wordOrder: 2, ...extra } : extra);
  return fixture<{ corpus: CorpusCase[] }>(`sacrebleu-${file}.json`).corpus.find(
    (c) => c.corpus === corpus && JSON.stringify(c.options) === options,
  )!.expected;
}

const corpora = fixture<{ corpora: Corpus[] }>('sacrebleu-texts.json').corpora;
const multi = corpora.find((c) => c.name === 'random, 1-3 references')!;
const single = corpora.find((c) => c.name === 'one reference each')!;
const multilingual = corpora.find((c) => c.name === 'multilingual sentences')!;
const dir = mkdtempSync(join(tmpdir(), 'assay-score-generation-'));
const multiFile = join(dir, 'multi.jsonl');
const singleFile = join(dir, 'single.csv');
const multilingualFile = join(dir, 'multilingual.jsonl');
const runner = createRunner({ workers: 1 });

function csvCell(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

beforeAll(() => {
  writeFileSync(
    multiFile,
    multi.hypotheses
      .map((h, i) =>
        JSON.stringify({
          id: i,
          lang: i % 2 === 0 ? 'en' : 'de',
          output: h,
          refs: multi.references[i],
        }),
      )
      .join('\n'),
  );
  const rows = single.hypotheses.map(
    (h, i) => `${csvCell(h)},${csvCell(single.references[i]![0]!)}`,
  );
  writeFileSync(singleFile, `output,ref\n${rows.join('\n')}\n`);
  writeFileSync(
    multilingualFile,
    multilingual.hypotheses
      .map((h, i) => JSON.stringify({ output: h, refs: multilingual.references[i] }))
      .join('\n'),
  );
});

afterAll(async () => {
  await runner.close();
  rmSync(dir, { recursive: true, force: true });
});

function score(file: string, refs: string, extra: string[]) {
  return assay([
    'score',
    file,
    '--task',
    'generation',
    '--y-true',
    refs,
    '--y-pred',
    'output',
    '--format',
    'json',
    '--quiet',
    ...extra,
  ]);
}

describe('assay score --task generation', () => {
  test.each([
    { file: () => multiFile, refs: 'refs', corpus: multi },
    { file: () => singleFile, refs: 'ref', corpus: single },
  ])(
    'corpus BLEU, chrF, chrF++ and TER of $refs equal sacrebleu',
    async ({ file, refs, corpus }) => {
      const exit = await score(file(), refs, [
        '--metrics',
        'bleu,chrf,chrf_pp,ter',
        '--workers',
        '2',
      ]);
      expect(exit.stderr).toBe('');
      expect(exit.code).toBe(0);
      const report = ScoreReportSchema.parse(JSON.parse(exit.stdout));
      expect(report.task).toBe('generation');
      expect(report.n).toBe(corpus.hypotheses.length);
      for (const metric of ['bleu', 'chrf', 'chrf_pp', 'ter'] as const) {
        const expected = sacrebleu(metric, corpus.name);
        expect(
          Math.abs(report.overall[metric]!.value! - expected.score),
          metric,
        ).toBeLessThanOrEqual(1e-6);
        expect(report.settings.generation?.signatures[metric]).toBe(expected.signature);
      }
    },
    60_000,
  );

  test('folds, slices, clusters and the bootstrap equal the library on the same rows', async () => {
    const args = [
      '--metrics',
      'exact_match,token_f1,bleu,rougeL,levenshtein_similarity',
      '--stemmer',
      'porter',
      '--normalize',
      'ignore_case',
      '--cv',
      'kfold:3',
      '--slice',
      'lang',
      '--clusters',
      'id',
      '--bootstrap',
      '200',
      '--seed',
      '4',
    ];
    const [one, two] = await Promise.all([
      score(multiFile, 'refs', [...args, '--workers', '1']),
      score(multiFile, 'refs', [...args, '--workers', '2']),
    ]);
    expect(one.code).toBe(0);
    const a = ScoreReportSchema.parse(JSON.parse(one.stdout));
    const b = ScoreReportSchema.parse(JSON.parse(two.stdout));
    const library = await runner.scoreGenerations(
      {
        references: multi.references,
        outputs: multi.hypotheses,
        slice: multi.hypotheses.map((_, i) => (i % 2 === 0 ? 'en' : 'de')),
      },
      {
        metrics: ['exact_match', 'token_f1', 'bleu', 'rougeL', 'levenshtein_similarity'],
        stemmer: 'porter',
        normalize: { ignoreCase: true },
        cv: 'kfold:3',
        clusterIds: multi.hypotheses.map((_, i) => i),
        bootstrap: 200,
        seed: 4,
      },
    );
    for (const report of [a, b]) {
      expect(report.overall).toEqual(library.overall);
      expect(report.folds).toEqual(library.folds);
      expect(report.slices).toEqual(library.slices);
      expect(report.settings.generation).toEqual({
        ...library.settings.generation,
        normalize: 'ignore_case',
      });
    }
    expect(a.settings.resampling).toBe('clusters');
    const { value, ci } = a.overall.bleu!;
    expect(ci![0]).toBeLessThanOrEqual(value!);
    expect(ci![1]).toBeGreaterThanOrEqual(value!);
  }, 60_000);

  test.each(['intl', 'char', 'zh'])(
    '--bleu-tokenize %s reaches the workers: BLEU and its signature equal sacrebleu',
    async (tokenizer) => {
      const exit = await score(multilingualFile, 'refs', [
        '--metrics',
        'bleu,chrf',
        '--bleu-tokenize',
        tokenizer,
        '--workers',
        '2',
      ]);
      expect(exit.stderr).toBe('');
      expect(exit.code).toBe(0);
      const report = ScoreReportSchema.parse(JSON.parse(exit.stdout));
      const expected = sacrebleu('bleu', multilingual.name, { tokenize: tokenizer });
      expect(Math.abs(report.overall.bleu!.value! - expected.score)).toBeLessThanOrEqual(1e-6);
      expect(report.settings.generation?.signatures.bleu).toBe(expected.signature);
      expect(report.settings.generation?.bleuTokenize).toBe(tokenizer);
      const chrf = sacrebleu('chrf', multilingual.name);
      expect(Math.abs(report.overall.chrf!.value! - chrf.score)).toBeLessThanOrEqual(1e-6);
    },
    60_000,
  );

  test('the table headline names a BLEU tokenizer other than 13a', async () => {
    const exit = await score(multilingualFile, 'refs', [
      '--metrics',
      'bleu',
      '--bleu-tokenize',
      'zh',
      '--format',
      'table',
    ]);
    expect(exit.code).toBe(0);
    expect(exit.stdout).toContain(
      `${multilingual.hypotheses.length} rows · generation · normalize squad · bleu tokenize zh · cv none`,
    );
    expect(exit.stdout).toContain('|tok:zh|smooth:exp|version:2.6.0');
  }, 60_000);

  test('the table shows the metrics and the sacrebleu signatures; an empty output is scored', async () => {
    const file = join(dir, 'empty.jsonl');
    writeFileSync(
      file,
      ['{"r": "a b c", "output": ""}', '{"r": "d e", "output": "d e"}'].join('\n'),
    );
    const scoreAs = (metrics: string, format: string) =>
      assay(
        ['score', file, '--task', 'generation', '--y-true', 'r', '--y-pred', 'output'].concat([
          '--metrics',
          metrics,
          '--format',
          format,
          '--quiet',
        ]),
      );
    const exit = await scoreAs('exact_match,chrf', 'table');
    expect(exit.code).toBe(0);
    expect(exit.stdout).toContain('2 rows · generation · normalize squad');
    expect(exit.stdout).toMatch(/exact_match\s+0\.5000/);
    expect(exit.stdout).toContain(
      'chrf: nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0',
    );
    // chrF's 0-100 scale is named beside exact_match's 0-1
    expect(exit.stdout).toContain("chrf is a corpus score on sacrebleu's 0–100 scale, not 0–1.");
    const md = await scoreAs('exact_match,token_f1', 'md');
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('| token\\_f1 |');
    expect(md.stdout).not.toContain('0–100');
  }, 60_000);
});

describe('assay score --task generation refuses bad input with exit code 2', () => {
  test.each([
    {
      what: 'a missing reference column',
      rows: ['{"answer": "a", "output": "a"}'],
      args: [] as string[],
      message: /no column "refs"; the columns are: "answer", "output"/,
    },
    {
      what: 'a reference that is neither a string nor an array of strings',
      rows: ['{"refs": "a", "output": "a"}', '{"refs": 7, "output": "b"}'],
      args: [],
      message: /Column "refs" has the non-text value 7 at line 2 \(data row 2\)/,
    },
    {
      what: 'a row without a reference',
      rows: ['{"refs": "a", "output": "a"}', '{"refs": [null], "output": "b"}'],
      args: [],
      message:
        /Column "refs" \(references\) has no reference .* at line 2 \(data row 2\) of .*\.jsonl;/,
    },
    {
      what: 'an unknown metric',
      rows: ['{"refs": "a", "output": "a"}'],
      args: ['--metrics', 'bleu,rouge_l'],
      message:
        /Unknown generation metric "rouge_l"; the generation metrics are: exact_match, token_f1, bleu, chrf, chrf_pp, ter, rouge1, rouge2, rouge3, rouge4, rouge5, rouge6, rouge7, rouge8, rouge9, rougeL, rougeLsum, levenshtein_similarity\. Did you mean "rougeL"\?$/m,
    },
    {
      what: 'chrF++ as sacrebleu spells it',
      rows: ['{"refs": "a", "output": "a"}'],
      args: ['--metrics', 'chrF++'],
      message: /Unknown generation metric "chrF\+\+"; .* Did you mean "chrf_pp"\?$/m,
    },
    {
      what: 'an array as output',
      rows: ['{"refs": "a", "output": "a"}', '{"refs": "a", "output": ["a"]}'],
      args: [],
      message:
        /^assay score: Column "output" \(outputs\) has an array at line 2 \(data row 2\) of .*\.jsonl; an output must be one string/,
    },
    {
      what: 'an unknown normalization',
      rows: ['{"refs": "a", "output": "a"}'],
      args: ['--normalize', 'lower'],
      message:
        /^assay score: --normalize "lower" is not a normalization; use squad, none, or a comma-separated list of ignore_case, ignore_punctuation, ignore_numbers\.$/m,
    },
    {
      what: 'a near miss of a normalization',
      rows: ['{"refs": "a", "output": "a"}'],
      args: ['--normalize', 'ignore-case'],
      message:
        /^assay score: --normalize "ignore-case" is not a normalization; did you mean "ignore_case"\? Use squad, none, or /m,
    },
    {
      what: 'a BLEU tokenizer that needs a model file',
      rows: ['{"refs": "a", "output": "a"}'],
      args: ['--bleu-tokenize', 'flores101'],
      message: /--bleu-tokenize.*flores101.*13a, none, intl, char, zh/,
    },
    {
      what: 'a classification flag',
      rows: ['{"refs": "a", "output": "a", "p": 0.5}'],
      args: ['--y-score', 'p'],
      message: /--y-score does not apply to --task generation/,
    },
  ])(
    '$what',
    async ({ what, rows, args, message }) => {
      const file = join(dir, `${what.replaceAll(' ', '-')}.jsonl`);
      writeFileSync(file, rows.join('\n'));
      const exit = await score(file, 'refs', args);
      expect(exit.code).toBe(2);
      expect(exit.stdout).toBe('');
      expect(exit.stderr).toMatch(message);
    },
    60_000,
  );

  test('--stemmer without --task generation is refused', async () => {
    const exit = await assay([
      'score',
      multiFile,
      '--y-true',
      'lang',
      '--y-pred',
      'lang',
      '--stemmer',
      'porter',
      '--quiet',
    ]);
    expect(exit.code).toBe(2);
    expect(exit.stderr).toContain('--stemmer applies to generated text only');
  }, 60_000);

  test('--bleu-tokenize without --task generation is refused', async () => {
    const exit = await assay([
      'score',
      multiFile,
      '--y-true',
      'lang',
      '--y-pred',
      'lang',
      '--bleu-tokenize',
      'intl',
      '--quiet',
    ]);
    expect(exit.code).toBe(2);
    expect(exit.stderr).toContain('--bleu-tokenize applies to generated text only');
  }, 60_000);
});
