import { RunnerError } from '../errors.js';
import { checkScoreInputs } from '../metrics/check-score-inputs.js';
import { countsByTallies } from '../metrics/confusion-limits.js';
import type { MetricSpec } from '../metrics/metric-spec.js';
import { resolveMetrics } from '../metrics/registry.js';
import { addWarnings } from './add-warning.js';
import type { ScoreColumns } from './score-columns.js';
import type { ScoreJob } from './score-job.js';

/** A job's metrics: the report's values are in the order of `specs` and `names`. */
export interface JobMetrics {
  readonly specs: readonly MetricSpec[];
  /** Registry names of `specs`, in order. */
  readonly names: readonly string[];
  /** Names of the row-based metrics (each computed whole by one worker per selection). */
  readonly rowNames: readonly string[];
}

function precheck(specs: readonly MetricSpec[], columns: ScoreColumns): void {
  const k = columns.classes.length;
  const byTallies = countsByTallies(columns);
  const zero = () => new Float64Array(k);
  for (const spec of specs) {
    try {
      if (spec.kind === 'rows') spec.compute(columns, Uint32Array.of(0));
      else if (byTallies) {
        // a metric without a tally form is NaN with a warning later, not a configuration error
        spec.computeTallies?.({ tp: zero(), predicted: zero(), actual: zero() }, columns);
      } else spec.compute(new Float64Array(k * k), k, columns);
    } catch (error) {
      // configuration problems (wrong task, missing input) surface before any task runs;
      // data-dependent failures are reported per metric as warnings later
      if (error instanceof RunnerError) throw error;
    }
  }
}

/**
 * The metrics a rows task computes on a selection: the row-based ones, and the
 * confusion metrics too when no counting pass counted that selection (too many
 * classes or cells for K×K tables; see `fitsCountingPass`).
 *
 * @param job - the job
 * @param metrics - the job's metrics
 * @param counted - whether a counting pass gave the selections' confusion counts
 * @returns registry names, in the job's order
 */
export function rowTaskNames(job: ScoreJob, metrics: JobMetrics, counted: boolean): string[] {
  if (counted || job.columns.task !== 'classification') return [...metrics.rowNames];
  return [...metrics.names];
}

/**
 * Resolves the job's metrics against its columns and tries each on a single
 * row, so that a metric the inputs cannot support fails before any task runs.
 *
 * @param job - the prepared job
 * @returns the metrics
 * @throws {@link RunnerError} for an unknown metric or one the inputs do not support, and
 *   `INVALID_PROBABILITY` for scores or probabilities a metric cannot read (see
 *   `checkScoreInputs`)
 */
export function resolveJobMetrics(job: ScoreJob): JobMetrics {
  const { columns } = job;
  const specs = resolveMetrics(job.options.metrics, {
    task: columns.task,
    scores: columns.yScore !== null,
    proba: columns.yProba !== null,
    nClasses: columns.classes.length,
  });
  precheck(specs, columns);
  if (columns.yScore !== null && columns.yProba === null && columns.isPositive === null) {
    // a single score column ranks one class against the rest: only a binary target has one
    const warning = `--y-score is read only for a binary target, and this one has ${columns.classes.length} classes, so no ranking metric uses it; pass one probability column per class with --y-proba for roc_auc_ovr.`;
    addWarnings(job.warnings, [warning]);
  }
  if (columns.yScore !== null && columns.yProba !== null) {
    // two sources of scores: each metric reads one, and nothing said which
    const warning =
      '--y-score and --y-proba are both given: metrics of one score column (roc_auc, average_precision, brier_score) read --y-score, and metrics of class probabilities (log_loss, roc_auc_ovr, roc_auc_ovo, top_k_accuracy) read --y-proba; pass one of them for every metric to read the same scores.';
    addWarnings(job.warnings, [warning]);
  }
  for (const warning of checkScoreInputs(
    columns,
    specs.map((s) => s.name),
    job.prepared.keptRows,
  )) {
    addWarnings(job.warnings, [warning]);
  }
  return {
    specs,
    names: specs.map((s) => s.name),
    rowNames: specs.filter((s) => s.kind === 'rows').map((s) => s.name),
  };
}
