import { EvaluationError } from '../errors.js';
import type { PredictionRow } from '../run/prediction-row.js';
import { modelPair } from './model-pair.js';
import type { PairableRun } from './pairable-run.js';

import { positiveLabelDifference, runDifferences, sameItems } from './run-differences.js';

/** Options of {@link pairRuns}. */
export interface PairRunsOptions {
  /** the model to compare in both runs (`--model`) */
  readonly model?: string | undefined;
  /** without `model`: the baseline's and the candidate's model, each its run's first when absent */
  readonly models?: { readonly baseline?: string; readonly candidate?: string } | undefined;
  /** compare runs of different tasks, label sets or data sets (`--allow-different-data`) */
  readonly allowDifferentData: boolean;
  /**
   * what a refusal tells the user to do; default `compare runs of the same task and data, or
   * pass --allow-different-data` (a run's `vs baseline` check has no such flag)
   */
  readonly remedy?: string | undefined;
}

/** Items of one run that the other run does not have. */
export interface UnpairedItems {
  /** how many (fold, item, sample[, permutation]) keys */
  readonly count: number;
  /** the first few item ids, in file order */
  readonly ids: readonly string[];
}

/** The two runs' rows of the compared model, paired item by item. */
export interface PairedRuns {
  /** the baseline model's name */
  readonly modelA: string;
  /** the candidate model's name */
  readonly modelB: string;
  /** why these models were chosen, when a run has several */
  readonly modelNote: string | null;
  /** paired rows: `rowsA[i]` and `rowsB[i]` are the same item, fold, sample and prompt variant */
  readonly rowsA: readonly PredictionRow[];
  readonly rowsB: readonly PredictionRow[];
  /** keys only the baseline has */
  readonly onlyBaseline: UnpairedItems;
  /** keys only the candidate has */
  readonly onlyCandidate: UnpairedItems;
  /** notes on what differs but was allowed (`--allow-different-data`) */
  readonly differences: readonly string[];
  /** what was paired although it looked different (the same items read from another path) */
  readonly pairingNotes: readonly string[];
}

/** Ids listed for unpaired items; the count says how many there are in all. */
export const UNPAIRED_IDS_SHOWN = 5;

const keyOf = (r: PredictionRow): string =>
  `${r.fold}\u0000${r.id}\u0000${r.sample ?? 0}\u0000${r.permutation ?? 0}`;

function refuse(message: string, path: string): never {
  throw new EvaluationError('RUNS_DIFFER', message, { path });
}

function pickModel(run: PairableRun, side: string, wanted: string | undefined): string {
  const names = run.results.models.map((m) => m.name);
  if (wanted !== undefined && !names.includes(wanted)) {
    refuse(
      `--model ${wanted}: the ${side} run (${run.resultsFile}) has no model ${wanted}; it has ${names.join(', ')} (a model renamed between the runs: --model <baseline model>:<candidate model>).`,
      '--model',
    );
  }
  const name = wanted ?? names[0];
  if (name === undefined) refuse(`The ${side} run (${run.resultsFile}) has no model.`, side);
  return name;
}

function unpaired(rows: readonly PredictionRow[], other: ReadonlySet<string>): UnpairedItems {
  const missing = rows.filter((r) => !other.has(keyOf(r)));
  return {
    count: missing.length,
    ids: [...new Set(missing.map((r) => r.id))].slice(0, UNPAIRED_IDS_SHOWN),
  };
}

/** Paired items (ids) whose expected answer, or whose text, differs between the runs. */
interface DifferingItems {
  readonly expected: Set<string>;
  readonly text: Set<string>;
}

/**
 * The notes on paired items that differ in their expected answer or text (allowed by
 * `--allow-different-data`): each count says what differs, so an item whose expected answer
 * differs is never said to share it.
 */
function differingItemNotes(differing: DifferingItems): string[] {
  const allowed = 'paired because of --allow-different-data';
  const items = (n: number): string => `${n} paired item${n === 1 ? '' : 's'}`;
  const notes: string[] = [];
  const { expected, text } = differing;
  if (expected.size > 0) {
    const alsoText = [...expected].filter((id) => text.has(id)).length;
    const retexted =
      alsoText === 0
        ? ''
        : `, ${alsoText === expected.size ? 'all' : alsoText} of them with different text too`;
    notes.push(
      `${items(expected.size)} ${expected.size === 1 ? 'expects' : 'expect'} a different answer in the two runs (the same id${retexted}; ${allowed})`,
    );
  }
  const textOnly = [...text].filter((id) => !expected.has(id)).length;
  if (textOnly > 0) {
    notes.push(
      `${items(textOnly)} ${textOnly === 1 ? 'holds' : 'hold'} different text in the two runs (the same id and expected answer; ${allowed})`,
    );
  }
  return notes;
}

