import type { PredictionRow } from '../run/prediction-row.js';

/** One item of one fold asked in more than one choice order. */
export interface ComparedItem {
  /** item id */
  readonly id: string;
  /** fold number */
  readonly fold: number;
  /** whether the original choice picked differs between its orders */
  readonly biased: boolean;
}

/** The choice-order check of one model's answers. */
export interface PositionBias {
  /** the items (per fold) answered in at least two orders, in first-seen order */
  readonly compared: ComparedItem[];
  /** share of `compared` that is `biased`; null when nothing was compared */
  readonly rate: number | null;
}

const UNPARSEABLE = '\u0000unparseable';

/**
 * Which items change their answer with the order of the choices. Rows are grouped by item
 * and fold; failed requests are left out (no answer); a group with answers in at least two
 * different orders is compared, and is biased when its answers, read as original choices,
 * are not all the same. An unparseable answer counts as an answer of its own, so a model
 * that answers in one order and not in another is biased too.
 *
 * @param rows - one model's prediction rows; `parsed` is the original choice's letter
 * @returns the compared items and the rate
 * @example
 * const answers = [['q1', 0, 'A'], ['q1', 1, 'A'], ['q2', 0, 'B'], ['q2', 1, 'C']];
 * const mcRows = answers.map(([id, permutation, parsed]) => ({ id, fold: 0, permutation, parsed, outcome: 'correct' }));
 * positionBias(mcRows).rate; // 0.5: one of two items answered differently in another order
 */
export function positionBias(rows: readonly PredictionRow[]): PositionBias {
  const groups = new Map<string, { id: string; fold: number; answers: Map<number, string> }>();
  for (const r of rows) {
    if (r.outcome === 'failed') continue;
    const key = `${r.fold}\u0000${r.id}`;
    let g = groups.get(key);
    if (g === undefined) {
      g = { id: r.id, fold: r.fold, answers: new Map() };
      groups.set(key, g);
    }
    g.answers.set(r.permutation ?? 0, r.parsed ?? UNPARSEABLE);
  }
  const compared: ComparedItem[] = [];
  for (const g of groups.values()) {
    if (g.answers.size < 2) continue;
    compared.push({ id: g.id, fold: g.fold, biased: new Set(g.answers.values()).size > 1 });
  }
  const rate =
    compared.length === 0 ? null : compared.filter((c) => c.biased).length / compared.length;
  return { compared, rate };
}
