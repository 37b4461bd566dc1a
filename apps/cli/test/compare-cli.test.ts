import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CompareResult, readPredictions, writePredictions } from '@assay/eval';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assay, besidesNoWidthCaveat } from './cli-process.js';
import { junitSchemaErrors, parseJunit } from './junit-schema.js';
import { spamRun } from './run-config-file.js';

let dir: string;
let server: ModelServer;
const ITEMS = 300;
const FAST = ['--bootstrap', '400'];

const lastLine = (text: string): string => text.trim().split('\n').at(-1)!;

const run = (name: string, overrides: Record<string, unknown>, noWidth?: readonly string[]) =>
  spamRun(dir, server.baseUrl, name, overrides, { items: ITEMS, ...(noWidth ? { noWidth } : {}) });

const TEMPLATE = 'Classify this e-mail as spam or ham:\n\n{{text}}';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-cli-compare-'));
  server = await startModelServer({ port: 0 });
  await run('full', {});
  // 120 characters leave too little to tell spam: every answer is the same label
  await run('short', { prompt: { template: TEMPLATE, maxFieldChars: 120 } }, [
    'balanced_accuracy',
    'recall_macro',
    'roc_auc',
  ]);
  await run('other-sample', { dataset: { builtin: 'spam-assassin', limit: ITEMS, seed: 2 } });
}, 120_000);

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('assay compare (CLI)', () => {
  it('detects the regression of a 120-character prompt: exit 1, the reason last, a schema-valid JUnit file with the numbers', async () => {
    const junit = join(dir, 'ci', 'compare.xml');
    const json = join(dir, 'ci', 'compare.json');
    const args = ['--fail-on', 'regression', '--metric', 'f1_macro', '--junit', junit];
    const done = await assay(['compare', join(dir, 'full'), join(dir, 'short'), ...args, ...FAST]);
    expect(besidesNoWidthCaveat(done.stderr)).toBe('');
    expect(done.code).toBe(1);
    expect(lastLine(done.stdout)).toMatch(/^FAIL: f1_macro significantly worse \(f1_macro /);
    expect(done.stdout).toContain(`paired: ${ITEMS} predictions`);

    const again = await assay([
      'compare',
      join(dir, 'full'),
      join(dir, 'short', 'results.json'),
      ...args,
      ...FAST,
      '--format',
      'json',
      '--out',
      json,
    ]);
    expect(again.code).toBe(1);
    const result = JSON.parse(readFileSync(json, 'utf8')) as CompareResult;
    const f1 = result.metrics.find((m) => m.metric === 'f1_macro')!;
    expect(f1).toMatchObject({ gated: true, worse: true, failed: true, interval: 'bca' });
    expect(f1.difference!).toBeLessThan(0);
    expect(f1.ciHigh!).toBeLessThan(0);
    expect(result.metrics.find((m) => m.metric === 'accuracy')).toMatchObject({
      gated: false,
      test: 'mcnemar',
      failed: false,
    });

    const xml = readFileSync(junit, 'utf8');
    expect(await junitSchemaErrors(xml)).toEqual([]);
    const doc = parseJunit(xml);
    expect(doc.tests).toBe('1');
    expect(doc.testsuite[0]!.failures).toBe('1');
    const testcase = doc.testsuite[0]!.testcase![0]!;
    const digits = (x: number | null) => x!.toFixed(4);
    for (const shown of [f1.baseline, f1.candidate, f1.difference, f1.ciLow, f1.ciHigh]) {
      expect(testcase.failure!.message).toContain(digits(shown));
    }
    // a bootstrap p-value of 0 is stated as the bound it stands for (2 / resamples)
    expect(testcase.failure!.message).toMatch(
      /95% CI \[.*\], p (\S+ \(bootstrap\)|< \S+ \(bootstrap: no resample of \d+ crossed zero\)), p-adjusted/,
    );
    expect(testcase.failure!.message).not.toMatch(/, p 0 /);
  }, 60_000);

  it('finds no difference between a run and a copy of it: difference 0, p = 1, and accuracy bounded by the items answered alike', async () => {
    const full = join(dir, 'full');
    // the same results.json twice is refused (see below): a copy, as a CI artifact is
    const copy = join(dir, 'full-copy');
    cpSync(full, copy, { recursive: true });
    const compare = (margin: string) =>
      assay([
        'compare',
        full,
        join(copy, 'results.json'),
        '--fail-on',
        'regression',
        '--margin',
        margin,
        '--format',
        'json',
        ...FAST,
      ]);
    // no item answered differently: accuracy's interval is ± the exact upper end of 0 of 300
    // items, 1 - 0.025^(1/300) = scipy's beta.ppf(0.975, 1, 300): 0.0122, above a margin of 0.01
    const u = 1 - 0.025 ** (1 / ITEMS);
    expect(u).toBeCloseTo(0.012220974694293552, 14);
    const done = await compare('0.02');
    expect(done.code).toBe(0);
    const result = JSON.parse(done.stdout) as CompareResult;
    expect(result.metrics.length).toBeGreaterThan(3);
    for (const m of result.metrics) {
      const bound = m.metric === 'accuracy' ? u : 0;
      expect([m.metric, m.difference, m.pValue]).toEqual([m.metric, 0, 1]);
      expect(m.ciLow).toBeCloseTo(-bound, 14);
      expect(m.ciHigh).toBeCloseTo(bound, 14);
      expect(m.failed).toBe(false);
    }
    expect(result.onlyBaseline.count + result.onlyCandidate.count).toBe(0);
    expect(lastLine(done.stderr)).toMatch(/^PASS: no gated metric significantly worse/);
    const tight = await compare('0.01');
    expect(tight.code).toBe(1);
    const failed = (JSON.parse(tight.stdout) as CompareResult).metrics.filter((m) => m.failed);
    expect(failed.map((m) => [m.metric, m.interval, m.itemsAlike])).toEqual([
      ['accuracy', 'clopper-pearson', ITEMS],
    ]);
    expect(lastLine(tight.stderr)).toMatch(/^FAIL: .*accuracy/);
  }, 60_000);

  it('refuses runs of different data sets with exit 2 and one line, unless --allow-different-data', async () => {
    const other = join(dir, 'other-sample');
    const refused = await assay(['compare', join(dir, 'full'), other, ...FAST]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/the data sets differ .*--allow-different-data/);

    const allowed = await assay([
      'compare',
      join(dir, 'full'),
      other,
      '--allow-different-data',
      ...FAST,
    ]);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain('allowed by --allow-different-data: the data sets differ');
    expect(allowed.stdout).toMatch(/only in the baseline: \d+ predictions \(/);
  }, 60_000);

  it('counts and lists the items only one run has instead of dropping them silently', async () => {
    const copy = join(dir, 'fewer');
    cpSync(join(dir, 'full'), copy, { recursive: true });
    const rows = readPredictions(readFileSync(join(copy, 'predictions.arrow')));
    const dropped = rows.slice(0, 7).map((r) => r.id);
    await writePredictions(join(copy, 'predictions.arrow'), rows.slice(7));
    const done = await assay(['compare', join(dir, 'full'), copy, ...FAST]);
    expect(done.code).toBe(0);
    expect(done.stdout).toContain(`paired: ${ITEMS - 7} predictions`);
    expect(done.stdout).toContain(
      `only in the baseline: 7 predictions (${dropped.slice(0, 5).join(', ')}, …), left out`,
    );
    // a CI gate can refuse a comparison that leaves out more items than it allows
    const gate = ['compare', join(dir, 'full'), copy, '--fail-on', 'regression', ...FAST];
    const within = await assay([...gate, '--max-unpaired', '0.05']);
    expect(within.code).toBe(0);
    expect(lastLine(within.stdout)).toMatch(/^PASS: /);
    const over = await assay([...gate, '--max-unpaired', '0.01']);
    expect(over.code).toBe(1);
    expect(lastLine(over.stdout)).toBe(
      `FAIL: 7 of ${ITEMS} predictions (${+(700 / ITEMS).toPrecision(3)}%; a pair counts once) have no partner in the other run (baseline 7, candidate 0), above --max-unpaired 0.01: the metrics compare the ${ITEMS - 7} paired predictions only; compare runs of the same data, evaluation method and samples`,
    );
    // alone, it is the rule that was checked
    const alone = await assay([
      'compare',
      join(dir, 'full'),
      copy,
      '--max-unpaired',
      '0.05',
      ...FAST,
    ]);
    expect(alone.code).toBe(0);
    expect(lastLine(alone.stdout)).toMatch(
      /^PASS: 2\.33% of the predictions in one run only, within --max-unpaired 0\.05; no rule on the metrics was given/,
    );
    const bad = await assay([...gate, '--max-unpaired', '5%']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--max-unpaired must be a share from 0 to 1, e.g. 0.01');
  }, 90_000);

  it('refuses a run compared with itself, and compares a renamed model with --model a:b', async () => {
    const self = await assay(['compare', join(dir, 'full'), join(dir, 'full', 'results.json')]);
    expect(self.code).toBe(2);
    expect(lastLine(self.stderr)).toMatch(
      /^assay: The baseline and the candidate are the same run /,
    );
    const renamed = join(dir, 'renamed');
    cpSync(join(dir, 'full'), renamed, { recursive: true });
    const results = JSON.parse(readFileSync(join(renamed, 'results.json'), 'utf8'));
    results.models[0].name = 'nb-v2';
    writeFileSync(join(renamed, 'results.json'), JSON.stringify(results));
    const rows = readPredictions(readFileSync(join(renamed, 'predictions.arrow')));
    await writePredictions(
      join(renamed, 'predictions.arrow'),
      rows.map((r) => ({ ...r, model: 'nb-v2' })),
    );
    const done = await assay([
      'compare',
      join(dir, 'full'),
      renamed,
      '--model',
      'nb:nb-v2',
      ...FAST,
    ]);
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('candidate: full (nb-v2)');
  }, 60_000);

  it('names the missing or unreadable file with exit 2', async () => {
    const lonely = join(dir, 'lonely');
    mkdirSync(lonely);
    cpSync(join(dir, 'full', 'results.json'), join(lonely, 'results.json'));
    const missing = await assay(['compare', join(dir, 'full'), lonely]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe(
      `assay: ${join(lonely, 'predictions.arrow')} does not exist; assay compare pairs items from the predictions.arrow written beside results.json.`,
    );
    writeFileSync(join(lonely, 'results.json'), '{"schemaVersion": 1}');
    const bad = await assay(['compare', lonely, join(dir, 'full')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/results\.json is not an assay results file \(name: /);
    const arrow = join(dir, 'full', 'predictions.arrow');
    const binary = await assay(['compare', arrow, join(dir, 'short')]);
    expect(binary.code).toBe(2);
    expect(binary.stderr.trim()).toBe(
      `assay: ${arrow} is an Arrow file (such as a run's predictions.arrow), not results.json; pass the run's output directory or its results.json.`,
    );
    const unknown = await assay([
      'compare',
      join(dir, 'full'),
      join(dir, 'short'),
      '--metric',
      'f1_makro',
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--metric f1_makro: .*did you mean 'f1_macro'\?/);
  }, 60_000);

  it('--format table writes the terminal table, as assay score and loadtest name it; text stays an alias', async () => {
    const base = ['compare', join(dir, 'full'), join(dir, 'short'), ...FAST];
    const [plain, table, text] = await Promise.all([
      assay(base),
      assay([...base, '--format', 'table']),
      assay([...base, '--format', 'text']),
    ]);
    expect(besidesNoWidthCaveat(table.stderr)).toBe('');
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('metric ');
    expect(table.stdout).toBe(plain.stdout);
    expect(text.stdout).toBe(table.stdout);
    const bad = await assay([...base, '--format', 'txt']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('table, json, md, html (text is an alias of table)');
  }, 60_000);

  it('lists the same format names in --help as assay score and assay loadtest', async () => {
    const help = async (command: string) => {
      const done = await assay([command, '--help']);
      const option = done.stdout.slice(done.stdout.indexOf('--format'));
      return option.slice(0, option.indexOf('\n  -'));
    };
    const compare = await help('compare');
    expect(compare).toMatch(/choices: "table", "json", "md", "html",\s+default: "table"/);
    expect(compare).toContain('text');
    expect(await help('score')).toContain('"table", "json", "md"');
    expect(await help('loadtest')).toMatch(/table \(default\), json or md/);
  });

  it('writes Markdown and an HTML page with a forest plot holding the zero and margin lines', async () => {
    const html = join(dir, 'ci', 'compare.html');
    const md = join(dir, 'ci', 'compare.md');
    const base = ['compare', join(dir, 'full'), join(dir, 'short'), '--margin', '0.02', ...FAST];
    const page = await assay([...base, '--format', 'html', '--out', html]);
    expect(page.code).toBe(1);
    expect(lastLine(page.stdout)).toMatch(/^FAIL: accuracy not non-inferior at margin 0\.02/);
    const text = readFileSync(html, 'utf8');
    expect(text).toContain('class="chart forest"');
    expect(text).toContain('class="zero-line"');
    // the plot is oriented so that right is better for every metric: one margin line, at -margin
    expect(text.match(/class="margin-line"/g)).toHaveLength(1);
    // the methods line, as the table and Markdown print it: --margin reads unadjusted intervals
    expect(text).toMatch(
      /<p>paired bootstrap \(BCa\) \d+ resamples, seed \d+; \d+ permutations; Holm across gated metrics \(p adj, which --margin does not read\): .*; --margin 0\.02 reads each gated metric(?:'|&#39;|&#x27;)s unadjusted 95% interval<\/p>/,
    );
    await assay([...base, '--format', 'md', '--out', md]);
    expect(readFileSync(md, 'utf8')).toMatch(/\| accuracy \| 0\.\d{4} \| /);
  }, 60_000);

  it('refuses an --out or --junit that would overwrite a compared run, or names a folder, with exit 2', async () => {
    const results = join(dir, 'full', 'results.json');
    const before = readFileSync(results, 'utf8');
    const over = await assay([
      'compare',
      join(dir, 'full'),
      join(dir, 'short'),
      '--format',
      'json',
      '--out',
      results,
    ]);
    expect(over.code).toBe(2);
    expect(over.stderr.trim()).toBe(
      `assay: --out ${results} would overwrite the results.json of the compared run ${join(dir, 'full')}; write the comparison to another file.`,
    );
    expect(readFileSync(results, 'utf8')).toBe(before);
    const junit = await assay([
      'compare',
      results,
      join(dir, 'short'),
      '--junit',
      join(dir, 'short', 'predictions.arrow'),
    ]);
    expect(junit.code).toBe(2);
    expect(junit.stderr).toContain('would overwrite the predictions.arrow of the compared run');
    const folder = await assay(['compare', join(dir, 'full'), join(dir, 'short'), '--out', dir]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain(
      `--out ${dir} is a directory; name a file for the comparison, e.g. --out ${dir}/compare.txt.`,
    );
    // the file name suggested has the extension of what --format writes
    const html = ['compare', join(dir, 'full'), join(dir, 'short'), '--format', 'html'];
    const page = await assay([...html, '--out', `${dir}/`]);
    expect(page.code).toBe(2);
    expect(page.stderr).toContain(`e.g. --out ${dir}/compare.html.`);
    const xml = await assay([...html, '--junit', dir]);
    expect(xml.stderr).toContain(`e.g. --junit ${dir}/compare.xml.`);
  }, 60_000);
});
