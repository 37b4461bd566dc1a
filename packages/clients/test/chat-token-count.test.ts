import { afterEach, describe, expect, test } from 'vitest';
import { type ChatMessage, countTokens, createClient } from '../src/index.js';
import { countChatTokens } from '../src/usage/chat-tokens.js';
import { type LocalServer, startLocalServer } from './support/local-server.js';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

// The example of OpenAI's cookbook "How to count tokens with tiktoken", whose prompt_tokens the
// API reported as 129 for gpt-3.5-turbo and gpt-4 (cl100k_base) and 124 for gpt-4o (o200k_base).
const COOKBOOK_MESSAGES = [
  {
    role: 'system',
    content:
      'You are a helpful, pattern-following assistant that translates corporate jargon into plain English.',
  },
  {
    role: 'system',
    name: 'example_user',
    content: 'New synergies will help drive top-line growth.',
  },
  {
    role: 'system',
    name: 'example_assistant',
    content: 'Things working well together will increase revenue.',
  },
  {
    role: 'system',
    name: 'example_user',
    content:
      "Let's circle back when we have more bandwidth to touch base on opportunities for increased leverage.",
  },
  {
    role: 'system',
    name: 'example_assistant',
    content: "Let's talk later when we're less busy about how to do better.",
  },
  {
    role: 'user',
    content:
      "This late pivot means we don't have time to boil the ocean for the client deliverable.",
  },
] as ChatMessage[];

/** A Chat Completions server that reports no usage. */
function noUsageServer(): Promise<LocalServer> {
  return startLocalServer((_body, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        choices: [{ message: { content: 'hello world' }, finish_reason: 'stop' }],
      }),
    );
  });
}

function chatClient(url: string, model: string) {
  return createClient({ provider: 'openai-chat', baseUrl: url, model });
}

describe('local input token counts of chat requests', () => {
  test("follow OpenAI's per-message formula: the cookbook example counts as the API billed it", async () => {
    expect(await countChatTokens(COOKBOOK_MESSAGES, 'cl100k_base')).toBe(129);
    expect(await countChatTokens(COOKBOOK_MESSAGES, 'o200k_base')).toBe(124);
  });

  test('a chat answer without usage counts 3 per message, the role, the content and 3 for the reply', async () => {
    server = await noUsageServer();
    const client = chatClient(server.url, 'gpt-4o');
    const messages: ChatMessage[] = [
      { role: 'system', content: 'Classify as spam or ham.' },
      { role: 'user', content: 'Subject: WIN CASH NOW' },
    ];
    const c = await client.complete({ messages });
    const [system, user, roleSystem, roleUser] = await countTokens(
      ['Classify as spam or ham.', 'Subject: WIN CASH NOW', 'system', 'user'],
      'o200k_base',
    );
    expect(c.usage.source).toBe('tokenizer');
    expect(c.usage.inputTokens).toBe(3 + roleSystem! + system! + 3 + roleUser! + user! + 3);
    expect(c.usage.outputTokens).toBe(2); // "hello world"
    await client.close();
  });

  test('a prompt sent to a chat provider is counted as the one user message it is sent as', async () => {
    server = await noUsageServer();
    const client = chatClient(server.url, 'gpt-4o');
    const c = await client.complete({ prompt: 'hello world' });
    // 3 + 'user' (1) + 'hello world' (2) + 3
    expect(c.usage.inputTokens).toBe(9);
    await client.close();
  });

  test('the chars/4 estimate of a non-OpenAI chat model keeps the same per-message overhead', async () => {
    server = await noUsageServer();
    const client = chatClient(server.url, 'llama-3-8b');
    const c = await client.complete({ prompt: 'abcdefgh' });
    // 3 + ceil(4/4) for 'user' + ceil(8/4) + 3
    expect(c.usage).toMatchObject({ inputTokens: 9, source: 'estimate' });
    await client.close();
  });
});
