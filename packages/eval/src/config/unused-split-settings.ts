import { obj } from './loose-read.js';

/** The `evaluation` settings that only some methods read. */
export type SplitSetting = 'k' | 'testSize' | 'repeats';

/** The `evaluation` fields that say which split settings the method reads. */
export interface SplitSettingFields {
  readonly method: string;
  readonly k?: number | undefined;
  readonly testSize?: number | undefined;
  readonly repeats?: number | undefined;
  readonly testIds?: readonly string[] | undefined;
  /**
   * the split settings the configuration wrote (the others are defaults nobody asked for);
   * default: those {@link markWrittenSplitSettings} recorded for this section, else none
   */
  readonly splitSettingsWritten?: readonly SplitSetting[] | undefined;
}

/**
 * The split settings each parsed `evaluation` section wrote, beside it rather than in it: a
 * configuration is validated again after a spread (`assay tune`'s candidates, a changed
 * setting), and the strict schema refuses a key it does not know. A copy made by a spread has
 * none, so its warnings are those of the configuration it was parsed from.
 */
const WRITTEN = new WeakMap<object, readonly SplitSetting[]>();

/**
 * Records which of `evaluation.k`, `testSize` and `repeats` a raw configuration wrote, for
 * {@link unusedSplitSettingWarnings} on its parsed `evaluation` section.
 *
 * @param evaluation - the parsed `evaluation` section
 * @param raw - the configuration as parsed from YAML or JSON, before defaults
 * @returns `evaluation` itself
 * @example
 * const evaluation = markWrittenSplitSettings({ method: 'stratified', k: 5, repeats: 3 }, { evaluation: { repeats: 3 } });
 * unusedSplitSettingWarnings(evaluation).length; // 1
 */
export function markWrittenSplitSettings<E extends object>(evaluation: E, raw: unknown): E {
  WRITTEN.set(evaluation, writtenSplitSettings(raw));
  return evaluation;
}

/**
 * Which of `evaluation.k`, `testSize` and `repeats` a raw configuration writes.
 *
 * @param raw - the configuration as parsed from YAML or JSON, before defaults
 * @returns the settings written, in the order k, testSize, repeats
 * @remarks
 * The schema fills in every default, so the parsed configuration cannot tell a `k: 5` the
 * user wrote from the default; only a written setting that the method ignores deserves a
 * warning.
 * @example
 * writtenSplitSettings({ evaluation: { repeats: 3, seed: 1 } }); // ['repeats']
 */
export function writtenSplitSettings(raw: unknown): SplitSetting[] {
  const evaluation = obj(obj(raw).evaluation);
  return (['k', 'testSize', 'repeats'] as const).filter((key) => evaluation[key] !== undefined);
}

/** Why the method ignores the setting, and what to do, or null when the method reads it. */
function unusedBecause(setting: SplitSetting, e: SplitSettingFields): string | null {
  const { method } = e;
  switch (setting) {
    case 'k':
      // every method that makes folds reads k; 'all' and 'holdout' make one part
      return method === 'all' || method === 'holdout'
        ? "only the methods that make k folds ('kfold', 'stratified', 'group', 'repeated-stratified', 'timeseries') read k; set one of them as method or remove k"
        : null;
    case 'testSize':
      if (method === 'holdout') {
        return e.testIds === undefined
          ? null
          : 'evaluation.testIds names the test part instead; remove testSize or testIds';
      }
      return "only 'holdout' reads testSize (a k-fold method tests about 1/k of the items per fold); set method: holdout or remove testSize";
    case 'repeats':
      return method === 'repeated-stratified'
        ? null
        : "only 'repeated-stratified' repeats its folds; set method: repeated-stratified or remove repeats";
  }
}

/**
 * The run warnings of `evaluation.k`, `testSize` or `repeats` written for a method that does
 * not read them: `k` is read by the methods that make folds (not `all` or `holdout`),
 * `testSize` by `holdout` alone (and not with `testIds`), `repeats` by `repeated-stratified`
 * alone.
 *
 * @param evaluation - the resolved `evaluation` section with the settings it wrote
 * @returns one warning per ignored setting written (empty when none)
 * @example
 * unusedSplitSettingWarnings({ method: 'stratified', k: 5, testSize: 0.2, repeats: 3, splitSettingsWritten: ['repeats'] });
 * // ["evaluation.repeats 3 is ignored by evaluation.method 'stratified': only 'repeated-stratified' repeats its folds; …"]
 */
export function unusedSplitSettingWarnings(evaluation: SplitSettingFields): string[] {
  const warnings: string[] = [];
  for (const setting of evaluation.splitSettingsWritten ?? WRITTEN.get(evaluation) ?? []) {
    const because = unusedBecause(setting, evaluation);
    if (because === null) continue;
    warnings.push(
      `evaluation.${setting} ${evaluation[setting]} is ignored by evaluation.method '${evaluation.method}': ${because}.`,
    );
  }
  return warnings;
}
