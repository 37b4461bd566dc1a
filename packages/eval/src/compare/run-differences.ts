import { HELD_OUT_GROUPS } from '@assay/spam-assassin';
import type { PairableRun } from './pairable-run.js';

/**
 * What makes two runs' data sets the same: the source and the data set section but `limit` and
 * `ids` (a smaller sample or a chosen subset of the same data pairs on the items both have, as
 * an `assay tune` candidate run of some of the items against its `best` run of them all). A
 * built-in data set without `groups` reads the held-out groups, so that default is written out:
 * a config that lists those groups reads the same items. Groups are read in corpus order, so
 * their order is not.
 */
function datasetSection(run: PairableRun): Record<string, unknown> {
  const {
    limit: _limit,
    ids: _ids,
    ...rest
  } = (run.results.config.dataset ?? {}) as Record<string, unknown>;
  const section: Record<string, unknown> = { source: run.results.dataset.source, ...rest };
  if (rest.builtin !== undefined) {
    const groups = Array.isArray(rest.groups) ? (rest.groups as string[]) : HELD_OUT_GROUPS;
    section.groups = [...groups].sort();
  }
  return section;
}

/** Characters of a value shown in a message; a longer list is cut between its entries. */
const SHOWN_CHARS = 80;

function shown(value: unknown): string {
  if (value === undefined) return '(not set)';
  if (Array.isArray(value)) return shownList(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS - 1)}…` : text;
}

/** A list, whole when short, else its first entries and how many there are: never a cut entry. */
function shownList(values: readonly unknown[]): string {
  const entries = values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  const whole = `[${entries.join(', ')}]`;
  if (whole.length <= SHOWN_CHARS) return whole;
  const head: string[] = [];
  for (const e of entries) {
    if ([...head, e].join(', ').length > SHOWN_CHARS / 2) break;
    head.push(e);
  }
  return `[${head.length > 0 ? `${head.join(', ')}, ` : ''}… ${entries.length} entries in all]`;
}

/** The keys that locate a data file rather than say what it holds. */
const LOCATION_KEYS: ReadonlySet<string> = new Set(['source', 'path']);

/**
 * The items of a run as (item id, expected answer) pairs, sorted: what a data set is for a
 * comparison, whatever path it was read from.
 */
function itemIdentity(run: PairableRun): string[] {
  const seen = new Set(run.rows.map((r) => `${r.id}\u0000${r.expected ?? ''}`));
  return [...seen].sort();
}

/**
 * Whether two runs read the same items from data files at different paths (a copy, another
 * checkout): one run's (item id, expected answer) pairs all in the other's. A smaller
 * `dataset.limit` of the same file is a subset too.
 *
 * @param a - one run (rows needed)
 * @param b - the other run
 * @returns true when the item ids and expected answers of one run are all in the other's
 */
export function sameItems(a: PairableRun, b: PairableRun): boolean {
  const ia = itemIdentity(a);
  const ib = itemIdentity(b);
  if (ia.length === 0 || ib.length === 0) return false;
  const [small, large] = ia.length <= ib.length ? [ia, new Set(ib)] : [ib, new Set(ia)];
  return small.every((k) => large.has(k));
}

/**
 * Each key of the two data set sections that differs, as `dataset.<key> <a> against <b>`.
 *
 * @param a - the baseline
 * @param b - the candidate
 * @param ignoreLocation - leave out where the data file is (`source`, `dataset.path`): the
 *   runs' items were found to be the same ({@link sameItems}), or are checked later
 * @returns the differences, empty when the data sets are the same
 */
export function datasetDifferences(
  a: PairableRun,
  b: PairableRun,
  ignoreLocation = false,
): string[] {
  const sa = datasetSection(a);
  const sb = datasetSection(b);
  const keys = [...new Set([...Object.keys(sa), ...Object.keys(sb)])];
  return keys
    .filter((k) => !(ignoreLocation && LOCATION_KEYS.has(k) && sa.builtin === undefined))
    .filter((k) => JSON.stringify(sa[k]) !== JSON.stringify(sb[k]))
    .map(
      (k) =>
        `${k === 'source' ? 'source' : `dataset.${k}`} ${shown(sa[k])} against ${shown(sb[k])}`,
    );
}

/**
 * The positive labels of two binary runs, when they differ: the scores a run keeps are
 * P(its positive label), so its ROC AUC, log loss, precision and recall read the other class.
 *
 * @param a - the baseline
 * @param b - the candidate
 * @returns the sentence naming both, or null when they agree (or a run has none)
 */
export function positiveLabelDifference(a: PairableRun, b: PairableRun): string | null {
  const pa = a.results.task.positiveLabel ?? null;
  const pb = b.results.task.positiveLabel ?? null;
  if (pa === null || pb === null || pa === pb) return null;
  return `the positive labels differ (task.positiveLabel ${pa} in the baseline, ${pb} in the candidate: each run's scores are the probability of its own positive label, and its precision, recall, ROC AUC and log loss are of that class, so the two runs' values of those metrics are not of the same thing)`;
}

/**
 * The differences in task, label set and data set that make a comparison meaningless.
 *
 * @param a - the baseline
 * @param b - the candidate
 * @param ignoreLocation - leave where the data file lies out (see {@link datasetDifferences})
 * @returns one sentence per difference
 */
export function runDifferences(a: PairableRun, b: PairableRun, ignoreLocation = false): string[] {
  const out: string[] = [];
  if (a.results.task.type !== b.results.task.type) {
    out.push(`the baseline is a ${a.results.task.type} task, the candidate ${b.results.task.type}`);
  }
  const labelsA = [...a.results.task.labels].sort().join(', ');
  const labelsB = [...b.results.task.labels].sort().join(', ');
  if (labelsA !== labelsB) {
    out.push(`the label sets differ ([${labelsA}] against [${labelsB}])`);
  }
  const dataset = datasetDifferences(a, b, ignoreLocation);
  if (dataset.length > 0) out.push(`the data sets differ (${dataset.join('; ')})`);
  return out;
}
