import type { ModelResult } from '@assay/report';
import { bootstrapPBound } from './bootstrap-p-floor.js';
import type { CompareDecision } from './compare-result.js';

/** What the caveats of a comparison are read from. */
export interface CaveatFacts {
  /** paired predictions, and those left out because a request failed on either side */
  readonly pairedItems: number;
  readonly failedPairs: number;
  /** answered on both sides, but left out of the metrics on one (a regression answer without a number) */
  readonly unscoredPairs?: number;
  /** predictions of one run with no partner in the other (runs of different items) */
  readonly unpaired?: { readonly baseline: number; readonly candidate: number };
  /** the compared models, with the run each comes from */
  readonly baseline: { readonly run: string; readonly model: ModelResult };
  readonly candidate: { readonly run: string; readonly model: ModelResult };
}

/**
 * What a passing comparison must not hide: predictions left out because a request failed, and
 * a run that its own `assay run` marked not representative (too many failed or unparseable
 * answers), whose metrics cover only part of its items.
 *
 * @param facts - the paired counts and the two models' results
 * @returns one sentence per caveat, or none
 * @example
 * const side = (run) => ({ run: run.resultsFile, model: run.results.models[0] });
 * comparisonCaveats({ pairedItems: 400, failedPairs: 29, baseline: side(baseline), candidate: side(candidate) });
 * // ['29 of 400 paired predictions (7.3%) were left out: a request failed in either run', …]
 */
export function comparisonCaveats(facts: CaveatFacts): string[] {
  const share = (n: number): string => ((100 * n) / Math.max(1, facts.pairedItems)).toFixed(1);
  const out: string[] = [];
  if (facts.failedPairs > 0)
    out.push(
      `${facts.failedPairs} of ${facts.pairedItems} paired predictions (${share(facts.failedPairs)}%) were left out: a request failed in either run`,
    );
  const unscored = facts.unscoredPairs ?? 0;
  if (unscored > 0)
    out.push(
      `${unscored} of ${facts.pairedItems} paired predictions (${share(unscored)}%) were left out of the metrics: an answer without a number in either run`,
    );
  const unpaired = facts.unpaired;
  // a comparison of a few shared items reads as one of the whole runs unless said
  const only =
    unpaired === undefined
      ? undefined
      : unpairedSentence(facts.pairedItems, [
          [unpaired.baseline, "the baseline's"],
          [unpaired.candidate, "the candidate's"],
        ]);
  if (only !== undefined) out.push(only);
  return [...out, ...runCaveats(facts)];
}

/**
 * The sentence that says how few predictions two runs paired, when some of either run's have
 * no partner in the other (runs of different items): `assay compare`'s note and the caveat of
 * an `assay run` threshold `vs baseline`.
 *
 * @param paired - predictions paired
 * @param sides - per run, its predictions without a partner and whose they are (`"the baseline's"`)
 * @param pairedWith - what they were paired with, after `paired` (e.g. ` with the baseline run`)
 * @returns the sentence, or undefined when every prediction found its partner
 * @example
 * unpairedSentence(40, [[60, "this run's"], [0, "the baseline's"]], ' with the baseline run');
 * // "only 40 predictions were paired with the baseline run: 60 of this run's have no partner in the other run"
 */
export function unpairedSentence(
  paired: number,
  sides: readonly (readonly [number, string])[],
  pairedWith = '',
): string | undefined {
  const named = sides.filter(([n]) => n > 0).map(([n, whose]) => `${n} of ${whose}`);
  if (named.length === 0) return undefined;
  return `only ${paired} predictions were paired${pairedWith}: ${named.join(' and ')} have no partner in the other run`;
}

/**
 * The caveats about the compared runs themselves: each one its own `assay run` marked not
 * representative (the notes' part of {@link comparisonCaveats}; the left-out predictions are on
 * the table's `paired:` line already).
 *
 * @param facts - the two models' results
 * @returns one sentence per such run
 * @example
 * const side = (run) => ({ run: run.resultsFile, model: run.results.models[0] });
 * runCaveats({ baseline: side(baseline), candidate: side(candidate) }); // []
 */
export function runCaveats(facts: Pick<CaveatFacts, 'baseline' | 'candidate'>): string[] {
  const out: string[] = [];
  for (const [role, s] of [
    ['baseline', facts.baseline],
    ['candidate', facts.candidate],
  ] as const) {
    const why = s.model.notRepresentative ?? [];
    if (why.length > 0) {
      out.push(
        `the ${role} run ${s.run} (model ${s.model.name}) is marked not representative by its own run: ${why[0]}`,
      );
    }
  }
  return out;
}

/**
 * A decision whose exit code the caveats leave as it is, but whose reason names them when it
 * would otherwise read as a clean pass (or as nothing checked).
 *
 * @param decision - the decision of the rules
 * @param caveats - from {@link comparisonCaveats}
 * @returns the decision, its reason extended on exit 0
 * @example
 * withCaveats({ exitCode: 0, reason: 'PASS: ...' }, ['29 of 400 ...']).reason; // 'PASS: …; but 29 of 400 …'
 */
