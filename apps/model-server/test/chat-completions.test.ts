import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ModelServer, predictSpam, startModelServer, trainSpamModel } from '../src/index.js';
import { chatBody, post, SAMPLE, sseData } from './support/http.js';

let server: ModelServer;
let url: string;

beforeAll(async () => {
  server = await startModelServer();
  url = `${server.baseUrl}/chat/completions`;
});
afterAll(() => server.close());

describe('POST /v1/chat/completions (non-stream)', () => {
  test('answers the label of the e-mail with usage', async () => {
    for (const [label, email] of Object.entries(SAMPLE)) {
      const reply = await post(url, chatBody(email));
      expect(reply.status).toBe(200);
      expect(reply.headers.get('content-type')).toBe('application/json');
      const body = JSON.parse(reply.text);
      expect(body.object).toBe('chat.completion');
      expect(body.id).toMatch(/^chatcmpl-/);
      expect(body.model).toBe('assay-spam-nb');
      expect(body.choices).toHaveLength(1);
      expect(body.choices[0].message).toMatchObject({ role: 'assistant', content: label });
      expect(body.choices[0].finish_reason).toBe('stop');
      expect(body.choices[0].logprobs).toBeNull();
      expect(body.usage.completion_tokens).toBe(1);
      expect(body.usage.prompt_tokens).toBeGreaterThan(email.length / 8);
      expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens + 1);
    }
  });

  test('logprobs give log P(spam) and log P(ham) that sum to 1 in probability space', async () => {
    const body = JSON.parse(
      (await post(url, chatBody(SAMPLE.spam, { logprobs: true, top_logprobs: 2 }))).text,
    );
    const entry = body.choices[0].logprobs.content[0];
    expect(entry.token).toBe('spam');
    expect(entry.bytes).toEqual([...Buffer.from('spam')]);
    expect(entry.top_logprobs.map((t: { token: string }) => t.token).sort()).toEqual([
      'ham',
      'spam',
    ]);
    const p = Object.fromEntries(
      entry.top_logprobs.map((t: { token: string; logprob: number }) => [t.token, t.logprob]),
    );
    expect(Math.exp(p.spam) + Math.exp(p.ham)).toBeCloseTo(1, 10);
    expect(entry.logprob).toBe(p.spam);
    // the served probability is the model's own
    const direct = predictSpam(trainSpamModel(), SAMPLE.spam);
    expect(p.spam).toBeCloseTo(direct.logProbSpam, 12);
  });

  test('top_logprobs=1 keeps only the more likely token; absent keeps none', async () => {
    const one = JSON.parse(
      (await post(url, chatBody(SAMPLE.ham, { logprobs: true, top_logprobs: 1 }))).text,
    );
    expect(
      one.choices[0].logprobs.content[0].top_logprobs.map((t: { token: string }) => t.token),
    ).toEqual(['ham']);
    const none = JSON.parse((await post(url, chatBody(SAMPLE.ham, { logprobs: true }))).text);
    expect(none.choices[0].logprobs.content[0].top_logprobs).toEqual([]);
  });

  test('explanations (header or system prompt) add evidence; max_tokens truncates with length', async () => {
    const viaHeader = JSON.parse(
      (await post(url, chatBody(SAMPLE.spam), { 'x-assay-explain': '1' })).text,
    );
    const content: string = viaHeader.choices[0].message.content;
    expect(content).toMatch(/^spam\nEvidence: \S/);
    expect(viaHeader.usage.completion_tokens).toBeGreaterThan(5);
    const viaSystem = await post(url, {
      model: 'm',
      messages: [
        { role: 'system', content: 'Explain your answer.' },
        { role: 'user', content: SAMPLE.spam },
      ],
    });
    expect(JSON.parse(viaSystem.text).choices[0].message.content).toBe(content);
    const cut = JSON.parse(
      (await post(url, chatBody(SAMPLE.spam, { max_tokens: 3 }), { 'x-assay-explain': '1' })).text,
    );
    expect(cut.choices[0].finish_reason).toBe('length');
    expect(cut.usage.completion_tokens).toBe(3);
    expect(content.startsWith(cut.choices[0].message.content)).toBe(true);
  });

  test('a system prompt that forbids explanations, a small budget or x-assay-explain: 0 keep the label only', async () => {
    const ask = (
      system: string,
      extra: Record<string, unknown> = {},
      headers: Record<string, string> = {},
    ) =>
      post(
        url,
        {
          model: 'm',
          messages: [
            { role: 'system', content: system },
            { role: 'user', content: SAMPLE.spam },
          ],
          ...extra,
        },
        headers,
      );
    for (const reply of [
      await ask('Answer spam or ham. Do not explain.'),
      await ask('Answer spam or ham, no explanation.'),
      await ask('Explain your answer.', { max_tokens: 5 }),
      await ask('Explain your answer.', {}, { 'x-assay-explain': '0' }),
    ]) {
      expect(JSON.parse(reply.text).choices[0].message.content).toBe('spam');
    }
  });

  test('content given as text parts is classified like a string', async () => {
    const parts = await post(url, {
      model: 'm',
      messages: [{ role: 'user', content: [{ type: 'text', text: SAMPLE.spam }] }],
    });
    expect(JSON.parse(parts.text).choices[0].message.content).toBe('spam');
  });
});

