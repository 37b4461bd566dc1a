import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../test-support/free-port.js';
import { assay, start, until } from './cli-process.js';
import { writeRunConfig } from './run-config-file.js';

let server: ModelServer;
let dir: string;
beforeAll(async () => {
  server = await startModelServer({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'assay-tune-cli-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const SEARCH = {
  space: {
    'prompt.template': [
      'Classify this e-mail as spam or ham:\n\n{{text}}',
      'Spam or ham? {{text}}',
    ],
    'prompt.maxFieldChars': [40, 600, 6000],
  },
  strategy: 'successive-halving',
  metric: 'f1_macro',
  minItems: 10,
};

function tuneConfig(name: string, search: Record<string, unknown> = SEARCH): string {
  return writeRunConfig(dir, name, server.baseUrl, {
    dataset: { builtin: 'spam-assassin', limit: 100, seed: 1 },
    evaluation: { method: 'all', bootstrap: 50 },
    search,
  });
}

const completions = (): number => server.stats().completions;

describe('assay tune', () => {
  it('prints the leaderboard and writes tune.json, report.html and a best.yaml that assay run accepts', async () => {
    const run = await assay([
      'tune',
      tuneConfig('plain', { ...SEARCH, constraints: ['error_rate <= 0.01'] }),
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Winner: c\d+ \(.*maxFieldChars=6000\)/);
    expect(run.stdout).toContain('test score');
    expect(run.stderr).toMatch(/assay tune: rung 0: c0 /);
    const out = join(dir, 'plain');
    const json = JSON.parse(readFileSync(join(out, 'tune.json'), 'utf8'));
    expect(json.winner.settings['prompt.maxFieldChars']).toBe(6000);
    expect(existsSync(join(out, 'report.html'))).toBe(true);
    // the winner against the runner-up, paired on the same items, in every output
    expect(run.stdout).toMatch(
      /\n {2}vs runner-up c\d+ \(.*\): [+-]\d\.\d{4} \[-?\d\.\d{4}, -?\d\.\d{4}\], p=[\d.e-]+ \(winner minus runner-up, paired on the same \d+ items\)\n/,
    );
    expect(json.winner.versus.against).toBeTypeOf('number');
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toMatch(/Against the runner-up, c\d+/);
    // no budget: said before anything is sent, with the requests it may take
    expect(run.stderr).toMatch(
      /^assay tune: warning: search\.budget is not set: the search runs without a limit, about \d+ requests/,
    );
    const best = await assay(['run', join(out, 'best.yaml'), '-q']);
    expect(best.code).toBe(0);
    expect(existsSync(join(out, 'best', 'results.json'))).toBe(true);
    // the constraint the winner was chosen to meet is checked by the run
    expect(best.stdout).toMatch(/PASS {2}nb: error_rate <= 0.01/);
    expect(best.stdout).not.toMatch(/NOT CHECKED/);
  }, 180_000);

  it('resumes after SIGKILL without sending a finished request again', async () => {
    const before = completions();
    const whole = await assay(['tune', tuneConfig('whole'), '-q']);
    expect(whole.code).toBe(0);
    const wholeSent = completions() - before;

    const path = tuneConfig('killed');
    const first = completions();
    const { child, done } = start(['tune', path, '-q']);
    await until(() => completions() - first >= Math.floor(wholeSent / 3), 120_000);
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    const resumed = await assay(['tune', path, '-q']);
    expect(resumed.code).toBe(0);
    // at most the requests in flight at the kill (concurrency 4) are asked twice
    expect(completions() - first - wholeSent).toBeLessThanOrEqual(4);
    const again = completions();
    expect((await assay(['tune', path, '-q'])).code).toBe(0);
    expect(completions()).toBe(again);
  }, 300_000);

  it('refuses a bad search before sending anything, with one line naming the path (exit 2)', async () => {
    const before = completions();
    const bad = await assay([
      'tune',
      tuneConfig('bad', { ...SEARCH, space: { 'prompt.maxFieldChars': [300, 0] } }),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/search\.space.*prompt\.maxFieldChars/);
    const none = join(dir, 'none.yaml');
    writeFileSync(none, readFileSync(tuneConfig('x'), 'utf8').replace(/^search:[\s\S]*$/m, ''));
    const missing = await assay(['tune', none]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no `search` section/);
    expect(completions()).toBe(before);
  }, 60_000);

  it('says the test score was not measured when the budget stopped the search before the test part', async () => {
    // 6 candidates on a first rung of 27 items: the budget allows two of them
    const run = await assay([
      'tune',
      tuneConfig('budget', { ...SEARCH, budget: { requests: 60 } }),
      '-q',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Stopped early by the request budget/);
    expect(run.stdout).toContain(
      'test score   not measured: the budget stopped the search before the 20 held-out items were scored, so only the optimistic tuning score above is known',
    );
    // exit 0 (a winner), so a script that reads only the code is warned on stderr
    expect(run.stderr).toMatch(
      /assay tune: warning: c\d+ won on its tuning score alone \(optimistic: it was chosen on those items\): the search was stopped by the request budget: .* before the 20 held-out items were scored\. The whole search needs about \d+ requests, the \d+ paid for so far included: the evaluations it has left, then the 20 held-out items \(fewer where prompts repeat\)\. Set search\.budget to that and run again: the search resumes, and does not pay again for what it has\.\n/,
    );
    // a budget below the first evaluation: nothing was evaluated, and the message says so
    const none = await assay([
      'tune',
      tuneConfig('no-budget', { ...SEARCH, budget: { requests: 5 } }),
      '-q',
    ]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(
      /^assay tune: no candidate was evaluated: the request budget: 0 paid for \(0 sent by this run\), and the next evaluation \(c0, 27 items\) would send \d+ more, past 5; raise search\.budget\.\n$/,
    );
  }, 120_000);

  it('says which constraint each candidate missed when none met them (exit 1)', async () => {
    const run = await assay([
      'tune',
      tuneConfig('missed', {
        ...SEARCH,
        strategy: 'grid',
        space: { 'prompt.maxFieldChars': [600, 6000] },
        constraints: ['f1_macro >= 0.999'],
        budget: { requests: 1000 },
      }),
      '-q',
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/constraints missed/);
    expect(run.stdout).toMatch(/c0 .* f1_macro >= 0\.999 \(0\.\d+\)/);
    expect(run.stdout).toMatch(/c1 .* f1_macro >= 0\.999 \(0\.\d+\)/);
    expect(run.stderr).toMatch(/no candidate had a value and met every constraint/);
  }, 120_000);

  it('stops on an unreachable service with exit 3 and resumes with --retry-failed once it answers', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/v1`;
    const path = writeRunConfig(dir, 'unreachable', url, {
      dataset: { builtin: 'spam-assassin', limit: 60, seed: 1 },
      evaluation: { method: 'all', bootstrap: 50 },
      search: { ...SEARCH, space: { 'prompt.maxFieldChars': [600, 6000] } },
    });
    const down = await assay(['tune', path, '-q']);
    expect(down.code).toBe(3);
    expect(down.stderr).toMatch(/The search stopped at candidate c0 \(rung 0/);
    // the candidate's run stopped sending after its first 20 connection failures
    expect(down.stderr).toContain(`Model nb: the first 20 requests to ${url} all failed`);
    expect(down.stderr).toMatch(/ECONNREFUSED/);
    expect(down.stderr).toMatch(/--retry-failed/);
    expect(down.stdout).not.toMatch(/no candidate/);
    // stopped at its first evaluation, the search still writes what it has: not finished
    const out = join(dir, 'unreachable');
    const stopped = JSON.parse(readFileSync(join(out, 'tune.json'), 'utf8'));
    expect(stopped.finished).toBe(false);
    expect(stopped.winner).toBeNull();
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain(
      '<strong>The search has not finished</strong>',
    );
    const up = await startModelServer({ port });
    try {
      // the failures are journaled: without --retry-failed they are reused, and said so again;
      // only the requests the stopped run never sent go out
      const reused = await assay(['tune', path, '-q']);
      expect(reused.code).toBe(3);
      expect(reused.stderr).toMatch(/predictions failed/);
      expect(reused.stderr).toMatch(/--retry-failed/);
      expect(up.stats().completions).toBeGreaterThan(0);
      const retried = await assay(['tune', path, '-q', '--retry-failed']);
      expect(retried.code).toBe(0);
      expect(retried.stdout).toMatch(/Winner: c1 /);
      expect(up.stats().completions).toBeGreaterThan(0);
    } finally {
      await up.close();
    }
  }, 180_000);
});
