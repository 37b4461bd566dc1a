import { mkdir, rename, writeFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import YAML from 'yaml';
import type { PredictionRow } from '../run/prediction-row.js';
import { taskFor } from '../tasks/task-for.js';
import { gridCandidates } from './candidates.js';
import { setConfigPath } from './config-paths.js';
import { tuneHtml } from './tune-html.js';
import type { TuneResults } from './tune-results.js';
import type { TuneSetup } from './tune-setup.js';

/** The files a search writes into its output folder. */
export interface TuneFiles {
  readonly json: string;
  readonly html: string;
  /** null when no candidate won */
  readonly bestYaml: string | null;
}

async function writeAtomic(path: string, text: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, path);
}

/**
 * Writes tune.json (atomically: a killed search never leaves half a file), report.html and
 * best.yaml.
 *
 * @param setup - the tune config
 * @param results - the search's results
 * @returns the paths written
 * @example
 * const files = await writeTuneOutputs({ ...setup, base: { ...setup.base, output: { ...setup.base.output, dir } } }, tuned);
 * basename(files.bestYaml); // 'best.yaml'
 */
export async function writeTuneOutputs(setup: TuneSetup, results: TuneResults): Promise<TuneFiles> {
  const dir = setup.base.output.dir;
  await mkdir(dir, { recursive: true });
  const files: TuneFiles = {
    json: join(dir, 'tune.json'),
    html: join(dir, 'report.html'),
    bestYaml: results.winner === null ? null : join(dir, 'best.yaml'),
  };
  await writeAtomic(files.json, `${JSON.stringify(results, null, 2)}\n`);
  await writeAtomic(files.html, tuneHtml(results));
  if (files.bestYaml !== null) await writeAtomic(files.bestYaml, bestYaml(setup, results));
  return files;
}

/**
 * The metrics best.yaml lists so that its run reports the metric the winner was chosen by:
 * the config's own with the metric after them; when the config lists none, unchanged if the
 * task reports the metric by default, else the task's default set and the metric.
 */
function bestMetrics(
  setup: TuneSetup,
  raw: Record<string, unknown>,
  metric: string,
): unknown[] | undefined {
  const listed = (raw.evaluation as { metrics?: unknown } | undefined)?.metrics;
  if (Array.isArray(listed)) return listed.includes(metric) ? undefined : [...listed, metric];
  const task = taskFor(setup.base.task);
  // scored rows add roc_auc, log_loss and brier_score to a binary task's defaults
  const scoredRows = [{ score: 0.5 } as PredictionRow];
  const scored = ((raw.models as unknown[] | undefined) ?? []).some(
    (m) => (m as { params?: { logprobs?: unknown } } | null)?.params?.logprobs === true,
  );
  if (task.defaultMetrics(scored ? scoredRows : []).includes(metric)) return undefined;
  return [...task.defaultMetrics(scored ? scoredRows : []), metric];
}

/**
 * best.yaml: the run config with the winner's settings (file values inlined), its data set path
 * absolute, its output in `<tune dir>/best` and the search's response cache (so the items the
 * search already asked cost nothing): `assay run best.yaml` accepts it unchanged. Its
 * `evaluation.metrics` carry the search's metric (after the config's own; a config that lists
 * none gets the task's default set and the metric, where the defaults lack it). The search's
 * `search.constraints` become thresholds of the run (after the config's own, without
 * repeats): a constraint is a threshold expression (the search checks it as the candidate
 * run's threshold), so the run checks what the winner was chosen to meet. A tuned decision
 * threshold (`search.threshold`) is never put into it (a run config has no field for one): its
 * header repeats the search's verdict, which keeps the model's own answers unless the
 * threshold improved on the held-out items.
 *
 * @param setup - the tune config
 * @param results - the search's results (with a winner)
 * @returns the YAML text
 * @example
 * YAML.parse(bestYaml(setup, tuned)).prompt.template; // '{{text}}'
 */