/**
 * The rows of the baseline's model with their candidate row, in baseline order; refuses an
 * item whose expected answer or text differs unless different data are allowed.
 */
function pairRows(
  sideA: readonly PredictionRow[],
  byKeyB: ReadonlyMap<string, PredictionRow>,
  allowDifferentData: boolean,
  remedy: string,
): { rowsA: PredictionRow[]; rowsB: PredictionRow[]; differing: DifferingItems } {
  const rowsA: PredictionRow[] = [];
  const rowsB: PredictionRow[] = [];
  const differing: DifferingItems = { expected: new Set(), text: new Set() };
  for (const r of sideA) {
    const other = byKeyB.get(keyOf(r));
    if (other === undefined) continue;
    if (other.expected !== r.expected) differing.expected.add(r.id);
    if (other.expected !== r.expected && !allowDifferentData) {
      refuse(
        `Item ${r.id} (fold ${r.fold}) expects ${JSON.stringify(r.expected)} in the baseline but ${JSON.stringify(other.expected)} in the candidate: the data sets differ; ${remedy}.`,
        'candidate',
      );
    }
    if (differentInput(r, other)) {
      if (!allowDifferentData) {
        refuse(
          `Item ${r.id} (fold ${r.fold}) holds different text in the baseline and the candidate (its text and choices hash to ${r.itemHash} and ${other.itemHash}): the data sets differ although the ids and expected answers agree; ${remedy}.`,
          'candidate',
        );
      }
      differing.text.add(r.id);
    }
    rowsA.push(r);
    rowsB.push(other);
  }
  return { rowsA, rowsB, differing };
}

/** The side whose rows record no `itemHash` while the other's do, or null. */
function unhashedSide(
  sideA: readonly PredictionRow[],
  sideB: readonly PredictionRow[],
): 'baseline' | 'candidate' | null {
  const hashed = (rows: readonly PredictionRow[]) =>
    rows.some((r) => typeof r.itemHash === 'string');
  if (hashed(sideA) === hashed(sideB)) return null;
  return hashed(sideA) ? 'candidate' : 'baseline';
}

/** Whether two paired rows read items with different text (files that record it). */
function differentInput(a: PredictionRow, b: PredictionRow): boolean {
  return (
    typeof a.itemHash === 'string' && typeof b.itemHash === 'string' && a.itemHash !== b.itemHash
  );
}

/**
 * Pairs two runs' predictions item by item, after checking that they can be compared.
 *
 * @param baseline - the baseline run
 * @param candidate - the candidate run
 * @param options - the model(s) to compare (`--model`), and whether different data are allowed
 * @returns the paired rows, what only one run has, and the chosen models
 * @throws EvaluationError `RUNS_DIFFER` when the runs used different tasks, label sets or
 *   data sets (unless `allowDifferentData`), different positive labels (always: the scores
 *   are of different classes), when `--model` names a model one run lacks, or
 *   when no item is in both runs, or an item's expected answer or text (its `itemHash`, where
 *   both files record it) differs between them
 * @remarks
 * Rows pair on (fold, item id, sample index, prompt variant); a key only one run has is
 * counted and its first ids listed, never dropped silently. Data read from another path pair
 * when the items (ids, expected answers) of one run are all in the other. `--model a:b`
 * pairs the baseline's model a with the candidate's b. Without `--model` each run's
 * first model is compared, and the note says so when a run has several, or when the two runs'
 * only models are named differently.
 * @example
 * const paired = pairRuns(baseline, candidate, { allowDifferentData: false });
 * paired.rowsA.length; // 40
 */
