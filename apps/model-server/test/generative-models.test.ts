import { loadSpamSubjects } from '@assay/spam-assassin';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  candidateProbabilities,
  fitSubjectModel,
  type ModelServer,
  ModelServerError,
  startModelServer,
  subjectCandidates,
} from '../src/index.js';
import { closedQaPrompt, inspectGrade } from './support/grading-prompts.js';
import { type Json, post, sseData } from './support/http.js';

let server: ModelServer;
let url: string;

beforeAll(async () => {
  server = await startModelServer();
  url = `${server.baseUrl}/chat/completions`;
});
afterAll(() => server.close());

const items = loadSpamSubjects(['easy-ham-2']).slice(0, 40);
/** A held-out body with at least four distinct candidates, so sampling has room to vary. */
const item = items.find((i) => subjectCandidates(fitSubjectModel(), i.body).length >= 4)!;

function subjectBody(body: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    model: 'assay-subject-extractive',
    messages: [
      { role: 'system', content: 'You write subject lines.' },
      { role: 'user', content: `Write a subject line for this e-mail:\n\n${body}` },
    ],
    ...extra,
  };
}

async function chat(body: Record<string, unknown>): Promise<Json> {
  const reply = await post(url, body);
  expect(reply.status).toBe(200);
  return JSON.parse(reply.text);
}

const contentOf = (reply: Json): string => reply.choices[0].message.content;
/** White space collapsed and quote marks removed, as the model reads sentences. */
const flat = (text: string): string => text.replace(/^(?:\s*>)+/gm, '').replace(/\s+/g, ' ');

