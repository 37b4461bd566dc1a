import { type BeamBand, beamBand } from './beam-band.js';
import { constantOffset, fillRow, OP_DEL, OP_INS, OP_UNDEF, WorkingRows } from './beam-rows.js';

export { OP_DEL, OP_INS, OP_NOP, OP_SUB } from './beam-rows.js';

/*
 * A port of sacrebleu's `BeamEditDistance` (metrics/lib_ter.py): word-level Levenshtein distance
 * that only fills a band of width 2·25 around the length-scaled diagonal (the last row in full),
 * with Tercom's preference among equal costs: match/substitution, then deletion, then insertion
 * (insertion and deletion are swapped because the trace is read from the inverse direction).
 * Words are integer ids (equal strings, equal ids).
 *
 * Only the band is stored (see beam-band.ts): two full-width cost rows to compute with, and, for
 * the traced hypothesis, the band's costs and operations. sacrebleu caches rows by hypothesis
 * prefix; within one TER computation every hypothesis has the same length, so a cached row
 * equals a recomputed one. `variantDistance` goes further for the shift candidates, which equal
 * the traced hypothesis outside a short window: it starts from the stored row before the window
 * and stops as soon as a row after it is the stored row plus a constant, since from there on
 * every row (and so the distance) keeps that constant difference.
 */

/**
 * Edit distance from hypotheses of one length to a fixed reference, reusing its buffers. Words
 * are integer ids; the trace holds OP_* codes from the start of the hypothesis.
 *
 * @example
 * const ed = new BeamEditDistance(Int32Array.of(0, 1, 2));
 * ed.distance(Int32Array.of(0, 2)); // 1
 * ed.distanceWithTrace(Int32Array.of(0, 2)).trace; // Uint8Array [0, 2, 0] (OP_NOP, OP_INS, OP_NOP)
 */
export class BeamEditDistance {
  private readonly reference: Int32Array;
  private readonly rows: WorkingRows;
  private band: BeamBand = beamBand(0, 0);
  private bandRows = -1;
  private tracedCost = new Int32Array(0);
  private tracedOps = new Uint8Array(0);
  private tracedRows = -1;
  private tracedDistance = 0;

  constructor(reference: Int32Array) {
    this.reference = reference;
    this.rows = new WorkingRows(reference.length + 1);
  }

  /** The edit distance of `hypothesis` to the reference. */
  distance(hypothesis: Int32Array): number {
    return this.sweep(hypothesis, false);
  }

  /**
   * The edit distance and the trace of operations (OP_* codes) from the start; keeps the band of
   * `hypothesis` for {@link variantDistance}.
   */
  distanceWithTrace(hypothesis: Int32Array): { distance: number; trace: Uint8Array } {
    const distance = this.sweep(hypothesis, true);
    this.tracedRows = hypothesis.length;
    this.tracedDistance = distance;
    return { distance, trace: this.traceBack(hypothesis.length) };
  }

  /**
   * The edit distance of `variant`, which equals the hypothesis last passed to
   * {@link distanceWithTrace} except at positions in [from, to).
   */
  variantDistance(variant: Int32Array, from: number, to: number): number {
    const nH = variant.length;
    if (nH !== this.tracedRows) throw new Error('TER variant of another length than the trace.');
    const band = this.band;
    const stored = this.tracedCost;
    // Row `from` depends on the words before `from` only, which the variant shares.
    let prev = this.rows.load(stored, band.offset[from]!, band.start[from]!, band.end[from]!);
    for (let i = from + 1; i <= nH; i++) {
      const start = band.start[i]!;
      const end = band.end[i]!;
      const cur = this.rows.other(start, end);
      fillRow(this.reference, variant[i - 1]!, prev, cur, start, end, null, 0);
      if (i >= to && i < nH) {
        const c = constantOffset(cur, start, end, stored, band.offset[i]!);
        if (c !== undefined) return this.tracedDistance + c;
      }
      prev = cur;
    }
    return prev[this.reference.length]!;
  }

  private bandFor(nH: number): BeamBand {
    if (this.bandRows !== nH) {
      this.band = beamBand(nH, this.reference.length);
      this.bandRows = nH;
    }
    return this.band;
  }

  /** Fills rows 0..nH (storing the band when `keep`) and returns the distance. */
  private sweep(h: Int32Array, keep: boolean): number {
    const nH = h.length;
    const nR = this.reference.length;
    const band = this.bandFor(nH);
    const size = band.offset[nH + 1]!;
    if (keep && this.tracedCost.length < size) {
      this.tracedCost = new Int32Array(size);
      this.tracedOps = new Uint8Array(size);
    }
    // Any earlier trace is of another hypothesis from here on.
    if (keep) this.tracedRows = -1;
    const ops = keep ? this.tracedOps : null;
    let prev = this.rows.initial();
    if (keep) {
      this.tracedCost.set(prev.subarray(0, nR + 1), 0);
      this.tracedOps.fill(OP_INS, 0, nR + 1);
    }
    for (let i = 1; i <= nH; i++) {
      const start = band.start[i]!;
      const end = band.end[i]!;
      const at = band.offset[i]!;
      const cur = this.rows.other(start, end);
      fillRow(this.reference, h[i - 1]!, prev, cur, start, end, ops, at);
      if (keep) this.tracedCost.set(cur.subarray(start, end), at);
      prev = cur;
    }
    return prev[nR]!;
  }

  private traceBack(nH: number): Uint8Array {
    const { start, end, offset } = this.band;
    const ops = this.tracedOps;
    let i = nH;
    let j = this.reference.length;
    const trace = new Uint8Array(i + j);
    let at = trace.length;
    while (i > 0 || j > 0) {
      const op = j >= start[i]! && j < end[i]! ? ops[offset[i]! + j - start[i]!]! : OP_UNDEF;
      trace[--at] = op;
      if (op === OP_INS) j--;
      else if (op === OP_UNDEF) throw new Error(`TER trace reached an unfilled cell (${i}, ${j}).`);
      else if (op === OP_DEL) i--;
      else {
        i--;
        j--;
      }
    }
    return trace.subarray(at);
  }
}
