import type { PairableRun } from './pairable-run.js';

/**
 * Reads `--model`: a name both runs have, or `<baseline model>:<candidate model>` for a model
 * renamed between the runs (`nb:nb-v2`). A name that itself holds `:` and is in both runs is
 * taken whole; otherwise the first split whose halves name a model of each run is used, else
 * the first whose baseline half does (so that the refusal names the candidate's unknown name).
 *
 * @param model - the flag's value, if given
 * @param baseline - the baseline run
 * @param candidate - the candidate run
 * @returns the model wanted of each run (absent when not given)
 * @example
 * modelPair('nb:nb', baseline, candidate); // { baseline: 'nb', candidate: 'nb' }
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
  const splits: [string, string][] = [];
  for (let i = model.indexOf(':'); i > 0; i = model.indexOf(':', i + 1))
    splits.push([model.slice(0, i), model.slice(i + 1)]);
  const both = splits.find(([a, b]) => namesA.includes(a) && namesB.includes(b));
  // a baseline model with an unknown candidate name: the refusal then names the candidate's
  const half = both ?? splits.find(([a]) => namesA.includes(a));
  return half === undefined
    ? { baseline: model, candidate: model }
    : { baseline: half[0], candidate: half[1] };
}
