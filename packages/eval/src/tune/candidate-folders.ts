import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { type Candidate, gridCandidates } from './candidates.js';

/** The file in each candidate folder that says whose results it holds. */
export const CANDIDATE_RECORD = 'candidate.json';

/** Where candidate folders of an earlier search's other candidates are moved to. */
export const SUPERSEDED_DIR = 'superseded';

/** `c2-r1`, `c0-o1-r0`, `c3-b1-r2`, `c4-test`: a candidate's evaluation folder. */
const FOLDER = /^c(\d+)-(?:o\d+-)?(?:b\d+-)?(?:r\d+|test)$/;

/** The candidate folders listed in a warning before the rest are counted. */
const NAMED = 8;

/**
 * A digest of a candidate's settings as evaluated (`file:` values by their text), so a folder's
 * results are known to be this candidate's even when a file behind a value changed.
 *
 * @param candidate - the candidate
 * @returns the SHA-256 of its settings, the keys of every object in them sorted
 * @example
 * settingsDigest(gridCandidates({ a: [1, 2] })[0]) === settingsDigest(gridCandidates({ a: [1] })[0]); // true
 */
export function settingsDigest(candidate: Pick<Candidate, 'settings'>): string {
  return createHash('sha256')
    .update(JSON.stringify(sortedKeys(candidate.settings)))
    .digest('hex');
}

/** A value with every object's keys sorted, at any depth: key order in YAML means nothing. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  return entries
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => [k, sortedKeys(v)]);
}

/** `search.space` as written (`file:` values by their name). */
type Space = Readonly<Record<string, readonly unknown[]>>;

/** A candidate folder's `candidate.json`. */
interface CandidateRecord {
  readonly candidate: number;
  readonly settingsSha256: string;
  /** the space of the search that wrote the folder */
  readonly space: Space;
}

/**
 * Writes `candidate.json` into an evaluation's folder before it runs: which candidate, a
 * digest of its settings and the search's space, so a later search with another space can tell
 * its own results from those of an earlier candidate of the same number.
 *
 * @param dir - the evaluation's folder (created when missing)
 * @param candidate - the candidate evaluated there
 * @param space - the search's `search.space` as written
 * @example
 * await recordCandidate(join(dir, 'c0-r0'), gridCandidates(setup.space)[0], setup.search.space);
 * JSON.parse(readFileSync(join(dir, 'c0-r0', 'candidate.json'), 'utf8')).candidate; // 0
 */
export async function recordCandidate(
  dir: string,
  candidate: Candidate,
  space: Space,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeRecord(dir, {
    candidate: candidate.index,
    settingsSha256: settingsDigest(candidate),
    space,
  });
}

async function writeRecord(dir: string, record: CandidateRecord): Promise<void> {
  await writeFile(join(dir, CANDIDATE_RECORD), `${JSON.stringify(record, null, 2)}\n`);
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

const isSpace = (v: unknown): v is Space =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function readRecord(folder: string): CandidateRecord | undefined {
  const json = readJson(join(folder, CANDIDATE_RECORD)) as Partial<CandidateRecord> | undefined;
  if (typeof json?.settingsSha256 !== 'string' || !isSpace(json.space)) return undefined;
  return json as CandidateRecord;
}

/** The space in the folder's tune.json: all that folders written before records had. */
function tuneJsonSpace(outDir: string): Space | null {
  const space = (readJson(join(outDir, 'tune.json')) as { space?: unknown } | undefined)?.space;
  return isSpace(space) ? space : null;
}

/** A candidate's evaluation folder, and its record when it has one. */
interface Folder {
  readonly name: string;
  readonly path: string;
  readonly index: number;
  readonly record: CandidateRecord | undefined;
}

function candidateFolders(candidatesDir: string): Folder[] {
  if (!existsSync(candidatesDir)) return [];
  return readdirSync(candidatesDir)
    .filter((name) => FOLDER.test(name) && statSync(join(candidatesDir, name)).isDirectory())
    .sort()
    .map((name) => {
      const path = join(candidatesDir, name);
      return { name, path, index: Number(FOLDER.exec(name)![1]), record: readRecord(path) };
    });
}

/** A candidate's settings as written in `search.space` (`file:` values by their name). */
function asWritten(
  space: Readonly<Record<string, readonly unknown[]>>,
  c: Candidate,
): Record<string, unknown> {
  return Object.fromEntries(Object.entries(c.valueIndex).map(([p, j]) => [p, space[p]![j]]));
}

/**
 * Whether a candidate folder holds results of another candidate than this search's of that
 * number: by the folder's `candidate.json` when it has one; else (a folder written before the
 * record existed) by the space in tune.json; when neither says, it is kept.
 */
function isStale(
  folder: Folder,
  grid: readonly Candidate[],
  space: Space,
  tuneJson: Space | null,
): boolean {
  const current = grid[folder.index];
  if (folder.record !== undefined)
    return current === undefined || folder.record.settingsSha256 !== settingsDigest(current);
  if (tuneJson === null) return false;
  const before = gridCandidates(tuneJson)[folder.index];
  if (current === undefined || before === undefined) return true;
  return !isDeepStrictEqual(asWritten(tuneJson, before), asWritten(space, current));
}

/** A value of the space in a message: a long one (a whole prompt) cut to its start. */
function shortValue(v: unknown): string {
  const text = JSON.stringify(v) ?? String(v);
  return text.length <= 40 ? text : `${text.slice(0, 37)}…`;
}

/** `prompt.maxFieldChars [40, 300, 3000] → [40, 300, 1000, 3000]`, one part per changed key. */
function spaceChanges(
  before: Readonly<Record<string, readonly unknown[]>>,
  now: Readonly<Record<string, readonly unknown[]>>,
): string {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(now)])];
  const show = (v: readonly unknown[] | undefined) =>
    v === undefined ? 'absent' : `[${v.map(shortValue).join(', ')}]`;
  return keys
    .filter((k) => !isDeepStrictEqual(before[k], now[k]))
    .map((k) => `${k} ${show(before[k])} → ${show(now[k])}`)
    .join(', ');
}

