import { describe, expect, it } from 'vitest';
import type { PredictionRow } from '../src/index.js';
import { choiceOrders } from '../src/multiple-choice/choice-orders.js';
import { positionBias } from '../src/multiple-choice/position-bias.js';

describe('choiceOrders', () => {
  it('starts with the data set order and is the same on every call', () => {
    const a = choiceOrders(4, 3, 7, 'q1');
    expect(a[0]).toEqual([0, 1, 2, 3]);
    expect(a).toHaveLength(4);
    expect(choiceOrders(4, 3, 7, 'q1')).toEqual(a);
  });

  it('draws distinct permutations of every choice', () => {
    const orders = choiceOrders(5, 20, 1, 'item');
    expect(new Set(orders.map((o) => o.join(','))).size).toBe(21);
    for (const o of orders) expect([...o].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('depends on the seed and the item id, not on anything else', () => {
    const base = choiceOrders(6, 4, 0, 'a');
    expect(choiceOrders(6, 4, 1, 'a')).not.toEqual(base);
    expect(choiceOrders(6, 4, 0, 'b')).not.toEqual(base);
    // a longer draw keeps the first orders: adding permutations does not reshuffle the old ones
    expect(choiceOrders(6, 6, 0, 'a').slice(0, 5)).toEqual(base);
  });

  it('stops at the orders there are', () => {
    expect(choiceOrders(2, 5, 0, 'x')).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(choiceOrders(3, 100, 0, 'x')).toHaveLength(6);
    expect(choiceOrders(4, 0, 0, 'x')).toEqual([[0, 1, 2, 3]]);
  });
});

function row(id: string, fold: number, permutation: number, parsed: string | null): PredictionRow {
  return {
    id,
    fold,
    model: 'm',
    permutation,
    promptHash: `${id}-${permutation}`,
    group: null,
    expected: 'A',
    rawAnswer: parsed ?? 'gibberish',
    parsed,
    outcome: parsed === null ? 'unparseable' : parsed === 'A' ? 'correct' : 'wrong',
    correct: parsed === 'A',
    error: null,
    ttftMs: null,
    tpotMs: null,
    e2eMs: null,
    inputTokens: null,
    outputTokens: null,
    costUsd: null,
    score: null,
    cached: false,
  };
}

describe('positionBias', () => {
  it('counts the items whose original choice changes with the order', () => {
    const rows = [
      row('q1', 0, 0, 'A'),
      row('q1', 0, 1, 'A'),
      row('q2', 0, 0, 'A'),
      row('q2', 0, 1, 'C'),
      row('q3', 0, 0, 'B'),
      row('q3', 0, 1, 'B'),
      row('q3', 0, 2, 'D'),
      row('q4', 0, 0, 'A'),
      row('q4', 0, 1, 'A'),
    ];
    const bias = positionBias(rows);
    expect(bias.compared.map((c) => [c.id, c.biased])).toEqual([
      ['q1', false],
      ['q2', true],
      ['q3', true],
      ['q4', false],
    ]);
    expect(bias.rate).toBe(0.5);
  });

  it('counts an unparseable answer as an answer of its own', () => {
    const both = positionBias([row('q', 0, 0, null), row('q', 0, 1, null)]);
    expect(both.rate).toBe(0);
    const one = positionBias([row('q', 0, 0, 'A'), row('q', 0, 1, null)]);
    expect(one.rate).toBe(1);
  });

  it('leaves out failed requests and items asked in one order only', () => {
    const failed = { ...row('q1', 0, 1, null), outcome: 'failed' as const, correct: null };
    const bias = positionBias([row('q1', 0, 0, 'A'), failed, row('q2', 0, 0, 'B')]);
    expect(bias.compared).toEqual([]);
    expect(bias.rate).toBeNull();
  });

  it('compares the orders within each fold of repeated evaluation', () => {
    const bias = positionBias([
      row('q', 0, 0, 'A'),
      row('q', 0, 1, 'A'),
      row('q', 1, 0, 'B'),
      row('q', 1, 1, 'A'),
    ]);
    expect(bias.compared.map((c) => [c.fold, c.biased])).toEqual([
      [0, false],
      [1, true],
    ]);
  });
});
