import { BeamEditDistance, OP_DEL, OP_INS, OP_NOP, OP_SUB } from './beam-edit-distance.js';

/*
 * A port of sacrebleu's `translation_edit_rate` and `_shift` (metrics/lib_ter.py), Tercom's
 * greedy shifts: while some block move lowers the edit distance, apply the best one, ranked by
 * (gain, block length, earliest hypothesis start, earliest target). Limits as sacrebleu: blocks of
 * at most 10 words, start positions at most 50 apart, 1000 candidates in all.
 */

const MAX_SHIFT_SIZE = 10;
const MAX_SHIFT_DIST = 50;
const MAX_SHIFT_CANDIDATES = 1000;
const NOT_ALIGNED = -0x80000000;

interface Alignment {
  /** hypothesis position aligned to each reference position */
  readonly align: Int32Array;
  readonly refErr: Uint8Array;
  readonly hypErr: Uint8Array;
}

/** sacrebleu's `trace_to_alignment` of the flipped trace (insertions and deletions swapped). */
function traceToAlignment(trace: Uint8Array, nH: number, nR: number): Alignment {
  const align = new Int32Array(nR).fill(NOT_ALIGNED);
  const refErr = new Uint8Array(nR);
  const hypErr = new Uint8Array(nH);
  let posHyp = -1;
  let posRef = -1;
  for (const op of trace) {
    if (op === OP_NOP || op === OP_SUB) {
      posHyp++;
      posRef++;
      align[posRef] = posHyp;
      hypErr[posHyp] = op === OP_SUB ? 1 : 0;
      refErr[posRef] = op === OP_SUB ? 1 : 0;
    } else if (op === OP_DEL) {
      // A deletion in the hypothesis-to-reference trace is an insertion once flipped.
      posHyp++;
      hypErr[posHyp] = 1;
    } else if (op === OP_INS) {
      posRef++;
      align[posRef] = posHyp;
      refErr[posRef] = 1;
    }
  }
  return { align, refErr, hypErr };
}

function anyError(errors: Uint8Array, start: number, length: number): boolean {
  const end = Math.min(errors.length, start + length);
  for (let k = start; k < end; k++) if (errors[k] !== 0) return true;
  return false;
}

/** The [from, to) ranges of sacrebleu's `_perform_shift`, in their new order. */
function shiftRanges(size: number, start: number, length: number, target: number): number[][] {
  const end = start + length;
  if (target < start) {
    return [
      [0, target],
      [start, end],
      [target, start],
      [end, size],
    ];
  }
  if (target > end) {
    return [
      [0, start],
      [end, target],
      [start, end],
      [target, size],
    ];
  }
  return [
    [0, start],
    [end, length + target],
    [start, end],
    [length + target, size],
  ];
}

/** sacrebleu's `_perform_shift`: move words[start, start+length) to before `target`. */
function performShift(
  words: Int32Array,
  start: number,
  length: number,
  target: number,
): Int32Array {
  const out = new Int32Array(words.length);
  const parts = shiftRanges(words.length, start, length, target);
  let at = 0;
  for (const [from, to] of parts) {
    const piece = words.subarray(
      Math.min(from!, words.length),
      Math.min(Math.max(from!, to!), words.length),
    );
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

/** (gain, length, -startH, -target) compared lexicographically, as sacrebleu's candidate tuples. */
function better(a: readonly number[], b: readonly number[]): boolean {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k]! > b[k]!;
  return false;
}

interface ShiftResult {
  readonly gain: number;
  readonly words: Int32Array;
  readonly checked: number;
}

function bestShift(
  h: Int32Array,
  r: Int32Array,
  ed: BeamEditDistance,
  checked: number,
): ShiftResult {
  const { distance: before, trace } = ed.distanceWithTrace(h);
  const { align, refErr, hypErr } = traceToAlignment(trace, h.length, r.length);
  let best: number[] | undefined;
  let bestWords = h;
  const consider = (startH: number, startR: number, length: number): boolean => {
    if (!anyError(hypErr, startH, length) || !anyError(refErr, startR, length)) return false;
    const aligned = align[startR]!;
    if (startH <= aligned && aligned < startH + length) return false;
    let previous = -1;
    for (let offset = -1; offset < length; offset++) {
      let target: number;
      if (startR + offset === -1) target = 0;
      else if (startR + offset < r.length && align[startR + offset] !== NOT_ALIGNED) {
        target = align[startR + offset]! + 1;
      } else break;
      if (target === previous) continue;
      previous = target;
      const shifted = performShift(h, startH, length, target);
      const candidate = [before - ed.distance(shifted), length, -startH, -target];
      checked++;
      if (best === undefined || better(candidate, best)) {
        best = candidate;
        bestWords = shifted;
      }
    }
    return checked >= MAX_SHIFT_CANDIDATES;
  };
  search: for (let startH = 0; startH < h.length; startH++) {
    for (let startR = 0; startR < r.length; startR++) {
      if (Math.abs(startR - startH) > MAX_SHIFT_DIST) continue;
      let length = 0;
      while (length < MAX_SHIFT_SIZE && h[startH + length] === r[startR + length]) {
        length++;
        if (consider(startH, startR, length)) break search;
        if (h.length === startH + length || r.length === startR + length) break;
      }
    }
  }
  return best === undefined
    ? { gain: 0, words: h, checked }
    : { gain: best[0]!, words: bestWords, checked };
}

/** sacrebleu's `translation_edit_rate`: [edits (shifts + edit distance), reference length]. */
export function translationEditRate(h: Int32Array, r: Int32Array): [number, number] {
  if (r.length === 0) return [h.length, 0];
  const ed = new BeamEditDistance(r);
  let shifts = 0;
  let words = h;
  let checked = 0;
  for (;;) {
    const result = bestShift(words, r, ed, checked);
    checked = result.checked;
    if (checked >= MAX_SHIFT_CANDIDATES || result.gain <= 0) break;
    shifts++;
    words = result.words;
  }
  return [shifts + ed.distance(words), r.length];
}
