import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dryRun, parseRunConfig, type RunConfig, runEvaluation } from '../src/index.js';
import { RunJournal } from '../src/run/journal.js';
import { refusalOf, SMALL_RUN_ITEMS, spamRunDocument } from './small-run.js';

let dir: string;
let server: ModelServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-other-data-'));
  server = await startModelServer({ port: 0 });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Six labelled e-mails of our own, as a user's data file would hold them. */
const MAIL = [
  { text: 'Win a free cruise now, click here', label: 'spam' },
  { text: 'Minutes of the Monday meeting attached', label: 'ham' },
  { text: 'Cheap meds without prescription', label: 'spam' },
  { text: 'Can you review my patch before Friday?', label: 'ham' },
  { text: 'You have been selected for a cash prize', label: 'spam' },
  { text: 'Lunch at noon tomorrow?', label: 'ham' },
];

/** Writes the e-mails (the first `count`) as a JSONL file. */
function writeMail(path: string, count = MAIL.length): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(
    path,
    MAIL.slice(0, count)
      .map((m) => JSON.stringify(m))
      .join('\n'),
  );
  return path;
}

/** The built-in spam run (40 held-out e-mails), named `my-eval`, into `out`. */
const builtinRun = (out: string, limit = SMALL_RUN_ITEMS): RunConfig =>
  parseRunConfig(spamRunDocument({ name: 'my-eval', out, baseUrl: server.baseUrl, limit }));

/** The same run, same name and directory, on a data file instead. */
const fileRun = (out: string, path: string): RunConfig =>
  parseRunConfig({
    ...spamRunDocument({ name: 'my-eval', out, baseUrl: server.baseUrl }),
    dataset: { path },
  });

/** The bytes of the run's results and predictions, to tell they were not touched. */
const outputs = (out: string) => ({
  results: readFileSync(join(out, 'results.json')),
  predictions: readFileSync(join(out, 'predictions.arrow')),
});

