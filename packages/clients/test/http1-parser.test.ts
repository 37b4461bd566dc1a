import { errors } from 'undici';
import { describe, expect, test } from 'vitest';
import { feed, recorder } from './support/parser-recorder.js';

const byteByByte = (bytes: Buffer): number[] => Array.from({ length: bytes.length }, (_, i) => i);

/** Both ways a response arrives: in one piece, and one byte at a time. */
const ARRIVALS = [
  ['in one piece', (_bytes: Buffer): number[] => []],
  ['byte by byte', byteByByte],
] as const;

function parsed(text: string, cuts: (bytes: Buffer) => number[], maxHeadBytes?: number) {
  const r = recorder(maxHeadBytes);
  const bytes = Buffer.from(text, 'latin1');
  feed(r, bytes, cuts(bytes));
  return r;
}

/** The error `run` throws (fails the test if it throws none). */
function thrown(run: () => void): Error & { code?: string } {
  try {
    run();
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected the parser to throw');
}

describe.each(ARRIVALS)('an HTTP/1.1 response arriving %s', (_name, cuts) => {
  test('a content-length body ends after its length, reusable', () => {
    const r = parsed('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello', cuts);
    expect(r.heads).toEqual([
      { statusCode: 200, minorVersion: 1, headers: ['content-length', '5'] },
    ]);
    expect(r.body().toString()).toBe('hello');
    expect(r.ends).toEqual([true]);
    expect(r.parser.done).toBe(true);
  });

  test('content-length 0 ends at the head, with no body piece', () => {
    const r = parsed('HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n', cuts);
    expect(r.body().length).toBe(0);
    expect(r.ends).toEqual([true]);
  });

  test('a chunked body drops sizes, extensions and trailers', () => {
    const r = parsed(
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n' +
        '5;name=value\r\nhello\r\nA ; a=1;b="x y"\r\n, world!!!\r\n' +
        '0;last\r\nX-Trailer: 1\r\nx-other: two\r\n\r\n',
      cuts,
    );
    expect(r.body().toString()).toBe('hello, world!!!');
    expect(r.heads[0]!.headers).toEqual(['transfer-encoding', 'chunked']);
    expect(r.ends).toEqual([true]);
    expect(r.parser.done).toBe(true);
  });

  test('a chunked body without trailers ends at the empty line', () => {
    const r = parsed(
      'HTTP/1.1 200 OK\r\ntransfer-encoding: gzip, chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n',
      cuts,
    );
    expect(r.body().toString()).toBe('abc');
    expect(r.ends).toEqual([true]);
  });

  test.each([
    ['no framing header', ''],
    ['a transfer coding other than chunked last', 'transfer-encoding: chunked, gzip\r\n'],
  ])('with %s the body runs until close: finish() ends it, not reusable', (_what, framing) => {
    const r = parsed(`HTTP/1.1 200 OK\r\n${framing}\r\nsome body, and more`, cuts);
    expect(r.body().toString()).toBe('some body, and more');
    expect(r.parser.untilClose).toBe(true);
    expect(r.parser.done).toBe(false);
    expect(r.ends).toEqual([]);
    r.parser.finish();
    expect(r.ends).toEqual([false]);
    expect(r.parser.done).toBe(true);
    expect(r.parser.untilClose).toBe(false);
  });

  test.each([204, 304])('%i has no body, whatever its content-length says', (status) => {
    const r = parsed(`HTTP/1.1 ${status} X\r\ncontent-length: 10\r\n\r\n`, cuts);
    expect(r.heads[0]!.statusCode).toBe(status);
    expect(r.ends).toEqual([true]);
    expect(r.body().length).toBe(0);
    expect(thrown(() => r.parser.execute(Buffer.from('0123456789'))).code).toBe(
      'HPE_DATA_AFTER_END',
    );
  });

  test('1xx interim responses (100, 103) are skipped before the final one', () => {
    const r = parsed(
      'HTTP/1.1 100 Continue\r\n\r\n' +
        'HTTP/1.1 103 Early Hints\r\nlink: </style.css>; rel=preload\r\n\r\n' +
        'HTTP/1.1 201 Created\r\ncontent-length: 2\r\n\r\nok',
      cuts,
    );
    expect(r.heads).toEqual([
      { statusCode: 201, minorVersion: 1, headers: ['content-length', '2'] },
    ]);
    expect(r.body().toString()).toBe('ok');
    expect(r.ends).toEqual([true]);
  });

  test('header names are lower-cased, values trimmed of spaces and tabs, order and repeats kept', () => {
    const r = parsed(
      'HTTP/1.1 200\r\nX-Request-ID:  abc \r\nLocation:\thttp://h:1/a b\t\r\n' +
        'Set-Cookie: a=1\r\nset-cookie: b=2\r\nX-Empty:\r\nContent-Length: 0\r\n\r\n',
      cuts,
    );
    expect(r.heads[0]!.headers).toEqual([
      'x-request-id',
      'abc',
      'location',
      'http://h:1/a b',
      'set-cookie',
      'a=1',
      'set-cookie',
      'b=2',
      'x-empty',
      '',
      'content-length',
      '0',
    ]);
  });
});

describe('whether the connection may carry the next request (onEnd reusable)', () => {
  test.each([
    ['HTTP/1.1 with no connection header', true, '1.1', 'content-length: 1\r\n'],
    ['HTTP/1.1 with connection: close', false, '1.1', 'Connection: close\r\ncontent-length: 1\r\n'],
    [
      'HTTP/1.1 with close in a list',
      false,
      '1.1',
      'connection: Keep-Alive, CLOSE\r\ncontent-length: 1\r\n',
    ],
    ['HTTP/1.1 chunked', true, '1.1', 'transfer-encoding: chunked\r\n'],
    ['HTTP/1.0 with no connection header', false, '1.0', 'content-length: 1\r\n'],
    [
      'HTTP/1.0 with connection: keep-alive',
      true,
      '1.0',
      'Connection: Keep-Alive\r\ncontent-length: 1\r\n',
    ],
    [
      'both transfer-encoding and content-length',
      false,
      '1.1',
      'content-length: 1\r\ntransfer-encoding: chunked\r\n',
    ],
  ])('%s: reusable %s', (_what, reusable, version, headers) => {
    const body = headers.includes('chunked') ? '1\r\nx\r\n0\r\n\r\n' : 'x';
    const r = parsed(`HTTP/${version} 200 OK\r\n${headers}\r\n${body}`, () => []);
    expect(r.heads[0]!.minorVersion).toBe(version === '1.1' ? 1 : 0);
    expect(r.body().toString()).toBe('x');
    expect(r.ends).toEqual([reusable]);
  });

  test('reset() readies the parser for the next response on the connection', () => {
    const r = recorder();
    r.parser.execute(Buffer.from('HTTP/1.1 200 OK\r\ncontent-length: 1\r\n\r\na'));
    r.parser.reset();
    expect(r.parser.done).toBe(false);
    r.parser.execute(
      Buffer.from('HTTP/1.1 404 No\r\ntransfer-encoding: chunked\r\n\r\n1\r\nb\r\n0\r\n\r\n'),
    );
    expect(r.heads.map((h) => h.statusCode)).toEqual([200, 404]);
    expect(r.body().toString()).toBe('ab');
    expect(r.ends).toEqual([true, true]);
  });
});

describe.each(ARRIVALS)('a malformed response arriving %s', (_name, cuts) => {
  const failure = (text: string, maxHeadBytes?: number) =>
    thrown(() => parsed(text, cuts, maxHeadBytes));

  test.each(['HTTP/2 200 OK', 'HTTP/1.1 20 OK', 'HTTP/1.1 200OK', 'http/1.1 200 OK', 'ICY 200 OK'])(
    'a bad status line %j: HPE_INVALID_CONSTANT',
    (line) => {
      const error = failure(`${line}\r\ncontent-length: 0\r\n\r\n`);
      expect(error).toBeInstanceOf(errors.HTTPParserError);
      expect(error.code).toBe('HPE_INVALID_CONSTANT');
    },
  );

  test.each([
    ['a space before the colon', 'x-a : b'],
    ['an obs-fold continuation line', 'x-a: b\r\n  folded'],
    ['no colon', 'no-colon-here'],
    ['an empty name', ': value'],
  ])('a header line with %s: HPE_INVALID_HEADER_TOKEN', (_what, line) => {
    const error = failure(`HTTP/1.1 200 OK\r\n${line}\r\ncontent-length: 0\r\n\r\n`);
    expect(error).toBeInstanceOf(errors.HTTPParserError);
    expect(error.code).toBe('HPE_INVALID_HEADER_TOKEN');
  });

  test.each([
    ['not hex', 'zz'],
    ['empty', ''],
    ['negative', '-1'],
    ['with a 0x prefix', '0x5'],
    ['longer than 12 digits', '0000000000001'],
  ])('a chunk size %s: HPE_INVALID_CHUNK_SIZE', (_what, size) => {
    const error = failure(
      `HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n${size}\r\nx\r\n0\r\n\r\n`,
    );
    expect(error).toBeInstanceOf(errors.HTTPParserError);
    expect(error.code).toBe('HPE_INVALID_CHUNK_SIZE');
  });

  test.each([
    ['other bytes', '2\r\nokXX0\r\n\r\n'],
    ['a CR and no LF', '2\r\nok\rX0\r\n\r\n'],
  ])('chunk data followed by %s instead of CRLF: HPE_INVALID_CHUNK_SIZE', (_what, chunks) => {
    const error = failure(`HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n${chunks}`);
    expect(error).toBeInstanceOf(errors.HTTPParserError);
    expect(error.code).toBe('HPE_INVALID_CHUNK_SIZE');
  });

  test.each([
    ['two headers that differ', 'content-length: 5\r\ncontent-length: 6'],
    ['a list that differs', 'content-length: 5, 6'],
    ['not a number', 'content-length: five'],
    ['a sign', 'content-length: +5'],
    ['empty', 'content-length:'],
  ])('a content-length of %s: HPE_UNEXPECTED_CONTENT_LENGTH', (_what, header) => {
    const error = failure(`HTTP/1.1 200 OK\r\n${header}\r\n\r\nhello!`);
    expect(error).toBeInstanceOf(errors.HTTPParserError);
    expect(error.code).toBe('HPE_UNEXPECTED_CONTENT_LENGTH');
  });

  test('the same content-length repeated is one length', () => {
    const r = parsed(
      'HTTP/1.1 200 OK\r\ncontent-length: 5\r\nContent-Length: 5, 5\r\n\r\nhello',
      cuts,
    );
    expect(r.body().toString()).toBe('hello');
    expect(r.ends).toEqual([true]);
  });

  test('a head over maxHeadBytes: UND_ERR_HEADERS_OVERFLOW, before its end arrives', () => {
    const head = `HTTP/1.1 200 OK\r\nx-big: ${'a'.repeat(200)}`;
    const error = failure(head, 64);
    expect(error).toBeInstanceOf(errors.HeadersOverflowError);
    expect(error.code).toBe('UND_ERR_HEADERS_OVERFLOW');
  });

  test('trailers over maxHeadBytes: UND_ERR_HEADERS_OVERFLOW', () => {
    const error = failure(
      `HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n0\r\nx-t: ${'t'.repeat(200)}\r\n\r\n`,
      100,
    );
    expect(error.code).toBe('UND_ERR_HEADERS_OVERFLOW');
  });

  test('a chunk-size line over 1024 bytes (extensions): UND_ERR_HEADERS_OVERFLOW', () => {
    const error = failure(
      `HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n1;x=${'e'.repeat(1100)}\r\nx\r\n0\r\n\r\n`,
    );
    expect(error.code).toBe('UND_ERR_HEADERS_OVERFLOW');
  });

  test('a byte after the end: HPE_DATA_AFTER_END, once the response itself has ended', () => {
    const r = recorder();
    const bytes = Buffer.from('HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok\r\n');
    const error = thrown(() => feed(r, bytes, cuts(bytes)));
    expect(error).toBeInstanceOf(errors.HTTPParserError);
    expect(error.code).toBe('HPE_DATA_AFTER_END');
    expect(r.body().toString()).toBe('ok');
    expect(r.ends).toEqual([true]);
    expect(r.parser.done).toBe(true);
  });
});

describe('finish(): the connection closed', () => {
  test.each([
    ['before any byte', ''],
    ['in the head', 'HTTP/1.1 200 OK\r\ncontent-le'],
    ['in a content-length body', 'HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\nhalf'],
    ['in a chunk', 'HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n5\r\nhe'],
    ['before the last chunk', 'HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n2\r\nhe\r\n'],
    ['in the trailers', 'HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n0\r\nx-t: 1\r\n'],
  ])('%s: UND_ERR_SOCKET (other side closed), no end', (_when, text) => {
    const r = parsed(text, () => []);
    const error = thrown(() => r.parser.finish());
    expect(error).toBeInstanceOf(errors.SocketError);
    expect(error.code).toBe('UND_ERR_SOCKET');
    expect(error.message).toBe('other side closed');
    expect(r.ends).toEqual([]);
  });

  test('after a whole response: nothing (no second end)', () => {
    const r = parsed('HTTP/1.1 200 OK\r\ncontent-length: 1\r\n\r\nx', () => []);
    r.parser.finish();
    expect(r.ends).toEqual([true]);
  });
});

describe('where the parser differs from llhttp (undici) and RFC 9110/9112', () => {
  test.each(ARRIVALS)(
    'the head limit does not depend on how the bytes arrive (a head of exactly maxHeadBytes, %s)',
    (_name, cuts) => {
      const start = 'HTTP/1.1 200 OK\r\ncontent-length: 2\r\nx-pad: ';
      const head = start + 'p'.repeat(100 - start.length);
      expect(head.length).toBe(100);
      const r = parsed(`${head}\r\n\r\nok`, cuts, 100);
      expect(r.body().toString()).toBe('ok');
      expect(r.ends).toEqual([true]);
    },
  );

  test.each([
    ['LF', 'a\nb'],
    ['CR', 'a\rb'],
    ['NUL', 'a\0b'],
  ])(
    'a header value with a bare %s is refused (HPE_) or the byte replaced by SP (RFC 9110 5.5)',
    (_what, value) => {
      const r = recorder();
      let error: (Error & { code?: string }) | undefined;
      try {
        r.parser.execute(
          Buffer.from(`HTTP/1.1 200 OK\r\nx-a: ${value}\r\ncontent-length: 0\r\n\r\n`),
        );
      } catch (e) {
        error = e as Error & { code?: string };
      }
      if (error === undefined) expect(r.heads[0]!.headers.slice(0, 2)).toEqual(['x-a', 'a b']);
      else expect(error.code).toMatch(/^HPE_/);
    },
  );

  test('a header value keeps a 0xA0 byte at its edges (only SP and HTAB are whitespace)', () => {
    const r = recorder();
    r.parser.execute(
      Buffer.from(
        'HTTP/1.1 200 OK\r\nx-a: \xa0caf\xe9\xa0 \r\ncontent-length: 0\r\n\r\n',
        'latin1',
      ),
    );
    expect(r.heads[0]!.headers.slice(0, 2)).toEqual(['x-a', '\xa0caf\xe9\xa0']);
  });

  test('a head whose lines end in a bare LF is read or refused at once, not held', () => {
    const r = recorder();
    let error: (Error & { code?: string }) | undefined;
    try {
      r.parser.execute(Buffer.from('HTTP/1.1 200 OK\ncontent-length: 2\n\nok'));
    } catch (e) {
      error = e as Error & { code?: string };
    }
    if (error === undefined) expect(r.body().toString()).toBe('ok');
    else expect(error.code).toMatch(/^HPE_/);
  });
});
