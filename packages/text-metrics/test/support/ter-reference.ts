/*
 * The TER of this package as it was before it stored only the beam's band: the full
 * (nH+1)×(nR+1) matrix (`previous-ter/`, copied from the commit before the change). Slow and
 * memory-hungry: the property tests compare the band storage with it on short segments.
 */
import { BeamEditDistance } from './previous-ter/beam-edit-distance.js';
import { translationEditRate } from './previous-ter/translation-edit-rate.js';

/** The previous edit distance of `h` to `r`: `[distance]`. */
export function referenceEditDistance(h: readonly number[], r: readonly number[]): [number] {
  return [new BeamEditDistance(Int32Array.from(r)).distance(Int32Array.from(h))];
}

/** The previous `[edits, reference words]` of `h` against `r`. */
export function referenceTranslationEditRate(h: number[], r: number[]): [number, number] {
  return translationEditRate(Int32Array.from(h), Int32Array.from(r));
}