export function pairRuns(
  baseline: PairableRun,
  candidate: PairableRun,
  options: PairRunsOptions,
): PairedRuns {
  // another task type scores other things: no flag makes such runs comparable
  const otherType = baseline.results.task.type !== candidate.results.task.type;
  const remedy =
    options.remedy ??
    (otherType
      ? 'compare runs of the same task type (--allow-different-data allows other labels or data, not another task type)'
      : 'compare runs of the same task and data, or pass --allow-different-data');
  // the same items read from a data file at another path are the same data
  const moved = sameItems(baseline, candidate);
  const differences = runDifferences(baseline, candidate, moved);
  if (differences.length > 0 && (!options.allowDifferentData || otherType)) {
    refuse(
      `Cannot compare ${baseline.resultsFile} with ${candidate.resultsFile}: ${differences.join('; ')}; ${remedy}.`,
      'candidate',
    );
  }
  // never allowed: the values compare would show are not the runs' own
  const positive = positiveLabelDifference(baseline, candidate);
  if (positive !== null) {
    refuse(
      `Cannot compare ${baseline.resultsFile} with ${candidate.resultsFile}: ${positive}; rerun one of them with the other's task.positiveLabel.`,
      'candidate',
    );
  }
  const pairingNotes =
    moved && runDifferences(baseline, candidate).length > differences.length
      ? [
          `the data files lie at different paths (${baseline.results.dataset.source} and ${candidate.results.dataset.source}) but hold the same items (ids and expected answers): paired as the same data`,
        ]
      : [];
  const picked = modelPair(options.model, baseline, candidate);
  const modelA = pickModel(baseline, 'baseline', picked.baseline ?? options.models?.baseline);
  const modelB = pickModel(candidate, 'candidate', picked.candidate ?? options.models?.candidate);
  const several = [baseline, candidate].some((r) => r.results.models.length > 1);
  const chosen = options.model !== undefined || options.models !== undefined;
  const modelNote = chosen
    ? null
    : several
      ? `comparing model ${modelA} (baseline) with ${modelB} (candidate), each run's first model; choose another with --model`
      : modelA !== modelB
        ? `comparing model ${modelA} (baseline) with ${modelB} (candidate): each run has one model and they are named differently`
        : null;
  const sideA = baseline.rows.filter((r) => r.model === modelA);
  const sideB = candidate.rows.filter((r) => r.model === modelB);
  const byKeyB = new Map(sideB.map((r) => [keyOf(r), r]));
  const { rowsA, rowsB, differing } = pairRows(sideA, byKeyB, options.allowDifferentData, remedy);
  if (rowsA.length === 0) {
    refuse(
      `${baseline.resultsFile} and ${candidate.resultsFile} share no item (paired by fold, item id, sample and prompt variant); compare runs of the same data and evaluation method.`,
      'candidate',
    );
  }
  const unchecked = unhashedSide(sideA, sideB);
  if (unchecked !== null) {
    pairingNotes.push(
      `the ${unchecked}'s predictions.arrow records no item text fingerprints (item_hash; written before they existed), so the items' text was not compared, only their ids and expected answers`,
    );
  }
  pairingNotes.push(...differingItemNotes(differing));
  const onlyBaseline = unpaired(sideA, new Set(byKeyB.keys()));
  const onlyCandidate = unpaired(sideB, new Set(sideA.map(keyOf)));
  const split = splitNote(baseline, candidate, onlyBaseline.count + onlyCandidate.count);
  if (split !== null) pairingNotes.push(split);
  return {
    modelA,
    modelB,
    modelNote,
    rowsA,
    rowsB,
    onlyBaseline,
    onlyCandidate,
    differences: options.allowDifferentData ? differences : [],
    pairingNotes,
  };
}

/**
 * Why predictions went unpaired when the runs split their items differently: rows pair on
 * their fold, so a run of every item once against a repeated cross-validation pairs only
 * where the folds coincide (15 of 60 items), and the cause deserves its own words.
 */
function splitNote(
  baseline: PairableRun,
  candidate: PairableRun,
  unpairedCount: number,
): string | null {
  const split = (r: PairableRun) => {
    const e = r.results.config.evaluation as { method?: unknown } | undefined;
    const folds = new Set(r.rows.map((row) => row.fold)).size;
    return { method: String(e?.method ?? 'default'), folds };
  };
  const a = split(baseline);
  const b = split(candidate);
  if (unpairedCount === 0 || (a.method === b.method && a.folds === b.folds)) return null;
  return `the runs split the items differently (baseline: evaluation.method ${a.method}, ${a.folds} fold${a.folds === 1 ? '' : 's'}; candidate: ${b.method}, ${b.folds} fold${b.folds === 1 ? '' : 's'}): predictions pair on their fold, so those in folds only one run has are unpaired; compare runs of the same evaluation method to pair every item`;
}
