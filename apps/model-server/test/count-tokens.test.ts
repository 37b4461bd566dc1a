import { loadSpamCorpus } from '@assay/spam-assassin';
import { Tiktoken } from 'js-tiktoken/lite';
import cl100kBase from 'js-tiktoken/ranks/cl100k_base';
import { expect, test } from 'vitest';
import { countChatPromptTokens, countTokens, TOKENIZER_NAME } from '../src/index.js';

const reference = new Tiktoken(cl100kBase);

test('memoized counts equal a plain js-tiktoken encode on real e-mails, twice over', () => {
  expect(TOKENIZER_NAME).toBe('cl100k_base');
  const texts = loadSpamCorpus(['spam-2'])
    .slice(0, 40)
    .map((m) => m.text);
  texts.push('', 'spam', 'ham', 'naïve café ☕ 日本語 <|endoftext|>', '   leading and trailing   ');
  for (let pass = 0; pass < 2; pass++) {
    for (const t of texts) expect(countTokens(t)).toBe(reference.encode(t, [], []).length);
  }
});

test('chat prompt count is 3 per message + role + content (+ name + 1) + 3 reply priming', () => {
  const messages = [
    { role: 'system', content: 'You are a spam filter.' },
    { role: 'user', content: 'Hello there', name: 'bob' },
  ];
  const enc = (s: string) => reference.encode(s).length;
  const expected =
    3 +
    enc('system') +
    enc('You are a spam filter.') +
    3 +
    enc('user') +
    enc('Hello there') +
    1 +
    enc('bob') +
    3;
  expect(countChatPromptTokens(messages)).toBe(expected);
});
