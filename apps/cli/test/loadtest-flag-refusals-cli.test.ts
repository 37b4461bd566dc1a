import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { assay } from './cli-process.js';
import { useLoadtestServer } from './loadtest-server.js';

const lt = useLoadtestServer('assay-loadtest-flags-');
const { dir, loadtest } = lt;
const promptsCsv = join(dir, 'prompts.csv');
writeFileSync(promptsCsv, 'question,answer\nhello,spam\n');
// a file where a folder is expected, and a folder where a file is expected
const aFile = join(dir, 'a-file');
writeFileSync(aFile, '');
const promptsTxt = join(dir, 'prompts.txt');
writeFileSync(promptsTxt, 'hello\n');
const aFolderJsonl = join(dir, 'a-folder.jsonl');
mkdirSync(aFolderJsonl);

describe('assay loadtest refuses bad flags before any request', () => {
  test.each([
    [['--rate', '5', '--concurrency', '2'], /--concurrency and --rate cannot be combined/],
    [['--rate', '0'], /--rate is 0/],
    [['--rate', '-1'], /--rate is -1/],
    [['--rate', '5', '--slo', 'ttfb_p95<=3'], /'ttfb_p95' is unknown; valid keys: ttft_mean/],
    [['--find-max'], /--find-max needs --slo/],
    [['--rate', '5', '--duration', 'soon'], /--duration is 'soon'/],
    [['--rate', '5', '--format', 'xml'], /--format is 'xml'/],
    [['--rate', '5', '--records', 'out.csv'], /--records is 'out.csv'/],
    [['--rate', '5', '--dataset', 'builtin:nope'], /not a built-in data set/],
    [
      ['--rate', '5', '--dataset', promptsCsv, '--prompt-column', 'q'],
      /no column 'q' \(--prompt-column\); the columns found are 'question', 'answer'/,
    ],
    [['--concurrency', '2', '--max-in-flight', '4'], /--max-in-flight applies to open loop/],
    [
      ['--rate', '5', '--duration', '1s', '--base-url', 'localhost:18080'],
      /^assay loadtest: --base-url has no scheme; did you mean 'http:\/\/localhost:18080'\?$/m,
    ],
    [['--concurrency', '2', '--arrival', 'poisson'], /--arrival applies to open loop/],
    [
      ['--rate', '5', '--slo', 'ttft_p95<=300,ttft_p95<=200'],
      /--slo gives 'ttft_p95' twice \('ttft_p95<=300' and 'ttft_p95<=200'\)/,
    ],
    [
      ['--rate', '5', '--slo', 'error_rate<=2'],
      /error_rate is a fraction of the requests, from 0 to 1/,
    ],
    [
      ['--rate', '5', '--provider', 'foo'],
      /^assay loadtest: --provider is 'foo'; expected openai-chat, openai-completions, anthropic or http-json\.$/m,
    ],
    [
      ['--rate', '5', '--provider', 'http-json'],
      /^assay loadtest: --provider http-json needs template and paths in the --config file: /m,
    ],
    [
      ['--rate', '5', '--api-key-env', 'ASSAY_LOADTEST_TEST_UNSET_KEY'],
      /^assay loadtest: --api-key-env names ASSAY_LOADTEST_TEST_UNSET_KEY, which is not set; .* drop --api-key-env /m,
    ],
    [
      ['--rate', '5', '--out', join(aFile, 'result.json')],
      /^assay loadtest: --out '.*' cannot be written \(its folder is a file\); pass a writable path\.$/m,
    ],
    [
      ['--rate', 'Infinity'],
      /^assay loadtest: --rate is 'Infinity'; expected a finite number above 0\.$/m,
    ],
    [
      ['--rate', '5', '--dataset', promptsTxt],
      /^assay loadtest: --dataset '.*prompts\.txt' cannot be read: its extension names no format; --dataset reads csv, tsv, jsonl, arrow, parquet files, told apart by their extension \(e\.g\. prompts\.jsonl\), or builtin:spam-assassin\.$/m,
    ],
    [
      // it was ignored without a word
      ['--rate', '5', '--score', 'run.yaml', '--prompt-column', 'text'],
      /^assay loadtest: --prompt-column 'text' cannot be combined with --score, which takes its prompts from the run config's data set; drop --prompt-column \(a data set file's text column is the run config's dataset\.columns\.text\)\.$/m,
    ],
    [
      ['--rate', '5', '--prompt-tokens', '100', '--prompt-column', 'text'],
      /^assay loadtest: --prompt-column needs --dataset <file>; --prompt-tokens makes synthetic prompts, which have no column\.$/m,
    ],
    [
      // a folder whose permission bits let root write, where no file can be made
      ['--rate', '5', '--out', '/proc/assay-result.json'],
      /^assay loadtest: --out '\/proc\/assay-result\.json' cannot be written \(no file can be made there\); pass a writable path\.$/m,
    ],
    [
      ['--rate', '5', '--report', join(aFile, 'sub', 'report.html')],
      /^assay loadtest: --report '.*' cannot be written \(a part of its folder is a file\)/m,
    ],
    [
      ['--rate', '5', '--records', join(aFile, 'records.arrow')],
      /^assay loadtest: --records '.*' cannot be written/m,
    ],
    [
      ['--rate', '5', '--records', aFolderJsonl],
      /^assay loadtest: --records '.*' cannot be opened for writing \(EISDIR/m,
    ],
  ])('%j exits 2 with one line', async (args, message) => {
    const before = lt.server.stats().requests;
    const { code, stderr, stdout } = await loadtest(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stdout).toBe('');
    expect(lt.server.stats().requests).toBe(before);
  });
});

test('--score without --base-url says that the service under load is named on the command line', async () => {
  const demo = new URL('../../../examples/spam-assassin.yaml', import.meta.url).pathname;
  const { code, stderr } = await assay(['loadtest', '--score', demo, '--rate', '5']);
  expect(code).toBe(2);
  expect(stderr.trim()).toBe(
    "assay loadtest: --base-url <url> is required, also with --score: the service under load is named on the command line (--score reads the run config's data set and task, and a run config may list several models).",
  );
});
