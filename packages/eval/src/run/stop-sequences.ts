import { BettingSequence, type SequenceInterval } from '@assay/stats';
import type { StopRule } from '../config/stop-rule.js';
import { parseThreshold, type Threshold, thresholdHolds } from '../config/thresholds.js';
import type { TaskModule } from '../tasks/task-module.js';
import type { PredictionRow } from './prediction-row.js';

/** One metric's confidence sequence of one model, as the stopping rule last read it. */
export interface StopSequence {
  /** the metric (`accuracy` or `error_rate`) */
  readonly metric: string;
  /** items pushed, their mean, and the anytime-valid interval */
  readonly interval: SequenceInterval;
}

/**
 * The per-item value a stopping rule follows, or null when the item has none (no answer that
 * enters the task's metrics).
 *
 * @param metric - `accuracy` (share of the item's answered, scored answers that are correct) or
 *   `error_rate` (share of its requests that failed)
 * @param rows - the item's prediction rows for one model (every fold, sample and variant)
 * @param task - the task module (which rows enter the metrics)
 * @returns a value in [0, 1], or null
 * @example
 * const answers = [{ outcome: 'correct' }, { outcome: 'wrong' }];
 * itemValue('accuracy', answers, taskFor(config.task)); // 0.5: one of two answers is right
 */
export function itemValue(
  metric: string,
  rows: readonly PredictionRow[],
  task: TaskModule,
): number | null {
  // as the task metrics count them: failed requests are left out, not counted wrong
  const kept =
    metric === 'error_rate'
      ? rows
      : rows.filter((r) => r.outcome !== 'failed' && task.entersMetrics(r));
  if (kept.length === 0) return null;
  const hit = (r: PredictionRow) =>
    metric === 'error_rate' ? r.outcome === 'failed' : r.outcome === 'correct';
  return kept.filter(hit).length / kept.length;
}

/**
 * Whether every value in `[lower, upper]` gives a threshold the same verdict: its outcome is
 * certain once the metric is known to lie in that interval.
 *
 * @param t - the threshold
 * @param lower - lower end of the interval
 * @param upper - upper end of the interval
 * @returns true when the verdict cannot change
 * @example
 * thresholdDecided({ source: '', metric: 'accuracy', op: '>=', value: 0.9 }, 0.92, 0.97); // true
 */
export function thresholdDecided(t: Threshold, lower: number, upper: number): boolean {
  // `==` holds at one point only: certain when that point is outside the interval
  if (t.op === '==') return t.value < lower || t.value > upper;
  return thresholdHolds(t, lower) === thresholdHolds(t, upper);
}

/**
 * The confidence sequences a stopping rule reads, per model and metric, and the rule itself.
 *
 * @remarks
 * `ci_width(m)` follows one metric per model, each sequence at `1 − ci`. `decided(thresholds)`
 * follows every threshold's metric for every model and splits `1 − ci` evenly over those
 * sequences (Bonferroni), so all verdicts are certain together at the run's confidence.
 * Sequences are Waudby-Smith & Ramdas' betting sequences (`@assay/stats` `BettingSequence`).
 */
export class StopSequences {
  /** per-sequence miss probability */
  readonly alpha: number;
  private readonly metrics: string[];
  private readonly thresholds: Threshold[];
  private readonly sequences = new Map<string, Map<string, BettingSequence>>();

  /**
   * @param rule - the parsed rule
   * @param models - model names
   * @param ci - `evaluation.ci`
   * @param thresholds - the config's threshold strings (read for `decided(thresholds)`)
   */
  constructor(
    private readonly rule: StopRule,
    models: readonly string[],
    ci: number,
    thresholds: readonly string[],
  ) {
    this.thresholds =
      rule.kind === 'decided'
        ? thresholds.flatMap((t) => {
            const p = parseThreshold(t);
            return p.ok ? [p.threshold] : [];
          })
        : [];
    this.metrics =
      rule.kind === 'ci-width' ? [rule.metric] : [...new Set(this.thresholds.map((t) => t.metric))];
    const count = rule.kind === 'decided' ? models.length * this.metrics.length : 1;
    this.alpha = (1 - ci) / Math.max(1, count);
    for (const model of models) {
      const byMetric = new Map<string, BettingSequence>();
      for (const m of this.metrics) byMetric.set(m, new BettingSequence({ alpha: this.alpha }));
      this.sequences.set(model, byMetric);
    }
  }

  /**
   * Pushes one item's value of every followed metric for one model.
   *
   * @param model - the model
   * @param rows - the item's prediction rows for that model
   * @param task - the task module
   */
  push(model: string, rows: readonly PredictionRow[], task: TaskModule): void {
    for (const [metric, sequence] of this.sequences.get(model)!) {
      const value = itemValue(metric, rows, task);
      if (value !== null) sequence.push(value);
    }
  }

  /** Whether the rule holds now, for every model. */
  holds(): boolean {
    for (const byMetric of this.sequences.values()) {
      for (const [metric, sequence] of byMetric) {
        const { n, lower, upper, empty } = sequence.interval();
        // an empty running intersection (lower > upper) says the answers do not look like draws
        // from one distribution: its negative width and crossed ends must decide nothing
        if (n === 0 || empty) return false;
        if (this.rule.kind === 'ci-width') {
          // the grid's steps are thousandths: keep 0.04 from failing as 0.04000000000000001
          const width = Math.round((upper - lower) * 1e9) / 1e9;
          if (this.rule.op === '<=' ? width > this.rule.bound : width >= this.rule.bound)
            return false;
        } else {
          for (const t of this.thresholds) {
            if (t.metric === metric && !thresholdDecided(t, lower, upper)) return false;
          }
        }
      }
    }
    return true;
  }

  /** Every model's sequences as they stand. */
  snapshot(): Map<string, StopSequence[]> {
    const out = new Map<string, StopSequence[]>();
    for (const [model, byMetric] of this.sequences) {
      out.set(
        model,
        [...byMetric].map(([metric, s]) => ({ metric, interval: s.interval() })),
      );
    }
    return out;
  }
}
