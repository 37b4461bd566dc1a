/*
 * The row kernel of the beam edit distance and the two full-width cost rows it works in.
 */

/**
 * Trace code (sacrebleu's `_OP_NOP`): the hypothesis word matches the reference word.
 *
 * @example
 * OP_NOP; // 0
 */
export const OP_NOP = 0;
/**
 * Trace code (`_OP_SUB`): a hypothesis word substituted for a reference word.
 *
 * @example
 * OP_SUB; // 1
 */
export const OP_SUB = 1;
/**
 * Trace code (`_OP_INS`): a reference word the hypothesis lacks (the trace moves one column).
 *
 * @example
 * OP_INS; // 2
 */
export const OP_INS = 2;
/**
 * Trace code (`_OP_DEL`): a hypothesis word the reference lacks (the trace moves one row).
 *
 * @example
 * OP_DEL; // 3
 */
export const OP_DEL = 3;
/**
 * Trace code (`_OP_UNDEF`): no operation, a cell at infinity (outside the band).
 *
 * @example
 * OP_UNDEF; // 4
 */
export const OP_UNDEF = 4;

/**
 * sacrebleu's int(1e16): the cost of a cell outside the band. sacrebleu only replaces a cell's
 * cost by a strictly smaller one, so a neighbour at infinity is never taken and any value above
 * every distance behaves the same. 2^30 keeps costs and their +1 in int32: a distance is at most
 * nH + nR words, and JavaScript strings (< 2^29 units) cannot hold 2^30 words.
 *
 * @example
 * INFINITE; // 1073741824
 */
export const INFINITE = 0x40000000;

/**
 * Computes row i's cells [start, end) into `cur` from row i-1 in `prev` (both full width, at
 * infinity outside their bands), recording operations into `ops` from `opAt` when given.
 * `word` is hypothesis word i; among equal costs: match/substitution, then deletion, then insertion.
 *
 * @example
 * const cur = new Int32Array(3), ops = new Uint8Array(3);
 * fillRow(Int32Array.of(0, 1), 1, Int32Array.of(0, 1, 2), cur, 0, 3, ops, 0);
 * cur; // Int32Array [1, 1, 1]
 * ops; // Uint8Array [3, 1, 0] (OP_DEL, OP_SUB, OP_NOP)
 */
export function fillRow(
  reference: Int32Array,
  word: number,
  prev: Int32Array,
  cur: Int32Array,
  start: number,
  end: number,
  ops: Uint8Array | null,
  opAt: number,
): void {
  let j = start;
  if (j === 0) {
    cur[0] = prev[0]! + 1;
    if (ops !== null) ops[opAt] = OP_DEL;
    j = 1;
  }
  for (; j < end; j++) {
    const same = word === reference[j - 1];
    let best = prev[j - 1]! + (same ? 0 : 1);
    let bestOp = same ? OP_NOP : OP_SUB;
    if (best >= INFINITE) {
      best = INFINITE;
      bestOp = OP_UNDEF;
    }
    const deletion = prev[j]! + 1;
    if (best > deletion) {
      best = deletion;
      bestOp = OP_DEL;
    }
    const insertion = cur[j - 1]! + 1;
    if (best > insertion) {
      best = insertion;
      bestOp = OP_INS;
    }
    cur[j] = best;
    if (ops !== null) ops[opAt + j - start] = bestOp;
  }
}

/**
 * The constant c with `cur[j] = stored[at + j - start] + c` on every finite cell of [start, end),
 * the same cells being infinite in both; undefined when there is none. When row i of two
 * hypotheses that agree from word i on differs by a constant, every later row does too: each
 * cell is the first strict minimum of neighbours + fixed costs, which a constant does not change.
 *
 * @example
 * constantOffset(Int32Array.of(3, 4, INFINITE), 0, 3, Int32Array.of(1, 2, INFINITE), 0); // 2
 * constantOffset(Int32Array.of(3, 5), 0, 2, Int32Array.of(1, 2), 0); // undefined
 */
export function constantOffset(
  cur: Int32Array,
  start: number,
  end: number,
  stored: Int32Array,
  at: number,
): number | undefined {
  let offset: number | undefined;
  for (let j = start; j < end; j++) {
    const a = cur[j]!;
    const b = stored[at + j - start]!;
    if (a === INFINITE || b === INFINITE) {
      if (a !== b) return undefined;
    } else if (offset === undefined) offset = a - b;
    else if (a - b !== offset) return undefined;
  }
  return offset ?? 0;
}

/**
 * Two cost rows of the full reference width, at infinity outside the cells last written; each
 * call hands out the row not handed out last and first resets only what that row last held, so
 * a row costs its band, not the reference length.
 *
 * @example
 * const rows = new WorkingRows(4);
 * rows.initial(); // Int32Array [0, 1, 2, 3]
 * rows.other(1, 3)[2] === INFINITE; // true
 */
export class WorkingRows {
  private readonly rows: [Int32Array, Int32Array];
  private readonly written = [0, 0, 0, 0];
  private last = 1;

  constructor(width: number) {
    this.rows = [new Int32Array(width).fill(INFINITE), new Int32Array(width).fill(INFINITE)];
  }

  /** Row 0: j insertions for the first j reference words. */
  initial(): Int32Array {
    const row = this.other(0, this.rows[0].length);
    for (let j = 0; j < row.length; j++) row[j] = j;
    return row;
  }

  /** A row whose cells [start, end) are `stored` from `at`. */
  load(stored: Int32Array, at: number, start: number, end: number): Int32Array {
    const row = this.other(start, end);
    row.set(stored.subarray(at, at + end - start), start);
    return row;
  }

  /** The other row, reset to infinity, to be written in [start, end). */
  other(start: number, end: number): Int32Array {
    const k = 1 - this.last;
    const row = this.rows[k]!;
    row.fill(INFINITE, this.written[2 * k]!, this.written[2 * k + 1]!);
    this.written[2 * k] = start;
    this.written[2 * k + 1] = end;
    this.last = k;
    return row;
  }
}