describe('a run into an output directory that holds a run on another data set', () => {
  it('is refused before sending, naming both data sets, and the first run is kept', async () => {
    const out = join(dir, 'collide');
    const first = await runEvaluation(builtinRun(out));
    expect(first.models[0]!.service.sentThisRun).toBe(SMALL_RUN_ITEMS);
    const before = outputs(out);
    const data = writeMail(join(dir, 'collide-data', 'mail.jsonl'));
    const sent = server.stats().completions;

    const error = await refusalOf(runEvaluation(fileRun(out, data)));

    expect(error.code).toBe('DATA_SOURCE_CHANGED');
    expect(error.path).toBe('dataset.path');
    expect(error.message).toBe(
      `The output directory ${out} holds a run on another data set: its journal names dataset.builtin 'spam-assassin', this configuration dataset.path '${data}'; nothing was sent, and that run's results and journaled answers are kept. Give this run a directory of its own (a \`name:\` of its own, as output.dir defaults to assay-out/<name>, or another output.dir or --output), or run again with --fresh to start over there, discarding that run's journal, response cache and results.`,
    );
    expect(server.stats().completions).toBe(sent);
    expect(outputs(out)).toEqual(before);
    // a dry run refuses it the same way
    expect((await refusalOf(dryRun(fileRun(out, data)))).message).toBe(error.message);
    // and the first configuration still resumes every answer
    const again = await runEvaluation(builtinRun(out));
    expect(again.models[0]!.service.resumedFromJournal).toBe(SMALL_RUN_ITEMS);
    expect(again.models[0]!.service.sentThisRun).toBe(0);
  }, 60_000);

  it('is refused by what results.json names when there is no journal', async () => {
    const out = join(dir, 'results-only');
    await runEvaluation(builtinRun(out));
    rmSync(join(out, 'journal.sqlite'));
    const before = outputs(out);
    const data = writeMail(join(dir, 'results-only-data', 'mail.jsonl'));
    const error = await refusalOf(runEvaluation(fileRun(out, data)));
    expect(error.code).toBe('DATA_SOURCE_CHANGED');
    expect(error.message).toContain(
      `its results.json names dataset.builtin 'spam-assassin', this configuration dataset.path '${data}'; nothing was sent, and that run's results are kept.`,
    );
    expect(outputs(out)).toEqual(before);
  }, 60_000);

  it('is refused by what the journal names when the first run never finished', async () => {
    const out = join(dir, 'journal-only');
    const data = writeMail(join(dir, 'journal-only-data', 'mail.jsonl'));
    await runEvaluation(fileRun(out, data));
    rmSync(join(out, 'results.json'));
    const error = await refusalOf(runEvaluation(builtinRun(out)));
    expect(error.code).toBe('DATA_SOURCE_CHANGED');
    expect(error.path).toBe('dataset.builtin');
    expect(error.message).toContain(
      `its journal names dataset.path '${data}', this configuration dataset.builtin 'spam-assassin'; nothing was sent, and that run's journaled answers are kept.`,
    );
  }, 60_000);

  it('starts over with --fresh', async () => {
    const out = join(dir, 'fresh');
    await runEvaluation(builtinRun(out));
    const data = writeMail(join(dir, 'fresh-data', 'mail.jsonl'));
    const run = await runEvaluation(fileRun(out, data), { fresh: true });
    expect(run.dataset.source).toBe(data);
    expect(run.models[0]!.service.sentThisRun).toBe(MAIL.length);
    expect(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')).dataset.source).toBe(data);
    // the new data set is now the directory's: it resumes
    expect((await runEvaluation(fileRun(out, data))).models[0]!.service.sentThisRun).toBe(0);
  }, 60_000);

  it('takes over a journal that holds no answer, beside no results.json', async () => {
    const out = join(dir, 'no-answers');
    const journal = new RunJournal(join(out, 'journal.sqlite'));
    journal.recordDataSource({ builtin: 'spam-assassin-subjects' });
    journal.close();
    const run = await runEvaluation(builtinRun(out));
    expect(run.models[0]!.service.sentThisRun).toBe(SMALL_RUN_ITEMS);
  }, 60_000);
});

describe('a run on the same data set resumes as before', () => {
  it('with another dataset.limit: not refused (the dry run says the sample changed)', async () => {
    const out = join(dir, 'limit');
    await runEvaluation(builtinRun(out));
    const report = await dryRun(builtinRun(out, 41));
    expect(report.warnings.some((w) => w.startsWith('dataset.limit 40 → 41 since'))).toBe(true);
    const run = await runEvaluation(builtinRun(out, 41));
    expect(run.models[0]!.service.resumedFromJournal).toBeGreaterThan(0);
  }, 60_000);

  it('with the data file edited in place, or moved (same content) to another path', async () => {
    const out = join(dir, 'same-file');
    const data = writeMail(join(dir, 'same-file-data', 'mail.jsonl'), 4);
    await runEvaluation(fileRun(out, data));
    // two more items in the same file: the four answered are resumed, two are sent
    writeMail(data);
    const grown = await runEvaluation(fileRun(out, data));
    expect(grown.models[0]!.service.resumedFromJournal).toBe(4);
    expect(grown.models[0]!.service.sentThisRun).toBe(2);
    // the file moved, as with a checkout at another path: the same bytes, the same data set
    const moved = join(dir, 'moved-data', 'mail.jsonl');
    mkdirSync(join(moved, '..'), { recursive: true });
    copyFileSync(data, moved);
    const resumed = await runEvaluation(fileRun(out, moved));
    expect(resumed.models[0]!.service.sentThisRun).toBe(0);
    // another file of other content at another path is another data set
    const other = writeMail(join(dir, 'other-data', 'mail.jsonl'), 5);
    expect((await refusalOf(runEvaluation(fileRun(out, other)))).code).toBe('DATA_SOURCE_CHANGED');
  }, 60_000);
});
