import { type JunitCase, junitXml } from '@assay/report';
import type { CompareResult } from './compare-result.js';
import { brokenRules, metricFacts } from './decide-compare.js';

/**
 * The JUnit XML of a comparison: one test case per gated metric, a failure (with both
 * values, the difference, its interval and the p-values) for each metric that fails a rule.
 *
 * @param r - the comparison
 * @returns the XML document (`@assay/report`'s `junitXml`, one suite `assay compare`)
 * @example
 * writeFileSync('compare.junit.xml', compareJunit(result));
 */
export function compareJunit(r: CompareResult): string {
  const cases: JunitCase[] = r.metrics
    .filter((m) => m.gated)
    .map((m) => {
      const facts = metricFacts(m, r.settings.ci, r.settings);
      const name = `${m.metric} [${r.candidate.model} vs ${r.baseline.model}]`;
      if (!m.failed) return { name, classname: 'assay.compare', systemOut: facts };
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
