/*
 * A port of sacrebleu's `BeamEditDistance` (metrics/lib_ter.py): word-level Levenshtein distance
 * that only fills a band of width 2·25 around the length-scaled diagonal (the last row in full),
 * with Tercom's preference among equal costs: match/substitution, then deletion, then insertion
 * (insertion and deletion are swapped because the trace is read from the inverse direction).
 * sacrebleu caches rows by hypothesis prefix; within one TER computation every hypothesis has the
 * same length, so a cached row equals a recomputed one and this port recomputes instead.
 * Words are integer ids (equal strings, equal ids).
 */

export const OP_NOP = 0;
export const OP_SUB = 1;
export const OP_INS = 2;
export const OP_DEL = 3;
const OP_UNDEF = 4;

const BEAM_WIDTH = 25;
// sacrebleu's int(1e16): far above any distance, and its sums stay comparable in float64.
const INFINITE = 1e16;

/** Edit distance from hypotheses of one length to a fixed reference, reusing its buffers. */
export class BeamEditDistance {
  private readonly reference: Int32Array;
  private readonly width: number;
  private cost = new Float64Array(0);
  private op = new Uint8Array(0);

  constructor(reference: Int32Array) {
    this.reference = reference;
    this.width = reference.length + 1;
  }

  /** The edit distance of `hypothesis` to the reference. */
  distance(hypothesis: Int32Array): number {
    this.fill(hypothesis);
    return this.cost[hypothesis.length * this.width + this.reference.length]!;
  }

  /** The edit distance and the trace of operations (OP_* codes) from the start. */
  distanceWithTrace(hypothesis: Int32Array): { distance: number; trace: Uint8Array } {
    const distance = this.distance(hypothesis);
    const trace: number[] = [];
    let i = hypothesis.length;
    let j = this.reference.length;
    while (i > 0 || j > 0) {
      const op = this.op[i * this.width + j]!;
      trace.push(op);
      if (op === OP_SUB || op === OP_NOP) {
        i--;
        j--;
      } else if (op === OP_INS) j--;
      else if (op === OP_DEL) i--;
      else throw new Error(`TER trace reached an unfilled cell (${i}, ${j}).`);
    }
    return { distance, trace: Uint8Array.from(trace.reverse()) };
  }

  private fill(h: Int32Array): void {
    const nH = h.length;
    const nR = this.reference.length;
    const w = this.width;
    const size = (nH + 1) * w;
    if (this.cost.length < size) {
      this.cost = new Float64Array(size);
      this.op = new Uint8Array(size);
    }
    const cost = this.cost;
    const op = this.op;
    for (let j = 0; j <= nR; j++) {
      cost[j] = j;
      op[j] = OP_INS;
    }
    cost.fill(INFINITE, w, size);
    op.fill(OP_UNDEF, w, size);
    const ratio = nH > 0 ? nR / nH : 1;
    const beam = BEAM_WIDTH < ratio / 2 ? Math.ceil(ratio / 2 + BEAM_WIDTH) : BEAM_WIDTH;
    for (let i = 1; i <= nH; i++) {
      const diagonal = Math.floor(i * ratio);
      const minJ = Math.max(0, diagonal - beam);
      const maxJ = i === nH ? nR + 1 : Math.min(nR + 1, diagonal + beam);
      const row = i * w;
      const above = row - w;
      const word = h[i - 1];
      for (let j = minJ; j < maxJ; j++) {
        if (j === 0) {
          cost[row] = cost[above]! + 1;
          op[row] = OP_DEL;
          continue;
        }
        const same = word === this.reference[j - 1];
        let best = cost[above + j - 1]! + (same ? 0 : 1);
        let bestOp = same ? OP_NOP : OP_SUB;
        if (!(INFINITE > best)) {
          best = INFINITE;
          bestOp = OP_UNDEF;
        }
        const deletion = cost[above + j]! + 1;
        if (best > deletion) {
          best = deletion;
          bestOp = OP_DEL;
        }
        const insertion = cost[row + j - 1]! + 1;
        if (best > insertion) {
          best = insertion;
          bestOp = OP_INS;
        }
        cost[row + j] = best;
        op[row + j] = bestOp;
      }
    }
  }
}