export function bestYaml(setup: TuneSetup, results: TuneResults): string {
  const winner = gridCandidates(setup.space)[results.winner!.index]!;
  let raw: Record<string, unknown> = setup.raw;
  for (const [path, value] of Object.entries(winner.settings))
    raw = setConfigPath(raw, path, value);
  const dataset = { ...(raw.dataset as Record<string, unknown>) };
  if (typeof dataset.path === 'string' && !isAbsolute(dataset.path))
    dataset.path = resolve(setup.baseDir, dataset.path);
  const dir = setup.base.output.dir;
  const thresholds = bestThresholds(raw, setup.search.constraints);
  const evaluation = { ...(raw.evaluation as Record<string, unknown> | undefined) };
  const metrics = bestMetrics(setup, raw, results.metric);
  if (metrics !== undefined) evaluation.metrics = metrics;
  const out = {
    ...raw,
    dataset,
    evaluation,
    output: { ...(raw.output as object | undefined), dir: join(dir, 'best') },
    cache: join(dir, 'cache.sqlite'),
    ...(thresholds.length === 0 ? {} : { thresholds }),
  };
  const header = [
    `# Written by assay tune (${results.strategy}, metric ${results.metric}): the winning candidate c${winner.index}`,
    `# ${results.winner!.label}`,
    ...(setup.search.constraints.length === 0 ? [] : constraintsHeader(results)),
    ...thresholdHeader(results),
    '# Run it with: assay run best.yaml',
    `# It evaluates all ${results.items.total} items (tuning and test parts together), so its score is`,
    "# neither the summary's tuning score nor its test score (the honest estimate).",
  ].join('\n');
  return `${header}\n${YAML.stringify(out, { lineWidth: 0 })}`;
}

/**
 * What best.yaml says of the search's constraints: that the winner met them only where its
 * evaluations checked them and it passed; a test evaluation that missed one, or items too few
 * to check one, are named, not covered by "met".
 */
function constraintsHeader(results: TuneResults): string[] {
  const w = results.winner!;
  const parts: string[] = [];
  const tuningUnchecked = w.tuning.constraintsUnchecked ?? [];
  if (tuningUnchecked.length > 0)
    parts.push(`not checked on its ${w.tuning.items} tuning items: ${tuningUnchecked.join('; ')}`);
  if (w.test !== null) {
    if (w.test.constraintFailures.length > 0)
      parts.push(
        `missed on its ${w.test.items} test items: ${w.test.constraintFailures.join('; ')}`,
      );
    const unchecked = w.test.constraintsUnchecked ?? [];
    if (unchecked.length > 0)
      parts.push(`not checked on its ${w.test.items} test items: ${unchecked.join('; ')}`);
  }
  const head = "# thresholds: the config's own, then search.constraints";
  if (parts.length === 0) return [`${head} (the winner met them)`];
  return [
    `${head}; the winner met those checked on the items it was chosen on, but:`,
    ...parts.map((p) => `#   ${p}`),
  ];
}

/**
 * What best.yaml says of a tuned decision threshold: a run config has no field for one, so the
 * run always reports the model's own answers; the header repeats the search's verdict (keep
 * them, or apply the threshold to the scores), never a threshold that did not improve.
 */
function thresholdHeader(results: TuneResults): string[] {
  const t = results.threshold;
  if (t === null) return [];
  const run =
    t.use === 'tuned'
      ? "# A run config has no threshold field: this run reports the model's own answers; apply the threshold to the scores (score in predictions.arrow)."
      : "# A run config has no threshold field: this run reports the model's own answers.";
  return [`# Decision threshold: ${t.verdict}`, run];
}

/** The config's own thresholds, then the search's constraints not among them. */
function bestThresholds(raw: Record<string, unknown>, constraints: readonly string[]): string[] {
  const own = Array.isArray(raw.thresholds) ? (raw.thresholds as string[]) : [];
  return [...own, ...constraints.filter((c) => !own.includes(c))];
}
