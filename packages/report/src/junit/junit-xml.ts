/** One JUnit test case: a threshold, or a gated metric of a comparison. */
export interface JunitCase {
  /** the case's name, e.g. `f1_macro.ci_low >= 0.9 [assay-spam-nb]` */
  readonly name: string;
  /** the group the case belongs to, e.g. `assay.thresholds` or `assay.compare` */
  readonly classname: string;
  /** seconds the case took (omitted when unknown) */
  readonly timeS?: number;
  /** present when the case failed: a one-line message (value, interval, bound) and details */
  readonly failure?: { readonly message: string; readonly type: string; readonly details?: string };
  /** present when the case could not be decided (e.g. the metric has no value): its reason */
  readonly error?: { readonly message: string; readonly type: string };
  /** present when the case was not checked, with the reason */
  readonly skipped?: string;
  /** extra text shown with the case, e.g. the value and interval of a passing gate */
  readonly systemOut?: string;
}

/** One JUnit test suite: one run, or one comparison. */
export interface JunitSuite {
  /** the suite's name, e.g. `assay run spam-demo` */
  readonly name: string;
  /** its cases */
  readonly cases: readonly JunitCase[];
  /** seconds the whole suite took */
  readonly timeS?: number;
  /** ISO 8601 start time */
  readonly timestamp?: string;
  /** name/value pairs shown with the suite (settings, seeds, data set) */
  readonly properties?: Readonly<Record<string, string>>;
}

// XML 1.0 allows tab, LF, CR and the ranges below; anything else (model output may hold NUL or
// ESC) would make the whole file unreadable to Jenkins, so it is replaced.
const INVALID_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for XML element content and double-quoted attribute values. */
function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML_CHARS, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;');
}

/** Element content keeps its line breaks; attributes encode them so parsers keep them too. */
function escapeText(text: string): string {
  return escapeXml(text).replace(/&#10;/g, '\n');
}

/** Seconds as Surefire's time pattern allows: plain decimal, no exponent, no thousands commas. */
function seconds(s: number): string {
  return Number.isFinite(s) && s >= 0 ? s.toFixed(3) : '0.000';
}

function attrs(pairs: readonly (readonly [string, string | number | undefined])[]): string {
  return pairs
    .filter((p): p is readonly [string, string | number] => p[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
}

function caseXml(c: JunitCase): string {
  const open = `    <testcase${attrs([
    ['name', c.name],
    ['classname', c.classname],
    ['time', c.timeS === undefined ? undefined : seconds(c.timeS)],
  ])}`;
  const body: string[] = [];
  if (c.skipped !== undefined) body.push(`      <skipped${attrs([['message', c.skipped]])}/>`);
  if (c.error !== undefined) {
    body.push(
      `      <error${attrs([
        ['message', c.error.message],
        ['type', c.error.type],
      ])}>${escapeText(c.error.message)}</error>`,
    );
  }
  if (c.failure !== undefined) {
    body.push(
      `      <failure${attrs([
        ['message', c.failure.message],
        ['type', c.failure.type],
      ])}>${escapeText(c.failure.details ?? c.failure.message)}</failure>`,
    );
  }
  if (c.systemOut !== undefined) {
    body.push(`      <system-out>${escapeText(c.systemOut)}</system-out>`);
  }
  return body.length === 0 ? `${open}/>` : `${open}>\n${body.join('\n')}\n    </testcase>`;
}

function suiteXml(s: JunitSuite): string {
  const count = (f: (c: JunitCase) => boolean) => s.cases.filter(f).length;
  const head = `  <testsuite${attrs([
    ['name', s.name],
    ['tests', s.cases.length],
    ['failures', count((c) => c.failure !== undefined)],
    ['errors', count((c) => c.error !== undefined)],
    ['skipped', count((c) => c.skipped !== undefined)],
    ['time', s.timeS === undefined ? undefined : seconds(s.timeS)],
    ['timestamp', s.timestamp],
  ])}>`;
  const props = Object.entries(s.properties ?? {});
  const lines = [head];
  if (props.length > 0) {
    lines.push('    <properties>');
    for (const [name, value] of props) {
      lines.push(
        `      <property${attrs([
          ['name', name],
          ['value', value],
        ])}/>`,
      );
    }
    lines.push('    </properties>');
  }
  for (const c of s.cases) lines.push(caseXml(c));
  lines.push('  </testsuite>');
  return lines.join('\n');
}

/**
 * Writes JUnit XML (the Surefire / Jenkins form that GitLab, GitHub test reporters and Jenkins
 * read): one `<testsuite>` per suite inside `<testsuites>`, one `<testcase>` per gate.
 *
 * @param suites - the suites to write
 * @param options - `name` of the `<testsuites>` element (default `assay`)
 * @returns the XML document, UTF-8, ending with a newline
 * @remarks
 * Valid against Jenkins xunit-plugin's `junit-10.xsd` (tested with an XML Schema validator).
 * A failed gate is a `<failure>` whose `message` holds the value, interval and bound; a gate that
 * could not be decided (no value) is an `<error>`. Characters XML 1.0 forbids (NUL, ESC, ...)
 * become U+FFFD so that model output can never make the file unreadable.
 * @example
 * const xml = junitXml([
 *   {
 *     name: 'assay run demo',
 *     cases: [
 *       { name: 'accuracy >= 0.9', classname: 'assay.thresholds' },
 *       {
 *         name: 'f1_macro.ci_low >= 0.95',
 *         classname: 'assay.thresholds',
 *         failure: { message: 'f1_macro.ci_low = 0.93 (f1_macro 0.95 [0.93, 0.97]) < 0.95', type: 'threshold' },
 *       },
 *     ],
 *   },
 * ]);
 * xml.includes('failures="1"'); // true
 */
export function junitXml(suites: readonly JunitSuite[], options: { name?: string } = {}): string {
  const all = suites.flatMap((s) => s.cases);
  const total = suites.reduce((t, s) => t + (s.timeS ?? 0), 0);
  const head = `<testsuites${attrs([
    ['name', options.name ?? 'assay'],
    ['tests', all.length],
    ['failures', all.filter((c) => c.failure !== undefined).length],
    ['errors', all.filter((c) => c.error !== undefined).length],
    ['time', seconds(total)],
  ])}>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${head}\n${suites.map(suiteXml).join('\n')}\n</testsuites>\n`;
}
