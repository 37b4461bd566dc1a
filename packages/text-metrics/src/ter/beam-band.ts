/*
 * The cells sacrebleu's `BeamEditDistance._edit_distance` fills for a hypothesis of nH words and
 * a reference of nR words: row 0 in full (the insertions of the reference), rows 1..nH-1 within
 * `beam` of the length-scaled diagonal, row nH from its band start to the end. Every other cell
 * stays infinite, so storing only these cells (O(nR + nH·beam)) keeps the algorithm's result
 * while a full (nH+1)×(nR+1) matrix ran out of memory on long segments.
 */

const BEAM_WIDTH = 25;

/** Where each row's filled cells lie, and where they start in a packed band store. */
export interface BeamBand {
  /** first filled column of each row 0..nH */
  readonly start: Int32Array;
  /** one past the last filled column of each row */
  readonly end: Int32Array;
  /** index of each row's first filled cell in a packed store; `offset[nH + 1]` is the size */
  readonly offset: Float64Array;
}

/**
 * The band of sacrebleu's beam search (`_BEAM_WIDTH` 25, widened as sacrebleu when the length
 * ratio is so large that neighbouring rows would not overlap).
 *
 * @param nH - hypothesis length in words
 * @param nR - reference length in words
 * @returns the row bounds and packed offsets
 * @example
 * beamBand(2, 3).offset; // Float64Array [0, 4, 8, 12] (every row in full)
 * beamBand(100, 100).end[1]; // 26 (row 1 stops 25 columns past the diagonal)
 */
export function beamBand(nH: number, nR: number): BeamBand {
  const ratio = nH > 0 ? nR / nH : 1;
  const beam = BEAM_WIDTH < ratio / 2 ? Math.ceil(ratio / 2 + BEAM_WIDTH) : BEAM_WIDTH;
  const start = new Int32Array(nH + 1);
  const end = new Int32Array(nH + 1);
  // Float64: a sum past 2^31 cells must fail to allocate, not wrap around.
  const offset = new Float64Array(nH + 2);
  end[0] = nR + 1;
  offset[1] = nR + 1;
  for (let i = 1; i <= nH; i++) {
    const diagonal = Math.floor(i * ratio);
    start[i] = Math.max(0, diagonal - beam);
    end[i] = i === nH ? nR + 1 : Math.min(nR + 1, diagonal + beam);
    offset[i + 1] = offset[i]! + end[i]! - start[i]!;
  }
  return { start, end, offset };
}
