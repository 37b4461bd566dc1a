import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { assay } from './cli-process.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-option-messages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const csv = join(dir, 'preds.csv');
writeFileSync(
  csv,
  'label,prediction,p_spam,truth01\nspam,spam,0.91,1\nham,ham,0.12,0\nspam,ham,0.45,1\nham,ham,0.05,0\nspam,spam,0.77,1\nham,spam,0.61,0\n',
);
const score = (args: string[]) => assay(['score', csv, ...args]);
const advice =
  "Pass the positive class's scores with --y-score, or one probability column per class with --y-proba, and the predicted class labels with --y-pred; scores are not thresholded into labels here.";

test('--pos-label in another case than the label names the label meant', async () => {
  const { code, stderr } = await score([
    '--y-true',
    'label',
    '--y-pred',
    'prediction',
    '--pos-label',
    'Spam',
  ]);
  expect(code).toBe(2);
  expect(stderr).toBe(
    'assay score: --pos-label is "Spam", which is not one of the labels ("ham", "spam"); did you mean "spam"? Labels are compared exactly, case and spaces included.\n',
  );
});

test('a metric that needs a positive class names --pos-label, not the library option', async () => {
  const { code, stderr } = await score([
    '--y-true',
    'label',
    '--y-pred',
    'prediction',
    '--metrics',
    'f1',
  ]);
  expect(code).toBe(2);
  expect(stderr).toBe(
    'assay score: Metric f1 needs a positive class, but the labels are "ham", "spam"; name the positive one with --pos-label: --pos-label ham or --pos-label spam, as scikit-learn\'s pos_label. Labels in {0, 1} or {-1, 1} need none.\n',
  );
});

test('probabilities as --y-pred of a classification get a warning naming --y-score', async () => {
  const { code, stdout, stderr } = await score([
    '--y-true',
    'truth01',
    '--y-pred',
    'p_spam',
    '--task',
    'classification',
    '--metrics',
    'accuracy',
    '--format',
    'json',
  ]);
  expect(code).toBe(0);
  const warning = `Column "p_spam" (y_pred) looks like scores or probabilities, not class labels: 6 of 6 rows hold a number strictly between 0 and 1, and each distinct value was scored as a class of its own. ${advice}`;
  const report = JSON.parse(stdout) as {
    overall: { accuracy: { value: number } };
    warnings: string[];
  };
  expect(report.warnings[0]).toBe(warning);
  // the figure is what the columns say: no fraction is a true class
  expect(report.overall.accuracy.value).toBe(0);
  // a JSON report's warnings go to stderr too, in the same words
  expect(stderr.split('\n')[0]).toBe(`assay score: warning: ${warning}`);
});

test('probabilities as --y-pred beside string labels: the error says to pass them with --y-score', async () => {
  const { code, stderr } = await score(['--y-true', 'label', '--y-pred', 'p_spam']);
  expect(code).toBe(2);
  expect(stderr).toMatch(/^assay score: Mix of label input types \(string and number\): /);
  expect(stderr).toContain(
    `Column "p_spam" (y_pred) looks like scores or probabilities, not class labels: 6 of 6 rows hold a number strictly between 0 and 1. ${advice}\n`,
  );
});

test('a report warning that names a library option names its flag instead', async () => {
  const { code, stdout } = await score([
    '--y-true',
    'label',
    '--y-pred',
    'prediction',
    '--clusters',
    'truth01',
    '--format',
    'json',
    '-q',
  ]);
  expect(code).toBe(0);
  expect((JSON.parse(stdout) as { warnings: string[] }).warnings).toContain(
    '--clusters is read only by the bootstrap, and --bootstrap is 0: it changes nothing here; pass --bootstrap 1000 for intervals that resample whole clusters.',
  );
});