/**
 * Before a search sends anything into an output folder an earlier search used: warns when its
 * `search.space` differs from the one recorded there (the candidate folders' `candidate.json`,
 * else tune.json), and moves aside every
 * candidate folder whose results belong to another candidate than this search's of that
 * number (into `superseded/<time>/`), so that `candidates/` holds this search's results only:
 * a rerun that never reaches such a folder (its candidate pruned earlier) left the old
 * candidate's results under the new one's name. Moved folders keep their journals, so what
 * they paid for still counts in the folder's total; their answers stay in the response cache.
 *
 * @param outDir - the search's output folder
 * @param grid - this search's candidates
 * @param space - this search's `search.space` as written
 * @returns the warnings (none when the folder is new or the space unchanged)
 * @example
 * await setAsideStaleCandidates(join(dir, 'new-search'), gridCandidates(setup.space), setup.search.space); // []
 */
export async function setAsideStaleCandidates(
  outDir: string,
  grid: readonly Candidate[],
  space: Space,
): Promise<string[]> {
  const candidatesDir = join(outDir, 'candidates');
  const folders = candidateFolders(candidatesDir);
  const tuneJson = tuneJsonSpace(outDir);
  const recorded = folders.flatMap((f) => (f.record === undefined ? [] : [f.record.space]));
  const earlier = recorded.find((s) => !isDeepStrictEqual(s, space)) ?? tuneJson;
  const warnings: string[] = [];
  if (earlier !== null && !isDeepStrictEqual(earlier, space))
    warnings.push(
      `search.space differs from the one an earlier search recorded in this output folder, ${outDir} (${spaceChanges(earlier, space)}), so a candidate number may now name other settings.`,
    );
  const stale = folders.filter((f) => isStale(f, grid, space, tuneJson));
  // the folders kept are this search's: their records take its space, so no rerun warns again
  for (const f of folders)
    if (!stale.includes(f) && f.record !== undefined && !isDeepStrictEqual(f.record.space, space))
      await writeRecord(f.path, { ...f.record, space });
  if (stale.length === 0) return warnings;
  const to = join(outDir, SUPERSEDED_DIR, new Date().toISOString().replace(/[:.]/g, '-'));
  await mkdir(to, { recursive: true });
  for (const f of stale) await rename(f.path, join(to, f.name));
  const names = stale.map((f) => f.name);
  const more = names.length > NAMED ? `, and ${names.length - NAMED} more` : '';
  warnings.push(
    `${names.length} candidate folder${names.length === 1 ? '' : 's'} in ${candidatesDir} held the results of an earlier search's candidate of the same number with other settings (${names.slice(0, NAMED).join(', ')}${more}): moved to ${to}, so that candidates/ holds this search's results only; what they paid for still counts in this folder's total, and their answers stay in the response cache.`,
  );
  return warnings;
}
