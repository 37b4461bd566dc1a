import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { assay } from './cli-process.js';

interface FoldFigures {
  nTrain: number;
  nTest: number;
  accuracy: number;
  f1_macro: number;
}

/** scikit-learn 1.2's folds on a 61-row table; made by fixtures/make-unshuffled-folds.py. */
const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/unshuffled-folds.json', import.meta.url), 'utf8'),
) as {
  rows: { y: string; p: string; g: string; fold: number }[];
  cases: Record<string, FoldFigures[]>;
};

const dir = mkdtempSync(join(tmpdir(), 'assay-unshuffled-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const csv = join(dir, 'preds.csv');
writeFileSync(
  csv,
  `y,p,g,fold\n${fixture.rows.map((r) => `${r.y},${r.p},${r.g},${r.fold}`).join('\n')}\n`,
);
const base = ['score', csv, '--y-true', 'y', '--y-pred', 'p', '--metrics', 'accuracy,f1_macro'];

interface Report {
  folds: { nTrain: number; nTest: number; metrics: Record<string, number> }[];
  settings: { cv: string; shuffle?: boolean };
}

async function report(args: string[]): Promise<Report> {
  const result = await assay([...base, ...args, '--format', 'json']);
  // a holdout's overall figures cover every row, not only its test fold: said, nothing else
  const said = result.stderr
    .split('\n')
    .filter(
      (line) => line !== '' && !/^assay score: warning: overall covers all \d+ rows/.test(line),
    );
  expect(said).toEqual([]);
  expect(args[1]?.startsWith('holdout') ?? false).toBe(result.stderr !== '');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Report;
}

function expectFolds(actual: Report['folds'], expected: FoldFigures[]): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((fold, f) => {
    expect([actual[f]!.nTrain, actual[f]!.nTest]).toEqual([fold.nTrain, fold.nTest]);
    expect(actual[f]!.metrics.accuracy).toBeCloseTo(fold.accuracy, 12);
    expect(actual[f]!.metrics.f1_macro).toBeCloseTo(fold.f1_macro, 12);
  });
}

describe('--no-shuffle gives scikit-learn’s shuffle=False folds', () => {
  test.each(['kfold:5', 'stratified:5', 'stratified-group:3', 'holdout:0.25'])('%s', async (cv) => {
    const groups = cv.startsWith('stratified-group') ? ['--group', 'g'] : [];
    const unshuffled = await report(['--cv', cv, '--no-shuffle', ...groups]);
    expect(unshuffled.settings).toMatchObject({ cv, shuffle: false });
    expectFolds(unshuffled.folds, fixture.cases[cv]!);
    // the default shuffles, so its folds differ (and it says so)
    const shuffled = await report(['--cv', cv, ...groups]);
    expect(shuffled.settings.shuffle).toBe(true);
    expect(shuffled.folds.map((f) => f.metrics.accuracy)).not.toEqual(
      unshuffled.folds.map((f) => f.metrics.accuracy),
    );
  });

  test('the table names unshuffled folds and lists each fold’s figures', async () => {
    const table = await assay([...base, '--cv', 'kfold:5', '--no-shuffle', '--format', 'table']);
    const lines = table.stdout.split('\n');
    expect(lines[0]).toContain('cv kfold:5 unshuffled');
    const at = lines.indexOf('folds:');
    expect(lines[at + 1]).toMatch(/^fold\s+train\s+test\s+accuracy\s+f1_macro$/);
    fixture.cases['kfold:5']!.forEach((fold, f) => {
      const cells = lines[at + 3 + f]!.trim().split(/\s+/);
      expect(cells).toEqual([
        String(f),
        String(fold.nTrain),
        String(fold.nTest),
        fold.accuracy.toFixed(4),
        fold.f1_macro.toFixed(4),
      ]);
    });
  });

  test('a repeated CV lists its repeats; more than 20 folds are left to the JSON', async () => {
    const some = await assay([...base, '--cv', 'repeated-stratified:2x3', '--format', 'table']);
    const lines = some.stdout.split('\n');
    expect(lines[lines.indexOf('folds:') + 1]).toMatch(/^fold\s+repeat\s+train\s+test/);
    const many = await assay([...base, '--cv', 'repeated-stratified:3x7', '--format', 'table']);
    expect(many.stdout).toContain('folds: 21, too many to list here');
    expect(many.stdout.split('\n')).not.toContain('folds:');
  });

  test('repeated-stratified, which shuffles every repeat, is refused before reading, exit 2', async () => {
    const result = await assay([...base, '--cv', 'repeated-stratified:3x2', '--no-shuffle']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--no-shuffle cannot apply to --cv repeated-stratified:3x2');
    expect(result.stderr).toContain('use --cv stratified:3');
    // checked before the file is read: a file that does not exist is not reached
    const early = await assay([
      ...['score', join(dir, 'absent.csv'), '--y-true', 'y', '--y-pred', 'p'],
      ...['--cv', 'repeated-stratified:3x2', '--no-shuffle'],
    ]);
    expect(early.stderr).toContain('--no-shuffle cannot apply');
  });

  test('--shuffle asks for the default; --no-shuffle where nothing shuffles is warned about', async () => {
    const shuffled = await report(['--cv', 'kfold:5', '--shuffle']);
    expect(shuffled.settings.shuffle).toBe(true);
    const none = await assay([...base, '--no-shuffle', '--format', 'json']);
    expect(none.code).toBe(0);
    expect(none.stderr).toContain('shuffle: false (--no-shuffle) has no effect with --cv none');
  });
});

describe('--folds reads each row’s test fold from a column', () => {
  test('as scikit-learn’s PredefinedSplit: -1 never tested, folds in value order', async () => {
    const result = await assay([...base, '--folds', 'fold', '--format', 'json']);
    expect(result.code).toBe(0);
    const given = JSON.parse(result.stdout) as Report & {
      warnings: string[];
      settings: { foldValues?: number[] };
    };
    expect(given.settings.cv).toBe('folds:fold');
    expectFolds(given.folds, fixture.cases.folds!);
    // folds 0, 1, 2 are the column's values 3, 7, 9; the -1 rows are counted in a warning
    expect(given.settings.foldValues).toEqual([3, 7, 9]);
    const untested = fixture.rows.filter((r) => r.fold === -1).length;
    expect(given.warnings).toContain(
      `--folds fold: ${untested} row(s) marked -1 are in no test fold: they count in "overall" but in no fold, so the fold mean can differ from it.`,
    );
    expect(result.stderr).toContain(`assay score: warning: --folds fold: ${untested} row(s)`);
    const table = await assay([...base, '--folds', 'fold', '--format', 'table']);
    const lines = table.stdout.split('\n');
    expect(lines[0]).toContain('cv predefined folds from column "fold"');
    // the table lists the folds by their values in the column
    const at = lines.indexOf('folds:');
    expect(lines.slice(at + 3, at + 6).map((l) => l.trim().split(/\s+/)[0])).toEqual([
      '3',
      '7',
      '9',
    ]);
  });

  test('JSONL folds written as strings ("3") are read by their value; words are refused', async () => {
    const jsonl = join(dir, 'string-folds.jsonl');
    writeFileSync(
      jsonl,
      fixture.rows.map((r) => JSON.stringify({ y: r.y, p: r.p, fold: String(r.fold) })).join('\n'),
    );
    const args = [
      'score',
      jsonl,
      '--y-true',
      'y',
      '--y-pred',
      'p',
      '--metrics',
      'accuracy,f1_macro',
    ];
    const given = await assay([...args, '--folds', 'fold', '--format', 'json']);
    expect(given.code).toBe(0);
    expectFolds((JSON.parse(given.stdout) as Report).folds, fixture.cases.folds!);
    const words = join(dir, 'word-folds.jsonl');
    writeFileSync(words, '{"y":"a","p":"a","fold":"0"}\n{"y":"b","p":"b","fold":"two"}\n');
    const refused = await assay([args[0]!, words, ...args.slice(2, 6), '--folds', 'fold']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      `Column "fold" (--folds) has "two" at line 2 (data row 2) of ${words}`,
    );
  });

  test('bad fold columns and combinations are refused naming the flag, exit 2', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'y,p,fold,half,text,none\na,a,0,0.5,x,-1\nb,b,1,1,y,-1\na,b,,0,z,-1\n');
    const args = ['score', bad, '--y-true', 'y', '--y-pred', 'p', '--metrics', 'accuracy'];
    const cases: [string[], string][] = [
      [
        ['--folds', 'fold'],
        `Column "fold" (--folds) has a missing value at line 4 (data row 3) of ${bad}`,
      ],
      [['--folds', 'half'], `Column "half" (--folds) has 0.5 at line 2 (data row 1) of ${bad}`],
      [['--folds', 'text'], `Column "text" (--folds) has "x" at line 2 (data row 1) of ${bad}`],
      [['--folds', 'fold', '--cv', 'kfold:2'], '--folds fold gives the folds, so --cv kfold:2'],
      [['--folds', 'fold', '--drop-missing'], '--folds cannot be combined with --drop-missing'],
      [['--folds', 'none'], 'Column "none" (--folds) marks every row -1 (never tested)'],
      [['--folds', 'y'], '--folds y names the true or predicted label column'],
    ];
    for (const [extra, message] of cases) {
      const result = await assay([...args, ...extra]);
      expect(result.code, extra.join(' ')).toBe(2);
      expect(result.stderr, extra.join(' ')).toContain(message);
    }
  });
});

