import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { accuracyScore, f1Score } from '@assay/core-metrics';
import { ScoreReportSchema } from '@assay/runner';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'assay-score-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const csv = join(dir, 'preds.csv');
const jsonl = join(dir, 'preds.jsonl');
const yTrue: string[] = [];
const yPred: string[] = [];

interface Exit {
  code: number | null;
  /** the signal that ended the process, when one did (then `code` is null) */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function assay(args: string[]): Promise<Exit> {
  const child = spawn(process.execPath, [BIN, 'score', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
}

beforeAll(() => {
  const labels = ['cat', 'dog', 'eel'];
  const rows = ['y,yhat,p_cat,p_dog,p_eel,lang'];
  const lines: string[] = [];
  let state = 12345;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  for (let i = 0; i < 600; i++) {
    const t = Math.floor(next() * 3);
    const p = next() < 0.7 ? t : Math.floor(next() * 3);
    const raw = [next(), next(), next()];
    raw[p] = raw[p]! + 1.5;
    const sum = raw[0]! + raw[1]! + raw[2]!;
    const proba = raw.map((v) => (v / sum).toFixed(6));
    const lang = next() < 0.5 ? 'en' : 'fr';
    yTrue.push(labels[t]!);
    yPred.push(labels[p]!);
    rows.push(`${labels[t]},${labels[p]},${proba.join(',')},${lang}`);
    lines.push(
      JSON.stringify({
        y: labels[t],
        yhat: labels[p],
        p_cat: Number(proba[0]),
        p_dog: Number(proba[1]),
        p_eel: Number(proba[2]),
        lang,
      }),
    );
  }
  writeFileSync(csv, `${rows.join('\n')}\n`);
  writeFileSync(jsonl, `${lines.join('\n')}\n`);
});

describe('assay score', () => {
  test('writes a JSON report that validates against ScoreReportSchema and equals core-metrics', async () => {
    const run = await assay([
      csv,
      '--y-true',
      'y',
      '--y-pred',
      'yhat',
      '--y-proba',
      'p_cat,p_dog,p_eel',
      '--slice',
      'lang',
      '--cv',
      'stratified:3',
      '--bootstrap',
      '100',
      '--workers',
      '2',
      '--format',
      'json',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = ScoreReportSchema.parse(JSON.parse(run.stdout));
    expect(report.n).toBe(600);
    expect(report.labels).toEqual(['cat', 'dog', 'eel']);
    expect(report.folds).toHaveLength(3);
    expect(Object.keys(report.slices ?? {})).toEqual(['en', 'fr']);
    expect(report.settings.metrics).toContain('roc_auc_ovr');
    expect(report.settings.metrics).toContain('log_loss');
    expect(report.overall.accuracy?.value).toBe(accuracyScore(yTrue, yPred));
    expect(report.overall.f1_macro?.value).toBe(f1Score(yTrue, yPred, { average: 'macro' }));
    expect(report.overall.accuracy?.ci).toHaveLength(2);
    expect(report.timing.workers).toBe(2);
  }, 60_000);

  test('JSONL gives the same numbers as CSV; json is the default when stdout is not a TTY', async () => {
    const args = [
      '--y-true',
      'y',
      '--y-pred',
      'yhat',
      '--metrics',
      'accuracy,f1_macro',
      '--workers',
      '1',
    ];
    const a = await assay([csv, ...args]);
    const b = await assay([jsonl, ...args]);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    const ra = ScoreReportSchema.parse(JSON.parse(a.stdout));
    const rb = ScoreReportSchema.parse(JSON.parse(b.stdout));
    expect(rb.overall).toEqual(ra.overall);
    expect(rb.confusionMatrix).toEqual(ra.confusionMatrix);
  }, 60_000);

  test('writes Markdown and table reports', async () => {
    const out = join(dir, 'report.md');
    const md = await assay([
      csv,
      '--y-true',
      'y',
      '--y-pred',
      'yhat',
      '--cv',
      'kfold:3',
      '--out',
      out,
      '--quiet',
      '--workers',
      '0',
    ]);
    expect(md.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain(`# assay score: ${csv}`);
    expect(text).toMatch(/\| accuracy \| 0\.\d{4} \|/);
    expect(text).toContain('## Folds');
    expect(text).toContain('## Confusion matrix');
    const table = await assay([
      csv,
      '--y-true',
      'y',
      '--y-pred',
      'yhat',
      '--format',
      'table',
      '--workers',
      '0',
    ]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('assay score: 600 rows · classification · 3 classes');
    expect(table.stdout).toMatch(/accuracy\s+0\.\d{4}/);
    expect(table.stdout).toContain('confusion matrix');
  }, 60_000);

  test.each([
    [['--y-pred', 'nope'], 'has no column "nope"; the columns are: "y", "yhat"'],
    [['--y-pred', 'yhat', '--metrics', 'accuracy,wat'], 'Unknown metric "wat"'],
    [['--y-pred', 'yhat', '--cv', 'folds:3'], '--cv "folds:3" is invalid'],
    [['--y-pred', 'yhat', '--cv', 'group:3'], '--group'],
    [['--y-pred', 'yhat', '--y-score', 'lang'], 'non-numeric value'],
    // the runner's option names read as the flags the user typed
    [['--y-pred', 'yhat', '--pos-label', 'Cat'], 'assay score: --pos-label is "Cat", which is not'],
    [['--y-pred', 'yhat', '--labels', 'cat,cat'], 'assay score: --labels item 2 repeats the label'],
    // an empty item was dropped without a word ('cat,,ant' scored as 'cat,ant')
    [
      ['--y-pred', 'yhat', '--labels', 'cat,,ant'],
      "Item 2 of 3 is empty ('cat,,ant'); a label cannot be empty",
    ],
    [['--y-pred', 'yhat', '--bootstrap', '2000000'], 'assay score: --bootstrap must be a whole'],
    [['--y-pred', 'yhat', '--metrics', ''], "argument '' is invalid. It lists nothing"],
  ])('bad input %j exits 2 with a message and no stack', async (extra, message) => {
    const run = await assay([csv, '--y-true', 'y', ...extra, '--workers', '0']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test('never guesses the positive class: exit 2 listing the labels, --pos-label names it', async () => {
    // scikit-learn 1.2.1: roc_auc_score([t == 'fraud' for t in y], p_fraud) == 0.9333333333333333
    const file = join(dir, 'fraud.csv');
    const y = ['fraud', 'legit', 'legit', 'fraud', 'legit', 'legit', 'fraud', 'legit'];
    const p = [0.9, 0.2, 0.3, 0.8, 0.1, 0.6, 0.4, 0.3];
    writeFileSync(
      file,
      [
        'y,yhat,p_fraud',
        ...y.map((t, i) => `${t},${p[i]! > 0.5 ? 'fraud' : 'legit'},${p[i]}`),
      ].join('\n'),
    );
    const args = [
      file,
      '--y-true',
      'y',
      '--y-pred',
      'yhat',
      '--y-score',
      'p_fraud',
      '--format',
      'json',
    ];
    const guessed = await assay(args);
    expect(guessed.code).toBe(2);
    expect(guessed.stderr).toMatch(
      /the labels are "fraud", "legit"; name the positive one with --pos-label: --pos-label fraud or --pos-label legit,/,
    );
    const named = await assay([...args, '--pos-label', 'fraud']);
    // the signal and stderr in the failure message say why, should the process die
    expect({ code: named.code, signal: named.signal, stderr: named.stderr }).toEqual({
      code: 0,
      signal: null,
      stderr: '',
    });
    const report = ScoreReportSchema.parse(JSON.parse(named.stdout));
    expect(report.overall.roc_auc!.value).toBeCloseTo(0.9333333333333333, 14);
    expect(report.settings.posLabel).toBe('fraud');
    // the table says which class was positive, so an f1 or roc_auc can be read
    const table = await assay([...args.slice(0, -2), '--pos-label', 'fraud', '--format', 'table']);
    expect(table.stdout).toContain('· 2 classes · positive class fraud ·');
  });

  test('--workers beyond the cores is clamped, with a warning on stderr and in the report', async () => {
    const out = await assay([
      csv,
      '--y-true',
      'y',
      '--y-pred',
      'yhat',
      '--workers',
      '999',
      '--format',
      'json',
    ]);
    expect(out.code).toBe(0);
    expect(out.stderr).toMatch(
      /warning: --workers 999 is more than the \d+ available core\(s\); using \d+\./,
    );
    const report = ScoreReportSchema.parse(JSON.parse(out.stdout));
    expect(report.warnings[0]).toMatch(/^--workers 999 is more than/);
    expect(report.timing.workers).toBeLessThan(999);
  });

  test("a JSON report's warnings also reach stderr; a table's stay in the table", async () => {
    const unseen = join(dir, 'unseen.csv');
    writeFileSync(unseen, 'y,yhat\na,a\nb,b\na,z\n');
    const base = [unseen, '--y-true', 'y', '--y-pred', 'yhat', '--workers', '1'];
    const json = await assay([...base, '--format', 'json']);
    expect(json.code).toBe(0);
    const report = ScoreReportSchema.parse(JSON.parse(json.stdout));
    expect(report.warnings.length).toBeGreaterThan(0);
    expect(json.stderr).toBe(report.warnings.map((w) => `assay score: warning: ${w}\n`).join(''));
    expect(json.stderr).toContain('"z" never occur in y_true');
    const table = await assay([...base, '--format', 'table']);
    expect(table.stdout).toContain('warning: Predicted label(s) "z" never occur in y_true');
    expect(table.stderr).toBe('');
    const quiet = await assay([...base, '--format', 'json', '--quiet']);
    expect(quiet.stderr).toBe('');
  });

  test('10,000 classes: every format exits 0, JSON lists the matrix sparsely with a note', async () => {
    const many = join(dir, 'many-classes.csv');
    const rows = ['y,yhat'];
    // two rows per class: the first right, the second predicted as the next class
    for (let c = 0; c < 10_000; c++) rows.push(`c${c},c${c}`, `c${c},c${(c + 1) % 10_000}`);
    writeFileSync(many, `${rows.join('\n')}\n`);
    const base = [many, '--y-true', 'y', '--y-pred', 'yhat', '--quiet', '--workers', '1'];
    const json = await assay([...base, '--format', 'json']);
    expect(json.stderr).not.toMatch(/\n\s+at /);
    expect(json.code).toBe(0);
    const report = ScoreReportSchema.parse(JSON.parse(json.stdout));
    expect(report.labels).toHaveLength(10_000);
    expect(report.overall.accuracy?.value).toBe(0.5);
    expect(report.confusionMatrix).toBeNull();
    expect(report.sparseConfusionMatrix?.nonZeroCells).toBe(20_000);
    expect(report.sparseConfusionMatrix?.cells[0]).toEqual(['c0', 'c0', 1]);
    expect(report.perClass).toHaveLength(10_000);
    expect(report.warnings).toContainEqual(
      expect.stringMatching(/^10000 classes are more than the confusion-matrix limit of 1000/),
    );
    for (const format of ['table', 'md']) {
      const run = await assay([...base, '--format', format]);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('confusion-matrix limit of 1000');
      expect(run.stdout.length).toBeLessThan(10_000);
    }
  }, 120_000);

  test('table and Markdown leave out a confusion matrix too wide for them, saying where it is', async () => {
    const sixty = join(dir, 'sixty-classes.csv');
    const rows = ['y,yhat'];
    for (let c = 0; c < 60; c++) rows.push(`k${c},k${c}`, `k${c},k${(c + 1) % 60}`);
    writeFileSync(sixty, `${rows.join('\n')}\n`);
    const run = await assay([
      sixty,
      '--y-true',
      'y',
      '--y-pred',
      'yhat',
      '--format',
      'md',
      '--workers',
      '0',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '60 classes are too many for a table here: the matrix is in the JSON report (`--format json`).',
    );
    expect(run.stdout).not.toContain('| true \\ pred |');
    const table = await assay([
      sixty,
      '--y-true',
      'y',
      '--y-pred',
      'yhat',
      '--format',
      'table',
      '--workers',
      '0',
    ]);
    expect(table.stdout).toContain(
      'confusion matrix: 60 classes, too many to show here; it is in the JSON report (--format json).',
    );
  });

  test('a missing file and a missing required option exit 2', async () => {
    const missing = await assay([join(dir, 'absent.csv'), '--y-true', 'y', '--y-pred', 'yhat']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(
      `${join(dir, 'absent.csv')} does not exist; pass an existing file.`,
    );
    // a relative path names where it was looked for: `pnpm assay` reads from the repository root
    const relative = await assay(['absent-preds.csv', '--y-true', 'y', '--y-pred', 'yhat']);
    expect(relative.code).toBe(2);
    expect(relative.stderr).toContain(
      `absent-preds.csv does not exist (looked for ${resolve('absent-preds.csv')}); pass an existing file.`,
    );
    const usage = await assay([csv, '--y-true', 'y']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("required option '--y-pred <col>'");
  });

  test('a missing label names its row; --drop-missing drops it and reports the count', async () => {
    const gaps = join(dir, 'gaps.csv');
    writeFileSync(gaps, 'y,yhat\ncat,cat\n,dog\ndog,dog\ncat,dog\n');
    const failed = await assay([gaps, '--y-true', 'y', '--y-pred', 'yhat', '--workers', '0']);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain(`at line 3 (data row 2) of ${gaps};`);
    expect(failed.stderr).toContain('pass --drop-missing to drop such rows');
    expect(failed.stderr).not.toContain('dropMissing');
    const dropped = await assay([
      gaps,
      '--y-true',
      'y',
      '--y-pred',
      'yhat',
      '--workers',
      '0',
      '--drop-missing',
      '--metrics',
      'accuracy',
    ]);
    expect(dropped.code).toBe(0);
    const report = ScoreReportSchema.parse(JSON.parse(dropped.stdout));
    expect(report.n).toBe(3);
    expect(report.dropped).toBe(1);
    expect(report.overall.accuracy?.value).toBeCloseTo(2 / 3, 15);
    // one column in two roles is counted once in the warning ('y 1, y 1' before)
    const same = await assay([gaps, '--y-true', 'y', '--y-pred', 'y', '--workers', '0']);
    const sameArgs = [gaps, '--y-true', 'y', '--y-pred', 'y', '--workers', '0', '--drop-missing'];
    expect(same.code).toBe(2);
    const twice = ScoreReportSchema.parse(JSON.parse((await assay(sameArgs)).stdout));
    expect(twice.warnings.join(' ')).toContain('(missing values by column: y 1)');
  });

  test('--clusters resamples items: three answers per item give the interval of one answer per item', async () => {
    const once = join(dir, 'once.csv');
    const thrice = join(dir, 'thrice.csv');
    const rows = yTrue.map((t, i) => `${t},${yPred[i]}`);
    // weights of 1 make the single answers resample rows too, the same random stream
    writeFileSync(once, `y,yhat,w\n${rows.map((r) => `${r},1`).join('\n')}\n`);
    const repeats = [0, 1, 2].flatMap(() => rows.map((r, i) => `${r},q${i}`));
    writeFileSync(thrice, `y,yhat,item\n${repeats.join('\n')}\n`);
    const common = ['--y-true', 'y', '--y-pred', 'yhat', '--metrics', 'accuracy,f1_macro'];
    const args = [...common, '--bootstrap', '300', '--workers', '2', '--format', 'json'];
    const single = await assay([once, ...args, '--weight', 'w']);
    const clustered = await assay([thrice, ...args, '--clusters', 'item']);
    const byRow = await assay([thrice, ...args]);
    expect(clustered.stderr).toBe('');
    const a = ScoreReportSchema.parse(JSON.parse(single.stdout));
    const b = ScoreReportSchema.parse(JSON.parse(clustered.stdout));
    const c = ScoreReportSchema.parse(JSON.parse(byRow.stdout));
    expect(b.overall).toEqual(a.overall);
    expect(b.n).toBe(1800);
    expect(b.clusters).toBe(600);
    expect(b.settings.resampling).toBe('clusters');
    const width = (r: typeof a) => r.overall.accuracy!.ci![1] - r.overall.accuracy!.ci![0];
    expect(width(c) / width(a)).toBeLessThan(0.7);
    const table = await assay([
      thrice,
      ...common,
      '--bootstrap',
      '20',
      '--clusters',
      'item',
      '--format',
      'table',
    ]);
    expect(table.stdout).toContain('1800 rows of 600 clusters');
    expect(table.stdout).toContain('bootstrap 20 of clusters');
  }, 60_000);

  test('--clusters refuses a row without a cluster and --drop-missing, exit 2', async () => {
    const gaps = join(dir, 'cluster-gaps.csv');
    writeFileSync(gaps, 'y,yhat,item\ncat,cat,a\ndog,dog,\ndog,cat,b\n');
    const base = [
      gaps,
      '--y-true',
      'y',
      '--y-pred',
      'yhat',
      '--clusters',
      'item',
      '--workers',
      '0',
    ];
    const missing = await assay(base);
    expect(missing.code).toBe(2);
    // named by its line in the file, as the readers name a bad cell
    expect(missing.stderr).toContain(
      `Column "item" (--clusters) has a missing value at line 3 (data row 2) of ${gaps}`,
    );
    const dropped = await assay([...base, '--drop-missing']);
    expect(dropped.code).toBe(2);
    expect(dropped.stderr).toContain('--clusters cannot be combined with --drop-missing');
    // a fractional column (a score named by mistake) would make every row its own cluster
    const scores = join(dir, 'cluster-scores.csv');
    writeFileSync(scores, 'y,yhat,p\ncat,cat,0.25\ndog,dog,0.5\n');
    const fraction = await assay([scores, '--y-true', 'y', '--y-pred', 'yhat', '--clusters', 'p']);
    expect(fraction.code).toBe(2);
    expect(fraction.stderr).toContain(
      `Column "p" (--clusters) has 0.25 at line 2 (data row 1) of ${scores}; cluster ids are whole numbers or labels`,
    );
  });

  test('--help lists the options and examples', async () => {
    const help = await assay(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--y-proba <cols>');
    expect(help.stdout).toContain('repeated-stratified:KxR');
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('--clusters <col>');
  });
});
