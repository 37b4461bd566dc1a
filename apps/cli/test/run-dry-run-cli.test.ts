import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assay, besidesNoWidthCaveat, type Exit } from './cli-process.js';
import { writeRunConfig } from './run-config-file.js';

let dir: string;
let server: ModelServer;
/** a port nothing listens on */
let closedUrl: string;

/** An error the user can act on: exit 2, one line on stderr, no stack trace. */
function expectRefusal(r: Exit): string {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  return r.stderr;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-cli-dry-run-'));
  server = await startModelServer({ port: 0 });
  const closed = createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
  closedUrl = `http://127.0.0.1:${(closed.address() as { port: number }).port}/v1`;
  await new Promise((r) => closed.close(r));
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** 40 e-mails, repeated-stratified 2 × 2, zero-shot: 80 predictions, 40 distinct prompts. */
const repeated = { evaluation: { method: 'repeated-stratified', k: 2, repeats: 2, bootstrap: 50 } };

describe('assay run --dry-run', () => {
  it('against a closed port exits 0 with the plan and the first prompts, writing nothing; the real run then sends what it counted', async () => {
    const path = writeRunConfig(dir, 'plan', closedUrl, repeated);
    const dry = await assay(['run', path, '--dry-run']);
    expect(besidesNoWidthCaveat(dry.stderr)).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("Dry run of 'plan': nothing was sent and no file was written.");
    expect(dry.stdout).toContain(
      'nb: 40 items, 80 predictions, 40 distinct prompts: 40 predictions ask an item again with the prompt it had in another fold or repeat (a zero-shot prompt does not depend on the fold)',
    );
    expect(dry.stdout).toContain(
      'nb: 40 requests: 40 would be sent, 0 resumed from the journal, 0 served from the cache',
    );
    expect(dry.stdout).toContain(
      "warning: evaluation.method 'repeated-stratified' splits the items into training and test folds, but nothing is learned from the training part",
    );
    expect(dry.stdout).not.toContain('Stopping rule');
    expect(dry.stdout).toMatch(/≈ [\d,]+ input tokens \(estimated as characters \/ 4\)/);
    expect(dry.stdout).toContain('at most 160 output tokens (4 per request)');
    expect(dry.stdout.match(/^--- prompt \d+ of 40: item /gm)).toHaveLength(3);
    // four folds (2 × 2): each prompt names its fold, counted from 1
    expect(dry.stdout).toMatch(
      /^--- prompt 1 of 40: item \S+, fold [1-4], prompt_hash [0-9a-f]+$/m,
    );
    expect(dry.stdout).toContain('[user]\nClassify this e-mail as spam or ham:');
    expect(readdirSync(dir)).not.toContain('plan');

    const before = server.stats().completions;
    const real = await assay(['run', path, '-q', '--base-url', server.baseUrl]);
    expect(real.code).toBe(0);
    expect(real.stdout).toContain(
      'nb: 40 requests: 40 sent this run, 0 resumed from the journal, 0 served from the cache',
    );
    expect(server.stats().completions - before).toBe(40);
    expect(readdirSync(join(dir, 'plan'))).toContain('prompts.arrow');

    const after = await assay(['run', path, '--dry-run', '--base-url', server.baseUrl]);
    expect(after.code).toBe(0);
    expect(after.stdout).toContain(
      'nb: 40 requests: 0 would be sent, 40 resumed from the journal, 0 served from the cache',
    );
    const fresh = await assay(['run', path, '--dry-run', '--fresh', '--base-url', server.baseUrl]);
    expect(fresh.stdout).toContain('Journal: discarded by --fresh');
    expect(fresh.stdout).toContain('nb: 40 requests: 40 would be sent, 0 resumed from the journal');
  }, 120_000);

  it('calls a cost whose input tokens are estimated an estimate, not a bound the run may pass', async () => {
    const models = [
      {
        name: 'nb',
        provider: 'openai-chat',
        baseUrl: closedUrl,
        model: 'assay-spam-nb',
        params: { maxTokens: 4 },
        price: { inputPerMTok: 0.15, outputPerMTok: 0.6 },
      },
    ];
    const estimated = await assay([
      'run',
      writeRunConfig(dir, 'priced', closedUrl, { models }),
      '--dry-run',
    ]);
    expect(estimated.code).toBe(0);
    expect(estimated.stdout).toMatch(
      /\(estimated as characters \/ 4\), at most 160 output tokens \(4 per request\); cost ≈ \$[\d.]+ with the most output \(the input tokens estimated: the service's count may be higher\)/,
    );
    expect(estimated.stdout).not.toContain('cost ≤');
    // counted with the model's tokenizer, the input is known: the cost is a bound
    const counted = [{ ...models[0], model: 'gpt-4o-mini' }];
    const bound = await assay([
      'run',
      writeRunConfig(dir, 'priced-counted', closedUrl, { models: counted }),
      '--dry-run',
    ]);
    expect(bound.stdout).toMatch(/\(counted with o200k_base\), .*; cost ≤ \$[\d.]+ at 0\.15/);
  });

  it('needs no API key: a model whose apiKeyEnv is not set gets a note, the real run is refused', async () => {
    const unset = 'ASSAY_TEST_KEY_THAT_IS_NOT_SET';
    const path = writeRunConfig(dir, 'keyless', closedUrl);
    const yaml = readFileSync(path, 'utf8').replace(
      'baseUrl:',
      `apiKeyEnv: ${unset}\n    baseUrl:`,
    );
    writeFileSync(path, yaml);
    const dry = await assay(['run', path, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(
      `note: nb: the environment variable ${unset} (models[0].apiKeyEnv) is not set; a run that sends requests needs it.`,
    );
    const run = await assay(['run', path, '--quiet']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `nb: the environment variable ${unset} (models[0].apiKeyEnv) is not set; export it with the API key`,
    );
    // refused before the output directory is made: no journal, no cache left behind
    expect(readdirSync(dir)).not.toContain('keyless');
  });

  it('names the stopping rule and warns of a shuffle the method ignores, as the run would', async () => {
    const path = writeRunConfig(dir, 'stop', closedUrl, {
      evaluation: {
        method: 'all',
        shuffle: false,
        stop: { when: 'ci_width(accuracy) <= 0.1', checkEvery: 10 },
      },
    });
    const dry = await assay(['run', path, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(
      "Stopping rule 'ci_width(accuracy) <= 0.1' (first check after 200 items, then every 10): a run stops sending once it holds, so it may send less than counted below.",
    );
    expect(dry.stdout).toContain(
      "warning: evaluation.shuffle has no effect with evaluation.method 'all': 'all' tests every item in one part, so nothing is shuffled either way.",
    );
  });

  it("bounds the judge's grading requests after the answers, apart from the models' bill", async () => {
    const example = join(import.meta.dirname, '..', '..', '..', 'examples', 'subject-lines.yaml');
    const r = await assay([
      'run',
      example,
      '--dry-run',
      '--show-prompts',
      '0',
      '-o',
      join(dir, 'j'),
    ]);
    expect(r.code).toBe(0);
    // 300 items × 3 samples, each answer graded once (identical answers share a request)
    expect(r.stdout).toContain(
      '  judge overlap-judge (closedqa): at most 900 grading requests after the answers (one per answer; journaled, so a resumed run pays none twice), not counted in the requests and cost above',
    );
  });

  it('--show-prompts N prints N prompts; it needs --dry-run', async () => {
    const path = writeRunConfig(dir, 'show', closedUrl);
    const none = await assay(['run', path, '--dry-run', '--show-prompts', '0']);
    expect(none.code).toBe(0);
    expect(none.stdout).not.toContain('--- prompt');
    const five = await assay(['run', path, '--dry-run', '--show-prompts', '5']);
    expect(five.stdout.match(/^--- prompt \d+ of 40: /gm)).toHaveLength(5);
    // one fold (method all): nothing to tell apart, so no fold is named
    expect(five.stdout).toMatch(/^--- prompt 1 of 40: item \S+, prompt_hash [0-9a-f]+$/m);
    const message = expectRefusal(await assay(['run', path, '--show-prompts', '2']));
    expect(message).toContain('--show-prompts applies only with --dry-run');
  }, 60_000);

  it('refuses evaluation.repeats: 1000000 with exit 2, naming the fold count and the limit, for a run and a dry run', async () => {
    const path = writeRunConfig(dir, 'huge', closedUrl, {
      evaluation: { method: 'repeated-stratified', k: 5, repeats: 1_000_000 },
    });
    for (const args of [
      ['run', path, '-q'],
      ['run', path, '--dry-run'],
    ]) {
      const message = expectRefusal(await assay(args));
      expect(message).toContain(
        'evaluation.k 5 × evaluation.repeats 1000000 = 5,000,000 folds, above the limit of 10,000 folds per run',
      );
    }
  }, 60_000);
});

describe('assay score --cv with too many folds', () => {
  it('refuses repeated-stratified:5x1000000 with exit 2, naming --cv, the fold count and the limit', async () => {
    const file = join(dir, 'preds.csv');
    const rows = [
      'y,yhat',
      ...Array.from({ length: 40 }, (_, i) => `${i % 2},${i % 3 === 0 ? 1 : 0}`),
    ];
    writeFileSync(file, `${rows.join('\n')}\n`);
    const r = await assay([
      'score',
      file,
      '--y-true',
      'y',
      '--y-pred',
      'yhat',
      '--cv',
      'repeated-stratified:5x1000000',
    ]);
    const message = expectRefusal(r);
    expect(message).toContain('--cv "repeated-stratified:5x1000000"');
    expect(message).toContain('5,000,000 folds, above the limit of 10,000 folds per job');
  });
});
