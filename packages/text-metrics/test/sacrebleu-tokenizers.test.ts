import { describe, expect, it } from 'vitest';
import {
  tokenize13a,
  tokenizeChar,
  tokenizeIntl,
  tokenizeTercom,
  tokenizeZh,
} from '../src/index.js';
import { pySplit } from '../src/python-compat/python-strings.js';
import { optionsLabel, tokenizerFixtures } from './support/sacrebleu-fixtures.js';

const fixtures = tokenizerFixtures();

describe('tokenizers equal sacrebleu', () => {
  it.each(fixtures.inputs.map((input, k) => ({ input, k })))(
    '13a tokenizes input $k as sacrebleu',
    ({ input, k }) => {
      expect(tokenize13a(input)).toBe(fixtures.tokenizer13a[k]);
    },
  );

  const bleuTokenizers = { intl: tokenizeIntl, char: tokenizeChar, zh: tokenizeZh } as const;
  it.each(
    (['intl', 'char', 'zh'] as const).flatMap((name) =>
      fixtures.inputs.map((input, k) => ({ name, input, k, expected: fixtures.bleu[name][k]! })),
    ),
  )('$name tokenizes input $k as sacrebleu, string and token list', ({ name, input, expected }) => {
    const output = bleuTokenizers[name](input);
    expect(output).toBe(expected);
    expect(pySplit(output)).toEqual(pySplit(expected));
  });

  it('the fixtures hold Chinese, Japanese, Arabic, emoji and combining marks', () => {
    const all = fixtures.inputs.join('');
    for (const script of [/\p{sc=Han}/u, /\p{sc=Hiragana}/u, /\p{sc=Arabic}/u, /\p{Mn}/u]) {
      expect(all).toMatch(script);
    }
    expect(all).toMatch(/\p{Extended_Pictographic}/u);
  });

  it.each(fixtures.tercom.map((t) => ({ ...t, label: optionsLabel(t.options) })))(
    'the tercom tokenizer with $label tokenizes every input as sacrebleu',
    ({ options, outputs }) => {
      fixtures.inputs.forEach((input, k) => {
        expect(tokenizeTercom(input, options), `input ${k}: ${JSON.stringify(input)}`).toBe(
          outputs[k],
        );
      });
    },
  );
});
