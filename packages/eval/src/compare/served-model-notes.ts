import type { RunResults } from '@assay/report';

/** One side of a comparison as its served-model notes read it. */
interface ServedSide {
  readonly role: 'baseline' | 'candidate';
  readonly results: Pick<RunResults, 'models' | 'servedModelMismatches'>;
  /** the compared model's name in that run */
  readonly model: string;
}

/** The model id asked for, and the id that answered every answer (the asked one unless the service named another for all). */
function servedId(s: ServedSide): { asked: string; served: string; mismatch: string | null } {
  const asked = s.results.models.find((m) => m.name === s.model)?.model ?? s.model;
  const off = (s.results.servedModelMismatches ?? []).filter(
    (m) => m.role === 'model' && m.name === s.model,
  );
  const all = off.length === 1 && off[0]!.count === off[0]!.of ? off[0]!.served : null;
  const mismatch =
    off.length === 0
      ? null
      : `the ${s.role}'s model ${s.model} asked for ${asked}, but the service named ${off.map((m) => `${m.served} on ${m.count} of ${m.of} answers`).join(', ')} (servedModelMismatches in its results.json): its figures are of the model that answered`;
  return { asked, served: all ?? asked, mismatch };
}

/**
 * What a comparison must say about the models that answered: a side whose service named
 * another model than the one asked for (as its own run warned), and two sides answered by the
 * same model id though they asked for different ones, which compares a model with itself.
 *
 * @param baseline - the baseline's results and compared model
 * @param candidate - the candidate's results and compared model
 * @returns the notes, and the caveat a passing decision must carry (null when none)
 * @example
 * const run = (model, served) => ({ models: [{ name: 'nb', model }], servedModelMismatches: served === model ? [] : [{ role: 'model', path: 'models[0].model', name: 'nb', asked: model, served, count: 200, of: 200 }] });
 * servedModelNotes({ results: run('assay-spam-nb', 'assay-spam-nb'), model: 'nb' }, { results: run('gpt-4o', 'assay-spam-nb'), model: 'nb' }).caveat;
 * // 'both runs were answered by assay-spam-nb, though the candidate asked for gpt-4o'
 */
export function servedModelNotes(
  baseline: Omit<ServedSide, 'role'>,
  candidate: Omit<ServedSide, 'role'>,
): { notes: string[]; caveat: string | null } {
  const a = servedId({ ...baseline, role: 'baseline' });
  const b = servedId({ ...candidate, role: 'candidate' });
  const notes = [a.mismatch, b.mismatch].filter((n): n is string => n !== null);
  if (notes.length === 0) return { notes, caveat: null };
  if (a.served === b.served && a.asked !== b.asked) {
    const which =
      a.asked === a.served
        ? `the candidate asked for ${b.asked}`
        : b.asked === b.served
          ? `the baseline asked for ${a.asked}`
          : `the baseline asked for ${a.asked} and the candidate for ${b.asked}`;
    const caveat = `both runs were answered by ${a.served}, though ${which}`;
    notes.push(
      `${caveat}: the differences are of the prompt, the settings or chance, not of another model`,
    );
    return { notes, caveat };
  }
  if (a.mismatch !== null && b.mismatch !== null) {
    return { notes, caveat: 'the services of both runs named other models than those asked for' };
  }
  const side = b.mismatch !== null ? b : a;
  const role = b.mismatch !== null ? 'candidate' : 'baseline';
  return {
    notes,
    caveat: `the ${role}'s service named another model than the ${side.asked} asked for`,
  };
}
