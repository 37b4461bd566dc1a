import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type LoadRecord, RecordStore, summarizeRecords } from '../src/index.js';

const time = fc.double({ min: -1e9, max: 1e9, noNaN: true });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

/** Any record the generator can produce, including -0, nulls, empty and long gap lists and scores. */
const record: fc.Arbitrary<LoadRecord> = fc.record({
  step: fc.integer({ min: 0, max: 1000 }),
  index: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  warmup: fc.boolean(),
  scheduledMs: time,
  sentMs: maybe(time),
  firstTokenMs: maybe(time),
  firstContentMs: maybe(time),
  lastTokenMs: maybe(time),
  endMs: time,
  inputTokens: maybe(fc.integer({ min: 0, max: 2 ** 40 })),
  outputTokens: maybe(fc.integer({ min: 0, max: 2 ** 40 })),
  tokenSource: maybe(fc.constantFrom('server' as const, 'tokenizer' as const)),
  status: maybe(fc.integer({ min: 100, max: 599 })),
  errorClass: maybe(fc.constantFrom('timeout', 'http_status', 'dropped', 'connection')),
  itlMs: fc.array(fc.double({ min: 0, max: 1e5, noNaN: true }), { maxLength: 40 }),
  correct: maybe(fc.boolean()),
  scores: maybe(
    fc.dictionary(fc.constantFrom('token_f1', 'exact_match'), fc.double({ noNaN: true })),
  ),
});

describe('RecordStore', () => {
  test('reads back every record exactly as pushed, by position, by iteration and by range', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 300 }), fc.nat(), fc.nat(), (records, a, b) => {
        const store = new RecordStore();
        for (const r of records) store.push(r);
        expect(store.length).toBe(records.length);
        records.forEach((r, i) => {
          expect(Object.is(store.at(i).scheduledMs, r.scheduledMs)).toBe(true);
          expect(store.at(i)).toEqual(r);
        });
        expect([...store]).toEqual(records);
        const from = records.length === 0 ? 0 : a % records.length;
        const to = from + (records.length === 0 ? 0 : b % (records.length - from + 1));
        expect([...store.range(from, to)]).toEqual(records.slice(from, to));
        expect(store.range(from, to).length).toBe(to - from);
        expect(store.range(from, records.length + b).length).toBe(records.length - from);
        expect(store.range(records.length + 1 + a).length).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  test('keeps records exact past its first chunk (4,096 records) and across chunk borders', () => {
    const store = new RecordStore();
    const records = Array.from(
      { length: 10_000 },
      (_, i): LoadRecord => ({
        step: i % 3,
        index: i,
        warmup: i % 7 === 0,
        scheduledMs: i / 3,
        sentMs: i % 5 === 0 ? null : i / 3 + 0.01,
        firstTokenMs: i / 3 + 0.5,
        firstContentMs: null,
        lastTokenMs: i / 3 + 0.9,
        endMs: i / 3 + 1,
        inputTokens: 12,
        outputTokens: i % 4,
        tokenSource: 'server',
        status: 200,
        errorClass: i % 11 === 0 ? 'timeout' : null,
        itlMs: Array.from({ length: i % 4 }, (_, g) => g + i / 1000),
        correct: null,
        scores: i === 9_000 ? { token_f1: 0.5 } : null,
      }),
    );
    for (const r of records) store.push(r);
    for (const i of [0, 4095, 4096, 4097, 8191, 8192, 9000, 9999])
      expect(store.at(i)).toEqual(records[i]);
    expect([...store.range(4090, 4100)]).toEqual(records.slice(4090, 4100));
    expect(summarizeRecords(store)).toEqual(summarizeRecords(records));
  });

  test('a range is a snapshot that can be walked again: records pushed later are not in it', () => {
    const store = new RecordStore();
    const base = [...sample()][0]!;
    const r = (index: number): LoadRecord => ({ ...base, index });
    store.push(r(0));
    const before = store.length;
    store.push(r(1));
    store.push(r(2));
    const step = store.range(before);
    store.push(r(3));
    expect([...step].map((x) => x.index)).toEqual([1, 2]);
    expect([...step].map((x) => x.index)).toEqual([1, 2]);
  });

  test('holds a record with one gap in 97 bytes once its chunks are full, a third of a record object', () => {
    const store = new RecordStore();
    const one = [...sample()][0]!;
    // 16 full chunks of 4,096: 8 Float64 + 4 Int32 (step, index, status, item) + 1 flag byte +
    // 2 Uint16 codes + a gap offset + one gap slot = 97 bytes a record, plus one offset per chunk
    for (let i = 0; i < 16 * 4096; i++) store.push({ ...one, index: i, itlMs: [0.5] });
    expect(store.byteLength).toBe(16 * (4096 * 97 + 4));
  });

  test('refuses a position outside the store with a message that names the valid ones', () => {
    const store = new RecordStore();
    store.push([...sample()][0]!);
    expect(() => store.at(1)).toThrow('Record 1 is not in the store; valid positions are 0 to 0.');
    expect(() => store.at(-1)).toThrow(RangeError);
    expect(() => store.at(0.5)).toThrow(RangeError);
    expect(() => store.range(0.5)).toThrow(
      "A record range's from is 0.5; expected a whole number at least 0.",
    );
    expect(() => store.range(0, -1)).toThrow(RangeError);
  });

  test('reads an absent optional field back as null, never as false or a word', () => {
    const store = new RecordStore();
    const { correct: _c, tokenSource: _t, scores: _s, ...rest } = [...sample()][0]!;
    store.push(rest as unknown as LoadRecord);
    expect(store.at(0)).toMatchObject({ correct: null, tokenSource: null, scores: null });
  });
});

function sample(): Iterable<LoadRecord> {
  return fc.sample(record, { numRuns: 1, seed: 7 });
}
