import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { feed, recorder } from './support/parser-recorder.js';

const FRAMING_NAMES = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive']);
const headerName = fc
  .stringMatching(/^[A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]{0,15}$/)
  .filter((name) => !FRAMING_NAMES.has(name.toLowerCase()));
/** A value (latin1) with no whitespace at its edges, as the parser hands it over. */
const headerValue = fc.oneof(
  fc.constant(''),
  fc.stringMatching(/^[\x21-\x7e\x80-\x9f\xa1-\xff]([\x20-\x7e\x80-\xff\t]{0,30}[\x21-\x7e])?$/),
);
const padding = fc.constantFrom('', ' ', '\t', '  \t');
const header = fc.record({ name: headerName, value: headerValue, before: padding, after: padding });
/** Version and connection header, and whether they allow another request. */
const persistence = fc.constantFrom(
  { version: 1, connection: undefined, keepAlive: true },
  { version: 1, connection: 'close', keepAlive: false },
  { version: 0, connection: undefined, keepAlive: false },
  { version: 0, connection: 'keep-alive', keepAlive: true },
);
const framing = fc.oneof(
  fc.record({ kind: fc.constant('length' as const) }),
  fc.record({
    kind: fc.constant('chunked' as const),
    sizes: fc.array(fc.integer({ min: 1, max: 80 }), { minLength: 1, maxLength: 6 }),
    extension: fc.boolean(),
    upper: fc.boolean(),
    trailers: fc.array(header, { maxLength: 2 }),
  }),
  fc.record({ kind: fc.constant('close' as const) }),
);
const response = fc.record({
  interim: fc.array(fc.constantFrom(100, 103), { maxLength: 2 }),
  status: fc.integer({ min: 200, max: 599 }).filter((s) => s !== 204 && s !== 304),
  reason: fc.constantFrom('', ' OK', ' Not Found', ' Some Reason Phrase'),
  persistence,
  headers: fc.array(header, { maxLength: 6 }),
  body: fc.uint8Array({ maxLength: 400 }),
  framing,
});
type Generated = typeof response extends fc.Arbitrary<infer T> ? T : never;

function chunked(body: Buffer, f: Extract<Generated['framing'], { kind: 'chunked' }>): Buffer {
  const parts: Buffer[] = [];
  for (let at = 0, i = 0; at < body.length; i++) {
    const size = Math.min(f.sizes[i % f.sizes.length]!, body.length - at);
    const hex = f.upper ? size.toString(16).toUpperCase() : size.toString(16);
    parts.push(
      Buffer.from(`${hex}${f.extension ? ';ext=v' : ''}\r\n`),
      body.subarray(at, at + size),
    );
    parts.push(Buffer.from('\r\n'));
    at += size;
  }
  const trailers = f.trailers.map((t) => `${t.name}:${t.before}${t.value}${t.after}\r\n`).join('');
  parts.push(Buffer.from(`0${f.extension ? ';last' : ''}\r\n${trailers}\r\n`, 'latin1'));
  return Buffer.concat(parts);
}

/** A generated response's bytes, and what the parser should hand over for it. */
function encode(g: Generated) {
  const body = Buffer.from(g.body);
  let head = g.interim.map((s) => `HTTP/1.1 ${s} Interim\r\nx-hint: ${s}\r\n\r\n`).join('');
  head += `HTTP/1.${g.persistence.version} ${g.status}${g.reason}\r\n`;
  const headers: string[] = [];
  for (const h of g.headers) {
    head += `${h.name}:${h.before}${h.value}${h.after}\r\n`;
    headers.push(h.name.toLowerCase(), h.value);
  }
  const framingHeader = (name: string, value: string): void => {
    head += `${name}: ${value}\r\n`;
    headers.push(name, value);
  };
  if (g.persistence.connection !== undefined) framingHeader('connection', g.persistence.connection);
  if (g.framing.kind === 'length') framingHeader('content-length', String(body.length));
  if (g.framing.kind === 'chunked') framingHeader('transfer-encoding', 'chunked');
  const payload = g.framing.kind === 'chunked' ? chunked(body, g.framing) : body;
  return {
    bytes: Buffer.concat([Buffer.from(`${head}\r\n`, 'latin1'), payload]),
    head: { statusCode: g.status, minorVersion: g.persistence.version, headers },
    body,
    reusable: g.persistence.keepAlive && g.framing.kind !== 'close',
    untilClose: g.framing.kind === 'close',
  };
}

/** Cut points: offsets into the stream, taken modulo its length. */
const cutPoints = fc.array(fc.nat(), { maxLength: 12 });

describe('any split of the byte stream', () => {
  test('gives the same head, body and end as the whole, and as generated', () => {
    fc.assert(
      fc.property(response, cutPoints, (g, cuts) => {
        const want = encode(g);
        const results = [[], cuts.map((c) => c % (want.bytes.length + 1))].map((at) => {
          const r = recorder();
          feed(r, want.bytes, at);
          expect(r.parser.untilClose).toBe(want.untilClose);
          if (want.untilClose) r.parser.finish();
          return { heads: r.heads, body: r.body(), ends: r.ends, done: r.parser.done };
        });
        expect(results[1]).toEqual(results[0]);
        expect(results[0]).toEqual({
          heads: [want.head],
          body: want.body,
          ends: [want.reusable],
          done: true,
        });
      }),
      { numRuns: 200 },
    );
  });

  test('two keep-alive responses with reset() between are both read', () => {
    const keptAlive = response.filter((g) => g.persistence.keepAlive && g.framing.kind !== 'close');
    fc.assert(
      fc.property(keptAlive, keptAlive, cutPoints, cutPoints, (first, second, cutsA, cutsB) => {
        const r = recorder();
        const wants = [encode(first), encode(second)];
        for (const [i, cuts] of [cutsA, cutsB].entries()) {
          const want = wants[i]!;
          if (i > 0) r.parser.reset();
          feed(
            r,
            want.bytes,
            cuts.map((c) => c % (want.bytes.length + 1)),
          );
          expect(r.parser.done).toBe(true);
        }
        expect(r.heads).toEqual(wants.map((w) => w.head));
        expect(r.body()).toEqual(Buffer.concat(wants.map((w) => w.body)));
        expect(r.ends).toEqual([true, true]);
      }),
      { numRuns: 200 },
    );
  });
});