describe('POST /v1/chat/completions (stream)', () => {
  test('SSE chunks: role first, one per token, finish, usage chunk, [DONE]', async () => {
    const reply = await post(
      url,
      chatBody(SAMPLE.spam, {
        stream: true,
        stream_options: { include_usage: true },
        logprobs: true,
        top_logprobs: 2,
      }),
      { 'x-assay-explain': '1' },
    );
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const data = sseData(reply.text);
    expect(data.at(-1)).toBe('[DONE]');
    const chunks = data.slice(0, -1).map((d) => JSON.parse(d));
    for (const c of chunks) {
      expect(c.object).toBe('chat.completion.chunk');
      expect(c.id).toBe(chunks[0].id);
    }
    expect(chunks[0].choices[0].delta.role).toBe('assistant');
    const usage = chunks.at(-1);
    expect(usage.choices).toEqual([]);
    const finish = chunks.at(-2);
    expect(finish.choices[0].finish_reason).toBe('stop');
    const tokens = chunks.slice(1, -2);
    expect(tokens.length).toBe(usage.usage.completion_tokens);
    const text = tokens.map((c) => c.choices[0].delta.content).join('');
    expect(text).toMatch(/^spam\nEvidence: /);
    const first = tokens[0].choices[0].logprobs.content[0];
    expect(first.token).toBe('spam');
    expect(first.top_logprobs).toHaveLength(2);
  });

  test('without include_usage there is no usage chunk', async () => {
    const data = sseData((await post(url, chatBody(SAMPLE.ham, { stream: true }))).text);
    expect(data).toHaveLength(4);
    const chunks = data.slice(0, -1).map((d) => JSON.parse(d));
    expect(chunks.map((c) => 'usage' in c)).toEqual([false, false, false]);
    expect(chunks[1].choices[0].delta.content).toBe('ham');
  });
});

describe('bad requests get 400 with an OpenAI error naming the field', () => {
  const error = async (body: unknown) => {
    const reply = await post(url, body);
    expect(reply.status).toBe(400);
    return JSON.parse(reply.text).error as { message: string; type: string; param: string | null };
  };

  test.each([
    [{ messages: [{ role: 'user', content: 'x' }] }, 'model'],
    [{ model: 'm', messages: [] }, 'messages'],
    [{ model: 'm', messages: [{ role: 'robot', content: 'x' }] }, 'messages[0].role'],
    [{ model: 'm', messages: [{ role: 'user', content: 'x' }], n: 2 }, 'n'],
    [{ model: 'm', messages: [{ role: 'user', content: 'x' }], max_tokens: 0 }, 'max_tokens'],
    [{ model: 'm', messages: [{ role: 'user', content: 'x' }], stream: 'yes' }, 'stream'],
    [{ model: 'm', messages: [{ role: 'system', content: 'x' }] }, 'messages'],
    [{ model: 'm', messages: [{ role: 'user', content: 'x' }], top_logprobs: 2 }, 'top_logprobs'],
  ])('%j -> param %s', async (body, param) => {
    const e = await error(body);
    expect(e.type).toBe('invalid_request_error');
    expect(e.param).toBe(param);
    expect(e.message).toContain(`'${param}'`);
  });

  test('n=2 explains that only n=1 is supported', async () => {
    expect(
      (await error({ model: 'm', messages: [{ role: 'user', content: 'x' }], n: 2 })).message,
    ).toMatch(/n=1/);
  });

  test('a body that is not JSON', async () => {
    const e = await error('{"model": ');
    expect(e.param).toBeNull();
    expect(e.message).toMatch(/JSON body/);
  });

  test('a bad x-assay-fault header', async () => {
    const reply = await post(url, chatBody('hi'), { 'x-assay-fault': 'status=banana' });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.text).error.param).toBe('x-assay-fault');
  });
});