describe('assay-subject-extractive', () => {
  test('at temperature 0 the answer is deterministic and the start of a body sentence', async () => {
    for (const { body } of items.slice(0, 8)) {
      const first = await chat(subjectBody(body, { temperature: 0 }));
      const again = await chat(subjectBody(body, { temperature: 0, seed: 99 }));
      const subject = contentOf(first);
      expect(contentOf(again)).toBe(subject);
      expect(first.model).toBe('assay-subject-extractive');
      expect(subject.length).toBeGreaterThan(0);
      expect(subject.split(' ').length).toBeLessThanOrEqual(10);
      expect(flat(body)).toContain(subject);
      expect(subject).toBe(subjectCandidates(fitSubjectModel(), body)[0]!.text);
    }
  });

  test('at temperature 0.7 answers vary with the seed among the candidates; a seed repeats', async () => {
    const candidates = subjectCandidates(fitSubjectModel(), item.body).map((c) => c.text);
    const answers: string[] = [];
    for (let seed = 1; seed <= 24; seed++) {
      answers.push(contentOf(await chat(subjectBody(item.body, { temperature: 0.7, seed }))));
    }
    for (const a of answers) expect(candidates).toContain(a);
    expect(new Set(answers).size).toBeGreaterThanOrEqual(3);
    for (const seed of [3, 17]) {
      const again = contentOf(await chat(subjectBody(item.body, { temperature: 0.7, seed })));
      expect(again).toBe(answers[seed - 1]);
    }
  });

  test('without a temperature it samples at 1, as OpenAI defaults', async () => {
    const answers = new Set<string>();
    for (let seed = 1; seed <= 12; seed++) {
      answers.add(contentOf(await chat(subjectBody(item.body, { seed }))));
    }
    expect(answers.size).toBeGreaterThan(1);
  });

  test('token logprobs sum to the log-probability of the drawn candidate', async () => {
    const candidates = subjectCandidates(fitSubjectModel(), item.body);
    const p = candidateProbabilities(
      candidates.map((c) => c.score),
      0.7,
    );
    const reply = await chat(
      subjectBody(item.body, { temperature: 0.7, seed: 5, logprobs: true, top_logprobs: 5 }),
    );
    const entries = reply.choices[0].logprobs.content as { token: string; logprob: number }[];
    expect(entries.map((e) => e.token).join('')).toBe(contentOf(reply));
    const drawn = candidates.findIndex((c) => c.text === contentOf(reply));
    const sum = entries.reduce((s, e) => s + e.logprob, 0);
    expect(sum).toBeCloseTo(Math.log(p[drawn]!), 10);
    const greedy = await chat(subjectBody(item.body, { temperature: 0, logprobs: true }));
    for (const e of greedy.choices[0].logprobs.content) expect(e.logprob).toBe(0);
  });

  test('streams the same answer as the non-stream reply, with usage', async () => {
    const extra = { temperature: 0.7, seed: 11, stream_options: { include_usage: true } };
    const whole = await chat(subjectBody(item.body, extra));
    const reply = await post(url, subjectBody(item.body, { ...extra, stream: true }));
    expect(reply.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const data = sseData(reply.text);
    expect(data.at(-1)).toBe('[DONE]');
    const chunks = data.slice(0, -1).map((d) => JSON.parse(d));
    expect(chunks.every((c) => c.model === 'assay-subject-extractive')).toBe(true);
    const text = chunks
      .slice(1, -2)
      .map((c) => c.choices[0].delta.content)
      .join('');
    expect(text).toBe(contentOf(whole));
    expect(chunks.at(-2).choices[0].finish_reason).toBe('stop');
    expect(chunks.at(-1).usage).toEqual(whole.usage);
    expect(whole.usage.completion_tokens).toBeGreaterThan(1);
    expect(whole.usage.prompt_tokens).toBeGreaterThan(item.body.length / 8);
    expect(whole.usage.total_tokens).toBe(
      whole.usage.prompt_tokens + whole.usage.completion_tokens,
    );
  });

  test('max_tokens cuts the answer with finish_reason length', async () => {
    const full = contentOf(await chat(subjectBody(item.body, { temperature: 0 })));
    const cut = await chat(subjectBody(item.body, { temperature: 0, max_tokens: 2 }));
    expect(cut.choices[0].finish_reason).toBe('length');
    expect(cut.usage.completion_tokens).toBe(2);
    expect(full.startsWith(contentOf(cut))).toBe(true);
  });

  test('an empty message gets an empty answer; a body without sentences its first words', async () => {
    const empty = await chat(subjectBody('', { temperature: 0.7, seed: 1, logprobs: true }));
    expect(contentOf(empty)).toBe('');
    expect(empty.usage.completion_tokens).toBe(0);
    expect(empty.choices[0].logprobs.content).toEqual([]);
    expect(contentOf(await chat(subjectBody('Thanks!!', { temperature: 0 })))).toBe('Thanks!!');
  });

  test('answers through the OpenAI SDK, streaming', async () => {
    const client = new OpenAI({ baseURL: server.baseUrl, apiKey: 'unused', maxRetries: 0 });
    const stream = await client.chat.completions.create({
      model: 'assay-subject-extractive',
      messages: [{ role: 'user', content: item.body }],
      temperature: 0,
      stream: true,
    });
    let content = '';
    for await (const chunk of stream) content += chunk.choices[0]?.delta.content ?? '';
    expect(content).toBe(subjectCandidates(fitSubjectModel(), item.body)[0]!.text);
  });
});

describe('assay-overlap-judge', () => {
  const judge = (prompt: string, extra: Record<string, unknown> = {}) =>
    chat({ model: 'assay-overlap-judge', messages: [{ role: 'user', content: prompt }], ...extra });

  test('grades C for a submission equal to the reference and I for an unrelated one', async () => {
    const same = await judge(closedQaPrompt('Subject?', item.subject, item.subject));
    expect(same.model).toBe('assay-overlap-judge');
    expect(inspectGrade(contentOf(same))).toBe('C');
    const other = await judge(
      closedQaPrompt('Subject?', 'Quarterly tax forms attached', 'Kernel panic on boot'),
      { temperature: 1.5, seed: 3 },
    );
    expect(inspectGrade(contentOf(other))).toBe('I');
    expect(contentOf(other).split('\n').at(-1)).toBe('GRADE: I');
    expect(other.usage.completion_tokens).toBeGreaterThan(20);
  });

  test('a request that is not a grading prompt gets a message with no grade line', async () => {
    const reply = await judge('Is this answer right? Paris.');
    expect(inspectGrade(contentOf(reply))).toBeUndefined();
    expect(contentOf(reply)).toMatch(/not a model-graded QA prompt/);
  });

  test('streams the verdict through the OpenAI SDK', async () => {
    const client = new OpenAI({ baseURL: server.baseUrl, apiKey: 'unused', maxRetries: 0 });
    const stream = await client.chat.completions.create({
      model: 'assay-overlap-judge',
      messages: [{ role: 'user', content: closedQaPrompt('q', 'RAID panic', 'RAID panic') }],
      stream: true,
    });
    let content = '';
    for await (const chunk of stream) content += chunk.choices[0]?.delta.content ?? '';
    expect(inspectGrade(content)).toBe('C');
  });
});

describe('bad requests to the generative models', () => {
  const error = async (body: unknown, status = 400) => {
    const reply = await post(url, body);
    expect(reply.status).toBe(status);
    return JSON.parse(reply.text).error as { message: string; type: string; param: string | null };
  };
  const user = [{ role: 'user', content: 'x' }];

  test.each([
    [{ model: 'assay-subject-extractive', messages: user, temperature: 2.5 }, 'temperature'],
    [{ model: 'assay-subject-extractive', messages: user, temperature: 'hot' }, 'temperature'],
    [{ model: 'assay-subject-extractive', messages: user, seed: 1.5 }, 'seed'],
    [{ model: 'assay-overlap-judge', messages: [] }, 'messages'],
    [{ model: 'assay-overlap-judge', messages: [{ role: 'system', content: 'x' }] }, 'messages'],
    [{ model: 'assay-subject-extractive', messages: user, n: 3 }, 'n'],
  ])('%j -> param %s', async (body, param) => {
    const e = await error(body);
    expect(e.type).toBe('invalid_request_error');
    expect(e.param).toBe(param);
    expect(e.message).toContain(`'${param}'`);
  });

  test('the legacy completions endpoint refuses them as chat models', async () => {
    const reply = await post(`${server.baseUrl}/completions`, {
      model: 'assay-overlap-judge',
      prompt: 'x',
    });
    expect(reply.status).toBe(404);
    const e = JSON.parse(reply.text).error;
    expect(e).toMatchObject({ param: 'model', code: 'model_not_supported' });
    expect(e.message).toMatch(/\/v1\/chat\/completions/);
  });

  test('the spam filter cannot take a generative model id as its name', async () => {
    await expect(startModelServer({ modelName: 'assay-overlap-judge' })).rejects.toThrow(
      ModelServerError,
    );
  });
});