describe('--folds-out saves each row’s test fold', () => {
  function readFolds(file: string): { header: string[]; rows: number[][] } {
    const [head, ...lines] = readFileSync(file, 'utf8').trimEnd().split('\n');
    return { header: head!.split(','), rows: lines.map((l) => l.split(',').map(Number)) };
  }

  test('shuffled stratified folds, read back with --folds, score the same', async () => {
    const out = join(dir, 'saved-folds.csv');
    const first = await report(['--cv', 'stratified:5', '--seed', '3', '--folds-out', out, '-q']);
    const saved = readFolds(out);
    expect(saved.header).toEqual(['data_row', 'fold']);
    expect(saved.rows.map((r) => r[0])).toEqual(fixture.rows.map((_, i) => i + 1));
    // the saved ids give each fold's size and accuracy in the report
    first.folds.forEach((fold, f) => {
      const rows = saved.rows.flatMap((r, i) => (r[1] === f ? [i] : []));
      expect(rows).toHaveLength(fold.nTest);
      const right = rows.filter((i) => fixture.rows[i]!.y === fixture.rows[i]!.p).length;
      expect(fold.metrics.accuracy).toBeCloseTo(right / rows.length, 12);
    });
    // the same folds given back as a column: the same figures
    const withFolds = join(dir, 'with-folds.csv');
    writeFileSync(
      withFolds,
      `y,p,saved\n${fixture.rows.map((r, i) => `${r.y},${r.p},${saved.rows[i]![1]}`).join('\n')}\n`,
    );
    const again = await assay([
      ...['score', withFolds, '--y-true', 'y', '--y-pred', 'p', '--folds', 'saved'],
      ...['--metrics', 'accuracy,f1_macro', '--format', 'json'],
    ]);
    const back = JSON.parse(again.stdout) as Report;
    expect(back.folds).toEqual(first.folds);
  });

  test('unshuffled kfold folds are scikit-learn’s contiguous blocks; repeats get a column each', async () => {
    const out = join(dir, 'kfold-folds.csv');
    await report(['--cv', 'kfold:5', '--no-shuffle', '--folds-out', out, '-q']);
    // KFold(5) on 61 rows: blocks of 13, 12, 12, 12, 12 (the fixture's fold sizes)
    const sizes = fixture.cases['kfold:5']!.map((f) => f.nTest);
    const expected = sizes.flatMap((size, f) => Array.from({ length: size }, () => f));
    expect(readFolds(out).rows.map((r) => r[1])).toEqual(expected);
    const repeated = join(dir, 'repeated-folds.csv');
    const two = await report(['--cv', 'repeated-stratified:3x2', '--folds-out', repeated, '-q']);
    const saved = readFolds(repeated);
    expect(saved.header).toEqual(['data_row', 'fold_repeat_0', 'fold_repeat_1']);
    // numbered as the report: repeat 1's folds are 3, 4, 5
    expect(new Set(saved.rows.map((r) => r[2]))).toEqual(new Set([3, 4, 5]));
    expect(two.folds.map((f) => f.nTest)).toEqual(
      [0, 1, 2, 3, 4, 5].map(
        (f) => saved.rows.filter((r) => r[1 + Math.floor(f / 3)] === f).length,
      ),
    );
  });

  test('without folds, or with --drop-missing, it is refused before reading, exit 2', async () => {
    for (const [extra, message] of [
      [[], '--folds-out saves the folds of a CV, but there is none'],
      [['--cv', 'kfold:3', '--drop-missing'], '--folds-out cannot be combined with --drop-missing'],
    ] as const) {
      const result = await assay([...base, ...extra, '--folds-out', join(dir, 'never.csv')]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(message);
    }
  });
});
