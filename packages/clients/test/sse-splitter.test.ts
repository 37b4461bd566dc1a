import { StringDecoder } from 'node:string_decoder';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { describe, expect, test } from 'vitest';
import { SseSplitter } from '../src/http/sse-splitter.js';

/** The events eventsource-parser gives for the same bytes, decoded as the client used to. */
function reference(pieces: readonly Buffer[]): EventSourceMessage[] {
  const out: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (e) => out.push({ ...e }) });
  const decoder = new StringDecoder('utf8');
  for (const p of pieces) parser.feed(decoder.write(p));
  parser.reset({ consume: true });
  return out;
}

function split(pieces: readonly Buffer[]): EventSourceMessage[] {
  const out: EventSourceMessage[] = [];
  const splitter = new SseSplitter((e) => out.push({ ...e }));
  for (const p of pieces) splitter.feed(p);
  return out;
}

/** `bytes` cut at the given offsets. */
function cut(bytes: Buffer, at: readonly number[]): Buffer[] {
  const points = [0, ...[...at].sort((a, b) => a - b), bytes.length];
  const out: Buffer[] = [];
  for (let i = 1; i < points.length; i++) out.push(bytes.subarray(points[i - 1], points[i]));
  return out;
}

/** A small deterministic generator, so a failure names a reproducible seed. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const STREAMS: Record<string, string> = {
  'openai chunks': `data: {"choices":[{"delta":{"content":"spam"}}]}\n\ndata: {"choices":[],"usage":{"prompt_tokens":3}}\n\ndata: [DONE]\n\n`,
  'CRLF and CR line ends': 'data: a\r\n\r\ndata: b\r\rdata: c\r\ndata: d\r\n\r\n',
  'multi-line data, event and id fields':
    'event: message_start\nid: 7\ndata: {"a":\ndata: 1}\n\nevent: ping\ndata: {}\n\n',
  'comments, retry, unknown fields and fields without a colon':
    ': keep-alive\nretry: 1000\nfoo: bar\ndata\n\ndata:no-space\n\nevent\ndata: x\n\n',
  'an id with NUL is ignored, a blank line without data resets':
    'id: a\0b\ndata: 1\n\nevent: e\nid: 9\n\ndata: 2\n\n',
  'multi-byte characters': 'data: {"t":"Grüße, 日本語, 🙂"}\n\ndata: {"t":"ok"}\n\n',
  'a last event without its blank line is dropped': 'data: 1\n\ndata: 2\n',
  'a CR at the very end': 'data: 1\n\ndata: 2\r',
};

describe('SseSplitter', () => {
  for (const [name, text] of Object.entries(STREAMS)) {
    test(`gives the events eventsource-parser gives, for any split: ${name}`, () => {
      const bytes = Buffer.from(text, 'utf8');
      const whole = reference([bytes]);
      expect(split([bytes])).toEqual(whole);
      // every single cut point, then random multi-way cuts (through multi-byte characters too)
      for (let i = 1; i < bytes.length; i++) {
        const pieces = cut(bytes, [i]);
        expect(split(pieces), `cut at ${i}`).toEqual(reference(pieces));
      }
      const random = lcg(text.length);
      for (let round = 0; round < 200; round++) {
        const at = Array.from({ length: 1 + Math.floor(random() * 6) }, () =>
          Math.floor(random() * bytes.length),
        );
        const pieces = cut(bytes, at);
        expect(split(pieces), `cuts at ${at.join(',')}`).toEqual(reference(pieces));
      }
    });
  }

  test('skips a leading UTF-8 byte order mark, even one split across pieces', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('data: 1\n\n')]);
    const expected = [{ id: undefined, event: undefined, data: '1' }];
    expect(split([bytes])).toEqual(expected);
    expect(split(cut(bytes, [1, 2]))).toEqual(expected);
  });

  test('skips a byte order mark that follows empty first pieces, and only at the stream start', () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const expected = [{ id: undefined, event: undefined, data: '1' }];
    const empty = Buffer.alloc(0);
    expect(split([empty, bom, Buffer.from('data: 1\n\n')])).toEqual(expected);
    expect(split([empty, empty, Buffer.concat([bom, Buffer.from('data: 1\n\n')])])).toEqual(
      expected,
    );
    expect(
      split([empty, bom.subarray(0, 1), empty, bom.subarray(1), Buffer.from('data: 1\n\n')]),
    ).toEqual(expected);
    // a BOM after the first bytes is content: here it makes an unknown field, ignored
    const late = [Buffer.from('data: 1\n\n'), empty, bom, Buffer.from('data: 2\n\n')];
    expect(split(late)).toEqual(reference(late));
    expect(split(late).map((e) => e.data)).toEqual(['1']);
  });

  test('a long line arriving in many pieces is one value', () => {
    const value = 'x'.repeat(100_000);
    const bytes = Buffer.from(`data: ${value}\n\n`);
    const pieces = cut(
      bytes,
      Array.from({ length: 99 }, (_, i) => (i + 1) * 1000),
    );
    expect(split(pieces)).toEqual([{ id: undefined, event: undefined, data: value }]);
  });
});
