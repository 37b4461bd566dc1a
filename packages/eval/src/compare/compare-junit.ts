import { type JunitCase, junitXml } from '@assay/report';
import type { CompareResult } from './compare-result.js';
import { brokenRules, metricFacts } from './decide-compare.js';
import { notComparedCause } from './not-compared.js';
import { unpairedPercent, unpairedProblem, unpairedShare } from './unpaired-gate.js';

/**
 * The JUnit XML of a comparison: one test case per gated metric, a failure (with both
 * values, the difference, its interval and the p-values) for each metric that fails a rule, an
 * error for each metric named with `--metric` that could not be compared; a passing case
 * carries the caveats the last line names after `but`. A comparison that fails without a
 * failing metric (no metric could be compared) gets one failed case that says why.
 *
 * @param r - the comparison
 * @returns the XML document (`@assay/report`'s `junitXml`, one suite `assay compare`)
 * @example
 * compareJunit(result).startsWith('<?xml'); // true
 */
export function compareJunit(r: CompareResult): string {
  // a pass names what it rests on (predictions left out, a run not representative), as the
  // last line does after 'but'
  const caveat = r.decision.exitCode === 0 ? /; but (.*)$/.exec(r.decision.reason)?.[1] : undefined;
  const pair = `[${r.candidate.model} vs ${r.baseline.model}]`;
  const cases: JunitCase[] = r.metrics
    .filter((m) => m.gated)
    .map((m) => {
      const facts = metricFacts(m, r.settings.ci, r.settings);
      const name = `${m.metric} ${pair}`;
      if (!m.failed)
        return {
          name,
          classname: 'assay.compare',
          systemOut: caveat === undefined ? facts : `${facts}; but ${caveat}`,
        };
      const rule = brokenRules(m, r.settings);
      return {
        name,
        classname: 'assay.compare',
        failure: {
          message: `${rule}: ${facts}`,
          type: m.nonInferior === false ? 'non-inferiority' : 'regression',
        },
      };
    });
  // a metric named with --metric that has no paired value fails the comparison: CI must see it
  for (const metric of r.settings.uncomparedMetrics ?? []) {
    cases.push({
      name: `${metric} ${pair}`,
      classname: 'assay.compare',
      error: {
        message: `${metric} could not be compared, so its gate cannot pass: ${notComparedCause(metric)}`,
        type: 'not-compared',
      },
    });
  }
  // --max-unpaired is a gate of its own: its case fails with the counts, or says the share
  const unpaired = unpairedCase(r, pair);
  if (unpaired !== undefined) cases.push(unpaired);
  // a failing comparison must never read as an empty (passing) suite in CI: when no case
  // failed, the reason of the exit code is the one failing case
  if (
    r.decision.exitCode !== 0 &&
    !cases.some((c) => c.failure !== undefined || c.error !== undefined)
  ) {
    cases.push({
      name: `comparison ${pair}`,
      classname: 'assay.compare',
      failure: { message: r.decision.reason, type: 'not-compared' },
    });
  }
  return junitXml(
    [
      {
        name: `assay compare ${r.baseline.name} vs ${r.candidate.name}`,
        cases,
        properties: {
          baseline: r.baseline.results,
          candidate: r.candidate.results,
          pairedItems: String(r.pairedItems),
          bootstrap: String(r.settings.bootstrap),
          seed: String(r.settings.seed),
          adjustment: r.settings.adjustment,
        },
      },
    ],
    { name: 'assay compare' },
  );
}

/** The case of `--max-unpaired`, when it was given. */
function unpairedCase(r: CompareResult, pair: string): JunitCase | undefined {
  const max = r.settings.maxUnpaired;
  if (max === undefined || max === null) return undefined;
  const counts = {
    pairedItems: r.pairedItems,
    unpaired: { baseline: r.onlyBaseline.count, candidate: r.onlyCandidate.count },
  };
  const name = `unpaired predictions ${pair}`;
  const problem = unpairedProblem(counts, max);
  if (problem !== undefined)
    return { name, classname: 'assay.compare', failure: { message: problem, type: 'unpaired' } };
  const share = unpairedShare(counts);
  return {
    name,
    classname: 'assay.compare',
    systemOut: `${unpairedPercent(share)} of the predictions in one run only, within --max-unpaired ${max}`,
  };
}
