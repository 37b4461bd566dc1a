import type { PairableRun } from './pairable-run.js';

/**
 * Reads `--model`: a name both runs have, or `<baseline model>:<candidate model>` for a model
 * renamed between the runs (`nb:nb-v2`). A name that itself holds `:` and is in both runs is
 * taken whole; otherwise the first split whose halves name a model of each run is used.
 *
 * @param model - the flag's value, if given
 * @param baseline - the baseline run
 * @param candidate - the candidate run
 * @returns the model wanted of each run (absent when not given)
 * @example
 * modelPair('nb:nb-v2', baseline, candidate); // { baseline: 'nb', candidate: 'nb-v2' }
 */
export function modelPair(
  model: string | undefined,
  baseline: PairableRun,
  candidate: PairableRun,
): { baseline?: string; candidate?: string } {
  if (model === undefined) return {};
  const namesA = baseline.results.models.map((m) => m.name);
  const namesB = candidate.results.models.map((m) => m.name);
  if (namesA.includes(model) && namesB.includes(model))
    return { baseline: model, candidate: model };
  for (let i = model.indexOf(':'); i > 0; i = model.indexOf(':', i + 1)) {
    const [a, b] = [model.slice(0, i), model.slice(i + 1)];
    if (namesA.includes(a) && namesB.includes(b)) return { baseline: a, candidate: b };
  }
  return { baseline: model, candidate: model };
}
