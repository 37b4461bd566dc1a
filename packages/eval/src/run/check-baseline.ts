import { realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ComparedRun } from '../compare/load-compared-run.js';
import type { PairableRun } from '../compare/pairable-run.js';
import { positiveLabelDifference, runDifferences } from '../compare/run-differences.js';
import type { RunConfig } from '../config/run-config-schema.js';
import { EvaluationError } from '../errors.js';
import { redactConfig } from '../summary/redact-config.js';
import { taskFor } from '../tasks/task-for.js';

/** What a refused `baseline:` tells the user to do (`assay run` has no --allow-different-data). */
export const BASELINE_REMEDY =
  'set baseline: to a run of the same task, label set, positive label and data set';

/** How this run is named in a baseline refusal: it has no results.json yet. */
export function thisRunName(config: RunConfig): string {
  return `this run (output.dir ${resolve(config.output.dir)})`;
}

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/**
 * This run as far as its configuration tells, for the checks made before any request: its
 * task, label set and data set (no rows yet).
 */
function plannedRun(config: RunConfig): PairableRun {
  const task = taskFor(config.task);
  return {
    resultsFile: thisRunName(config),
    rows: [],
    results: {
      task: { type: task.type, labels: [...task.labels], positiveLabel: task.positive },
      dataset: {
        source: config.dataset.builtin ?? config.dataset.path ?? '',
        items: 0,
        labels: {},
        groups: {},
      },
      config: redactConfig(config),
      models: config.models.map((m) => ({ name: m.name })),
    },
  };
}

/**
 * Checks the `baseline` of a run before any request and before the output directory is
 * made: it is not this run's own output directory (a run would compare with its own previous
 * results, then overwrite them), and it is of the same task, label set, positive label and
 * data set. Where the data file lies is left to the pairing after the run (the same items read
 * from another path pair).
 *
 * @param config - the run's configuration
 * @param baseline - the baseline run, as `loadBaseline` read it
 * @throws EvaluationError `INVALID_CONFIG` (the baseline is this run's output) or
 *   `RUNS_DIFFER` naming each difference, both with `path` `baseline`
 * @example
 * checkBaseline(config, await loadBaseline(candidateDir)); // undefined: the same data and task
 */
export function checkBaseline(config: RunConfig, baseline: ComparedRun): void {
  const outputDir = real(config.output.dir);
  if (real(dirname(baseline.resultsFile)) === outputDir) {
    throw new EvaluationError(
      'INVALID_CONFIG',
      `baseline: ${config.baseline} is this run's own output.dir (${outputDir}): the run would compare with its own previous results, then overwrite them; set baseline: to another run's output directory (copy the old run elsewhere first), or output.dir: to a new directory.`,
      { path: 'baseline' },
    );
  }
  const current = plannedRun(config);
  const differences = runDifferences(baseline, current, true);
  const positive = positiveLabelDifference(baseline, current);
  if (positive !== null) differences.push(positive);
  if (differences.length === 0) return;
  throw new EvaluationError(
    'RUNS_DIFFER',
    `baseline: cannot compare ${baseline.resultsFile} with ${current.resultsFile}: ${differences.join('; ')}; ${BASELINE_REMEDY}.`,
    { path: 'baseline' },
  );
}
