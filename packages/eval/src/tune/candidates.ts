import { createRng } from '@assay/splitters';

/** One point of the search space: a value for every varied path. */
export interface Candidate {
  /** position in the grid (stable across reruns: names the candidate's output folder) */
  readonly index: number;
  /** path -> value, in the order of `search.space` (a `file:` value holds the file's text) */
  readonly settings: Readonly<Record<string, unknown>>;
  /** path -> the value's position in its `search.space` list */
  readonly valueIndex: Readonly<Record<string, number>>;
}

/**
 * Every point of the grid, the last path varying fastest (as scikit-learn's `ParameterGrid`
 * with the keys in the given order).
 *
 * @param space - path -> values
 * @returns the candidates, indexed from 0
 * @example
 * gridCandidates({ a: [1, 2], b: ['x'] }).length; // 2
 */
export function gridCandidates(space: Readonly<Record<string, readonly unknown[]>>): Candidate[] {
  let points: { settings: Record<string, unknown>; valueIndex: Record<string, number> }[] = [
    { settings: {}, valueIndex: {} },
  ];
  for (const [path, values] of Object.entries(space)) {
    points = points.flatMap((p) =>
      values.map((v, j) => ({
        settings: { ...p.settings, [path]: v },
        valueIndex: { ...p.valueIndex, [path]: j },
      })),
    );
  }
  return points.map((p, index) => ({ index, ...p }));
}

/**
 * `n` distinct candidates drawn without replacement from the grid (seeded), in grid order.
 *
 * @param grid - every candidate
 * @param n - how many (all of them when n >= the grid)
 * @param seed - the draw's seed
 * @returns the drawn candidates
 * @example
 * randomCandidates(gridCandidates({ a: [1, 2, 3] }), 2, 0).length; // 2
 */
export function randomCandidates(grid: readonly Candidate[], n: number, seed: number): Candidate[] {
  if (n >= grid.length) return [...grid];
  const rng = createRng(seed >>> 0);
  const pool = [...grid];
  for (let j = 0; j < n; j++) {
    const r = j + Math.floor(rng.nextFloat() * (pool.length - j));
    [pool[j], pool[r]] = [pool[r]!, pool[j]!];
  }
  return pool.slice(0, n).sort((a, b) => a.index - b.index);
}

/**
 * A short label of a candidate's settings, e.g. `maxFieldChars=300 temperature=0`.
 *
 * @param settings - path -> value
 * @returns the last key of each path with its value (file values by file name)
 * @example
 * candidateLabel({ 'prompt.maxFieldChars': 300, 'prompt.template': 'file:prompts/a.txt' });
 * // 'maxFieldChars=300 template=a.txt'
 */
export function candidateLabel(settings: Readonly<Record<string, unknown>>): string {
  return Object.entries(settings)
    .map(([path, v]) => `${path.split('.').pop()}=${valueLabel(v)}`)
    .join(' ');
}

/** A file value by its file name, other text cut to 24 characters, anything else as JSON. */
function valueLabel(v: unknown): string {
  if (typeof v !== 'string') return JSON.stringify(v);
  if (v.startsWith('file:')) return v.slice('file:'.length).split('/').pop() ?? v;
  const flat = v.replace(/\s+/g, ' ');
  return flat.length > 24 ? `${flat.slice(0, 23)}…` : flat;
}
