import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dryRun, parseRunConfig, runEvaluation } from '../src/index.js';
import { refusalOf, spamRunDocument } from './small-run.js';

let dir: string;
let server: ModelServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-unseen-label-'));
  server = await startModelServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function configFor(name: string, labels: string[]) {
  const doc = spamRunDocument({ name, out: join(dir, name), baseUrl: server.baseUrl, limit: 12 });
  doc.task = { type: 'classification', labels, positiveLabel: 'spam' };
  doc.evaluation = { bootstrap: 20 };
  return parseRunConfig(doc);
}

function run(name: string, labels: string[]) {
  return runEvaluation(configFor(name, labels));
}

describe('a task label that never occurs in the data', () => {
  it('lowers the macro averages as scikit-learn does, and the run says so in its warnings and report', async () => {
    const two = await run('two', ['spam', 'ham']);
    const three = await run('three', ['spam', 'ham', 'other']);
    const f1 = (r: typeof two) => r.models[0]!.metrics.f1_macro!.value!;
    // a third class without rows, its F1 0, is averaged in: two thirds of the two-label figure
    expect(f1(three)).toBeCloseTo((f1(two) * 2) / 3, 10);
    expect((two.warnings ?? []).filter((w) => w.includes('task.labels lists'))).toEqual([]);
    const warning = (three.warnings ?? []).find((w) => w.startsWith('task.labels lists "other"'));
    expect(warning).toContain(
      "which occurs in neither the data's labels nor the answers; scored as a class without rows",
    );
    expect(warning).toContain('macro averages include it');
    expect(warning).toContain('The labels in the data are "ham", "spam"');
    const written = JSON.parse(readFileSync(join(dir, 'three', 'results.json'), 'utf8'));
    expect(written.warnings).toContain(warning);
    expect(readFileSync(join(dir, 'three', 'report.md'), 'utf8')).toContain(
      'task.labels lists "other"',
    );
  }, 60_000);

  it('is named by the dry run too, before anything is sent', async () => {
    const plan = await dryRun(configFor('dry', ['spam', 'ham', 'other']));
    expect(plan.warnings).toContainEqual(
      expect.stringContaining(
        'task.labels lists "other", which occurs in none of the data\'s labels',
      ),
    );
    const clean = await dryRun(configFor('dry-clean', ['spam', 'ham']));
    expect(clean.warnings.filter((w) => w.includes('task.labels lists'))).toEqual([]);
  });
});

describe('a gold label that differs from task.labels only by case', () => {
  it('is refused with the labels they match and that labels are matched exactly, case included', async () => {
    const doc = spamRunDocument({
      name: 'cased',
      out: join(dir, 'cased'),
      baseUrl: server.baseUrl,
      limit: 12,
    });
    doc.task = { type: 'classification', labels: ['SPAM', 'HAM'], positiveLabel: 'SPAM' };
    const cased = await refusalOf(dryRun(parseRunConfig(doc)));
    expect(cased.path).toBe('task.labels');
    expect(cased.message).toMatch(
      /^task\.labels is \["SPAM", "HAM"\], but the 12 items of the data set have 2 distinct labels: "(ham|spam)" \(\d+ items?\), "(ham|spam)" \(\d+ items?\); not in task\.labels: /,
    );
    expect(cased.message).toMatch(
      /; "(ham|spam)", "(ham|spam)" differ from task\.labels' "(HAM|SPAM)", "(HAM|SPAM)" only by case: gold labels are matched exactly \(case included\), so write task\.labels as the data does, or fix the data\.$/,
    );
    const [, data, configured] = /; ("\w+", "\w+") differ from task\.labels' ("\w+", "\w+")/.exec(
      cased.message,
    )!;
    expect(configured).toBe(data!.toUpperCase());
    // a label with no near spelling keeps the plain advice
    const other = await refusalOf(dryRun(configFor('other', ['spam', 'junk'])));
    expect(other.message).toMatch(
      /not in task\.labels: "ham" \(the first item with one: item '[^']+'\); list every label the data uses in task\.labels\.$/,
    );
  });
});
