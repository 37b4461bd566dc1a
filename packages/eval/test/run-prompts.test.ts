import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer, trainSpamModel } from '@assay/model-server';
import { type RunResults, RunResultsSchema } from '@assay/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildMessages,
  loadRunDataset,
  parseRunConfig,
  type RunConfig,
  readPredictions,
  readPrompts,
  runEvaluation,
} from '../src/index.js';
import {
  RESULTS_PROMPT_MESSAGE_CHARS,
  wrongAnswerPrompts,
} from '../src/summary/wrong-answer-prompts.js';

let dir: string;
/** trained without easy ham: it calls many held-out ham e-mails spam, so there are wrong answers */
let server: ModelServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-run-prompts-'));
  server = await startModelServer({
    port: 0,
    model: trainSpamModel({ groups: ['hard-ham-1', 'spam-1'] }),
  });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

function config(out: string): RunConfig {
  return parseRunConfig({
    name: 'prompts',
    dataset: { builtin: 'spam-assassin', limit: 40, seed: 1 },
    task: { type: 'classification', labels: ['spam', 'ham'], positiveLabel: 'spam' },
    prompt: {
      system: 'Answer with one word: spam or ham.',
      template: 'Classify this e-mail:\n\n{{text}}',
      maxFieldChars: 600,
    },
    models: [
      {
        name: 'nb',
        provider: 'openai-chat',
        baseUrl: server.baseUrl,
        model: 'assay-spam-nb',
        params: { maxTokens: 4, temperature: 0 },
      },
    ],
    evaluation: { method: 'stratified', k: 4, bootstrap: 20 },
    output: { dir: join(dir, out) },
  });
}

/** What a run kept: results.json, predictions and the prompts table. */
function kept(results: RunResults) {
  const json = RunResultsSchema.parse(JSON.parse(readFileSync(results.files.results, 'utf8')));
  return {
    json,
    rows: readPredictions(readFileSync(results.files.predictions)),
    prompts: readPrompts(readFileSync(json.files.prompts!)),
  };
}

describe('rendered prompts are kept and shown next to wrong answers', () => {
  it('prompts.arrow holds every prompt sent, keyed by the prompt_hash of predictions.arrow; results.json keeps those of the wrong answers; a resumed run keeps them too', async () => {
    const c = config('kept');
    const first = await runEvaluation(c);
    const { json, rows, prompts } = kept(first);
    expect(json.files.prompts).toBe(join(c.output.dir, 'prompts.arrow'));
    expect(new Set(rows.map((r) => r.promptHash))).toEqual(new Set(prompts.keys()));
    const items = new Map((await loadRunDataset(c)).map((it) => [it.id, it]));
    for (const r of rows) {
      expect(prompts.get(r.promptHash)).toEqual(buildMessages(items.get(r.id)!, [], c.prompt));
    }
    const wrong = json.models[0]!.wrongAnswers;
    expect(wrong.length).toBeGreaterThan(0);
    for (const w of wrong) {
      expect(json.prompts![w.promptHash!]).toEqual(prompts.get(w.promptHash!));
    }
    expect(Object.keys(json.prompts!).length).toBeLessThanOrEqual(wrong.length);
    // a classification answer has one prompt per item: no choice order to name
    for (const w of wrong) expect(Object.keys(w)).not.toContain('choiceOrder');
    const html = readFileSync(first.files.reportHtml, 'utf8');
    expect(html).toContain('<th>prompt sent</th>');
    expect(html).toContain('Answer with one word: spam or ham.');
    const md = readFileSync(first.files.reportMd, 'utf8');
    expect(md).toContain(`**${wrong[0]!.promptHash}**: [system] Answer with one word`);

    const before = server.stats().completions;
    const resumed = await runEvaluation(c);
    expect(server.stats().completions).toBe(before);
    expect(resumed.models[0]!.service.resumedFromJournal).toBe(prompts.size);
    const again = kept(resumed);
    expect(again.prompts).toEqual(prompts);
    expect(again.json.prompts).toEqual(json.prompts);
  });

  it('results.json cuts long messages, counting what it left out; prompts.arrow keeps them whole', () => {
    const long = 'x'.repeat(RESULTS_PROMPT_MESSAGE_CHARS + 123);
    const prompts = new Map([
      ['h1', [{ role: 'user' as const, content: long }]],
      ['h2', [{ role: 'user' as const, content: 'short' }]],
      ['h3', [{ role: 'user' as const, content: 'never asked' }]],
    ]);
    const answer = (promptHash: string) => ({
      id: promptHash,
      fold: 0,
      expected: 'spam',
      answer: 'ham',
      parsed: 'ham',
      input: '',
      promptHash,
    });
    const models = [
      { wrongAnswers: [answer('h1'), answer('h2')] },
      { wrongAnswers: [answer('h2')] },
    ] as unknown as RunResults['models'];
    expect(wrongAnswerPrompts(models, prompts)).toEqual({
      h1: [{ role: 'user', content: 'x'.repeat(RESULTS_PROMPT_MESSAGE_CHARS), omittedChars: 123 }],
      h2: [{ role: 'user', content: 'short' }],
    });
  });
});
