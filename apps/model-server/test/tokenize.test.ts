import { expect, test } from 'vitest';
import { extractEmail, tokenizeEmail } from '../src/index.js';

test('header words are prefixed, routing headers dropped, body words lower-cased once each', () => {
  const mail =
    'From a@b  Mon\nReceived: from relay.example\nSubject: FREE Money\nFrom: Bob <bob@x.org>\n\nClick CLICK now, $500!';
  const features = tokenizeEmail(mail);
  expect(features).toContain('subject:free');
  expect(features).toContain('subject:money');
  expect(features).toContain('from:bob');
  expect(features).not.toContain('received:relay.example');
  expect(features).not.toContain('relay.example');
  expect(features.filter((f) => f === 'click')).toHaveLength(1);
  expect(features).toContain('$500');
});

test('text without headers is all body; one-letter and over-long runs are skipped', () => {
  expect(tokenizeEmail(`a bb ${'x'.repeat(40)}`)).toEqual(['bb']);
  expect(tokenizeEmail('')).toEqual([]);
});

test('a one-line instruction ending in a colon is dropped before classification', () => {
  expect(extractEmail('Classify this e-mail as spam or ham:\n\nHello Bob')).toBe('Hello Bob');
  expect(extractEmail('Subject: re: x:\n\nbody')).toBe('Subject: re: x:\n\nbody');
  expect(extractEmail('Hello Bob,\n\nsee you')).toBe('Hello Bob,\n\nsee you');
  expect(extractEmail('Two lines:\nstill header:\n\nbody')).toBe(
    'Two lines:\nstill header:\n\nbody',
  );
});
