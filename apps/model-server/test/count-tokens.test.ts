import { loadSpamCorpus } from '@assay/spam-assassin';
import { Tiktoken } from 'js-tiktoken/lite';
import cl100kBase from 'js-tiktoken/ranks/cl100k_base';
import { expect, test } from 'vitest';
import { countChatPromptTokens, countTokens, TOKENIZER_NAME, tokenPieces } from '../src/index.js';

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

test('tokenPieces keeps characters whole: pieces join to the text, one per token for ASCII', () => {
  const ascii = tokenPieces('Hello world, again');
  expect(ascii.pieces.join('')).toBe('Hello world, again');
  expect(ascii.pieces.length).toBe(ascii.tokens);
  expect(ascii.tokens).toBe(reference.encode('Hello world, again').length);
  const text = '三菱化学エンジニアリング様 🚀 naïve';
  const split = tokenPieces(text);
  expect(split.pieces.join('')).toBe(text);
  expect(split.tokens).toBe(reference.encode(text).length);
  expect(split.pieces.length).toBeLessThan(split.tokens);
  for (const piece of split.pieces) expect(piece).not.toContain('\uFFFD');
});

test('tokenPieces with a budget keeps that many tokens and drops a character cut in half', () => {
  const cut = tokenPieces('Hello world, again', 2);
  expect(cut).toEqual({ pieces: ['Hello', ' world'], tokens: 2, truncated: true });
  const emoji = tokenPieces('🚀🚀', 1);
  expect(emoji.pieces.join('')).toBe('');
  expect(emoji.truncated).toBe(true);
});
