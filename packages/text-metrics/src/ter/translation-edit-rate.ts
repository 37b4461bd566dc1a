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
  /** running count of reference errors: errors in [a, b) are refErr[b] - refErr[a] */
  readonly refErr: Int32Array;
  /** running count of hypothesis errors */
  readonly hypErr: Int32Array;
}

/**
 * sacrebleu's `trace_to_alignment` of the flipped trace (insertions and deletions swapped), with
 * the error flags as running counts so that a window's "any error" costs O(1).
 */
function traceToAlignment(trace: Uint8Array, nH: number, nR: number): Alignment {
  const align = new Int32Array(nR).fill(NOT_ALIGNED);
  const refErr = new Int32Array(nR + 1);
  const hypErr = new Int32Array(nH + 1);
  let posHyp = -1;
  let posRef = -1;
  for (const op of trace) {
    if (op === OP_NOP || op === OP_SUB) {
      posHyp++;
      posRef++;
      align[posRef] = posHyp;
      hypErr[posHyp + 1] = op === OP_SUB ? 1 : 0;
      refErr[posRef + 1] = op === OP_SUB ? 1 : 0;
    } else if (op === OP_DEL) {
      // A deletion in the hypothesis-to-reference trace is an insertion once flipped.
      posHyp++;
      hypErr[posHyp + 1] = 1;
    } else if (op === OP_INS) {
      posRef++;
      align[posRef] = posHyp;
      refErr[posRef + 1] = 1;
    }
  }
  for (let k = 1; k <= nH; k++) hypErr[k] = hypErr[k]! + hypErr[k - 1]!;
  for (let k = 1; k <= nR; k++) refErr[k] = refErr[k]! + refErr[k - 1]!;
  return { align, refErr, hypErr };
}

/** Whether positions [start, start + length) (clipped to the sequence) hold an error. */
function anyError(runningErrors: Int32Array, start: number, length: number): boolean {
  const end = Math.min(runningErrors.length - 1, start + length);
  return runningErrors[end]! > runningErrors[start]!;
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
  /** edit distance of the hypothesis before the shift */
  readonly distance: number;
  readonly gain: number;
  readonly words: Int32Array;
  readonly checked: number;
}

/** The best shift so far, compared as sacrebleu's candidate tuples. */
interface ShiftSearch {
  best: number[] | undefined;
  bestWords: Int32Array;
  checked: number;
}

/**
 * Tries every target of the block h[startH, startH + length) = r[startR, ...] as sacrebleu's
 * `_shift` does; returns whether the candidate limit is reached.
 */
function tryTargets(
  h: Int32Array,
  ed: BeamEditDistance,
  before: number,
  { align, refErr, hypErr }: Alignment,
  search: ShiftSearch,
  [startH, startR, length]: [number, number, number],
): boolean {
  if (!anyError(hypErr, startH, length) || !anyError(refErr, startR, length)) return false;
  const aligned = align[startR]!;
  if (startH <= aligned && aligned < startH + length) return false;
  let previous = -1;
  for (let offset = -1; offset < length; offset++) {
    let target: number;
    if (startR + offset === -1) target = 0;
    else if (startR + offset < align.length && align[startR + offset] !== NOT_ALIGNED) {
      target = align[startR + offset]! + 1;
    } else break;
    if (target === previous) continue;
    previous = target;
    const shifted = performShift(h, startH, length, target);
    // The shift moves words only within [from, to); elsewhere `shifted` equals h.
    const from = Math.min(startH, target);
    const to = Math.min(h.length, Math.max(startH + length, target + length));
    const gain = before - ed.variantDistance(shifted, from, to);
    const candidate = [gain, length, -startH, -target];
    search.checked++;
    if (search.best === undefined || better(candidate, search.best)) {
      search.best = candidate;
      search.bestWords = shifted;
    }
  }
  return search.checked >= MAX_SHIFT_CANDIDATES;
}

/**
 * sacrebleu's `_shift`: the best block shift of h. Start positions whose next MAX_SHIFT_SIZE
 * words hold no error are skipped, and only reference starts within MAX_SHIFT_DIST are visited:
 * sacrebleu's loops reach them too but reject every block there, so the result is the same.
 */
function bestShift(
  h: Int32Array,
  r: Int32Array,
  ed: BeamEditDistance,
  checked: number,
): ShiftResult {
  const { distance: before, trace } = ed.distanceWithTrace(h);
  const alignment = traceToAlignment(trace, h.length, r.length);
  const { refErr, hypErr } = alignment;
  const search: ShiftSearch = { best: undefined, bestWords: h, checked };
  outer: for (let startH = 0; startH < h.length; startH++) {
    if (!anyError(hypErr, startH, MAX_SHIFT_SIZE)) continue;
    const lastR = Math.min(r.length - 1, startH + MAX_SHIFT_DIST);
    for (let startR = Math.max(0, startH - MAX_SHIFT_DIST); startR <= lastR; startR++) {
      if (!anyError(refErr, startR, MAX_SHIFT_SIZE)) continue;
      let length = 0;
      while (length < MAX_SHIFT_SIZE && h[startH + length] === r[startR + length]) {
        length++;
        if (tryTargets(h, ed, before, alignment, search, [startH, startR, length])) break outer;
        if (h.length === startH + length || r.length === startR + length) break;
      }
    }
  }
  const { best, bestWords } = search;
  return best === undefined
    ? { distance: before, gain: 0, words: h, checked: search.checked }
    : { distance: before, gain: best[0]!, words: bestWords, checked: search.checked };
}

/** Whether two word sequences are equal. */
function sameWords(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * sacrebleu's `translation_edit_rate`: [edits (shifts + edit distance), reference length], for
 * word-id sequences `h` (hypothesis) and `r` (reference). TER is edits / reference length
 * (Snover et al. 2006).
 *
 * @example
 * translationEditRate(Int32Array.of(0, 1, 2, 3), Int32Array.of(2, 3, 0, 1)); // [1, 4] (one block shift)
 */
export function translationEditRate(h: Int32Array, r: Int32Array): [number, number] {
  if (r.length === 0) return [h.length, 0];
  // sacrebleu finds the all-match trace, hence no error to shift and no edit: 0 edits, and the
  // reference length as always. Exiting here skips a full pass over a possibly long segment.
  if (sameWords(h, r)) return [0, r.length];
  const ed = new BeamEditDistance(r);
  let shifts = 0;
  let words = h;
  let checked = 0;
  for (;;) {
    const result = bestShift(words, r, ed, checked);
    checked = result.checked;
    // `words` is the hypothesis bestShift measured, so its distance is the final one.
    if (checked >= MAX_SHIFT_CANDIDATES || result.gain <= 0)
      return [shifts + result.distance, r.length];
    shifts++;
    words = result.words;
  }
}
