import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { type JunitSuite, junitXml } from '../src/index.js';
import { HOSTILE } from './support/generation-results.js';

const XSD = readFileSync(
  new URL('../../../test-support/fixtures/junit-10.xsd', import.meta.url),
  'utf8',
);

async function schemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'junit.xml', contents: xml }],
    schema: [{ fileName: 'junit-10.xsd', contents: XSD }],
  });
  return result.errors.map((e) => e.rawMessage);
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
});

const SUITE: JunitSuite = {
  name: 'assay run spam-demo',
  timeS: 12.5,
  timestamp: '2026-12-04T23:00:00Z',
  properties: { config: 'examples/demo.yaml', seed: '0' },
  cases: [
    { name: 'accuracy >= 0.9 [nb]', classname: 'assay.thresholds', systemOut: 'accuracy 0.962' },
    {
      name: 'f1_macro.ci_low >= 0.97 [nb]',
      classname: 'assay.thresholds',
      failure: {
        message: 'f1_macro.ci_low = 0.951 (f1_macro 0.959 [0.951, 0.967]) < 0.97',
        type: 'threshold',
        details: 'value 0.959\ninterval [0.951, 0.967]\nbound 0.97',
      },
    },
    {
      name: 'roc_auc >= 0.9 [nb]',
      classname: 'assay.thresholds',
      error: { message: 'roc_auc has no value: needs scores', type: 'no-value' },
    },
    { name: 'p95_latency_ms <= 800 [nb]', classname: 'assay.thresholds', skipped: 'not checked' },
  ],
};

describe('junitXml', () => {
  it('writes a document that the Jenkins JUnit schema accepts', async () => {
    expect(await schemaErrors(junitXml([SUITE]))).toEqual([]);
  });

  it('is rejected by the schema when a required attribute is missing, so the check can fail', async () => {
    const broken = junitXml([SUITE]).replace(/ failures="1" errors="1" skipped/, ' skipped');
    expect((await schemaErrors(broken)).length).toBeGreaterThan(0);
  });

  it('counts tests, failures, errors and skipped cases per suite and overall', () => {
    const doc = parser.parse(junitXml([SUITE, { name: 'empty', cases: [] }]));
    expect(doc.testsuites).toMatchObject({ tests: '4', failures: '1', errors: '1' });
    const [suite, empty] = doc.testsuites.testsuite;
    expect(suite).toMatchObject({ tests: '4', failures: '1', errors: '1', skipped: '1' });
    expect(empty).toMatchObject({ tests: '0', failures: '0' });
    expect(suite.properties.property).toEqual([
      { name: 'config', value: 'examples/demo.yaml' },
      { name: 'seed', value: '0' },
    ]);
  });

  it('keeps the numbers of a failure in its message and details', () => {
    const doc = parser.parse(junitXml([SUITE]));
    const failed = doc.testsuites.testsuite[0].testcase[1];
    expect(failed.failure.message).toBe(
      'f1_macro.ci_low = 0.951 (f1_macro 0.959 [0.951, 0.967]) < 0.97',
    );
    expect(failed.failure['#text']).toContain('interval [0.951, 0.967]');
  });

  it('escapes markup and replaces characters XML forbids, staying schema-valid', async () => {
    const nasty = `${HOSTILE} \u0000\u001b[31m "quoted" & <tag>`;
    const xml = junitXml([
      {
        name: nasty,
        cases: [{ name: nasty, classname: 'c', failure: { message: nasty, type: 't' } }],
      },
    ]);
    expect(xml).not.toContain('<script>');
    expect(await schemaErrors(xml)).toEqual([]);
    const doc = parser.parse(xml);
    const message: string = doc.testsuites.testsuite[0].testcase[0].failure.message;
    expect(message).toContain('<script>window.__pwned = 1</script>');
    expect(message).toContain('\uFFFD\uFFFD[31m "quoted" & <tag>');
  });
});
