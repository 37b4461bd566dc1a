import { Http1ResponseParser, type ResponseHead } from '../../src/http/http1-parser.js';

/** A parser (events recorded) and everything it handed over. */
export function recorder(maxHeadBytes = 16_384) {
  const heads: ResponseHead[] = [];
  const pieces: Buffer[] = [];
  const ends: boolean[] = [];
  const parser = new Http1ResponseParser(
    {
      onHead: (head) => heads.push(head),
      // a view of the bytes given: copied, as a reader that keeps it must
      onBody: (piece) => pieces.push(Buffer.from(piece)),
      onEnd: (reusable) => ends.push(reusable),
    },
    maxHeadBytes,
  );
  return { parser, heads, ends, body: () => Buffer.concat(pieces) };
}

export type Recorder = ReturnType<typeof recorder>;

/** Feeds `bytes` cut at `cuts` (offsets, any order, out of range ones clamped). */
export function feed(r: Recorder, bytes: Buffer, cuts: readonly number[] = []): void {
  const at = [...new Set(cuts.map((c) => Math.min(c, bytes.length)))].sort((a, b) => a - b);
  let from = 0;
  for (const to of [...at, bytes.length]) {
    r.parser.execute(bytes.subarray(from, to));
    from = to;
  }
}