export function withCaveats(
  decision: CompareDecision,
  caveats: readonly string[],
): CompareDecision {
  if (decision.exitCode !== 0 || caveats.length === 0) return decision;
  return { ...decision, reason: `${decision.reason}; but ${caveats.join('; ')}` };
}

/** A compared metric's figures that {@link intervalTestDisagree} reads. */
interface IntervalAndTest {
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
  readonly pValue: number | null;
  readonly test: string | null;
}

/**
 * Whether a metric's interval and its test disagree about a difference from 0: the interval
 * excludes 0 while the test's p is at least alpha, or the other way round.
 *
 * @param m - the metric's interval, p-value and test
 * @param alpha - the significance level
 * @param bootstrap - the resamples, to read a bootstrap p of 0 as its bound 2/B
 * @returns true when only one of them finds a difference
 * @example
 * intervalTestDisagree({ ciLow: -0.04, ciHigh: -0.005, pValue: 0.25, test: 'mcnemar' }, 0.05); // true
 */
export function intervalTestDisagree(
  m: IntervalAndTest,
  alpha: number,
  bootstrap?: number,
): boolean {
  if (m.ciLow === null || m.ciHigh === null || m.pValue === null) return false;
  const excludesZero = m.ciLow > 0 || m.ciHigh < 0;
  // a bootstrap p of 0 says p < 2/B, which is what the decision reads
  const p =
    m.test === 'bootstrap' && bootstrap !== undefined
      ? bootstrapPBound(m.pValue, bootstrap)
      : m.pValue;
  return excludesZero !== p < alpha;
}

/**
 * Metrics whose interval and test disagree (the interval excludes 0 while the test's p is at
 * least alpha, or the other way round): near the edge, with few discordant items, the two
 * methods can fall on either side. Said, so neither is read alone.
 *
 * @param metrics - the compared metrics
 * @param alpha - the significance level, 1 − ci
 * @param bootstrap - the resamples, so a bootstrap p of 0 reads as its bound 2/B
 * @returns the note, or none
 * @example
 * disagreementNote([{ metric: 'accuracy', ciLow: 0.004, ciHigh: 0.047, pValue: 0.125, test: 'mcnemar' }], 0.05);
 * // ['the interval and the test disagree for accuracy (mcnemar): …']
 */
export function disagreementNote(
  metrics: readonly {
    metric: string;
    ciLow: number | null;
    ciHigh: number | null;
    pValue: number | null;
    test: string | null;
  }[],
  alpha: number,
  bootstrap?: number,
): string[] {
  const split = metrics.filter((m) => intervalTestDisagree(m, alpha, bootstrap));
  if (split.length === 0) return [];
  return [
    `the interval and the test disagree for ${split.map((m) => `${m.metric} (${m.test})`).join(', ')}: only one of them finds a difference from 0 at ${alpha}; --fail-on regression follows the test, --margin the interval`,
  ];
}

/**
 * The note for a bootstrap too small to reach alpha: its p-values are at least 2/B, so with
 * fewer than 2/alpha resamples (40 at 0.05) no bootstrap test can find a difference, however
 * large (`--bootstrap 20` passed a drop of 0.28 in f1_macro whose interval lay below 0).
 *
 * @param bootstrap - the resamples
 * @param alpha - the significance level, 1 − ci
 * @returns the note, or none
 * @example
 * fewResamplesNote(20, 0.05); // ['--bootstrap 20: a bootstrap p-value is at least 2/20 = 0.1, …']
 */
export function fewResamplesNote(bootstrap: number, alpha: number): string[] {
  if (!(bootstrap > 0) || 2 / bootstrap < alpha) return [];
  return [
    `--bootstrap ${bootstrap}: a bootstrap p-value is at least 2/${bootstrap} = ${Number((2 / bootstrap).toPrecision(3))}, not below alpha ${alpha}, so no metric tested by the bootstrap can be found worse however large its drop; use --bootstrap 1000 or more (the intervals still show the difference)`,
  ];
}

/**
 * The note for a permutation test too small to reach alpha, as {@link fewResamplesNote} for the
 * bootstrap: with P random sign assignments its p-value is at least 2/(P + 1) (the observed
 * assignment counts in both tails), so with fewer than 2/alpha − 1 (39 at 0.05) no metric it
 * tests can be found worse (`--permutations 10` passed token_f1 and rougeL drops whose
 * intervals lay below 0).
 *
 * @param permutations - the random sign assignments (`--permutations`)
 * @param alpha - the significance level, 1 − ci
 * @param tested - the compared metrics that the permutation test tested
 * @returns the note, or none
 * @example
 * fewPermutationsNote(10, 0.05, ['token_f1']); // ['--permutations 10: a permutation p-value is at least 2/11 = 0.182, …']
 */
export function fewPermutationsNote(
  permutations: number,
  alpha: number,
  tested: readonly string[],
): string[] {
  const floor = 2 / (permutations + 1);
  if (tested.length === 0 || floor < alpha) return [];
  return [
    `--permutations ${permutations}: a permutation p-value is at least 2/${permutations + 1} = ${Number(floor.toPrecision(3))}, not below alpha ${alpha}, so no metric tested by the permutation test (${tested.join(', ')}) can be found worse however large its drop; use the default --permutations 9999 (the intervals still show the difference)`,
  ];
}
