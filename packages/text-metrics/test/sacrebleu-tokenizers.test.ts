import { describe, expect, it } from 'vitest';
import { tokenize13a, tokenizeTercom } from '../src/index.js';
import { optionsLabel, tokenizerFixtures } from './support/sacrebleu-fixtures.js';

const fixtures = tokenizerFixtures();

describe('tokenizers equal sacrebleu', () => {
  it.each(fixtures.inputs.map((input, k) => ({ input, k })))(
    '13a tokenizes input $k as sacrebleu',
    ({ input, k }) => {
      expect(tokenize13a(input)).toBe(fixtures.tokenizer13a[k]);
    },
  );

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
