import { describe, expect, test } from 'vitest';
import {
  BUILT_IN_PRICES,
  computeCost,
  encodingFor,
  openAICachePricing,
  priceFor,
} from '../src/index.js';
import { renderTemplate } from '../src/providers/template.js';

describe('prices', () => {
  test('dated snapshots match their family by the longest prefix', () => {
    expect(priceFor('gpt-4o-2024-08-06')).toBe(BUILT_IN_PRICES['gpt-4o']);
    expect(priceFor('gpt-4o-mini-2024-07-18')).toBe(BUILT_IN_PRICES['gpt-4o-mini']);
    expect(priceFor('claude-3-5-haiku-20241022')).toBe(BUILT_IN_PRICES['claude-3-5-haiku']);
    expect(priceFor('gpt-4od')).toBeUndefined();
    expect(priceFor('llama-3-8b')).toBeUndefined();
  });

  test('a longer model name is another model, never priced by prefix', () => {
    for (const model of ['gpt-4o-audio-preview', 'claude-3-5-sonnet-v2']) {
      expect(priceFor(model), model).toBeUndefined();
    }
    expect(priceFor('o1-2024-12-17')).toBe(BUILT_IN_PRICES.o1);
    expect(priceFor('o1-mini-2024-09-12')).toEqual({ inputPerMTok: 1.1, outputPerMTok: 4.4 });
    expect(priceFor('gpt-4o-2024-05-13')).toEqual({ inputPerMTok: 5, outputPerMTok: 15 });
    expect(priceFor('claude-3-7-sonnet-latest')).toBe(BUILT_IN_PRICES['claude-3-7-sonnet']);
    expect(priceFor('claude-sonnet-4-20250514')).toBe(BUILT_IN_PRICES['claude-sonnet-4']);
    expect(priceFor('toString')).toBeUndefined();
  });

  test("the pro models and gpt-3.5-turbo-instruct have their own list prices, not their family's", () => {
    // OpenAI's list prices: o1-pro $150 / $600, o3-pro $20 / $80, gpt-3.5-turbo-instruct $1.50 / $2.00
    expect(priceFor('o1-pro')).toEqual({ inputPerMTok: 150, outputPerMTok: 600 });
    expect(priceFor('o3-pro')).toEqual({ inputPerMTok: 20, outputPerMTok: 80 });
    expect(priceFor('gpt-3.5-turbo-instruct')).toEqual({ inputPerMTok: 1.5, outputPerMTok: 2 });
    expect(priceFor('o1-pro-2025-03-19')).toBe(BUILT_IN_PRICES['o1-pro']);
    expect(priceFor('o3-pro-2025-06-10')).toBe(BUILT_IN_PRICES['o3-pro']);
    // no cached-input discount: a cached prompt token costs the full input price
    for (const model of ['o1-pro', 'o3-pro', 'gpt-3.5-turbo-instruct']) {
      expect(BUILT_IN_PRICES[model], model).not.toHaveProperty('cachedInputPerMTok');
    }
    expect(openAICachePricing(1000, priceFor('o3-pro'))).toBeUndefined();
    // 10k input at $150/M = $1.50; 2k output at $600/M = $1.20
    expect(computeCost(10_000, 2_000, priceFor('o1-pro'))).toEqual({
      inputUsd: 1.5,
      outputUsd: 1.2,
      totalUsd: 2.7,
    });
  });

  test('a configured price overrides the table', () => {
    const price = { inputPerMTok: 1, outputPerMTok: 2 };
    expect(priceFor('gpt-4o', price)).toBe(price);
    expect(priceFor('my-model', price)).toBe(price);
  });

  test('cost is tokens × price / 1e6, and undefined (not 0) for an unknown price', () => {
    // 1000 input tokens at $2.50/M = $0.0025; 500 output at $10/M = $0.005.
    expect(computeCost(1000, 500, { inputPerMTok: 2.5, outputPerMTok: 10 })).toEqual({
      inputUsd: 0.0025,
      outputUsd: 0.005,
      totalUsd: 0.0075,
    });
    expect(computeCost(1000, 500, undefined)).toBeUndefined();
    expect(computeCost(0, 0, { inputPerMTok: 3, outputPerMTok: 15 })?.totalUsd).toBe(0);
  });

  test('auto tokenizer choice by model family', () => {
    expect(encodingFor('gpt-4o-mini', 'auto')).toBe('o200k_base');
    expect(encodingFor('o3-mini', 'auto')).toBe('o200k_base');
    expect(encodingFor('gpt-4-turbo', 'auto')).toBe('cl100k_base');
    expect(encodingFor('claude-3-5-haiku', 'auto')).toBe('estimate');
    expect(encodingFor('claude-3-5-haiku', 'cl100k_base')).toBe('cl100k_base');
  });
});

describe('renderTemplate', () => {
  test('whole placeholders keep their JSON type; inline ones become text; unset members drop', () => {
    const out = renderTemplate(
      {
        a: '{{messages}}',
        b: 'T={{temperature}} P={{prompt}}',
        c: '{{seed}}',
        d: ['{{seed}}', 1],
        e: { f: '{{ maxTokens }}' },
      },
      { messages: [{ role: 'user', content: 'x' }], temperature: 0.5, prompt: 'hi', maxTokens: 3 },
    );
    expect(out).toEqual({
      a: [{ role: 'user', content: 'x' }],
      b: 'T=0.5 P=hi',
      d: [null, 1],
      e: { f: 3 },
    });
  });
});
