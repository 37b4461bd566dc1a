import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { validateXML } from 'xmllint-wasm';

/** Jenkins xunit-plugin's JUnit schema, the one GitLab and Jenkins read. */
const XSD = readFileSync(
  new URL('../../../test-support/fixtures/junit-10.xsd', import.meta.url),
  'utf8',
);

/**
 * The messages of an XML Schema validator (libxml2 in WebAssembly) about a JUnit file.
 *
 * @param xml - the file's text
 * @returns one message per schema violation, empty for a valid file
 * @example
 * expect(await junitSchemaErrors(readFileSync('junit.xml', 'utf8'))).toEqual([]);
 */
export async function junitSchemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'junit.xml', contents: xml }],
    schema: [{ fileName: 'junit-10.xsd', contents: XSD }],
  });
  return result.errors.map((e) => e.rawMessage);
}

/** One `<testcase>` as the parser reads it (attributes by name, elements as nested objects). */
export interface ParsedCase {
  name: string;
  classname: string;
  failure?: { message: string; type: string };
  error?: { message: string; type: string };
  'system-out'?: string;
}

/** One parsed `<testsuite>`. */
export interface ParsedSuite {
  name: string;
  tests: string;
  failures: string;
  errors: string;
  testcase?: ParsedCase[];
}

/**
 * Reads a JUnit file back with a real XML parser (fast-xml-parser): attributes without a
 * prefix, suites, cases and properties always as arrays.
 *
 * @param xml - the file's text
 * @returns the `<testsuites>` element
 * @example
 * parseJunit(xml).testsuite[0].testcase.length;
 */
export function parseJunit(xml: string): { tests: string; testsuite: ParsedSuite[] } {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
  });
  return (parser.parse(xml) as { testsuites: { tests: string; testsuite: ParsedSuite[] } })
    .testsuites;
}
